"""The cold start paints the main window before it builds Today or imports other views.

What a user sees is unchanged: Today's row is marked at once and Today fills in right
after the first paint; other sections are imported when first visited.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from crm_desktop.runtime import Runtime
from crm_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("english")

ROOT = Path(__file__).resolve().parents[2]

_PROBE = textwrap.dedent("""
    import json, os, sys, time
    from crm_desktop.app import run_gui  # noqa: F401 - imported as the start does
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    WATCH = ["alembic", "openpyxl", "numpy", "crm_desktop.ui.views.today_view",
             "crm_desktop.ui.views.entity_views", "crm_desktop.ui.views.dashboard_view",
             "crm_desktop.ui.views.trash_view", "crm_desktop.ui.views.find_dialog",
             "crm_desktop.ui.shell.settings_dialog", "crm_desktop.ui.shell.first_start"]
    seen = {}

    def inside_today(obj):
        w = obj if isinstance(obj, QWidget) else None
        while w is not None and w.objectName() != "view_today":
            w = w.parentWidget()
        return w is not None

    class Spy(QObject):
        def eventFilter(self, obj, event):
            if event.type() != QEvent.Type.Paint:
                return False
            if "window" not in seen and isinstance(obj, QMainWindow) and obj.isWindow():
                seen["window"] = {"modules": [m for m in WATCH if m in sys.modules],
                                  "row": obj.nav.current_key(),
                                  "view": obj.nav.current_view() is not None}
            elif "window" in seen and inside_today(obj):
                seen["today"] = {"modules": [m for m in WATCH if m in sys.modules]}
                print(json.dumps(seen), flush=True)
                os._exit(0)
            return False

    spy = Spy()
    original = QApplication.exec

    def exec_with_spy(*args):
        QApplication.instance().installEventFilter(spy)
        return original()

    QApplication.exec = exec_with_spy
    from crm_desktop.cli import main
    main(["--db", sys.argv[1], "--lang", "en"])
""")


def test_the_window_is_painted_before_today_and_without_other_views(
    demo_db: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    (data / "config").mkdir(parents=True)
    (data / "config" / "settings.json").write_text(json.dumps({"asked_who_am_i": True}))
    env = {
        **os.environ,
        "CRM_DATA_DIR": str(data),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(demo_db)],
        capture_output=True,
        text=True,
        env=env,
        cwd=str(ROOT),
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    # First paint: Today's row is marked, its view not built yet, nothing else imported.
    assert seen["window"] == {"modules": [], "row": "today", "view": False}
    # Then Today is built and painted; the other views still wait for their first visit.
    assert seen["today"]["modules"] == ["crm_desktop.ui.views.today_view"]


def _click_section(qtbot, window: MainWindow, key: str) -> None:
    nav = window.nav.list
    rect = nav.visualItemRect(nav.item(window.nav.keys().index(key)))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_today_fills_in_after_the_first_paint_and_sections_load_on_click(
    qtbot, rt: Runtime
) -> None:
    from crm_desktop.app import Gui
    from crm_desktop.ui.common.i18n import Translators

    translators = Translators()
    translators.install("en")
    gui = Gui(QCoreApplication.instance(), rt, translators, paint_first=True)
    window = gui.show_window()
    qtbot.addWidget(window)
    assert window.nav.current_key() == "today"  # marked before anything is queried
    assert window.nav.current_view() is None
    qtbot.waitUntil(lambda: window.nav.current_view() is not None, timeout=5000)
    today = window.nav.current_view()
    assert today.objectName() == "view_today"
    assert "Today," in today.title.text()
    assert window.nav.stack.currentWidget() is today
    _click_section(qtbot, window, "contacts")
    assert window.nav.current_key() == "contacts"
    contacts = window.nav.current_view()
    qtbot.waitUntil(lambda: contacts.table.model().rowCount() > 0, timeout=5000)


def test_a_section_chosen_before_today_loads_is_kept(qtbot, rt: Runtime) -> None:
    window = MainWindow(rt.services, rt.settings, rt.paths, "en", load_first_view=False)
    qtbot.addWidget(window)
    window.show()
    _click_section(qtbot, window, "companies")
    assert window.nav.current_key() == "companies"
    companies = window.nav.current_view()
    window.load_first_view()  # the application's call after the first paint
    assert window.nav.current_key() == "companies"
    assert window.nav.current_view() is companies
    assert "today" not in window.nav.views
