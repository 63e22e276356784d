"""A window around the meeting editor, opened from the meetings list and the menus."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from crm_desktop.config import Settings
from crm_desktop.domain.services import Services
from crm_desktop.ui.meeting_editor import MeetingEditor


class MeetingDialog(QDialog):
    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Meeting"))
        self.editor = MeetingEditor(services, settings, self, undo_stack=undo_stack)
        self.editor.saved.connect(lambda _: self.setWindowTitle(self.tr("Meeting — saved")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(1100, 760)
