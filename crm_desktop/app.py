"""GUI composition root: QApplication, fonts, translations, database, main window.

The start paints the main window before the database is opened: the window's shell
(menus, navigation, status bar, "Opening the database…" where Today goes) needs only Qt
and the shell's modules. Right after its first paint a worker thread imports the Qt-free
core (SQLAlchemy, the models, the services: most of the start's CPU time), then the GUI
thread opens the database over the window (passphrase, the writer lock, a damaged file,
migration, first start) and fills in the first view.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

# The few Qt-free modules the window needs first: once PySide6 is imported, its
# __feature__ import hook reads the source of every module that imports after it.
from crm_desktop import APP_DISPLAY_NAME, APP_ID, APP_NAME, ORGANIZATION, __version__
from crm_desktop.application.location import DatabaseLocation, locate
from crm_desktop.config import Paths, Settings, resolve_paths, resources_dir
from crm_desktop.domain.errors import CrmError

# isort: split
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from crm_desktop.ui.common.fonts import register_bundled_fonts
from crm_desktop.ui.common.i18n import Translators, choose_language
from crm_desktop.ui.common.pyside_refcount import pin_none
from crm_desktop.ui.common.single_instance import SingleInstance, bring_to_front, server_name
from crm_desktop.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from crm_desktop.runtime import Runtime
    from crm_desktop.ui.security.security_setup import Protections

# What opening the database needs, imported on a worker thread after the first paint.
CORE_MODULES = (
    "crm_desktop.runtime",
    "crm_desktop.application.database",
    "crm_desktop.application.demo",
    "crm_desktop.domain.services",
)


def make_application(argv: list[str], paths: Paths) -> QApplication:
    pin_none()  # PySide6 6.12 on CPython 3.11 drops references to None (see the module)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    icon = QIcon()
    for png in sorted((resources_dir() / "icons" / "app").glob("icon-*.png")):
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    # Window geometry and list columns live next to settings.json (portable mode included).
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.config_dir))
    register_bundled_fonts()
    return app  # type: ignore[return-value]


def storage_error(parent: QWidget | None, error: CrmError) -> None:
    from crm_desktop.ui.common.widgets_errors import crm_error_text

    QMessageBox.critical(parent, APP_DISPLAY_NAME, crm_error_text(error))


def install_error_hook() -> None:
    """Errors that escape a slot reach the user in one way: a dialog, never a silent log.

    A CrmError (storage full, database locked, record gone) is shown as its translated
    message; anything else is a bug: a short dialog, and the traceback on stderr.
    """
    previous = sys.excepthook
    showing = False

    def hook(kind, error, tb) -> None:  # noqa: ANN001
        nonlocal showing
        if not isinstance(error, CrmError):
            previous(kind, error, tb)
        if showing or QApplication.instance() is None:
            return
        showing = True
        try:
            from crm_desktop.ui.common.widgets_errors import crm_error_text

            parent = QApplication.activeWindow()
            if isinstance(error, CrmError):
                QMessageBox.warning(parent, APP_DISPLAY_NAME, crm_error_text(error))
            else:
                QMessageBox.critical(
                    parent,
                    APP_DISPLAY_NAME,
                    QApplication.translate(
                        "Gui",
                        "Something went wrong: %1\nThe details were written to the error output.",
                    ).replace("%1", f"{kind.__name__}: {error}"),
                )
        finally:
            showing = False

    sys.excepthook = hook


def optimize_in_background(rt: Runtime) -> None:
    """Planner statistics for fast lists (see Database.optimize), without delaying the window."""

    def work() -> None:
        try:
            rt.db.optimize()
        except Exception as e:  # noqa: BLE001 - an optimisation must never stop the start
            print(f"{APP_NAME}: planner statistics not updated: {e}", file=sys.stderr)

    QThreadPool.globalInstance().start(work)


def warm_up_in_background() -> None:
    """The pinyin dictionaries, loaded off the GUI thread before the first Chinese name."""
    from crm_desktop.search.service import SearchService

    QThreadPool.globalInstance().start(SearchService.warm_up)


class AfterFirstPaint(QObject):
    """Calls ``callback`` once, right after ``window`` is first painted (or after
    ``fallback_ms`` if it never is, e.g. started minimised): work that may wait for the
    window, such as the full integrity check, starts only once the user sees it."""

    def __init__(
        self, window: QWidget, callback: Callable[[], object], fallback_ms: int = 3000
    ) -> None:
        super().__init__(window)
        self.window, self.callback, self.fired = window, callback, False
        window.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self.fire)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.window and event.type() == QEvent.Type.Paint and not self.fired:
            QTimer.singleShot(0, self, self.fire)  # after this paint has reached the screen
        return False

    def fire(self) -> None:
        if self.fired:
            return
        self.fired = True
        self.window.removeEventFilter(self)
        self.callback()


class Gui:
    """Holds what lives as long as the application: runtime, translators, window."""

    def __init__(
        self,
        app: QApplication,
        rt: Runtime | None,
        translators: Translators,
        *,
        paint_first: bool = False,
    ) -> None:
        """``rt=None``: the database is not open yet; ``show_shell`` shows the window,
        ``attach`` gives it the runtime once open."""
        self.app, self.rt, self.translators = app, rt, translators
        self.window: MainWindow | None = None
        self.window_hooks: list[Callable[[MainWindow], object]] = []  # e.g. Security menu
        # The window is painted before its first view runs its queries (Today counts every
        # task and project: more than half a second on a large database).
        self.paint_first = paint_first
        # Background work of the start (checks, statistics), begun once the first view is
        # on the screen so that it does not compete with that view's queries.
        self.after_first_view: Callable[[], object] | None = None

    def show_shell(self, settings: Settings, paths: Paths) -> MainWindow:
        """The main window before the database is open (see MainWindow, services=None)."""
        self.window = MainWindow(None, settings, paths, self.translators.language)
        self.window.language_requested.connect(self.switch_language)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def attach(self, rt: Runtime) -> None:
        """The database is open: the shell gets its services and builds the first view
        (the window is painted already), then the start's background work begins."""
        self.rt = rt
        window = self.window
        assert window is not None
        window.open_with(rt.services, rt.settings, rt)
        for hook in self.window_hooks:
            hook(window)
        self._load_first_view()

    def show_window(self) -> MainWindow:
        assert self.rt is not None
        old = self.window
        self.window = MainWindow(
            self.rt.services,
            self.rt.settings,
            self.rt.paths,
            self.translators.language,
            load_first_view=not self.paint_first,
            runtime=self.rt,
        )
        if self.paint_first:
            AfterFirstPaint(self.window, self._load_first_view)
        self.window.language_requested.connect(self.switch_language)
        for hook in self.window_hooks:
            hook(self.window)
        if old is not None:
            self.window.restoreGeometry(old.saveGeometry())
            old.close()
            old.deleteLater()
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def _load_first_view(self) -> None:
        if self.window is not None:
            self.window.load_first_view()
        work, self.after_first_view = self.after_first_view, None
        if work is not None:
            QTimer.singleShot(0, work)  # after the view's paint, which is already posted

    def replace_runtime(self, rt: Runtime) -> None:
        """The database was reopened (encrypted, re-keyed, restored from a backup)."""
        self.rt = rt
        optimize_in_background(rt)
        self.show_window()

    def switch_language(self, language: str) -> None:
        self.translators.install(choose_language(None, language))
        if self.rt is not None:
            self.show_window()


