"""The sections of the main window and the views behind them, created on first visit."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from crm_desktop.config import Settings

# Only Qt here: the navigation is painted before the database is opened. The views (and
# the domain under them) are imported on a section's first visit.
if TYPE_CHECKING:
    from crm_desktop.application.drafts import DraftStore
    from crm_desktop.domain.services import Services
    from crm_desktop.runtime import Runtime
    from crm_desktop.ui.common.view import View

translate = QCoreApplication.translate  # a name lupdate recognises


@dataclass(frozen=True)
class Section:
    """One entry of the navigation list. Its view's module is imported on the first visit
    (importing every view before the window shows took a tenth of the cold start)."""

    key: str
    title: Callable[[], str]
    module: str  # under crm_desktop.ui
    name: str  # the View class in that module
    # Records this section can show, as the names of ui.common.view's ENTITY_* constants
    # (read when a record is opened: that module imports the domain's kinds).
    entity_names: tuple[str, ...] = ()

    @property
    def entities(self) -> tuple[str, ...]:
        constants = importlib.import_module("crm_desktop.ui.common.view")
        return tuple(str(getattr(constants, n)) for n in self.entity_names)

    @property
    def factory(self) -> type[View]:
        view: type[View] = getattr(
            importlib.import_module(f"crm_desktop.ui.{self.module}"), self.name
        )
        return view


CONFLICTS = Section(
    "conflicts",
    lambda: translate("navigation", "Conflicts"),
    "views.conflicts_view",
    "ConflictsView",
)


def sections() -> list[Section]:
    out: list[Section] = [
        Section(
            "today",
            lambda: translate("navigation", "Today / Trip"),
            "views.today_view",
            "TodayView",
        )
    ]
    out.append(
        Section(
            "pipeline",
            lambda: translate("navigation", "Pipeline"),
            "board.pipeline_board",
            "PipelineBoard",
        )
    )
    out.append(
        Section(
            "dashboard",
            lambda: translate("navigation", "Dashboard"),
            "views.dashboard_view",
            "DashboardView",
        )
    )
    out += [
        Section(
            "projects",
            lambda: translate("navigation", "Projects"),
            "views.entity_views",
            "ProjectsView",
            ("ENTITY_PROJECT",),
        ),
        Section(
            "companies",
            lambda: translate("navigation", "Companies"),
            "views.entity_views",
            "CompaniesView",
            ("ENTITY_COMPANY",),
        ),
        Section(
            "contacts",
            lambda: translate("navigation", "Contacts"),
            "views.entity_views",
            "ContactsView",
            ("ENTITY_CONTACT",),
        ),
        Section(
            "meetings",
            lambda: translate("navigation", "Meetings"),
            "views.entity_views",
            "MeetingsView",
            ("ENTITY_MEETING",),
        ),
        Section(
            "trips",
            lambda: translate("navigation", "Trips"),
            "views.entity_views",
            "TripsView",
            ("ENTITY_TRIP",),
        ),
    ]
    out.append(
        Section(
            "tasks",
            lambda: translate("navigation", "Tasks"),
            "views.tasks_view",
            "TasksView",
            ("ENTITY_TASK",),
        )
    )
    out += [
        Section(
            "reference",
            lambda: translate("navigation", "Sites and support measures"),
            "views.entity_views",
            "ReferenceView",
            ("ENTITY_SITE", "ENTITY_MEASURE"),
        ),
        Section(
            "members",
            lambda: translate("navigation", "Our team"),
            "views.entity_views",
            "MembersView",
            ("ENTITY_MEMBER",),
        ),
        Section("trash", lambda: translate("navigation", "Trash"), "views.trash_view", "TrashView"),
    ]
    return out


class Navigation(QWidget):
    """A list of sections on the left and the current section's view on the right."""

    current_changed = Signal(str)

    def __init__(
        self,
        services: Services | None,
        settings: Settings,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        runtime: Runtime | None = None,
    ) -> None:
        """``runtime``: the open database; with it the list ends with Conflicts and its
        count badge (the views that need the database get it through ``use_runtime``)."""
        super().__init__(parent)
        self.services, self.settings, self.undo_stack = services, settings, undo_stack
        self.runtime: Runtime | None = None
        self.sections: list[Section] = []
        self.views: dict[str, View] = {}
        self.stale: set[str] = set()
        self.drafts: DraftStore | None = None  # handed to views that keep drafts
        self.list = QListWidget()
        self.list.setObjectName("navigation")
        self.list.setFixedWidth(210)
        for s in sections():
            self._add(s)
        self.stack = QStackedWidget()
        self.list.currentRowChanged.connect(self._row_changed)
        self.conflicts = 0
        if runtime is not None:
            self.use_runtime(runtime)

    def use_runtime(self, runtime: Runtime) -> None:
        """The open database: the list ends with Conflicts and its count badge."""
        self.runtime = runtime
        if CONFLICTS not in self.sections:
            self._add(CONFLICTS)
        self.update_badge()

    def _add(self, section: Section) -> None:
        self.sections.append(section)
        item = QListWidgetItem(section.title())
        item.setData(Qt.ItemDataRole.UserRole, section.key)
        self.list.addItem(item)

    def keys(self) -> list[str]:
        return [s.key for s in self.sections]

    def current_key(self) -> str:
        row = self.list.currentRow()
        return self.sections[row].key if 0 <= row < len(self.sections) else ""

    def current_view(self) -> View | None:
        return self.views.get(self.current_key())

    def select(self, key: str, *, load: bool = True) -> View | None:
        """Make ``key`` the current section. ``load=False`` only marks its row: the view
        is built by ``load_current`` (the start paints the window first, see MainWindow)."""
        keys = self.keys()
        if key not in keys:
            key = keys[0]
        if not load:
            blocked = self.list.blockSignals(True)
            self.list.setCurrentRow(keys.index(key))
            self.list.blockSignals(blocked)
            return None
        self.list.setCurrentRow(keys.index(key))
        return self.views.get(key)

    def load_current(self) -> View | None:
        """Build and show the current section's view if ``select(..., load=False)`` left
        it unbuilt; a section chosen since is left as it is."""
        if self.current_view() is None and self.current_key():
            self._row_changed(self.list.currentRow())
        return self.current_view()

    def open_with(
        self, services: Services, settings: Settings, runtime: Runtime | None = None
    ) -> None:
        """The database is open (navigation made with ``services=None``): sections can be
        built now; ``load_current`` builds the one chosen meanwhile."""
        self.services, self.settings = services, settings
        if runtime is not None:
            self.use_runtime(runtime)

    def view(self, key: str) -> View:
        if key not in self.views:
            if self.services is None:
                raise RuntimeError("no view is built before the database is open")
            section = next(s for s in self.sections if s.key == key)
            view = section.factory(self.services, self.settings, undo_stack=self.undo_stack)
            if hasattr(view, "drafts"):
                view.drafts = self.drafts
            if hasattr(view, "use_runtime") and self.runtime is not None:
                view.use_runtime(self.runtime)
            view.open_record.connect(self.open_record)
            view.data_changed.connect(lambda k=key: self.mark_stale(except_key=k))
            self.views[key] = view
            self.stack.addWidget(view)
        return self.views[key]

    def _row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.sections) or self.services is None:
            return  # while the database opens, the row stays marked: load_current
        key = self.sections[row].key
        fresh = key not in self.views
        view = self.view(key)
        if not fresh and key in self.stale:
            view.refresh()
        self.stale.discard(key)
        self.stack.setCurrentWidget(view)
        self.current_changed.emit(key)

    def use_drafts(self, store: DraftStore | None) -> None:
        self.drafts = store
        for view in self.views.values():
            if hasattr(view, "drafts"):
                view.drafts = store

    def mark_stale(self, except_key: str = "") -> None:
        self.stale = {k for k in self.views if k != except_key}
        self.update_badge()

    def update_badge(self) -> None:
        """The Conflicts entry with the number of open conflicts, stressed while any
        wait; plain when none."""
        if self.runtime is None:
            return
        from crm_desktop.application.synchronising import open_conflict_count

        self.conflicts = open_conflict_count(self.runtime)
        item = self.list.item(self.keys().index(CONFLICTS.key))
        title = CONFLICTS.title()
        font = item.font()
        font.setBold(self.conflicts > 0)
        item.setFont(font)
        if self.conflicts:
            item.setText(f"{title}  ({self.conflicts})")
            item.setForeground(QColor("#b3261e"))
            item.setToolTip(
                translate("navigation", "%n conflict(s) to resolve", "", self.conflicts)
            )
        else:
            item.setText(title)
            item.setData(Qt.ItemDataRole.ForegroundRole, None)
            item.setToolTip("")

    def refresh_current(self) -> None:
        view = self.current_view()
        if view is not None:
            view.refresh()
        self.mark_stale(except_key=self.current_key())

    def open_record(self, entity: str, record_id: str) -> bool:
        for s in self.sections:
            if entity in s.entities:
                view = self.select(s.key) or self.view(s.key)
                return view.show_record(entity, record_id)
        return False
