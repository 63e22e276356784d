"""First start: on an empty database, open the demo data, start empty or import contacts;
then, once the team list has members, who this laptop belongs to (skippable)."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.config import Settings
from crm_desktop.domain.services import Services


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


class WhoAmIDialog(QDialog):
    """Which team member uses this laptop: preset as owner, named as compiler of memos."""

    def __init__(self, members: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("who_am_i")
        self.setWindowTitle(self.tr("Who am I"))
        text = QLabel(
            self.tr(
                "Who uses this computer? New projects, tasks and meetings get you as the "
                "responsible member, and memos name you as the compiler. You can change it "
                "later in File → Settings."
            )
        )
        text.setWordWrap(True)
        self.member = QComboBox()
        self.member.setObjectName("who_am_i_member")
        for member_id, label in members:
            self.member.addItem(label, member_id)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(self.tr("That is me"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("who_am_i_ok")
        ok.setDefault(True)
        skip = buttons.addButton(self.tr("Skip"), QDialogButtonBox.ButtonRole.RejectRole)
        skip.setObjectName("who_am_i_skip")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.member)
        layout.addWidget(buttons)
        # Wrapped labels need the height for this width (a top-level window does not
        # ask its layout for it, and the text came out clipped).
        self.resize(520, max(self.sizeHint().height(), layout.heightForWidth(520)))

    def member_id(self) -> str | None:
        return self.member.currentData()


def ask_who_am_i(services: Services, settings: Settings, parent: QWidget | None = None) -> bool:
    """Ask once (answered or skipped), when nobody is chosen yet and the team has members.
    Returns whether ``settings`` changed (the caller saves them)."""
    if settings.asked_who_am_i or settings.current_member_id:
        return False
    members = services.members.list()
    if not members:
        return False  # asked later, once the team list has members
    dialog = WhoAmIDialog(
        [(m.id, f"{m.name} — {m.position}" if m.position else m.name) for m in members], parent
    )
    if dialog.exec() == QDialog.DialogCode.Accepted:
        settings.current_member_id = dialog.member_id()
        services.ctx.member_id = settings.current_member_id
    settings.asked_who_am_i = True
    return True
