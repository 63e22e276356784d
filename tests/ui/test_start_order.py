"""The cold start paints the real main window before the database is opened.

run_gui runs here in the test's process, with its event loop: a timer plays the user
(types the passphrase into the dialog over the window, presses keys while the database
opens) and closes the window when the check is done.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox

from crm_desktop.cli import build_parser
from crm_desktop.config import Paths, Settings
from crm_desktop.runtime import open_runtime
from crm_desktop.storage.encryption import DatabaseKey
from crm_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("english")

PASSPHRASE = "correct horse battery staple 42"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def key() -> DatabaseKey:
    return DatabaseKey.new(PASSPHRASE)  # the KDF is slow: once for the module


@pytest.fixture(autouse=True)
def own_error_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    """run_gui installs its error dialog as sys.excepthook; it is undone after each test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)


@pytest.fixture(autouse=True)
def used_before(paths: Paths) -> None:
    """A laptop used before: no "who am I" question at start."""
    settings = Settings.load(paths.settings_file)
    settings.asked_who_am_i = True
    settings.save(paths.settings_file)


def _window() -> MainWindow | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible():
            return w
    return None


def _run(argv: list[str], step: Callable[[], bool], timeout_s: float = 60) -> int:
    """run_gui(argv) while ``step`` is called every 20 ms from its event loop (also inside
    the start's dialogs) until it returns True. A start that hangs ends with code 99.
    A step ends the run by closing the window, never by QApplication.exit: the Quit event
    the closing posts would otherwise be left over and end the next test's event loops."""
    from crm_desktop.app import run_gui

    deadline = time.monotonic() + timeout_s
    timer = QTimer()
    timer.setInterval(20)

    def tick() -> None:
        if time.monotonic() > deadline:
            timer.stop()
            QApplication.exit(99)
        elif step():
            timer.stop()

    timer.timeout.connect(tick)
    timer.start()
    try:
        return run_gui(build_parser().parse_args([*argv, "--lang", "en"]))
    finally:
        timer.stop()


def _close_when(ready: Callable[[MainWindow], bool]) -> Callable[[], bool]:
    def step() -> bool:
        window = _window()
        if window is None or not ready(window):
            return False
        window.close()  # the last window closed: the application ends (a posted Quit)
        return True

    return step


def _today_built(window: MainWindow) -> bool:
    view = window.nav.current_view()
    return view is not None and view.objectName() == "view_today"


class PaintSpy(QObject):
    """Records what the main window looked like at its first paint."""

    def __init__(self, opened: list[str]) -> None:
        super().__init__()
        self.opened = opened
        self.first: dict[str, object] = {}

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.first and event.type() == QEvent.Type.Paint and isinstance(obj, MainWindow):
            self.first = {
                "database opened": list(self.opened),
                "menus": [a.text() for a in obj.menuBar().actions()],
                "sections": obj.nav.list.count(),
                "row": obj.nav.current_key(),
                "shown": obj.nav.stack.currentWidget().objectName(),
            }
        return False


