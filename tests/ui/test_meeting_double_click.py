"""Double-clicking a meeting row opens one editor; opening it again brings that one up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from crm_desktop.config import Settings
from crm_desktop.runtime import Runtime
from crm_desktop.ui.editors.meeting_dialog import MeetingDialog
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.views.list_view import EntityListView

pytestmark = pytest.mark.usefixtures("english")


def editors() -> list[MeetingDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MeetingDialog) and w.isVisible()
    ]


def double_click_row(qtbot, view: EntityListView, row: int) -> None:
    """What the window system sends for a double click: press, release, then the
    second press as a double click (QTest's mouseDClick alone skips the first)."""
    rect = view.table.visualRect(view.model.index(row, 1))
    assert rect.isValid()
    viewport = view.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=rect.center())


def test_double_click_opens_one_editor_per_meeting(qtbot, rt: Runtime) -> None:
    window = MainWindow(rt.services, Settings(language="en"), rt.paths, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.nav.select("meetings") or window.nav.view("meetings")
    assert isinstance(view, EntityListView)
    qtbot.waitUntil(lambda: view.model.rowCount() >= 2)
    assert editors() == []
    double_click_row(qtbot, view, 0)
    first = view.selected_id()
    qtbot.waitUntil(lambda: len(editors()) == 1)
    qtbot.wait(50)  # a second editor, if any, would come from the same event
    assert len(editors()) == 1 and editors()[0].editor.meeting_id == first
    opened = editors()[0]
    double_click_row(qtbot, view, 0)  # the same meeting again: the same window
    assert editors() == [opened]
    double_click_row(qtbot, view, 1)  # another meeting: its own window
    second = view.selected_id()
    qtbot.waitUntil(lambda: len(editors()) == 2)
    assert {e.editor.meeting_id for e in editors()} == {first, second}
    opened.close()
    qtbot.waitUntil(lambda: len(editors()) == 1)
    double_click_row(qtbot, view, 0)  # closed: opens anew
    qtbot.waitUntil(lambda: len(editors()) == 2)
    for e in editors():
        e.close()
