"""The pipeline board's small questions: a note for a stage move, a reason for a status."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class NoteDialog(QDialog):
    """Asks for the optional note of a stage move."""

    def __init__(
        self, project_title: str, from_stage: str, to_stage: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move project"))
        layout = QVBoxLayout(self)
        text = (
            self.tr("Move “%1” from “%2” to “%3”.")
            .replace("%1", project_title)
            .replace("%2", from_stage)
            .replace("%3", to_stage)
        )
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(QLabel(self.tr("Note (optional):")))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Why the project moves, what was decided"))
        self.note.setTabChangesFocus(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Move"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(420, 240)

    def value(self) -> str:
        return self.note.toPlainText().strip()


class ReasonDialog(QDialog):
    """Asks for the required reason of marking a project lost or on hold."""

    def __init__(
        self, title: str, prompt: str, current: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason = QPlainTextEdit(current)
        self.reason.setTabChangesFocus(True)
        layout.addWidget(self.reason)
        self.error = QLabel(self.tr("A reason is required."))
        self.error.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._check)
        self._check()
        self.resize(420, 240)

    def _check(self) -> None:
        ok = bool(self.value())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.error.setVisible(not ok)

    def value(self) -> str:
        return self.reason.toPlainText().strip()
