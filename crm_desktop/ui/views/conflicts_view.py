"""The Conflicts view: values that lost a merge, side by side, until someone decides.

A row is one field changed on two replicas since they last met (or a record deleted on
one and edited on the other). "Mine" is what the record holds now (the newer change won
the merge); "Theirs" is the value that lost. Keep mine, Keep theirs and Edit value…
resolve it through ``application.synchronising.resolve`` (what ``crm-desktop conflicts
resolve`` calls), at the record's version when the list was read: a record changed since
opens the stale-save dialog (reload the list, or resolve over the newer record).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.application import synchronising
from crm_desktop.application.synchronising import ConflictRow, Side
from crm_desktop.config import Settings
from crm_desktop.domain.errors import ConflictError, CrmError
from crm_desktop.domain.services import Services
from crm_desktop.runtime import Runtime
from crm_desktop.ui.common.labels import entity_name, field_label, local_datetime
from crm_desktop.ui.common.stale_save_dialog import OVERWRITE, RELOAD, _field_names, ask_stale_save
from crm_desktop.ui.common.view import View
from crm_desktop.ui.common.widgets_errors import crm_error_text

# link fields of the merge, by the name the forms give them
_LINK_FIELDS = {
    "tags": "tag_ids",
    "sites": "site_ids",
    "measures": "measure_ids",
    "members": "member_ids",
    "our_participants": "member_ids",
    "their_participants": "contact_ids",
}
COLUMNS = 7  # record type, record, field, mine, theirs, mine by, theirs by


def conflict_field_label(field: str) -> str:
    name = _LINK_FIELDS.get(field, field)
    return _field_names().get(name) or field_label(name)


class ConflictsView(View):
    status_message = Signal(str)

    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(services, settings, parent, undo_stack=undo_stack)
        self.setObjectName("conflicts_view")
        self.runtime: Runtime | None = None
        self.rows: list[ConflictRow] = []
        self._stale_dialog: QWidget | None = None

        self.heading = QLabel()
        self.heading.setObjectName("conflicts_heading")
        self.heading.setWordWrap(True)
        self.show_resolved = QCheckBox(self.tr("Show resolved"))
        self.show_resolved.setObjectName("conflicts_show_resolved")
        self.show_resolved.toggled.connect(lambda _on: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.show_resolved)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("conflicts_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Mine (now)"),
                self.tr("Theirs (lost)"),
                self.tr("Mine: changed by"),
                self.tr("Theirs: changed by"),
            ]
        )
        tips = {
            3: self.tr("The value the record holds now: the newer change won the merge."),
            4: self.tr("The value that lost the merge, kept here until you decide."),
        }
        for col, tip in tips.items():
            header_item = self.table.horizontalHeaderItem(col)
            if header_item is not None:
                header_item.setToolTip(tip)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((110, 200, 150, 170, 170, 210)):
            self.table.setColumnWidth(col, width)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())

        # the detail pane: both values side by side, each with who / device / when
        self.mine_box, self.mine_value, self.mine_who = self._side_box(
            self.tr("Mine: what the record holds now")
        )
        self.theirs_box, self.theirs_value, self.theirs_who = self._side_box(
            self.tr("Theirs: the value that lost the merge")
        )
        self.detail_title = QLabel()
        self.detail_title.setObjectName("conflict_detail_title")
        self.detail_title.setWordWrap(True)
        font = self.detail_title.font()
        font.setBold(True)
        self.detail_title.setFont(font)
        sides = QHBoxLayout()
        sides.addWidget(self.mine_box, 1)
        sides.addWidget(self.theirs_box, 1)

        self.keep_mine = self._button(self.tr("Keep mine"), "conflict_keep_mine")
        self.keep_theirs = self._button(self.tr("Keep theirs"), "conflict_keep_theirs")
        self.edit_value = self._button(self.tr("Edit value…"), "conflict_edit_value")
        self.restore = self._button(self.tr("Restore the record"), "conflict_restore")
        self.keep_deleted = self._button(self.tr("Keep it deleted"), "conflict_keep_deleted")
        self.open_button = self._button(self.tr("Open the record"), "conflict_open")
        self.keep_mine.clicked.connect(lambda: self.resolve_selected("mine"))
        self.keep_theirs.clicked.connect(lambda: self.resolve_selected("theirs"))
        self.edit_value.clicked.connect(self.edit_selected)
        self.restore.clicked.connect(lambda: self.settle_selected(restore=True))
        self.keep_deleted.clicked.connect(lambda: self.settle_selected(restore=False))
        self.open_button.clicked.connect(self.open_selected)
        actions = QHBoxLayout()
        for b in (self.keep_mine, self.keep_theirs, self.edit_value, self.restore):
            actions.addWidget(b)
        actions.addWidget(self.keep_deleted)
        actions.addStretch(1)
        actions.addWidget(self.open_button)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addLayout(sides, 1)
        detail_layout.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._selection_changed()

    def _button(self, text: str, name: str) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setAutoDefault(False)
        return b

    def _side_box(self, title: str) -> tuple[QGroupBox, QLabel, QLabel]:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        value = QLabel()
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        font = value.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        value.setFont(font)
        who = QLabel()
        who.setWordWrap(True)
        grid.addWidget(value, 0, 0)
        grid.addWidget(who, 1, 0)
        grid.setRowStretch(0, 1)
        return box, value, who

    # -- data ----------------------------------------------------------------------------------
    def use_runtime(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.refresh()

    def refresh(self) -> None:
        if self.runtime is None:
            return
        current = self.current_row()
        self.rows = synchronising.conflict_rows(
            self.runtime, include_resolved=self.show_resolved.isChecked()
        )
        open_count = sum(1 for r in self.rows if not r.resolved)
        if open_count:
            self.heading.setText(
                QCoreApplication.translate(
                    "ConflictsView",
                    "%n conflict(s) from synchronisation wait for a decision. The newer "
                    "change is in the record now; the other value is kept here.",
                    "",
                    open_count,
                )
            )
        else:
            self.heading.setText(self.tr("No open conflicts: every merge so far was clean."))
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = [
                entity_name(row.entity_type).capitalize(),
                row.record,
                self._field(row),
                self.value_text(row, row.mine),
                self.value_text(row, row.theirs),
                self.who(row.mine),
                self.who(row.theirs),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if row.resolved:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(r, c, item)
        if self.rows:
            ids = [r.id for r in self.rows]
            index = ids.index(current.id) if current is not None and current.id in ids else 0
            self.table.selectRow(index)
        self._selection_changed()

    def current_row(self) -> ConflictRow | None:
        r = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= r < len(self.rows):
            return None
        return self.rows[r]

    # -- texts ---------------------------------------------------------------------------------
    def _field(self, row: ConflictRow) -> str:
        if row.kind == "delete":
            return self.tr("Deleted / edited")
        return conflict_field_label(row.field)

    def value_text(self, row: ConflictRow, side: Side) -> str:
        if row.kind == "delete":
            return self.tr("In the Trash") if side.value == "deleted" else self.tr("Kept, edited")
        if side.names is not None:
            return ", ".join(side.names) or "—"
        value = side.value
        if value is None or value == "" or value == []:
            return "—"
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, list):
            return ", ".join(
                v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value
            )
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    def who(self, side: Side) -> str:
        when = local_datetime(side.at) if side.at else "?"
        device = side.device[:8] or "?"
        if side.member:
            return (
                self.tr("%1, device %2, %3")
                .replace("%1", side.member)
                .replace("%2", device)
                .replace("%3", when)
            )
        return self.tr("device %1, %2").replace("%1", device).replace("%2", when)

    def _selection_changed(self) -> None:
        row = self.current_row()
        is_delete = row is not None and row.kind == "delete"
        can_act = row is not None and not row.resolved and self.runtime is not None
        for b in (self.keep_mine, self.keep_theirs, self.edit_value):
            b.setVisible(not is_delete)
            b.setEnabled(can_act)
        for b in (self.restore, self.keep_deleted):
            b.setVisible(is_delete)
            b.setEnabled(can_act)
        self.edit_value.setEnabled(can_act and row is not None and row.mine.names is None)
        self.open_button.setEnabled(row is not None)
        if row is None:
            self.detail_title.setText(self.tr("Select a conflict to see both values."))
            for label in (self.mine_value, self.mine_who, self.theirs_value, self.theirs_who):
                label.clear()
            return
        title = (
            self.tr("%1 “%2”: %3")
            .replace("%1", entity_name(row.entity_type).capitalize())
            .replace("%2", row.record)
            .replace("%3", self._field(row))
        )
        if row.resolved:
            title += " — " + self.tr("resolved (%1)").replace("%1", self._resolution(row))
        self.detail_title.setText(title)
        self.mine_value.setText(self.value_text(row, row.mine))
        self.theirs_value.setText(self.value_text(row, row.theirs))
        self.mine_who.setText(self.tr("Changed by %1").replace("%1", self.who(row.mine)))
        self.theirs_who.setText(self.tr("Changed by %1").replace("%1", self.who(row.theirs)))
        deleted = row.deleted_side
        if deleted is not None:
            who = deleted.member or self.tr("someone")
            text = (
                self.tr("Deleted on device %1 by %2, %3")
                .replace("%1", deleted.device[:8] or "?")
                .replace("%2", who)
                .replace("%3", local_datetime(deleted.at) if deleted.at else "?")
            )
            (self.mine_who if deleted is row.mine else self.theirs_who).setText(text)

    def _resolution(self, row: ConflictRow) -> str:
        return {
            "mine": self.tr("kept mine"),
            "theirs": self.tr("kept theirs"),
            "value": self.tr("a new value"),
        }.get(row.resolution, row.resolution)

    # -- actions -------------------------------------------------------------------------------
    def resolve_selected(self, keep: str, version: int | None = None) -> bool:
        row = self.current_row()
        if row is None or self.runtime is None or row.resolved:
            return False
        expected = row.version if version is None else version
        rt = self.runtime
        return self._resolve(
            row,
            keep,
            lambda v: synchronising.resolve(rt, row.id, keep, expected_version=v),
            expected,
        )

    def settle_selected(self, restore: bool) -> bool:
        row = self.current_row()
        if row is None or self.runtime is None or row.resolved or row.kind != "delete":
            return False
        rt = self.runtime
        keep = "edited" if restore else "deleted"
        return self._resolve(
            row,
            keep,
            lambda v: synchronising.settle_delete(rt, row, restore, expected_version=v),
            row.version,
        )

    def edit_selected(self) -> bool:
        row = self.current_row()
        if row is None or self.runtime is None or row.resolved or row.kind != "field":
            return False
        if row.mine.names is not None:
            return False  # references are chosen with Keep mine / Keep theirs
        current = "" if row.mine.value is None else self.value_text(row, row.mine)
        text, ok = QInputDialog.getText(
            self,
            self.tr("Edit value"),
            self.tr("New value of %1:").replace("%1", self._field(row)),
            text=current,
        )
        if not ok:
            return False
        return self.resolve_selected(text)

    def _resolve(self, row: ConflictRow, keep: str, do: Any, expected: int | None) -> bool:
        try:
            do(expected)
        except ConflictError as e:
            self._stale(row, keep, do, e)
            return False
        except CrmError as e:
            QMessageBox.warning(self, self.tr("Cannot resolve the conflict"), crm_error_text(e))
            return False
        self.refresh()
        self.data_changed.emit()
        self.status_message.emit(self.tr("Conflict resolved."))
        return True

    def _stale(self, row: ConflictRow, keep: str, do: Any, error: ConflictError) -> None:
        """The record changed since the list was read: compare what I chose with what it
        holds now; Reload re-reads the list, Overwrite resolves over the newer record."""
        name = row.field or "deleted"
        shape = dataclasses.make_dataclass("Value", [(name, Any)])
        rt = self.runtime
        now = (
            next((r for r in synchronising.conflict_rows(rt, True) if r.id == row.id), row)
            if rt is not None
            else row
        )
        chosen = {"mine": row.mine, "theirs": row.theirs}.get(keep)
        mine = shape(self.value_text(row, chosen) if chosen is not None else keep)
        theirs = shape(self.value_text(now, now.mine))
        labels = {name: self._field(row)}

        def chosen_action(choice: str | None) -> None:
            self._stale_dialog = None
            if choice == RELOAD:
                self.refresh()
            elif choice == OVERWRITE:
                self._resolve(row, keep, do, error.current)

        self._stale_dialog = ask_stale_save(
            self, self.services, error, mine, theirs, chosen_action, labels
        )

    def open_selected(self) -> bool:
        row = self.current_row()
        if row is None:
            return False
        self.open_record.emit(row.entity_type, row.entity_id)
        return True

    def show_record(self, entity: str, record_id: str) -> bool:
        return False
