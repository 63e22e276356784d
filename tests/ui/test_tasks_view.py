"""My tasks over the demo database: overdue first and highlighted, done with one click."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack

from crm_desktop.config import Settings
from crm_desktop.domain.models import TaskStatus
from crm_desktop.domain.services.tasks import TaskInput
from crm_desktop.runtime import Runtime
from crm_desktop.ui.views.tasks_view import OVERDUE_BACKGROUND, TasksView

pytestmark = pytest.mark.usefixtures("english")  # texts checked in the source language


@pytest.fixture
def me(rt: Runtime):
    return next(m for m in rt.services.members.list() if m.name.startswith("Белов"))


@pytest.fixture
def late(rt: Runtime, me):
    """An open task of mine that was due a week ago."""
    return rt.services.tasks.create(
        TaskInput(
            "Отправить протокол встречи", owner_id=me.id, due_date=date.today() - timedelta(days=7)
        )
    )


@pytest.fixture
def view(qtbot, rt: Runtime, me, late) -> TasksView:
    stack = QUndoStack()
    w = TasksView(rt.services, Settings(language="en", current_member_id=me.id), undo_stack=stack)
    w.stack = stack
    qtbot.addWidget(w)
    w.resize(1200, 600)
    w.show()
    return w


def _rows(view: TasksView) -> list:
    return [view.task_at(r) for r in range(view.model.rowCount())]


def test_my_open_tasks_overdue_first_and_highlighted(view: TasksView, rt: Runtime, me, late):
    assert view.owner.currentData() == me.id
    assert view.owner.currentText().endswith("(me)")
    rows = _rows(view)
    assert rows[0].id == late.id
    assert all(t.owner_id == me.id and t.status == TaskStatus.OPEN for t in rows)
    expected = rt.services.tasks.count(rt.services.tasks.query(owner_id=me.id, open_only=True))
    assert len(rows) == expected
    first = view.model.index(0, 2)
    assert view.model.data(first, Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert view.model.data(first, Qt.ItemDataRole.FontRole).bold()
    assert view.model.data(view.model.index(1, 2), Qt.ItemDataRole.BackgroundRole) is None
    assert "overdue: 1" in view.summary.text()


def test_one_click_marks_a_task_done_and_undo_reopens_it(view: TasksView, rt: Runtime, late, qtbot):
    index = view.model.index(0, 0)
    rect = view.table.visualRect(index)
    qtbot.mouseClick(
        view.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + 10, rect.center().y()),
    )
    assert rt.services.tasks.get(late.id).status == TaskStatus.DONE
    # It stays in the list, checked, so a slip of the mouse is easy to take back.
    assert view.task_at(0).id == late.id
    assert view.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert view.model.data(view.model.index(0, 1), Qt.ItemDataRole.FontRole).strikeOut()
    view.undo_stack.undo()
    assert rt.services.tasks.get(late.id).status == TaskStatus.OPEN
    qtbot.waitUntil(
        lambda: (
            view.model.data(view.model.index(0, 0), Qt.ItemDataRole.CheckStateRole)
            == Qt.CheckState.Unchecked
        )
    )
    view.refresh()
    assert view.task_at(0).id == late.id


def test_owner_selector_and_open_or_all_filter(view: TasksView, rt: Runtime, me):
    S = rt.services
    view.owner.setCurrentIndex(view.owner.findData(None))  # everyone
    assert len(_rows(view)) == S.tasks.count(S.tasks.query(open_only=True))
    view.show_filter.setCurrentIndex(view.show_filter.findData(False))  # done ones too
    rows = _rows(view)
    assert len(rows) == S.tasks.count(S.tasks.query())
    statuses = [t.status for t in rows]
    assert TaskStatus.DONE in statuses
    first_done = statuses.index(TaskStatus.DONE)
    assert all(s == TaskStatus.DONE for s in statuses[first_done:])  # open ones come first
    view.filter_text.setText("Zhonglian")
    view.reload()
    assert [t.title for t in _rows(view)] == ["Напомнить Zhonglian о проекте в январе 2027 года"]


def test_double_click_opens_the_task(view: TasksView, late, qtbot):
    rect = view.table.visualRect(view.model.index(0, 1))
    with qtbot.waitSignal(view.open_record) as sig:
        qtbot.mousePress(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == ["task", late.id]
    assert view.show_record("task", late.id)


def test_space_marks_the_selected_task_done(view: TasksView, rt: Runtime, late, qtbot):
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 1))
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert rt.services.tasks.get(late.id).status == TaskStatus.DONE
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert rt.services.tasks.get(late.id).status == TaskStatus.OPEN


def test_the_tasks_filter_bar_is_the_shared_one_and_keeps_me_after_a_refresh(
    qtbot, view: TasksView, rt: Runtime, me
):
    from crm_desktop.ui.common.filter_bar import FilterBar

    assert isinstance(view.filter_bar, FilterBar)
    assert view.new_button.parent() is view.filter_bar  # on the same wrapping row
    view.owner.setCurrentIndex(view.owner.findData(None))
    qtbot.keyClicks(view.filter_text, "Zhonglian")  # one query once typing pauses
    qtbot.waitUntil(
        lambda: (
            [t.title for t in _rows(view)] == ["Напомнить Zhonglian о проекте в январе 2027 года"]
        ),
        timeout=3000,
    )
    view.owner.setCurrentIndex(view.owner.findData(me.id))
    view.refresh()  # members reloaded: the owner chosen stays, "(me)" still marks me
    assert view.owner.currentData() == me.id and view.owner.currentText().endswith("(me)")
