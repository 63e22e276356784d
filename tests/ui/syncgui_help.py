"""Two demo databases that went apart: the laptop the window runs on and another one.

Built with the services, as two members of a delegation would: the same companies'
city (and website) edited on both laptops, and a new company on each.
"""

from __future__ import annotations

import dataclasses
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from crm_desktop.config import Paths, Settings
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.runtime import Runtime, open_runtime
from crm_desktop.ui.shell.main_window import MainWindow


@dataclass
class Diverged:
    other: Path  # the other laptop's database file
    other_paths: Paths
    city: str  # the company whose city both edited
    website: str  # the company whose website both edited


def edit(rt: Runtime, cid: str, **fields: Any) -> None:
    row = rt.services.companies.get(cid)
    rt.services.companies.update(cid, dataclasses.replace(CompanyInput.from_row(row), **fields))


def diverge(rt: Runtime, template: Path, tmp: Path, *, website: bool = False) -> Diverged:
    folder = tmp / "other-laptop"
    folder.mkdir()
    other = folder / "other.sqlite3"
    shutil.copy(template, other)
    other_paths = Paths(data_dir=folder / "data", config_dir=folder / "config")
    there = open_runtime("sqlite:///" + str(other), other_paths)
    companies = sorted(rt.services.companies.list(), key=lambda c: c.id)
    first, second = companies[0].id, companies[1].id
    try:
        edit(rt, first, city="Suzhou (ours)")
        rt.services.companies.create(CompanyInput(name="Mine Only Pumps"))
        edit(there, first, city="Wuxi (theirs)")  # later: this one wins the merge
        there.services.companies.create(CompanyInput(name="Their New Motors"))
        if website:
            edit(rt, second, website="https://ours.example.cn")
            edit(there, second, website="https://theirs.example.cn")
    finally:
        there.close()
    return Diverged(other, other_paths, first, second)


def make_window(qtbot: Any, rt: Runtime) -> MainWindow:
    w = MainWindow(rt.services, Settings(language="en"), rt.paths, "en", runtime=rt)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitActive(w):
        w.activateWindow()
    return w


def open_sync_dialog(qtbot: Any, window: MainWindow) -> Any:
    """File → Synchronise… by its shortcut, a real key event on the window."""
    action = window.findChild(type(window.menuBar().actions()[0]), "action_sync")
    assert action is not None
    assert action.shortcut() == QKeySequence("Ctrl+Shift+Y")
    before = getattr(window, "sync_dialog", None)
    if not window.isActiveWindow():
        with qtbot.waitActive(window):
            window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_Y,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: getattr(window, "sync_dialog", None) not in (None, before))
    dialog = window.sync_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def settle(qtbot: Any) -> None:
    """Let posted deletions run (dialogs closed with WA_DeleteOnClose)."""
    QCoreApplication.sendPostedEvents()
    QApplication.processEvents()
