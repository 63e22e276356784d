"""Help → Keyboard shortcuts lists the shortcuts the window really has."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QTreeWidget

from crm_desktop.runtime import Runtime
from crm_desktop.ui.security.security_setup import Protections
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.shell.shortcuts_dialog import ShortcutsDialog

pytestmark = pytest.mark.usefixtures("english")


def shown_rows(dialog: ShortcutsDialog) -> dict[str, str]:
    tree = dialog.findChild(QTreeWidget, "shortcuts")
    rows: dict[str, str] = {}
    for i in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(i)
        for j in range(head.childCount()):
            item = head.child(j)
            rows[f"{head.text(0)} / {item.text(0)}"] = item.text(1)
    return rows


def test_f1_shows_every_menu_shortcut_including_the_lock(qtbot, rt: Runtime) -> None:
    window = MainWindow(rt.services, rt.settings, rt.paths, "en")
    qtbot.addWidget(window)
    protections = Protections(rt, lambda: window)
    protections.attach_window(window)  # the Security menu with Ctrl+L
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ShortcutsDialog))
    dialog = QApplication.activeModalWidget()
    rows = shown_rows(dialog)
    assert rows["Edit / Find anything"] == "Ctrl+K"
    assert rows["Security / Lock now"] == "Ctrl+L"
    assert rows["File / New record"] == "Ctrl+N"
    assert rows["Help / Keyboard shortcuts"] == "F1"
    assert rows["View / " + window.nav.sections[0].title()] == "Ctrl+1"
    # Every action of the menus with a shortcut is listed, and nothing else from them.
    menus = [top.menu() for top in window.menuBar().actions() if top.menu() is not None]
    menu_shortcuts = sum(1 for menu in menus for a in menu.actions() if a.shortcuts())
    assert menu_shortcuts > 10
    assert len([r for r in rows if not r.startswith("Editors")]) == menu_shortcuts
    assert rows["Editors and document preview / Save the form or the meeting"] == QKeySequence(
        QKeySequence.StandardKey.Save
    ).toString(QKeySequence.SequenceFormat.NativeText)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    protections.stop()
