"""My tasks: overdue first and highlighted, done with one click in the first column."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.config import Settings
from crm_desktop.domain.errors import ConflictError, CrmError
from crm_desktop.domain.models import Task, TaskStatus
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.tasks import TaskInput, TaskQuery
from crm_desktop.ui.common.filter_bar import ChoiceFilter, FilterBar
from crm_desktop.ui.common.labels import format_date, ui_language
from crm_desktop.ui.common.stale_save_dialog import OVERWRITE, RELOAD, ask_stale_save
from crm_desktop.ui.common.undo import TaskDoneCommand, perform
from crm_desktop.ui.common.view import ENTITY_PROJECT, ENTITY_TASK, View
from crm_desktop.ui.common.widgets_display import member_name
from crm_desktop.ui.common.widgets_errors import crm_error_text
from crm_desktop.ui.views import details
from crm_desktop.ui.views.details import DetailPane
from crm_desktop.ui.views.lazy_model import Column, LazyTableModel, ListSource

Index = QModelIndex | QPersistentModelIndex
OVERDUE_BACKGROUND = QColor("#fdecea")
OVERDUE_TEXT = QColor("#b03a2e")
DONE_COLUMN = 0


class TasksModel(LazyTableModel):
    """Pages of tasks from TaskService; a checkbox column and overdue highlighting."""

    done_toggled = Signal(str, bool)  # task id, done

    def __init__(
        self,
        services: Services,
        query: TaskQuery,
        columns: list[Column],
        parent: QWidget | None = None,
    ) -> None:
        self.overdue_icon = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        super().__init__(ListSource(services.tasks), query, columns, parent=parent)

    def reload(self) -> None:
        self.today = date.today()
        super().reload()

    def is_overdue(self, task: Task) -> bool:
        return (
            task.status == TaskStatus.OPEN
            and task.due_date is not None
            and task.due_date < self.today
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == DONE_COLUMN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if (
            role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole)
            and self.columns[index.column()].key == "due"
        ):
            # Overdue is said by an icon and in words too, not by colour alone.
            task = self.record(index.row())
            if task is None or not self.is_overdue(task):
                return super().data(index, role) if role == Qt.ItemDataRole.ToolTipRole else None
            if role == Qt.ItemDataRole.DecorationRole:
                return self.overdue_icon
            days = (self.today - task.due_date).days
            return self.tr("Overdue by %1 d").replace("%1", str(days))
        if role in (
            Qt.ItemDataRole.CheckStateRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
        ):
            task = self.record(index.row())
            if task is None:
                return None
            done = task.status == TaskStatus.DONE
            if role == Qt.ItemDataRole.CheckStateRole:
                if index.column() != DONE_COLUMN:
                    return None
                return Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
            overdue = self.is_overdue(task)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(OVERDUE_BACKGROUND) if overdue else None
            if role == Qt.ItemDataRole.ForegroundRole:
                if overdue and self.columns[index.column()].key == "due":
                    return QBrush(OVERDUE_TEXT)
                if done or task.status == TaskStatus.CANCELLED:
                    return QBrush(QColor("#8a8a8a"))
                return None
            font = QFont()
            if overdue and self.columns[index.column()].key == "due":
                font.setBold(True)
                return font
            if done and self.columns[index.column()].key == "title":
                font.setStrikeOut(True)
                return font
            return None
        return super().data(index, role)

    def setData(
        self,
        index: Index,
        value: object,  # noqa: N802 (Qt override)
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != DONE_COLUMN:
            return False
        task = self.record(index.row())
        if task is None:
            return False
        done = (
            Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        )
        self.done_toggled.emit(task.id, done)
        return True

    def replace(self, task: Task) -> None:
        """Show a changed task in place (it stays in the list until the next reload)."""
        for number, page in self._pages.items():
            for i, row in enumerate(page):
                if row.id == task.id:
                    page[i] = task
                    r = number * self.PAGE_SIZE + i
                    self.dataChanged.emit(self.index(r, 0), self.index(r, self.columnCount() - 1))
                    return


class TasksView(View):
    """The current member's tasks (another owner or everyone on request)."""

    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(services, settings, parent, undo_stack=undo_stack)
        self._related: dict[str, str] = {}
        self._own_change = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        shown = ((True, self.tr("Open tasks")), (False, self.tr("All tasks")))
        self.filter_bar = FilterBar(
            services,
            [  # wraps on a narrow screen, never clips
                ChoiceFilter(
                    "owner_id",
                    lambda: self.tr("Owner:"),
                    self._owner_options,
                    all_label=lambda: self.tr("All owners"),
                    beside=True,
                    eager=True,
                    initial=lambda: self.settings.current_member_id,
                ),
                ChoiceFilter(
                    "open_only",
                    lambda: self.tr("Show:"),
                    lambda s: shown,
                    show_all=False,
                    beside=True,
                    eager=True,
                    to_query=lambda v: {"open_only": bool(v)},
                ),
            ],
            placeholder=self.tr("Filter tasks…"),
        )
        self.owner = self.filter_bar.combos["owner_id"]
        self.show_filter = self.filter_bar.combos["open_only"]
        self.filter_text = self.filter_bar.text
        self.new_button = QPushButton(self.tr("New task"))
        self.new_button.setObjectName("tasks_new")
        self.new_button.setToolTip(self.tr("Create a task (Ctrl+N)"))
        self.new_button.clicked.connect(self.create_record)
        self.filter_bar.add_widget(self.new_button)
        layout.addWidget(self.filter_bar)
        self.summary = QLabel()
        layout.addWidget(self.summary)

        lang = ui_language()
        columns = [
            Column("done", lambda: self.tr("Done"), lambda t: "", width=56),
            Column("title", lambda: self.tr("Task"), lambda t: t.title, width=280),
            Column("due", lambda: self.tr("Due"), lambda t: format_date(t.due_date), width=112),
            Column(
                "owner", lambda: self.tr("Owner"), lambda t: member_name(t.owner, lang), width=150
            ),
            Column("related", lambda: self.tr("Project / company"), self._related_text, width=300),
        ]
        self.model = TasksModel(services, self.query(), columns, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        for i, c in enumerate(columns):
            self.table.setColumnWidth(i, c.width)
        # the title keeps a readable width and the last column takes what is left, so due
        # date and owner stay in sight next to the detail pane
        header.setStretchLastSection(True)
        # the selected task: its fields, and its meeting, project and company as links
        self.detail = DetailPane(services, details.task_html)
        self.detail.setObjectName("task_detail")
        self.detail.open_record.connect(self.open_record)
        self.detail.show_record(None)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)

        self.filter_bar.changed.connect(self.reload)
        self.model.done_toggled.connect(self.set_done)
        self.table.doubleClicked.connect(self._open)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.installEventFilter(self)
        if undo_stack is not None:
            undo_stack.indexChanged.connect(self._after_undo_stack_change)
        self.refresh()

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self.filter_bar.reload_options()  # new members; the owner chosen is kept
        self.reload()

    def _owner_options(self, services: Services) -> list[tuple[str, str]]:
        lang = ui_language()
        me = self.settings.current_member_id
        return [
            (
                m.id,
                self.tr("%1 (me)").replace("%1", member_name(m, lang))
                if m.id == me
                else member_name(m, lang),
            )
            for m in services.members.list()
        ]

    def query(self) -> TaskQuery:
        return self.filter_bar.apply(TaskQuery(overdue_first=True))

    def reload(self) -> None:
        self._related.clear()
        q = self.query()
        self.model.set_query(q)
        base = dataclasses.replace(q, text="", open_only=True)
        open_count = self.services.tasks.count(base)
        overdue = self.services.tasks.count(dataclasses.replace(base, due_before=date.today()))
        text = self.tr("Open: %1").replace("%1", str(open_count))
        if overdue:
            text += " · " + self.tr("overdue: %1").replace("%1", str(overdue))
        self.summary.setText(text)
        self.detail.refresh()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        task = self.model.record(current.row()) if current.isValid() else None
        if task is not None:
            self.detail.show_record(task.id)

    def _related_text(self, task: Task) -> str:
        key = task.project_id or task.company_id or ""
        if not key:
            return ""
        if key not in self._related:
            try:
                if task.project_id:
                    self._related[key] = self.services.projects.get(task.project_id).title
                else:
                    company = self.services.companies.get(key)
                    self._related[key] = company.name_latin or company.name
            except CrmError:
                self._related[key] = ""
        return self._related[key]

    # -- actions -------------------------------------------------------------------------------
    def task_at(self, row: int) -> Task | None:
        return self.model.record(row)

    def set_done(self, task_id: str, done: bool, expected_version: int | None = None) -> bool:
        row = self.model.row_of(task_id)
        task = self.model.record(row) if row >= 0 else None
        title = task.title if task else ""
        text = (self.tr("Mark “%1” as done") if done else self.tr("Reopen “%1”")).replace(
            "%1", title
        )
        if expected_version is None and task is not None:
            expected_version = task.version
        self._own_change = True
        try:
            changed = perform(
                self.undo_stack,
                TaskDoneCommand(self.services, task_id, done, text, expected_version),
                self._show_error,
            )
        except ConflictError as e:
            self._stale_done(e, task_id, done)
            return False
        except CrmError as e:
            self._show_error(e)
            return False
        finally:
            self._own_change = False
        self.model.replace(changed)
        if self.detail.record_id == task_id:
            self.detail.refresh()
        self.data_changed.emit()
        return True

    def _stale_done(self, error: ConflictError, task_id: str, done: bool) -> None:
        """Someone else changed the task since the list showed it: reload or overwrite."""
        theirs_row = self.services.tasks.get(task_id)
        theirs = TaskInput.from_row(theirs_row)
        mine = dataclasses.replace(theirs, status=TaskStatus.DONE if done else TaskStatus.OPEN)

        def chosen(choice: str | None) -> None:
            if choice == RELOAD:
                self.reload()
            elif choice == OVERWRITE:
                self.set_done(task_id, done, theirs_row.version)

        self._stale_dialog = ask_stale_save(self, self.services, error, mine, theirs, chosen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Space marks the selected task done (or open again), whichever column is current.
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space  # type: ignore[attr-defined]
        ):
            return self.toggle_current()
        return super().eventFilter(watched, event)

    def toggle_current(self) -> bool:
        index = self.table.currentIndex()
        task = self.model.record(index.row()) if index.isValid() else None
        if task is None:
            return False
        return self.set_done(task.id, task.status != TaskStatus.DONE)

    def _after_undo_stack_change(self) -> None:
        if not self._own_change:  # an undo here or in another view: show the database
            QTimer.singleShot(0, self, self.reload)

    def _open(self, index: QModelIndex) -> None:
        task = self.model.record(index.row())
        if task is not None and index.column() != DONE_COLUMN:
            self.open_record.emit(ENTITY_TASK, task.id)

    def _menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        task = self.model.record(index.row()) if index.isValid() else None
        if task is None:
            return
        menu = QMenu(self)
        done = task.status == TaskStatus.DONE
        menu.addAction(
            self.tr("Reopen") if done else self.tr("Mark as done"),
            lambda: self.set_done(task.id, not done),
        )
        menu.addAction(self.tr("Open task"), lambda: self.open_record.emit(ENTITY_TASK, task.id))
        if task.project_id:
            menu.addAction(
                self.tr("Open project"),
                lambda: self.open_record.emit(ENTITY_PROJECT, task.project_id),
            )
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _show_error(self, error: CrmError) -> None:
        QMessageBox.warning(self, self.tr("Tasks"), crm_error_text(error))

    def create_record(self) -> bool:
        """Ctrl+N: a task of my own, in the shared task form (undoable)."""
        from crm_desktop.domain.services.tasks import TaskInput
        from crm_desktop.ui.common.undo import CreateCommand
        from crm_desktop.ui.editors.entity_forms import task_form
        from crm_desktop.ui.editors.record_form import RecordForm

        form = RecordForm(
            task_form(), self.services, TaskInput(owner_id=self.settings.current_member_id), self
        )

        def save(data: object) -> None:
            try:
                perform(
                    self.undo_stack, CreateCommand(self.services.tasks, data, self.tr("New task"))
                )
            except CrmError as e:
                if hasattr(e, "errors"):
                    form.show_errors(e)  # type: ignore[arg-type]
                else:
                    form.show_general_error(crm_error_text(e))
                return
            form.accept()
            self.reload()
            self.data_changed.emit()

        form.submitted.connect(save)
        form.open()
        self._form = form
        return True

    def delete_selected(self) -> bool:
        """Del: the selected task to the Trash (undoable)."""
        from crm_desktop.ui.common.undo import DeleteCommand

        rows = self.table.selectionModel().selectedRows()
        task = self.task_at(rows[0].row()) if rows else None
        if task is None:
            return False
        try:
            perform(
                self.undo_stack, DeleteCommand(self.services.tasks, task.id, self.tr("Delete task"))
            )
        except CrmError as e:
            QMessageBox.warning(self, self.tr("Tasks"), crm_error_text(e))
            return True
        self.reload()
        self.data_changed.emit()
        return True

    def focus_filter(self) -> bool:
        self.filter_text.setFocus()
        self.filter_text.selectAll()
        return True

    def show_record(self, entity: str, record_id: str) -> bool:
        if entity != ENTITY_TASK:
            return False
        row = self.model.row_of(record_id)
        if row < 0 and (self.owner.currentIndex() != 0 or self.show_filter.currentIndex() != 1):
            # a task of another owner, or a finished one: widen the list to find it
            for combo, index in ((self.owner, 0), (self.show_filter, 1)):
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
            self.reload()
            row = self.model.row_of(record_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 1))
        self.detail.show_record(record_id)
        return self.detail.record_id == record_id
