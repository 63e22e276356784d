"""The History tab of a record: every field change (old, new, who, device, when), with
"Restore this value".

    view = HistoryView(services, "company", parent)
    view.set_record(company_id)      # call again after the record is saved elsewhere
    view.value_restored.connect(...) # the detail pane reloads the record
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.services.history import HistoryItem, HistoryService
from crm_desktop.ui.common.labels import field_label, local_datetime
from crm_desktop.ui.common.widgets_errors import crm_error_text

Index = QModelIndex | QPersistentModelIndex


def value_text(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class HistoryModel(QAbstractTableModel):
    """A thin adapter over HistoryService.entries (newest first)."""

    COLUMNS = ("When", "Field", "Old value", "New value", "Who", "Device")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[HistoryItem] = []

    def set_items(self, items: list[HistoryItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.COLUMNS[section])
        return None

    def _action_text(self, item: HistoryItem) -> str:
        return {
            "create": self.tr("(created)"),
            "delete": self.tr("(moved to the Trash)"),
            "restore": self.tr("(restored from the Trash)"),
        }.get(item.action, field_label(item.field or ""))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return local_datetime(item.at)
            if col == 1:
                return self._action_text(item)
            if col == 2:
                return value_text(item.old_value) if item.action == "update" else ""
            if col == 3:
                return value_text(item.new_value) if item.action == "update" else ""
            if col == 4:
                return item.member or self.tr("(nobody chosen)")
            return item.device[:8]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (2, 3):
            return value_text(item.old_value if index.column() == 2 else item.new_value)
        return None


class HistoryView(QWidget):
    value_restored = Signal(str, str)  # field, record id: the detail pane reloads

    def __init__(self, services: Any, entity_type: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.entity_type = entity_type
        self.history = HistoryService(services.ctx, services)
        self.record_id: str | None = None
        self.model = HistoryModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.restore_button = QPushButton(self.tr("Restore this value"), self)
        self.restore_button.setToolTip(
            self.tr(
                "Set the field back to the old value of the "
                "selected change (recorded as a new change)"
            )
        )
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty = QLabel(self.tr("No changes recorded yet."), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_button)

    def set_record(self, record_id: str | None) -> None:
        self.record_id = record_id
        self.refresh()

    def refresh(self) -> None:
        items = self.history.entries(self.entity_type, self.record_id) if self.record_id else []
        self.model.set_items(items)
        self.empty.setVisible(not items)
        self.table.resizeColumnsToContents()
        self._update_button()

    def selected_item(self) -> HistoryItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.items[rows[0].row()] if rows else None

    def _update_button(self, *args: object) -> None:
        item = self.selected_item()
        self.restore_button.setEnabled(item is not None and item.restorable)

    def restore_selected(self) -> None:
        item = self.selected_item()
        if item is None or not item.restorable or self.record_id is None:
            return
        try:
            self.history.restore_value(self.entity_type, self.record_id, item.field, item.old_value)
        except CrmError as e:
            QMessageBox.warning(self, self.tr("Restore this value"), crm_error_text(e))
            return
        record_id = self.record_id
        self.refresh()
        self.value_restored.emit(item.field, record_id)
