"""The pipeline board over the demo database, driven through its real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent, QUndoStack

from crm_desktop.config import Settings
from crm_desktop.domain.models import ProjectStatus
from crm_desktop.runtime import Runtime
from crm_desktop.ui.board.pipeline_board import MIME_PROJECT, STATUS_FILTERS, PipelineBoard

pytestmark = pytest.mark.usefixtures("english")  # texts checked in the source language


@pytest.fixture
def board(qtbot, rt: Runtime) -> PipelineBoard:
    stack = QUndoStack()
    w = PipelineBoard(rt.services, Settings(language="en"), undo_stack=stack)
    w.stack = stack  # keep the stack alive as long as the board
    qtbot.addWidget(w)
    w.resize(1300, 700)
    w.show()
    return w


def _project(rt: Runtime, title_part: str):
    return next(p for p in rt.services.projects.list() if title_part in p.title)


def _drop(board: PipelineBoard, project_id: str, stage_id: str) -> None:
    target = board.columns[stage_id].list
    mime = QMimeData()
    mime.setData(MIME_PROJECT, project_id.encode("ascii"))
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)
    assert event.isAccepted()


def test_one_column_per_stage_with_cards_and_totals(board: PipelineBoard, rt: Runtime):
    stages = rt.services.stages.list()
    assert list(board.columns) == [s.id for s in stages]
    assert board.columns[stages[0].id].title.text() == "1. Lead"
    pumps = _project(rt, "насосных станций")  # won, at the last stage
    card = board.card_of(pumps.id)
    assert card is not None and card.stage_id == stages[-1].id
    assert card.company_native == "凯源泵业集团有限公司"
    assert card.company_latin == "Kaiyuan Pump Group Co., Ltd."
    assert card.money_parts == ["1.2 bn RUB", "jobs: 250"]
    assert card.time_parts[0].endswith("d in stage") and card.time_parts[1] == "Ilya Zhukov"
    lost = _project(rt, "упаковка")  # lost: hidden by the default "all but lost" filter
    assert board.card_of(lost.id) is None
    first = board.columns[stages[1].id]  # two projects at "First meeting", USD and CNY
    assert first.list.count() == 2
    assert "Projects: 2" in first.totals.text()
    assert "300 M CNY" in first.totals.text() and "15 M USD" in first.totals.text()


def test_drag_to_another_stage_records_a_stage_change_and_undo_reverses_it(
    board: PipelineBoard, rt: Runtime, qtbot, monkeypatch
):
    S = rt.services
    stages = S.stages.list()
    robots = _project(rt, "роботов")
    start_stage = robots.stage_id
    target = stages[3].id  # Site selection
    asked = []
    monkeypatch.setattr(
        board,
        "ask_note",
        lambda card, stage: asked.append((card.project_id, stage.id)) or "Выбрали ОЭЗ «Дубна»",
    )
    _drop(board, robots.id, target)
    qtbot.waitUntil(lambda: S.projects.get(robots.id).stage_id == target)
    assert asked == [(robots.id, target)]
    last = S.projects.stage_history(robots.id)[-1]
    assert last.stage.id == target and last.note == "Выбрали ОЭЗ «Дубна»"
    assert board.column_of(robots.id) == target
    assert board.columns[target].list.count() == 1

    board.undo_stack.undo()
    assert S.projects.get(robots.id).stage_id == start_stage
    assert S.projects.stage_history(robots.id)[-1].stage.id == start_stage
    qtbot.waitUntil(lambda: board.column_of(robots.id) == start_stage)
    board.undo_stack.redo()
    assert S.projects.get(robots.id).stage_id == target


def test_drop_on_its_own_column_or_cancelled_note_changes_nothing(
    board: PipelineBoard, rt: Runtime, qtbot, monkeypatch
):
    robots = _project(rt, "роботов")
    target = rt.services.stages.list()[4].id
    monkeypatch.setattr(board, "ask_note", lambda card, stage: None)  # the user cancels
    board.request_move(robots.id, target)
    board.request_move(robots.id, robots.stage_id)
    assert rt.services.projects.get(robots.id).stage_id == robots.stage_id
    assert board.undo_stack.count() == 0


def test_mark_lost_needs_a_reason_and_is_undoable(board: PipelineBoard, rt: Runtime, monkeypatch):
    S = rt.services
    robots = _project(rt, "роботов")
    menu = board.build_card_menu(board.card_of(robots.id))
    texts = [a.text() for a in menu.actions()]
    assert "Mark as lost…" in texts and "Put on hold…" in texts
    monkeypatch.setattr(board, "ask_reason", lambda card, status: None)  # cancelled
    board.request_status(robots.id, ProjectStatus.LOST)
    assert S.projects.get(robots.id).status == ProjectStatus.ACTIVE
    monkeypatch.setattr(board, "ask_reason", lambda card, status: "Выбрали Казахстан")
    board.request_status(robots.id, ProjectStatus.LOST)
    got = S.projects.get(robots.id)
    assert got.status == ProjectStatus.LOST and got.status_reason == "Выбрали Казахстан"
    assert board.card_of(robots.id) is None  # lost projects leave the default board
    board.status_filter.setCurrentIndex(board.status_filter.findData("lost"))
    assert "Выбрали Казахстан" in board.card_of(robots.id).status_line
    board.undo_stack.undo()
    assert S.projects.get(robots.id).status == ProjectStatus.ACTIVE


def test_filters_by_owner_country_and_trip(board: PipelineBoard, rt: Runtime):
    S = rt.services

    def shown() -> set[str]:
        return set(board._cards)

    everyone = shown()
    zhukov = next(m for m in S.members.list() if m.name.startswith("Жуков"))
    board.owner_filter.setCurrentIndex(board.owner_filter.findData(zhukov.id))
    assert shown() and all(S.projects.get(p).owner_id == zhukov.id for p in shown())
    board.owner_filter.setCurrentIndex(0)
    assert shown() == everyone
    assert board.country_filter.findData("CN") > 0
    board.country_filter.setCurrentIndex(board.country_filter.findData("CN"))
    assert shown() == everyone  # every demo company is Chinese
    trip = S.trips.list()[0]
    board.trip_filter.setCurrentIndex(board.trip_filter.findData(trip.id))
    expected = {
        p.id
        for p in S.projects.list(
            S.projects.query(trip_id=trip.id, statuses=STATUS_FILTERS["not_lost"])
        )
    }
    assert shown() == expected and expected


def test_double_click_opens_the_project(board: PipelineBoard, rt: Runtime, qtbot):
    robots = _project(rt, "роботов")
    assert board.show_record("project", robots.id)
    lst = board.columns[robots.stage_id].list
    rect = lst.visualItemRect(lst.currentItem())
    with qtbot.waitSignal(board.open_record) as sig:
        qtbot.mousePress(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == ["project", robots.id]


def test_a_crowded_column_shows_its_first_cards_and_counts_the_rest(
    board: PipelineBoard, rt: Runtime, monkeypatch
):
    import crm_desktop.ui.board.pipeline_board as module

    monkeypatch.setattr(module, "MAX_CARDS", 1)
    board.reload_cards()
    first = board.columns[rt.services.stages.list()[1].id]  # two projects at "First meeting"
    assert first.list.count() == 1
    assert first.more.text() == "1 more: narrow the filters to see them"
    assert "Projects: 2" in first.totals.text()  # totals still count every project
    assert "300 M CNY" in first.totals.text() and "15 M USD" in first.totals.text()


def test_an_undo_reloads_the_board_once_when_the_main_window_refreshes_it(
    qtbot, rt: Runtime, monkeypatch
):
    stack = QUndoStack()
    holder: list[PipelineBoard] = []
    stack.indexChanged.connect(lambda _: holder[0].refresh())  # what the main window does
    board = PipelineBoard(rt.services, Settings(language="en"), undo_stack=stack)
    board.stack = stack  # keep the stack alive as long as the board
    holder.append(board)
    qtbot.addWidget(board)
    calls = []
    original = rt.services.projects.board_cards
    monkeypatch.setattr(
        rt.services.projects, "board_cards", lambda q=None: calls.append(1) or original(q)
    )
    robots = _project(rt, "роботов")
    board.move_project(robots.id, rt.services.stages.list()[4].id, "")
    qtbot.wait(20)
    calls.clear()
    stack.undo()
    qtbot.wait(20)
    assert len(calls) == 1
    assert board.column_of(robots.id) == robots.stage_id
    stack.indexChanged.disconnect()  # the board goes before the stack at teardown


def test_the_reason_dialog_needs_a_reason_and_the_note_is_trimmed(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from crm_desktop.ui.board.pipeline_dialogs import NoteDialog, ReasonDialog

    reason = ReasonDialog("Mark as lost", "Why?")
    qtbot.addWidget(reason)
    ok = reason.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    reason.reason.setPlainText("  Выбрали другую страну ")
    assert ok.isEnabled() and reason.value() == "Выбрали другую страну"
    note = NoteDialog("Проект", "Lead", "First meeting")
    qtbot.addWidget(note)
    note.note.setPlainText("\n после встречи \n")
    assert note.value() == "после встречи"


def test_the_board_filters_through_the_shared_filter_bar(qtbot, board: PipelineBoard, rt: Runtime):
    from crm_desktop.ui.common.filter_bar import FilterBar

    assert isinstance(board.filter_bar, FilterBar)
    pumps = _project(rt, "насосных станций")
    assert len(board._cards) > 1
    board.filter_text.setFocus()
    qtbot.keyClicks(board.filter_text, "Esipovo")  # typed in Latin letters; one query
    qtbot.waitUntil(lambda: set(board._cards) == {pumps.id}, timeout=3000)
    qtbot.keyClick(board.status_filter, Qt.Key.Key_End)  # "All statuses", from the keyboard
    assert board.status_filter.currentData() == "all"
    board.filter_text.clear()
    qtbot.waitUntil(lambda: _project(rt, "упаковка").id in board._cards, timeout=3000)
