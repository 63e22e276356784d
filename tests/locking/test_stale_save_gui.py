"""A save in the window that finds the record changed by another session (a second
engine on the same file, as another laptop on the team's server or a script would be):
the dialog says who and when, and Reload, Overwrite and Compare do what they say."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from crm_desktop.config import Paths, Settings
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.members import MemberInput
from crm_desktop.runtime import Runtime, open_runtime
from crm_desktop.ui.common.stale_save_dialog import StaleSaveDialog
from crm_desktop.ui.editors.record_form import RecordForm
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.views.list_view import EntityListView

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def rt(demo_db: Path, paths: Paths) -> Iterator[Runtime]:
    runtime = open_runtime("sqlite:///" + str(demo_db), paths)
    yield runtime
    runtime.close()


@pytest.fixture
def other(demo_db: Path, paths: Paths) -> Iterator[Runtime]:
    """The other session: its own engine on the same file, acting as Li Na."""
    runtime = open_runtime("sqlite:///" + str(demo_db), paths)
    li = runtime.services.members.create(MemberInput(name="Li Na", position="analyst"))
    runtime.services.ctx.member_id = li.id
    yield runtime
    runtime.close()


@pytest.fixture
def window(qtbot, rt: Runtime) -> MainWindow:
    w = MainWindow(rt.services, Settings(language="en"), rt.paths, "en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def open_company_form(qtbot, window: MainWindow, company_id: str) -> RecordForm:
    """Find the company in the list and open it with a double click on its row."""
    view = window.nav.select("companies") or window.nav.view("companies")
    assert isinstance(view, EntityListView)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    assert view.select_id(company_id)
    row = view.table.currentIndex().row()
    rect = view.table.visualRect(view.model.index(row, 1))
    viewport = view.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: isinstance(view._dialog, RecordForm) and view._dialog.isVisible())
    form = view._dialog
    assert isinstance(form, RecordForm)
    return form


def type_city(qtbot, form: RecordForm, text: str) -> None:
    field = form.field_widget("city")
    assert isinstance(field, QLineEdit)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def stale_dialog(qtbot) -> StaleSaveDialog:
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, StaleSaveDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    return next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, StaleSaveDialog) and w.isVisible()
    )


def change_from_other_session(other: Runtime, company_id: str, **changes: object) -> int:
    s = other.services.companies
    row = s.get(company_id)
    saved = s.update(
        company_id, replace(CompanyInput.from_row(row), **changes), expected_version=row.version
    )
    return int(saved.version)


def save_into_conflict(
    qtbot, window: MainWindow, other: Runtime, rt: Runtime
) -> tuple[RecordForm, StaleSaveDialog, str]:
    company = rt.services.companies.list()[0]
    form = open_company_form(qtbot, window, company.id)
    type_city(qtbot, form, "Wuxi")
    change_from_other_session(other, company.id, city="Suzhou", website="https://li.example")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    return form, stale_dialog(qtbot), company.id


def test_the_dialog_says_who_changed_it_and_when(qtbot, window, other, rt) -> None:
    form, dialog, company_id = save_into_conflict(qtbot, window, other, rt)
    text = dialog.message.text()
    assert "Li Na changed this company" in text
    assert other.services.ctx.device_id[:8] in text
    assert rt.services.companies.get(company_id).city == "Suzhou"  # nothing overwritten
    assert form.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert form.isVisible() and form.field_widget("city").text() == "Wuxi"  # mine kept


def test_reload_discards_mine_and_shows_theirs(qtbot, window, other, rt) -> None:
    form, dialog, company_id = save_into_conflict(qtbot, window, other, rt)
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert form.field_widget("city").text() == "Suzhou"
    assert rt.services.companies.get(company_id).city == "Suzhou"
    # their version is now the one the form saves over: a further edit goes through
    type_city(qtbot, form, "Kunshan")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.result() == QDialog.DialogCode.Accepted)
    saved = rt.services.companies.get(company_id)
    assert (saved.city, saved.website) == ("Kunshan", "https://li.example")


def test_overwrite_saves_mine_over_theirs(qtbot, window, other, rt) -> None:
    form, dialog, company_id = save_into_conflict(qtbot, window, other, rt)
    theirs_version = rt.services.companies.get(company_id).version
    qtbot.mouseClick(dialog.overwrite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.result() == QDialog.DialogCode.Accepted)
    saved = rt.services.companies.get(company_id)
    # mine over theirs: every field as my form had it, their website included
    assert saved.city == "Wuxi" and saved.website != "https://li.example"
    assert saved.version == theirs_version + 1
    window.undo_stack.undo()  # undo brings theirs back, not what I first opened
    assert rt.services.companies.get(company_id).city == "Suzhou"


def test_compare_shows_the_fields_that_differ_side_by_side(qtbot, window, other, rt) -> None:
    form, dialog, company_id = save_into_conflict(qtbot, window, other, rt)
    assert not dialog.table.isVisible()
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert dialog.table.isVisible() and dialog.isVisible()
    rows = {field: (mine, theirs) for field, mine, theirs in dialog.compared_fields()}
    assert rows[form.labels["city"]] == ("Wuxi", "Suzhou")
    assert rows[form.labels["website"]][1] == "https://li.example"
    assert form.labels["name"] not in rows  # only what differs
    # after comparing, Overwrite still works from the same dialog
    qtbot.mouseClick(dialog.overwrite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.result() == QDialog.DialogCode.Accepted)
    assert rt.services.companies.get(company_id).city == "Wuxi"


# -- the meeting editor, the board, the tasks ---------------------------------------------


def open_meeting_editor(qtbot, window: MainWindow) -> Any:
    from crm_desktop.ui.editors.meeting_dialog import MeetingDialog

    view = window.nav.select("meetings") or window.nav.view("meetings")
    assert isinstance(view, EntityListView)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    rect = view.table.visualRect(view.model.index(0, 1))
    viewport = view.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, MeetingDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MeetingDialog) and w.isVisible()
    )
    return dialog.editor


@pytest.mark.parametrize("button", ["reload", "overwrite"])
def test_meeting_editor_stale_save(qtbot, window, other, rt, button: str) -> None:
    from crm_desktop.domain.services.meetings import MeetingInput

    editor = open_meeting_editor(qtbot, window)
    meeting_id = editor.meeting_id
    qtbot.mouseClick(editor.place, Qt.MouseButton.LeftButton)
    editor.place.selectAll()
    qtbot.keyClicks(editor.place, "Hotel lobby")
    theirs = other.services.meetings.get(meeting_id)
    other.services.meetings.record(
        replace(MeetingInput.from_row(theirs), place="Factory"),
        meeting_id=meeting_id,
        expected_version=theirs.version,
    )
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    dialog = stale_dialog(qtbot)
    assert "Li Na changed this meeting" in dialog.message.text()
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert ("Hotel lobby", "Factory") in {(m, t) for _f, m, t in dialog.compared_fields()}
    assert rt.services.meetings.get(meeting_id).place == "Factory"
    qtbot.mouseClick(getattr(dialog, f"{button}_button"), Qt.MouseButton.LeftButton)
    if button == "reload":
        qtbot.waitUntil(lambda: editor.place.text() == "Factory")
        assert rt.services.meetings.get(meeting_id).place == "Factory"
    else:
        qtbot.waitUntil(lambda: rt.services.meetings.get(meeting_id).place == "Hotel lobby")
        assert editor.place.text() == "Hotel lobby"
    editor.window().close()


def test_a_stage_move_on_a_stale_board_asks_first(qtbot, rt, other, monkeypatch) -> None:
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent, QUndoStack

    from crm_desktop.domain.services.projects import ProjectInput
    from crm_desktop.ui.board.pipeline_board import MIME_PROJECT, PipelineBoard

    stack = QUndoStack()
    board = PipelineBoard(rt.services, Settings(language="en"), undo_stack=stack)
    qtbot.addWidget(board)
    board.resize(1300, 700)
    board.show()
    stages = rt.services.stages.list()
    project = next(p for p in rt.services.projects.list() if "роботов" in p.title)
    # Li Na renames it meanwhile; this board still shows the card as it was
    other.services.projects.update(
        project.id,
        replace(ProjectInput.from_row(project), title="Robots, phase 2"),
        expected_version=project.version,
    )
    monkeypatch.setattr(board, "ask_note", lambda card, stage: "")
    target = board.columns[stages[3].id].list
    mime = QMimeData()
    mime.setData(MIME_PROJECT, project.id.encode("ascii"))
    target.dropEvent(
        QDropEvent(
            QPointF(20, 20),
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    dialog = stale_dialog(qtbot)
    assert rt.services.projects.get(project.id).stage_id == project.stage_id  # not moved
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    fields = {f: (m, t) for f, m, t in dialog.compared_fields()}
    assert list(fields) == ["Stage"]
    qtbot.mouseClick(dialog.overwrite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rt.services.projects.get(project.id).stage_id == stages[3].id)
    moved = rt.services.projects.get(project.id)
    assert moved.title == "Robots, phase 2"  # their rename kept: only the move is mine
    qtbot.waitUntil(lambda: board.column_of(project.id) == stages[3].id)


def test_marking_a_stale_task_done_asks_and_reload_shows_theirs(qtbot, rt, other) -> None:
    from datetime import date

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QUndoStack

    from crm_desktop.domain.models import TaskStatus
    from crm_desktop.domain.services.tasks import TaskInput
    from crm_desktop.ui.views.tasks_view import TasksView

    task = rt.services.tasks.create(
        TaskInput("Send the draft agreement", due_date=date(2026, 1, 5))
    )
    stack = QUndoStack()
    view = TasksView(rt.services, Settings(language="en"), undo_stack=stack)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    view.owner.setCurrentIndex(view.owner.findData(None))
    qtbot.waitUntil(lambda: view.model.row_of(task.id) >= 0)
    other.services.tasks.update(
        task.id,
        replace(TaskInput.from_row(task), status=TaskStatus.CANCELLED),
        expected_version=task.version,
    )
    rect = view.table.visualRect(view.model.index(view.model.row_of(task.id), 0))
    qtbot.mouseClick(
        view.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + 10, rect.center().y()),
    )
    dialog = stale_dialog(qtbot)
    assert "Li Na changed this task" in dialog.message.text()
    assert rt.services.tasks.get(task.id).status == TaskStatus.CANCELLED
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            view.model.row_of(task.id) < 0
            or view.task_at(view.model.row_of(task.id)).status == TaskStatus.CANCELLED
        )
    )
    assert rt.services.tasks.get(task.id).status == TaskStatus.CANCELLED


def test_marking_a_stale_card_won_tells_who_changed_it(qtbot, rt, other, monkeypatch) -> None:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.domain.models import ProjectStatus
    from crm_desktop.domain.services.projects import ProjectInput
    from crm_desktop.ui.board.pipeline_board import PipelineBoard

    stack = QUndoStack()
    board = PipelineBoard(rt.services, Settings(language="en"), undo_stack=stack)
    qtbot.addWidget(board)
    board.show()
    project = next(p for p in rt.services.projects.list() if "роботов" in p.title)
    other.services.projects.update(
        project.id,
        replace(ProjectInput.from_row(project), probability=10),
        expected_version=project.version,
    )
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    card = board.card_of(project.id)
    assert card is not None
    won = next(
        a for a in board.build_card_menu(card).actions() if a.text().startswith("Mark as won")
    )
    won.trigger()
    assert len(shown) == 1 and "Li Na changed this project" in shown[0]
    assert rt.services.projects.get(project.id).status == ProjectStatus.ACTIVE
    assert stack.count() == 0
