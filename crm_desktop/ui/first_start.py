"""First start on an empty database: open the demo data, start empty or import contacts."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget


class FirstStartChoice(enum.Enum):
    DEMO = "demo"
    EMPTY = "empty"
    IMPORT = "import"


class FirstStartDialog(QDialog):
    def __init__(self, can_import: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome"))
        self.choice = FirstStartChoice.EMPTY
        text = QLabel(self.tr("<h3>The database is empty</h3><p>How would you like to begin?</p>"))
        text.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        options = [
            (
                FirstStartChoice.DEMO,
                self.tr("Open the demo data"),
                self.tr(
                    "A delegation trip to China with companies, people, projects "
                    "and meetings, kept in a separate demo database."
                ),
            ),
            (
                FirstStartChoice.EMPTY,
                self.tr("Start empty"),
                self.tr("Begin with your own companies and contacts."),
            ),
        ]
        if can_import:
            options.append(
                (
                    FirstStartChoice.IMPORT,
                    self.tr("Import contacts…"),
                    self.tr(
                        "From vCard, CSV or Excel files exported by a phone, Outlook or Google."
                    ),
                )
            )
        for choice, title, hint in options:
            button = QPushButton(title)
            button.setObjectName(f"first_start_{choice.value}")
            button.setToolTip(hint)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            layout.addWidget(button)
            label = QLabel(hint)
            label.setWordWrap(True)
            label.setStyleSheet("color: #555; margin-bottom: 8px;")
            layout.addWidget(label)
        self.resize(480, 300)

    def _choose(self, choice: FirstStartChoice) -> None:
        self.choice = choice
        self.accept()
