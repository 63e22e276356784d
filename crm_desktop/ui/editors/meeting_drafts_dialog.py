"""At start: meeting drafts that a crash (or a dead battery) left, offered back.

Each draft is listed with its title and when it was saved; Open shows the meeting editor
filled in from it (the draft stays until that meeting is saved or dropped), Discard
removes it after a confirmation. The window is not blocking; Later keeps every draft
for the next start.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.application.drafts import Draft, DraftStore
from crm_desktop.application.meeting_form import DRAFT_KIND, MeetingDraft
from crm_desktop.domain.errors import CrmError
from crm_desktop.ui.common.widgets_errors import crm_error_text
from crm_desktop.ui.editors.draft_autosave import pending_drafts


class MeetingDraftsDialog(QDialog):
    def __init__(
        self,
        store: DraftStore,
        drafts: list[Draft],
        open_draft: Callable[[Draft], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.drafts = list(drafts)
        self.open_draft = open_draft
        self.setWindowTitle(self.tr("Unsaved meetings"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These meetings were being edited when the program stopped "
                "unexpectedly. Open a draft to finish and save it, or "
                "discard it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Meeting"), self.tr("Draft saved")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_selected)
        self.discard_button = QPushButton(self.tr("&Discard…"))
        self.discard_button.clicked.connect(self.discard_selected)
        later = QPushButton(self.tr("&Later"))
        later.setToolTip(self.tr("Keep the drafts and offer them again at the next start"))
        later.clicked.connect(self.reject)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(later)
        layout.addLayout(buttons)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self._fill()
        self.resize(620, 320)

    def title_of(self, draft: Draft) -> str:
        data = MeetingDraft.from_json(draft.data)
        title = data.title.strip() or self.tr("(no title)")
        if data.meeting_id is None:
            return self.tr("%1 (new meeting)").replace("%1", title)
        return title

    def _fill(self) -> None:
        self.table.setRowCount(0)
        for draft in self.drafts:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(self.title_of(draft)))
            when = QTableWidgetItem(draft.saved_at.astimezone().strftime("%d.%m.%Y %H:%M"))
            when.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, 1, when)
        if self.drafts:
            self.table.selectRow(0)
        self.open_button.setEnabled(bool(self.drafts))
        self.discard_button.setEnabled(bool(self.drafts))

    def selected(self) -> Draft | None:
        row = self.table.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def _remove(self, draft: Draft) -> None:
        self.drafts.remove(draft)
        self._fill()
        if not self.drafts:
            self.accept()

    def open_selected(self) -> None:
        draft = self.selected()
        if draft is not None and self.open_draft(draft):
            self._remove(draft)

    def confirm_discard(self, draft: Draft) -> bool:
        """A separate step so tests can answer it."""
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("Discard the draft “%1”? What was typed in it is lost.").replace(
                "%1", self.title_of(draft)
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def discard_selected(self) -> None:
        draft = self.selected()
        if draft is None or not self.confirm_discard(draft):
            return
        try:
            self.store.discard(draft.kind, draft.record_id)
        except CrmError as e:
            self.error.setText(crm_error_text(e))
            self.error.show()
            return
        self._remove(draft)


def offer_meeting_drafts(
    store: DraftStore, open_draft: Callable[[Draft], bool], parent: QWidget | None = None
) -> MeetingDraftsDialog | None:
    """Show the drafts left from the last run, if any (not blocking); None when none."""
    drafts = pending_drafts(store, DRAFT_KIND)
    if not drafts:
        return None
    dialog = MeetingDraftsDialog(store, drafts, open_draft, parent)
    dialog.show()
    return dialog
