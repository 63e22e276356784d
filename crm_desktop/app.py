"""GUI composition root: QApplication, fonts, translations, database, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

# The Qt-free layers first: once PySide6 is imported, its __feature__ import hook reads the
# source of every module imported after it (about 80 ms for SQLAlchemy and the models).
from crm_desktop.application.database import locate
from crm_desktop.application.demo import is_empty, open_demo
from crm_desktop.runtime import Runtime

# isort: split
from PySide6.QtCore import QEvent, QObject, QSettings, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from crm_desktop import APP_DISPLAY_NAME, APP_ID, APP_NAME, ORGANIZATION, __version__
from crm_desktop.config import Paths, Settings, resolve_paths, resources_dir
from crm_desktop.domain.errors import CrmError
from crm_desktop.ui.common.fonts import register_bundled_fonts
from crm_desktop.ui.common.i18n import Translators, choose_language
from crm_desktop.ui.common.pyside_refcount import pin_none
from crm_desktop.ui.common.single_instance import SingleInstance, server_name
from crm_desktop.ui.common.widgets_errors import crm_error_text
from crm_desktop.ui.security.security_setup import (
    Protections,
    offer_encryption_at_first_start,
    open_secure_runtime,
)
from crm_desktop.ui.shell.main_window import MainWindow


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
        self, app: QApplication, rt: Runtime, translators: Translators, *, paint_first: bool = False
    ) -> None:
        self.app, self.rt, self.translators = app, rt, translators
        self.window: MainWindow | None = None
        self.window_hooks: list[Callable[[MainWindow], object]] = []  # e.g. Security menu
        # The window is painted before its first view runs its queries (Today counts every
        # task and project: more than half a second on a large database).
        self.paint_first = paint_first
        # Background work of the start (checks, statistics), begun once the first view is
        # on the screen so that it does not compete with that view's queries.
        self.after_first_view: Callable[[], object] | None = None

    def show_window(self) -> MainWindow:
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
        self.show_window()


def _ask_who_am_i(rt: Runtime) -> bool:
    if rt.settings.asked_who_am_i or rt.settings.current_member_id:
        return False  # a laptop used before: the dialog's module is not even imported
    from crm_desktop.ui.shell.first_start import ask_who_am_i

    return ask_who_am_i(rt.services, rt.settings)


def run_gui(args: argparse.Namespace) -> int:
    paths = resolve_paths(portable=getattr(args, "portable", False))
    app = make_application(sys.argv[:1], paths)
    settings = Settings.load(paths.settings_file)
    translators = Translators()
    translators.install(choose_language(getattr(args, "lang", None), settings.language))
    instance = None  # one window per database: a second start brings it forward
    try:
        if getattr(args, "demo", False) and not getattr(args, "db", None):
            rt = open_demo(paths)
        else:
            location = locate(getattr(args, "db", None), paths)  # parsed once, here
            instance = SingleInstance(server_name(location.instance_key))
            if instance.notify_running():
                return 0
            rt = open_secure_runtime(location, paths)  # passphrase, lock, backups, damage
            if rt is None:
                return 1
    except CrmError as e:
        storage_error(None, e)
        return 1
    want_import = False
    if is_empty(rt.services) and not getattr(args, "demo", False):
        from crm_desktop.ui.shell.first_start import FirstStartChoice, FirstStartDialog

        dialog = FirstStartDialog(can_import=True)
        dialog.exec()
        if dialog.choice == FirstStartChoice.DEMO:
            rt.close()
            try:
                rt = open_demo(paths)
            except CrmError as e:
                storage_error(None, e)
                return 1
        want_import = dialog.choice == FirstStartChoice.IMPORT
        if dialog.choice != FirstStartChoice.DEMO:
            rt = offer_encryption_at_first_start(rt, paths)
    # Part of the first-start flow: once the team list has members (the demo chosen in
    # the welcome dialog, or members added since); not for a --demo run.
    if not getattr(args, "demo", False) and _ask_who_am_i(rt):
        try:
            rt.settings.save(rt.paths.settings_file)
        except OSError as e:
            print(f"{APP_NAME}: settings not saved: {e}", file=sys.stderr)
    install_error_hook()
    gui = Gui(app, rt, translators, paint_first=True)
    window = gui.show_window()
    protections = Protections(rt, lambda: gui.window, instance, gui.replace_runtime)
    protections.attach_window(window)
    gui.window_hooks.append(protections.attach_window)

    def after_start() -> None:
        optimize_in_background(gui.rt)
        protections.start_checks()  # full integrity_check, then the start backup
        warm_up_in_background()

    gui.after_first_view = after_start  # once Today is built, right after the first paint
    if want_import:
        window.start_import()
    try:
        return app.exec()
    finally:
        protections.stop()
        gui.rt.close()
