"""A list of one record type with filters, a lazy table, a detail pane and its forms.

Concrete lists (companies, contacts, ...) are EntitySpec values in entity_views.py; this
class is the behaviour they share. Column choice, order and widths are kept in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.config import Settings
from crm_desktop.domain.errors import ConflictError, CrmError, ValidationError
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.base import ListQuery
from crm_desktop.ui.common.filter_bar import FilterBar, FilterSpec
from crm_desktop.ui.common.stale_save_dialog import OVERWRITE, RELOAD, ask_stale_save
from crm_desktop.ui.common.undo import CreateCommand, DeleteCommand, UpdateCommand, perform
from crm_desktop.ui.common.view import View
from crm_desktop.ui.common.widgets_errors import crm_error_text
from crm_desktop.ui.editors.record_form import FormSpec, RecordForm
from crm_desktop.ui.views.attachments_panel import AttachmentsPanel
from crm_desktop.ui.views.details import DetailPane, Renderer
from crm_desktop.ui.views.history_view import HistoryView
from crm_desktop.ui.views.lazy_model import Column, LazyTableModel, ListSource


@dataclass
class EntitySpec:
    key: str  # settings key, e.g. "companies"
    entity: str  # ENTITY_* name used by open_record
    service: Callable[[Services], Any]
    columns: Callable[[], list[Column]]
    detail: Renderer
    form: Callable[[], FormSpec] | None = None
    edit_form: Callable[[], FormSpec] | None = None  # when editing differs from creating
    filters: Callable[[], Sequence[FilterSpec]] = lambda: ()
    new_input: Callable[[], Any] | None = None
    query: Callable[[Any], ListQuery] = field(default=lambda service: service.query())
    decorate: Callable[[Any, Qt.ItemDataRole], object] | None = None
    noun: Callable[[], str] = lambda: ""  # for undo texts: "company"


class EntityListView(View):
    """Subclasses set ``spec``; constructed like every View."""

    spec: EntitySpec
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
        self.setObjectName(f"view_{self.spec.key}")
        self.service = self.spec.service(services)
        self.filter_bar = FilterBar(services, self.spec.filters(), self)
        self.filter_bar.changed.connect(self._filters_changed)

        self.model = LazyTableModel(
            ListSource(self.service),
            self.spec.query(self.service),
            self.spec.columns(),
            self.spec.decorate,
            self,
        )
        self.table = QTableView()
        self.table.setObjectName(f"table_{self.spec.key}")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda _: self._columns_menu().exec(self.table.mapToGlobal(self.table.rect().topLeft()))
        )
        for i, c in enumerate(self.model.columns):
            header.resizeSection(i, c.width)
            header.setSectionHidden(i, not c.visible)
        self._restore_header()
        sort_col = self.model.sort_column()
        header.setSortIndicator(
            max(sort_col, 0),
            Qt.SortOrder.DescendingOrder
            if self.model.query.descending
            else Qt.SortOrder.AscendingOrder,
        )
        self.table.setSortingEnabled(True)
        header.sectionResized.connect(lambda *_: self._save_header())
        header.sectionMoved.connect(lambda *_: self._save_header())
        header.sortIndicatorChanged.connect(lambda *_: self._save_header())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        bar = self.table.verticalScrollBar()
        bar.sliderPressed.connect(lambda: setattr(self.model, "hold_loading", True))
        bar.sliderReleased.connect(self._slider_released)
        # ``activated`` comes with a double click (or a single one where the platform
        # opens items so) and with Enter; connecting doubleClicked too opened two editors.
        self.table.activated.connect(lambda _: self.edit_selected())

        self.detail = DetailPane(services, self.spec.detail)
        self.detail.open_record.connect(self.open_record)
        self.attachments = AttachmentsPanel(services)

        buttons = QHBoxLayout()
        buttons.addWidget(self.filter_bar, 1)
        self.columns_button = QToolButton()
        self.columns_button.setText(self.tr("Columns"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_button.setMenu(self._columns_menu())
        buttons.addWidget(self.columns_button)
        if self.can_create():
            new = QToolButton()
            new.setText(self.tr("New"))
            new.setToolTip(self.tr("Create a record (Ctrl+N)"))
            new.clicked.connect(self.create_record)
            buttons.addWidget(new)
            edit = QToolButton()
            edit.setText(self.tr("Edit"))
            edit.clicked.connect(self.edit_selected)
            buttons.addWidget(edit)
        delete = QToolButton()
        delete.setText(self.tr("Delete"))
        delete.setToolTip(self.tr("Move to the Trash (Del)"))
        delete.clicked.connect(self.delete_selected)
        buttons.addWidget(delete)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.detail, 1)
        details_layout.addWidget(self.attachments)
        # who changed which field when, with "restore this value"; read when first shown
        self.history = HistoryView(services, self.service.entity)
        self.history.value_restored.connect(lambda _field, rid: self._after_change(rid))
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("side_tabs")
        self.side_tabs.addTab(details, self.tr("Details"))
        self.side_tabs.addTab(self.history, self.tr("History"))
        self.side_tabs.currentChanged.connect(lambda _i: self._show_history())
        splitter.addWidget(self.side_tabs)
        self._show_detail(None)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        state = QSettings().value(f"lists/{self.spec.key}/splitter")
        if state is not None:
            splitter.restoreState(state)
        splitter.splitterMoved.connect(
            lambda *_: QSettings().setValue(f"lists/{self.spec.key}/splitter", splitter.saveState())
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

    def _show_detail(self, record_id: str | None) -> None:
        self.detail.show_record(record_id)
        self.attachments.set_record(self.service.entity, self.detail.record_id)
        self._show_history()

    def _show_history(self) -> None:
        if self.side_tabs.currentWidget() is self.history:
            self.history.set_record(self.detail.record_id)

    def _slider_released(self) -> None:
        self.model.hold_loading = False
        self.table.viewport().update()

    # -- columns -------------------------------------------------------------------------------
    def _columns_menu(self) -> QMenu:
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for i, c in enumerate(self.model.columns):
            action = QAction(c.title(), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.toggled.connect(lambda on, i=i: self._show_column(i, on))
            menu.addAction(action)
        menu.aboutToShow.connect(
            lambda: [
                a.setChecked(not header.isSectionHidden(i)) for i, a in enumerate(menu.actions())
            ]
        )
        return menu

    def _show_column(self, index: int, visible: bool) -> None:
        header = self.table.horizontalHeader()
        if not visible and header.count() - header.hiddenSectionCount() <= 1:
            return  # keep at least one column
        header.setSectionHidden(index, not visible)
        self._save_header()

    def _settings_key(self) -> str:
        return f"lists/{self.spec.key}/header"

    def _save_header(self) -> None:
        QSettings().setValue(self._settings_key(), self.table.horizontalHeader().saveState())

    def _restore_header(self) -> None:
        state = QSettings().value(self._settings_key())
        header = self.table.horizontalHeader()
        if state is not None and header.restoreState(state):
            col = header.sortIndicatorSection()
            if 0 <= col < len(self.model.columns) and self.model.columns[col].sort:
                self.model.sort(col, header.sortIndicatorOrder())

    # -- data ---------------------------------------------------------------------------------
    def _filters_changed(self) -> None:
        self.model.set_query(self.filter_bar.apply(self.model.query))
        self._selection_changed()

    def refresh(self) -> None:
        keep = self.detail.record_id
        self.filter_bar.reload_options()
        self.model.reload()
        self._show_detail(keep)
        if keep:
            self.select_id(keep)

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return self.model.data(rows[0], LazyTableModel.IdRole)  # type: ignore[return-value]
        return None

    def current_id(self) -> str | None:
        """The record the user is looking at: the selected row or the one in the pane."""
        return self.selected_id() or self.detail.record_id

    def select_id(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, *_: QItemSelection) -> None:
        rid = self.selected_id()
        if rid:
            self._show_detail(rid)

    def show_record(self, entity: str, record_id: str) -> bool:
        if entity != self.spec.entity:
            return False
        if not self.select_id(record_id):
            self.table.clearSelection()
        self._show_detail(record_id)
        return True

    def focus_filter(self) -> bool:
        self.filter_bar.text.setFocus()
        self.filter_bar.text.selectAll()
        return True

    # -- changes -----------------------------------------------------------------------------
    def can_create(self) -> bool:
        return self.spec.form is not None

    def _after_change(self, select: str | None = None) -> None:
        self.model.reload()
        if select:
            self._show_detail(select)
            self.select_id(select)
        else:
            self._show_detail(self.detail.record_id)
        self.data_changed.emit()

    def _error(self, error: CrmError) -> None:
        QMessageBox.warning(
            self, QCoreApplication.translate("errors", "Cannot save"), crm_error_text(error)
        )

    def create_record(self) -> bool:
        if self.spec.form is None:
            return False
        initial = self.spec.new_input() if self.spec.new_input else None
        dialog = RecordForm(self.spec.form(), self.services, initial, self)
        dialog.submitted.connect(lambda data: self._save_new(dialog, data))
        dialog.open()
        self._dialog = dialog  # tests and the main window reach the open form
        return True

    def _save_new(self, dialog: RecordForm, data: Any) -> None:
        cmd = CreateCommand(
            self.service, data, self.tr("Create %1").replace("%1", self.spec.noun())
        )
        try:
            row = perform(self.undo_stack, cmd, self._error)
        except ValidationError as e:
            dialog.show_errors(e)
            return
        except CrmError as e:
            dialog.show_general_error(crm_error_text(e))
            return
        dialog.accept()
        self._after_change(row.id)

    def edit_selected(self) -> bool:
        rid = self.current_id()
        if not rid or self.spec.form is None:
            return False
        return self.edit_record(rid)

    def edit_record(self, record_id: str) -> bool:
        spec = self.spec.edit_form or self.spec.form
        if spec is None:
            return False
        form = spec()
        row = self.service.get(record_id)
        before = form.input_type.from_row(row)
        dialog = RecordForm(form, self.services, before, self)
        dialog.loaded_version = row.version  # what the save checks (optimistic locking)
        dialog.submitted.connect(
            lambda data: self._save_edit(dialog, record_id, dialog.loaded_before, data)
        )
        dialog.loaded_before = before
        dialog.open()
        self._dialog = dialog
        return True

    def _save_edit(self, dialog: RecordForm, record_id: str, before: Any, after: Any) -> None:
        cmd = UpdateCommand(
            self.service,
            record_id,
            before,
            after,
            self.tr("Edit %1").replace("%1", self.spec.noun()),
            dialog.loaded_version,
        )
        try:
            perform(self.undo_stack, cmd, self._error)
        except ConflictError as e:
            self._stale_save(dialog, record_id, after, e)
            return
        except ValidationError as e:
            dialog.show_errors(e)
            return
        except CrmError as e:
            dialog.show_general_error(crm_error_text(e))
            return
        dialog.accept()
        self._after_change(record_id)

    def _stale_save(
        self, dialog: RecordForm, record_id: str, mine: Any, error: ConflictError
    ) -> None:
        """Someone else saved the record since the form opened: reload, overwrite, compare."""
        theirs_row = self.service.get(record_id)
        theirs = dialog.spec.input_type.from_row(theirs_row)

        def chosen(choice: str | None) -> None:
            if choice is None:
                return  # the form stays open with my changes
            dialog.loaded_version = theirs_row.version
            dialog.loaded_before = theirs
            if choice == RELOAD:
                dialog.set_input(theirs)
                dialog.clear_errors()
            elif choice == OVERWRITE:
                self._save_edit(dialog, record_id, theirs, mine)

        self._stale_dialog = ask_stale_save(
            dialog, self.services, error, mine, theirs, chosen, dialog.labels
        )

    def delete_selected(self) -> bool:
        rid = self.current_id()
        if not rid:
            return False
        cmd = DeleteCommand(self.service, rid, self.tr("Delete %1").replace("%1", self.spec.noun()))
        try:
            perform(self.undo_stack, cmd, self._error)
        except CrmError as e:
            self._error(e)
            return True
        self._show_detail(None)
        self._after_change()
        self.status_message.emit(self.tr("Moved to the Trash. Undo with Ctrl+Z."))
        return True