def _ask_who_am_i(rt: Runtime, parent: QWidget | None) -> bool:
    if rt.settings.asked_who_am_i or rt.settings.current_member_id:
        return False  # a laptop used before: the dialog's module is not even imported
    from crm_desktop.ui.shell.first_start import ask_who_am_i

    return ask_who_am_i(rt.services, rt.settings, parent)


class Start(QObject):
    """Opens the database over the painted window and hands it to the Gui.

    ``begin`` (right after the first paint) imports the Qt-free core on a worker thread;
    ``open`` then runs on the GUI thread: every dialog of the way (passphrase, "held by
    another process", a damaged file's backup, the first start's questions) is shown
    over the window. A refusal or an error ends the application with exit code 1.
    """

    core_imported = Signal(object)  # None, or the exception the import raised

    def __init__(
        self, gui: Gui, paths: Paths, location: DatabaseLocation | None, *, demo: bool
    ) -> None:
        super().__init__()
        self.gui, self.paths, self.location, self.demo = gui, paths, location, demo
        self.protections: Protections | None = None
        self.failed = False
        self.core_imported.connect(self._core_imported, Qt.ConnectionType.QueuedConnection)

    def begin(self) -> None:
        threading.Thread(target=self._import_core, name="crm-import-core", daemon=True).start()

    def _import_core(self) -> None:
        error: BaseException | None = None
        try:
            for name in CORE_MODULES:
                importlib.import_module(name)
        except BaseException as e:  # noqa: BLE001 - reported on the GUI thread
            error = e
        try:
            self.core_imported.emit(error)
        except RuntimeError:  # the application ended meanwhile
            pass

    def _core_imported(self, error: BaseException | None) -> None:
        if error is not None:
            sys.excepthook(type(error), error, error.__traceback__)
            self._fail()
            return
        try:
            self.open()
        except CrmError as e:
            storage_error(self.gui.window, e)
            self._fail()
        except Exception as e:  # noqa: BLE001 - shown by the error hook, then the end
            sys.excepthook(type(e), e, e.__traceback__)
            self._fail()

    def _fail(self) -> None:
        self.failed = True
        QApplication.exit(1)

    def open(self) -> None:
        from crm_desktop.application.demo import is_empty, open_demo
        from crm_desktop.ui.security.security_setup import (
            Protections,
            offer_encryption_at_first_start,
            open_secure_runtime,
        )

        gui, paths, window = self.gui, self.paths, self.gui.window
        if self.location is None:
            rt = open_demo(paths)
        else:
            found = open_secure_runtime(self.location, paths, window)  # passphrase, lock
            if found is None:
                self._fail()  # cancelled, or held by another process (said so)
                return
            rt = found
        gui.rt = rt  # closed at the end, whatever happens next
        want_import = False
        if not self.demo and is_empty(rt.services):
            from crm_desktop.ui.shell.first_start import FirstStartChoice, FirstStartDialog

            dialog = FirstStartDialog(can_import=True, parent=window)
            dialog.exec()
            if dialog.choice == FirstStartChoice.DEMO:
                gui.rt = None
                rt.close()
                rt = gui.rt = open_demo(paths)
            want_import = dialog.choice == FirstStartChoice.IMPORT
            if dialog.choice != FirstStartChoice.DEMO:
                rt = gui.rt = offer_encryption_at_first_start(rt, paths, window)
        # Part of the first-start flow: once the team list has members (the demo chosen
        # in the welcome dialog, or members added since); not for a --demo run.
        if not self.demo and _ask_who_am_i(rt, window):
            try:
                rt.settings.save(rt.paths.settings_file)
            except OSError as e:
                print(f"{APP_NAME}: settings not saved: {e}", file=sys.stderr)
        protections = Protections(rt, lambda: gui.window, None, gui.replace_runtime)
        self.protections = protections
        gui.window_hooks.append(protections.attach_window)

        def after_start() -> None:
            if gui.rt is None:
                return  # the application ended before its first view was up
            optimize_in_background(gui.rt)
            protections.start_checks()  # full integrity_check, then the start backup
            warm_up_in_background()

        gui.after_first_view = after_start  # once the first view is built
        gui.attach(rt)
        if want_import and gui.window is not None:
            gui.window.start_import()

    def close(self) -> None:
        if self.protections is not None:
            self.protections.stop()
        rt, self.gui.rt = self.gui.rt, None
        if rt is not None:
            rt.close()