def test_the_window_is_painted_before_the_database_is_opened(
    qapp, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import crm_desktop.application.database as use_case

    opened: list[str] = []
    real_open = use_case.open_runtime

    def open_runtime_observed(*a, **k):  # noqa: ANN002, ANN003, ANN202
        opened.append("open_runtime")
        return real_open(*a, **k)

    monkeypatch.setattr(use_case, "open_runtime", open_runtime_observed)
    spy = PaintSpy(opened)
    qapp.installEventFilter(spy)
    try:
        code = _run(["--db", str(demo_db)], _close_when(_today_built))
    finally:
        qapp.removeEventFilter(spy)
    assert code == 0
    assert spy.first == {
        "database opened": [],  # the first paint came before the runtime factory ran
        "menus": ["&File", "&Edit", "&View", "&Documents", "&Help", "Securit&y"],
        "sections": 12,
        "row": "today",
        "shown": "view_opening",
    }
    assert opened == ["open_runtime"]  # then the database was opened, once


def test_an_encrypted_database_asks_for_its_passphrase_over_the_window_then_shows_its_data(
    qapp, qtbot, paths: Paths, key: DatabaseKey
) -> None:
    from crm_desktop.domain.services.companies import CompanyInput

    db = paths.data_dir / "crm.sqlite3"
    rt = open_runtime("sqlite:///" + str(db), paths, key=key)
    rt.services.companies.create(CompanyInput(name="Kaiyuan Pump Group"))
    rt.close()
    seen: dict[str, object] = {}

    def step() -> bool:
        dialog = QApplication.activeModalWidget()
        if "asked" not in seen and isinstance(dialog, QDialog):
            window = _window()
            seen["asked"] = window is not None and dialog.parent() is window
            seen["opening"] = window is not None and not window.ready
            field = dialog.findChild(QLineEdit)
            qtbot.keyClicks(field, PASSPHRASE)
            qtbot.keyClick(field, Qt.Key.Key_Return)
            return False
        window = _window()
        if "asked" not in seen or window is None or not window.ready:
            return False
        if window.nav.current_key() != "companies":
            window.activateWindow()  # back from the dialog: its shortcuts apply again
            qtbot.keyClick(window.nav.list, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
            return False
        view = window.nav.current_view()
        model = view.table.model() if view is not None else None
        if model is None or model.rowCount() == 0:
            return False
        seen["companies"] = [model.index(r, 0).data() for r in range(model.rowCount())]
        window.close()
        return True

    assert _run(["--db", str(db)], step) == 0
    assert seen["asked"] is True  # the passphrase dialog is shown over the main window
    assert seen["opening"] is True  # ... which waits for it with the database closed
    assert any("Kaiyuan" in str(name) for name in seen["companies"])


def test_a_database_held_by_another_process_says_so_over_the_window(
    qapp, paths: Paths, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path\n"
            "from crm_desktop.storage.lock import WRITE, DatabaseLocks\n"
            "locks = DatabaseLocks(Path(sys.argv[1]), WRITE, app='crm-desktop import').acquire()\n"
            "print('held', flush=True); sys.stdin.read()",
            str(demo_db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=str(ROOT),
    )
    told: list[tuple[object, str]] = []

    def information(parent, title, text, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
        told.append((parent, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", staticmethod(information))
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        code = _run(["--db", str(demo_db)], lambda: False, timeout_s=30)
    finally:
        holder.communicate("", timeout=30)
    assert code == 1
    [(parent, text)] = told
    assert isinstance(parent, MainWindow)  # shown over the window, which then goes
    assert "crm-desktop import" in text or "another" in text.lower()
    assert _window() is None


def test_keys_pressed_while_the_database_opens_act_once_it_is_open(
    qapp, qtbot, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm_desktop.app import Start
    from crm_desktop.ui.views.find_dialog import FindAnythingDialog

    pressed: dict[str, object] = {}
    begin = Start.begin

    def press_then_begin(self: Start) -> None:
        # Painted, the database not open yet: Ctrl+5 (Companies) and Ctrl+K (Find).
        window = self.gui.window
        assert window is not None and not window.ready
        qtbot.keyClick(window.nav.list, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(window.nav.list, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        pressed["row"] = window.nav.current_key()
        pressed["waiting"] = len(window.waiting)
        pressed["views"] = list(window.nav.views)
        begin(self)

    monkeypatch.setattr(Start, "begin", press_then_begin)
    found: list[FindAnythingDialog] = []

    def dialog_shown(window: MainWindow) -> bool:
        dialogs = [d for d in window.findChildren(FindAnythingDialog) if d.isVisible()]
        if not dialogs:
            return False
        found.extend(dialogs)
        pressed["after"] = (window.nav.current_key(), sorted(window.nav.views))
        return True

    assert _run(["--db", str(demo_db)], _close_when(dialog_shown)) == 0
    assert pressed["row"] == "companies"  # marked at once, nothing built
    assert pressed["waiting"] == 1 and pressed["views"] == []
    # Once open: the section chosen is the one built (not Today), and Find has opened.
    assert pressed["after"] == ("companies", ["companies"])
    assert len(found) == 1


def test_once_open_the_window_offers_synchronise_and_the_conflicts_section(
    qapp, qtbot, demo_db: Path
) -> None:
    """The window painted before the database opened gets File → Synchronise… and the
    Conflicts section when the database arrives; Ctrl+Shift+Y opens the dialog."""
    from crm_desktop.ui.shell.sync_dialog import SyncDialog

    seen: dict[str, object] = {}

    def before(window: MainWindow) -> bool:
        if "painted" not in seen and not window.ready:
            seen["painted"] = (
                window.sync_action.isVisible(),
                window.conflicts_action.isVisible(),
                window.nav.keys()[-1],
            )
        return False

    def sync_opened(window: MainWindow) -> bool:
        before(window)
        if not window.ready or window.nav.current_view() is None:
            return False
        if "keys" not in seen:
            seen["keys"] = window.nav.keys()[-1]
            seen["visible"] = (window.sync_action.isVisible(), window.conflicts_action.isVisible())
            qtbot.keyClick(
                window,
                Qt.Key.Key_Y,
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
            )
        dialogs = [d for d in window.findChildren(SyncDialog) if d.isVisible()]
        if dialogs:
            seen["dialog"] = dialogs[0].windowTitle()
            dialogs[0].reject()
            return True
        return False

    assert _run(["--db", str(demo_db)], _close_when(sync_opened)) == 0
    # before the database: no sync, no conflicts (in the list or the View menu)
    assert seen["painted"] == (False, False, "trash")
    assert seen["keys"] == "conflicts" and seen["visible"] == (True, True)
    assert seen["dialog"]
