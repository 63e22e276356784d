"""A window around the meeting editor, opened from the meetings list and the menus.

Closing it with changes that were not saved asks first: save them, drop them (the draft
goes too) or keep editing.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

from crm_desktop.application.drafts import DraftStore
from crm_desktop.config import Settings
from crm_desktop.domain.services import Services
from crm_desktop.ui.common.screen_fit import fitted_size
from crm_desktop.ui.editors.meeting_editor import MeetingEditor


class MeetingDialog(QDialog):
    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
        drafts: DraftStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Meeting"))
        self.editor = MeetingEditor(services, settings, self, undo_stack=undo_stack, drafts=drafts)
        self.editor.saved.connect(lambda _: self.setWindowTitle(self.tr("Meeting — saved")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(fitted_size(QSize(1100, 760), parent))

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel for changes not saved yet (a separate step for tests)."""
        return QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("This meeting has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def reject(self) -> None:  # Close button, Esc and the window's close box
        if self.editor.has_unsaved_changes():
            answer = self.ask_unsaved()
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.editor.save():
                return  # the errors are shown next to the fields
        self.editor.discard_draft()  # saved, dropped on purpose, or nothing changed
        super().reject()
