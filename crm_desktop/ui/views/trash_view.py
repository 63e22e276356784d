"""The Trash: everything deleted, newest first; Restore brings a record (and what went
with it) back, and can itself be undone."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from crm_desktop.config import Settings
from crm_desktop.domain import kinds
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.trash import TrashItem
from crm_desktop.ui.common.labels import local_datetime
from crm_desktop.ui.common.undo import RestoreCommand, perform
from crm_desktop.ui.common.view import View
from crm_desktop.ui.common.widgets_errors import crm_error_text


def trash_service(services: Services, entity_type: str) -> Any:
    return getattr(services, kinds.BY_NAME[entity_type].service)


class TrashView(View):
    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(services, settings, parent, undo_stack=undo_stack)
        self.items: list[TrashItem] = []
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("trash_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Deleted"), self.tr("Type"), self.tr("Record")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 160)
        self.table.doubleClicked.connect(lambda _: self.restore_selected())
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.restore_selected)
        hint = QLabel(
            self.tr(
                "Deleted records stay here until they are restored. Restoring "
                "a company also brings back the contacts, projects, meetings "
                "and tasks deleted with it."
            )
        )
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.refresh()

    def type_label(self, entity_type: str) -> str:
        return {
            kinds.COMPANY.name: self.tr("Company"),
            kinds.CONTACT.name: self.tr("Contact"),
            kinds.PROJECT.name: self.tr("Project"),
            kinds.MEETING.name: self.tr("Meeting"),
            kinds.TASK.name: self.tr("Task"),
            kinds.TRIP.name: self.tr("Trip"),
            kinds.SITE.name: self.tr("Site"),
            kinds.SUPPORT_MEASURE.name: self.tr("Support measure"),
            kinds.MEMBER.name: self.tr("Team member"),
        }.get(entity_type, entity_type)

    def refresh(self) -> None:
        self.items = self.services.trash.list()
        self.table.setRowCount(len(self.items))
        for r, item in enumerate(self.items):
            cells = (
                local_datetime(item.deleted_at),
                self.type_label(item.entity_type),
                item.title,
            )
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, r)
                self.table.setItem(r, c, cell)
        self.restore_button.setEnabled(bool(self.items))

    def selected(self) -> TrashItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def restore_selected(self) -> bool:
        item = self.selected()
        if item is None:
            return False
        cmd = RestoreCommand(
            trash_service(self.services, item.entity_type),
            item.id,
            self.tr("Restore %1").replace("%1", item.title),
        )
        try:
            perform(self.undo_stack, cmd, self._error)
        except CrmError as e:
            self._error(e)
            return True
        self.refresh()
        self.data_changed.emit()
        return True

    def _error(self, error: CrmError) -> None:
        QMessageBox.warning(self, self.tr("Cannot restore"), crm_error_text(error))
