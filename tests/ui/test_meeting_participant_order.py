"""Participants in an order set by hand in the meeting editor: moved with the mouse and
the keyboard, saved, printed in that order, kept in drafts, undone, back to rank order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from crm_desktop.application.memos import MemoService
from crm_desktop.runtime import Runtime
from crm_desktop.ui.editors.meeting_editor import IdRole, MeetingEditor
from tests.documents.pdfcheck import inspect_pdf
from tests.ui import test_meeting_editor as editor_tests

editor, me = editor_tests.editor, editor_tests.me  # the meeting editor's fixtures

pytestmark = pytest.mark.usefixtures("english")

SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _row(lst: QListWidget, record_id: str) -> int:
    return next(i for i in range(lst.count()) if lst.item(i).data(IdRole) == record_id)


def _click_row(qtbot, lst: QListWidget, row: int) -> None:
    rect = lst.visualItemRect(lst.item(row))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert lst.currentRow() == row


def _memo_text(rt: Runtime, meeting_id: str) -> str:
    return inspect_pdf(MemoService(rt.services.ctx).render(meeting_id, "ru").data).squashed


def _pos(text: str, name: str) -> int:
    return text.index(name.replace(" ", ""))


def _meeting_with_two_of_ours(rt: Runtime):
    S = rt.services
    return next(m for m in S.meetings.list() if len(m.our_participants) >= 2)


def test_move_two_participants_save_and_print_them_in_that_order(
    editor: MeetingEditor, rt: Runtime, qtbot
):
    S = rt.services
    meeting = _meeting_with_two_of_ours(rt)
    editor.load_meeting(meeting.id)
    ours = editor.ours
    # the list shows the ticked people in rank order, as the memo prints them
    rank_first, rank_second = editor.form().member_ids[:2]
    names = {m.id: m.name for m in meeting.our_participants}
    text = _memo_text(rt, meeting.id)
    assert _pos(text, names[rank_first]) < _pos(text, names[rank_second])
    assert _row(ours, rank_first) < _row(ours, rank_second)
    assert not editor.our_order.rank.isEnabled()  # rank order: nothing to go back to

    # the second in rank order goes to the top: clicks on "Move up" and Ctrl+Shift+Up
    _click_row(qtbot, ours, _row(ours, rank_second))
    steps = ours.currentRow()
    assert steps >= 1
    qtbot.mouseClick(editor.our_order.up, Qt.MouseButton.LeftButton)
    for _ in range(steps - 1):
        qtbot.keyClick(ours, Qt.Key.Key_Up, SHIFT_CTRL)
    assert ours.currentRow() == 0 and ours.item(0).data(IdRole) == rank_second
    assert editor.our_order.rank.isEnabled()
    form = editor.form()
    assert form.members_by_hand
    assert form.member_ids.index(rank_second) < form.member_ids.index(rank_first)
    assert editor.draft_data()["members_by_hand"] is True  # drafts keep it

    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = S.meetings.get(meeting.id)
    assert saved.members_by_hand
    text = _memo_text(rt, meeting.id)
    assert _pos(text, names[rank_second]) < _pos(text, names[rank_first])

    # reopened, the list shows the hand order; Ctrl+Shift+Down moves it back down once
    editor.load_meeting(meeting.id)
    assert editor.ours.item(0).data(IdRole) == rank_second
    _click_row(qtbot, editor.ours, 0)
    qtbot.keyClick(editor.ours, Qt.Key.Key_Down, SHIFT_CTRL)
    assert editor.ours.item(1).data(IdRole) == rank_second

    # undo takes the save back: rank order again
    editor.stack.undo()
    assert not S.meetings.get(meeting.id).members_by_hand
    text = _memo_text(rt, meeting.id)
    assert _pos(text, names[rank_first]) < _pos(text, names[rank_second])


def test_sort_by_rank_goes_back_to_the_automatic_order(editor: MeetingEditor, rt: Runtime, qtbot):
    S = rt.services
    meeting = _meeting_with_two_of_ours(rt)
    editor.load_meeting(meeting.id)
    ours = editor.ours
    before = [ours.item(i).data(IdRole) for i in range(ours.count())]
    _click_row(qtbot, ours, ours.count() - 1)
    qtbot.keyClick(ours, Qt.Key.Key_Up, SHIFT_CTRL)
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert S.meetings.get(meeting.id).members_by_hand

    editor.load_meeting(meeting.id)
    qtbot.mouseClick(editor.our_order.rank, Qt.MouseButton.LeftButton)
    assert [ours.item(i).data(IdRole) for i in range(ours.count())] == before
    assert not editor.our_order.rank.isEnabled()
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not S.meetings.get(meeting.id).members_by_hand