def run_gui(args: argparse.Namespace) -> int:
    paths = resolve_paths(portable=getattr(args, "portable", False))
    app = make_application(sys.argv[:1], paths)
    settings = Settings.load(paths.settings_file)
    translators = Translators()
    translators.install(choose_language(getattr(args, "lang", None), settings.language))
    demo = bool(getattr(args, "demo", False))
    db = getattr(args, "db", None)
    location = None  # the demo database (opened by application.demo)
    instance = None  # one window per database: a second start brings it forward
    if not (demo and not db):
        try:
            location = locate(db, paths)  # parsed once, here
        except CrmError as e:
            storage_error(None, e)
            return 1
        instance = SingleInstance(server_name(location.instance_key))
        if instance.notify_running():
            return 0
        instance.listen()
    install_error_hook()
    gui = Gui(app, None, translators, paint_first=True)  # replaced windows paint first too
    window = gui.show_shell(settings, paths)
    if instance is not None:
        instance.activated.connect(lambda: bring_to_front(gui.window))
    start = Start(gui, paths, location, demo=demo)
    AfterFirstPaint(window, start.begin)
    try:
        code = app.exec()
        return 1 if start.failed else code
    finally:
        start.close()
        if instance is not None:
            instance.close()
        if gui.window is not None:
            gui.window.hide()  # a start that failed leaves no window behind
            gui.window.deleteLater()
