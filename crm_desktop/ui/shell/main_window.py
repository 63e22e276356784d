"""The main window: navigation, menus with their shortcuts, undo stack, status bar.

Composition only; the views, dialogs and commands live in their own modules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMenu, QMessageBox, QWidget

from crm_desktop import APP_DISPLAY_NAME
from crm_desktop.config import Paths, Settings
from crm_desktop.domain.errors import CrmError
from crm_desktop.ui.common.screen_fit import fitted_size
from crm_desktop.ui.exchange import file_menu
from crm_desktop.ui.shell.navigation import CONFLICTS, Navigation

# Only Qt and the shell's own modules are imported here: the cold start paints this
# window before the database is opened and before the domain (SQLAlchemy, the models,
# the services) is imported. Dialogs, views and document actions come on first use.
if TYPE_CHECKING:
    from crm_desktop.application.drafts import Draft, DraftStore
    from crm_desktop.domain.services import Services
    from crm_desktop.runtime import Runtime
    from crm_desktop.ui.documents import document_actions
    from crm_desktop.ui.shell.settings_dialog import SettingsChoice
    from crm_desktop.ui.views.find_dialog import FindAnythingDialog


def _document_action(name: str) -> document_actions.Make:
    from crm_desktop.ui.documents import document_actions

    make: document_actions.Make = getattr(document_actions, name)
    return make


class MainWindow(QMainWindow):
    language_requested = Signal(str)  # the app reinstalls translators and rebuilds the window
    settings_changed = Signal()  # after the Settings dialog: auto-lock time, backup folder

    def __init__(
        self,
        services: Services | None,
        settings: Settings,
        paths: Paths,
        language: str = "ru",
        parent: QWidget | None = None,
        *,
        load_first_view: bool = True,
        runtime: Runtime | None = None,
    ) -> None:
        """``load_first_view=False``: Today's row is marked, but its view (queries over
        every task and project) is built by ``load_first_view()``, which the application
        calls right after the window's first paint.

        ``services=None`` builds the window before the database is open (the cold start):
        menus, navigation and status bar as always, "Opening the database…" where the
        first view goes. A command chosen meanwhile (menu, shortcut) waits and runs once
        ``open_with`` has given the services and ``load_first_view`` built the view;
        a section chosen meanwhile is the one shown then.

        ``runtime``: the open database, for File → Synchronise… and the Conflicts view
        (both left out without it; a window made before the database opens gets it from
        ``open_with``)."""
        super().__init__(parent)
        self.services, self.settings, self.paths = services, settings, paths
        self.runtime = runtime
        self.language = language
        self.waiting: list[Callable[[], object]] = []  # commands chosen while opening
        self.setObjectName("main_window")
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(lambda _: self.nav.refresh_current())
        self.nav = Navigation(services, settings, self.undo_stack, self, runtime=runtime)
        self.nav.current_changed.connect(self._section_changed)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav.list)
        layout.addWidget(self.nav.stack, 1)
        self.setCentralWidget(central)
        self.opening: QLabel | None = None
        if services is None:
            self.opening = QLabel(self.tr("Opening the database…"))
            self.opening.setObjectName("view_opening")
            self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.opening.setEnabled(False)  # greyed, as a placeholder is
            self.nav.stack.addWidget(self.opening)
        self._build_menus()
        self.statusBar()
        self.resize(fitted_size(QSize(1280, 800), self))
        geometry = QSettings().value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            # The first start fills the screen (a laptop's 1366x768 is small enough);
            # afterwards the window comes back as the user left it. The geometry is set
            # too, for a desktop whose window manager does not maximise.
            screen = self.screen()
            if screen is not None:
                self.setGeometry(screen.availableGeometry())
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        # Today is the first screen after start, whichever view was open at the last exit.
        self.nav.select("today", load=load_first_view)

    @property
    def ready(self) -> bool:
        """The database is open: views and commands can use the services."""
        return self.services is not None

    def open_with(
        self, services: Services, settings: Settings, runtime: Runtime | None = None
    ) -> None:
        """The database is open (a window made with ``services=None``); the first view
        and the commands that waited follow in ``load_first_view``. With ``runtime``,
        File → Synchronise… and the Conflicts view appear."""
        self.services, self.settings = services, settings
        self.nav.open_with(services, settings, runtime)
        if runtime is not None:
            self.runtime = runtime
            self.sync_action.setVisible(True)
            self.conflicts_action.setVisible(True)

    def load_first_view(self) -> None:
        """Build the first view when the window was made with ``load_first_view=False``
        (nothing happens if it is built, or the user has gone to another section), then
        run the commands chosen while the database was opening."""
        if not self.ready:
            return
        self.nav.load_current()
        if self.opening is not None:
            self.nav.stack.removeWidget(self.opening)
            self.opening.deleteLater()
            self.opening = None
        waiting, self.waiting = self.waiting, []
        for command in waiting:
            command()

    def _when_ready(self, command: Callable[[], object]) -> None:
        if self.ready and self.opening is None:
            command()
        else:
            self.waiting.append(command)

    # -- menus -------------------------------------------------------------------------------
    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        name: str = "",
        *,
        needs_db: bool = True,
    ) -> QAction:
        """A menu command; one that ``needs_db`` waits for the database while it opens."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if needs_db:
            action.triggered.connect(lambda _=False: self._when_ready(slot))
        else:
            action.triggered.connect(lambda _=False: slot())
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._action(
            file,
            self.tr("&New record"),
            self.new_record,
            QKeySequence.StandardKey.New,
            "action_new",
        )
        self._add_exchange_actions(file)
        self.sync_action = self._action(
            file, self.tr("S&ynchronise…"), self.synchronise, "Ctrl+Shift+Y", "action_sync"
        )
        # shown once the window has the open database (at once, or from open_with)
        self.sync_action.setVisible(self.runtime is not None)
        file.addSeparator()
        self._action(file, self.tr("&Settings…"), self.open_settings, None, "action_settings")
        file.addSeparator()
        self._action(
            file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, needs_db=False
        )

        edit = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("action_undo")
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self._action(
            edit,
            self.tr("&Delete (move to the Trash)"),
            self.delete_record,
            QKeySequence.StandardKey.Delete,
            "action_delete",
        )
        edit.addSeparator()
        self._action(
            edit,
            self.tr("&Filter this list"),
            self.focus_filter,
            QKeySequence.StandardKey.Find,
            "action_filter",
        )
        self._action(edit, self.tr("Find &anything…"), self.find_anything, "Ctrl+K", "action_find")

        view = bar.addMenu(self.tr("&View"))
        self._action(
            view,
            self.tr("&Refresh"),
            self.nav.refresh_current,
            QKeySequence.StandardKey.Refresh,
            "action_refresh",
        )
        view.addSeparator()
        # Conflicts is listed once the window has the open database, as in the navigation.
        listed = self.nav.sections + ([] if CONFLICTS in self.nav.sections else [CONFLICTS])
        for i, section in enumerate(listed):
            shortcut = f"Ctrl+{i + 1}" if i < 9 else None
            # While the database opens, the section's row is marked and shown once open.
            action = self._action(
                view,
                section.title(),
                lambda k=section.key: self.nav.select(k),
                shortcut,
                needs_db=False,
            )
            if section is CONFLICTS:
                self.conflicts_action = action
                action.setVisible(self.runtime is not None)

        docs = bar.addMenu(self.tr("&Documents"))
        self._action(
            docs,
            self.tr("&Print memo of the meeting…"),
            self.print_memo,
            QKeySequence.StandardKey.Print,
            "action_memo",
        )
        self._action(docs, self.tr("&Trip report…"), self.trip_report, None, "action_trip_report")
        self._action(
            docs, self.tr("&Company dossier…"), self.company_dossier, None, "action_dossier"
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(
            help_menu,
            self.tr("&Keyboard shortcuts"),
            self.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
            "action_shortcuts",
            needs_db=False,
        )
        self._action(help_menu, self.tr("&About"), self.show_about, needs_db=False)
        if self.services is None:
            # Filled in by the protections once the database is open (attach_window):
            # the menu bar does not change its shape after the first paint.
            security = bar.addMenu(self.tr("Securit&y"))
            security.setObjectName("menu_security")
            security.setEnabled(False)

    def show_about(self) -> None:
        from crm_desktop.ui.shell.about_dialog import show_about

        show_about(self)

    def show_shortcuts(self) -> None:
        from crm_desktop.ui.shell.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.open()
        self._dialog = dialog

    def _add_exchange_actions(self, menu: QMenu) -> None:
        """Import/export of contacts and meetings."""
        menu.addSeparator()
        actions = [
            self._action(
                menu,
                entry.text(),
                lambda run=entry.run: run(self._services(), self),
                None,
                entry.name,
            )
            for entry in file_menu.entries()
        ]
        self.import_action: QAction | None = actions[0]

    def _services(self) -> Services:
        assert self.services is not None, "commands wait for the database (_when_ready)"
        return self.services

    def synchronise(self) -> None:
        from crm_desktop.ui.shell.sync_dialog import SyncDialog

        if self.runtime is None:
            return
        dialog = SyncDialog(self.runtime, self)
        dialog.synchronised.connect(self._synchronised)
        dialog.open()
        self.sync_dialog = dialog

    def _synchronised(self) -> None:
        """Every view shows the merged records; the Conflicts badge counts the new ones."""
        self.undo_stack.clear()  # undo would write over what the merge brought
        self.nav.refresh_current()  # marks the others stale and recounts the badge

    def start_import(self) -> None:
        if self.import_action is not None:
            self.import_action.trigger()

    # -- commands --------------------------------------------------------------------------------
    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def _section_changed(self, key: str) -> None:
        view = self.nav.current_view()
        status = getattr(view, "status_message", None)
        if status is not None and not getattr(view, "_status_connected", False):
            status.connect(self._status)
            view._status_connected = True  # type: ignore[union-attr]
        if self.settings.last_view != key:
            self.settings.last_view = key
            self._save_settings()

    # -- drafts of unsaved edits ----------------------------------------------------------------
    def use_drafts(self, store: DraftStore | None) -> None:
        """Where the meeting editor keeps its drafts (given by the composition root)."""
        self.nav.use_drafts(store)

    def open_meeting_draft(self, draft: Draft) -> bool:
        """Show the meeting editor filled in from a draft a crash left behind."""
        view = self.nav.select("meetings") or self.nav.view("meetings")
        open_draft = getattr(view, "open_draft", None)
        return bool(open_draft is not None and open_draft(draft))

    def new_record(self) -> None:
        view = self.nav.current_view()
        if view is None or not view.create_record():
            self._status(self.tr("Nothing to create here."))

    def delete_record(self) -> None:
        view = self.nav.current_view()
        if view is None or not view.delete_selected():
            self._status(self.tr("Select a record to delete."))

    def focus_filter(self) -> None:
        view = self.nav.current_view()
        if view is not None:
            view.focus_filter()

    def find_anything(self) -> None:
        dialog = self._find_dialog()
        dialog.open_record.connect(self.nav.open_record)
        dialog.open()
        self._dialog = dialog

    def _find_dialog(self) -> FindAnythingDialog:
        from crm_desktop.ui.views.find_dialog import FindAnythingDialog

        return FindAnythingDialog(self._services(), self)

    def _current_record(self, entity: str) -> str | None:
        from crm_desktop.ui.common.view import ENTITY_MEETING

        view = self.nav.current_view()
        spec = getattr(view, "spec", None)
        if spec is not None and spec.entity == entity:
            return view.current_id()  # type: ignore[union-attr]
        editor = getattr(view, "meeting_id", None)
        if entity == ENTITY_MEETING and isinstance(editor, str):
            return editor
        return None

    def _document(self, entity: str, make: document_actions.Make, missing: str) -> None:
        from crm_desktop.ui.common.widgets_errors import crm_error_text
        from crm_desktop.ui.documents import document_actions

        services = self._services()
        record_id = self._current_record(entity)
        if not record_id:
            self._status(missing)
            return
        language = self.settings.document_language or "ru"  # the preview offers the others
        try:
            doc = document_actions.with_wait_cursor(make, services, record_id, language)
        except CrmError as e:
            QMessageBox.warning(self, self.tr("Cannot make the document"), crm_error_text(e))
            return
        document_actions.preview(
            doc, self, make=make, services=services, record_id=record_id, language=language
        )

    def print_memo(self) -> None:
        from crm_desktop.ui.common.view import ENTITY_MEETING

        self._document(
            ENTITY_MEETING,
            _document_action("meeting_memo"),
            self.tr("Select a meeting in the Meetings list first."),
        )

    def trip_report(self) -> None:
        from crm_desktop.ui.common.view import ENTITY_TRIP

        self._document(
            ENTITY_TRIP,
            _document_action("trip_report"),
            self.tr("Select a trip in the Trips list first."),
        )

    def company_dossier(self) -> None:
        from crm_desktop.ui.common.view import ENTITY_COMPANY

        self._document(
            ENTITY_COMPANY,
            _document_action("company_dossier"),
            self.tr("Select a company in the Companies list first."),
        )

    # -- settings ----------------------------------------------------------------------------------
    def open_settings(self) -> None:
        from crm_desktop.ui.shell.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._services(), self.settings, self, self.paths.backups_dir)
        dialog.accepted_choice.connect(self.apply_settings)
        dialog.open()
        self._dialog = dialog

    def apply_settings(self, choice: SettingsChoice) -> None:
        from crm_desktop.domain.services.settings import ORGANISATION_NAME
        from crm_desktop.ui.shell.currency_settings import CurrencySettings

        services = self._services()
        language_changed = choice.language != self.settings.language
        choice.apply_to(self.settings)
        services.ctx.member_id = choice.current_member_id
        if choice.currency is not None:
            CurrencySettings.apply(choice.currency, self.settings)
        if (
            choice.organisation_name
            and choice.organisation_name != services.settings.organisation_name
        ):
            services.settings.set(ORGANISATION_NAME, choice.organisation_name)
        self._save_settings()
        self.settings_changed.emit()
        self.nav.refresh_current()
        if language_changed:
            self.language_requested.emit(choice.language)

    def _save_settings(self) -> None:
        try:
            self.settings.save(self.paths.settings_file)
        except OSError as e:
            self._status(self.tr("Settings could not be saved: %1").replace("%1", str(e)))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        QSettings().setValue("main/geometry", self.saveGeometry())
        self._save_settings()
        super().closeEvent(event)
