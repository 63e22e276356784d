"""Approved memos travel with sync: the same number and the same frozen text on the other
laptop; one meeting approved on both laptops keeps both approvals as two revisions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from synchelp import Rep, open_rep, snapshot, two_way

from crm_desktop.application.memos import MemoService
from crm_desktop.domain.models import MemoRevision
from crm_desktop.domain.services.meetings import MeetingInput
from crm_desktop.domain.services.members import MemberInput
from tests.documents.pdfcheck import inspect_pdf

APPROVED_A = dt.datetime(2026, 5, 21, 9, 0, tzinfo=dt.UTC)
APPROVED_B = dt.datetime(2026, 5, 21, 9, 30, tzinfo=dt.UTC)


def _memos(rep: Rep, when: dt.datetime = APPROVED_A) -> MemoService:
    return MemoService(rep.services.ctx, today=lambda: when.date(), now=lambda: when)


def _revisions(rep: Rep, meeting_id: str) -> list[tuple[int, str, str]]:
    with rep.services.ctx.reading() as s:
        return [
            (r.revision, r.number, r.approved_at.isoformat())
            for r in s.scalars(
                select(MemoRevision)
                .where(MemoRevision.meeting_id == meeting_id)
                .order_by(MemoRevision.revision)
            )
        ]


@pytest.fixture
def pair(tmp_path: Path):
    a = open_rep(tmp_path, "a")
    head = a.services.members.create(MemberInput("Соколов Андрей Викторович", position="Министр"))
    meeting = a.services.meetings.record(
        MeetingInput(
            "Переговоры о площадке в Ступино",
            dt.datetime(2026, 5, 20, 10, tzinfo=dt.UTC),
            "Asia/Shanghai",
            agreements="Стороны согласовали площадку.",
            member_ids=[head.id],
        )
    )
    src = Path(a.url.removeprefix("sqlite:///"))
    a.close()
    a = open_rep(tmp_path, "a")
    b = open_rep(tmp_path, "b", copy_of=src)
    yield a, b, meeting.id
    a.close()
    b.close()


def test_a_memo_approved_on_one_laptop_is_approved_on_the_other(pair):
    a, b, meeting_id = pair
    approval = _memos(a).approve(meeting_id)
    printed_a = _memos(a).render(meeting_id, "ru")
    assert printed_a.frozen and approval.number
    assert _memos(b).state(meeting_id).number == ""  # not yet synchronised

    result = two_way(a, b)
    assert result.there.count("memo_revision").created == 1

    state = _memos(b).state(meeting_id)
    assert (state.revision, state.number) == (1, approval.number)
    assert not state.changed_since  # the meeting on b is what was approved
    printed_b = _memos(b).render(meeting_id, "ru")
    assert printed_b.frozen
    text_a, text_b = inspect_pdf(printed_a.data).text, inspect_pdf(printed_b.data).text
    assert approval.number in text_b
    assert text_b == text_a  # the same document, reprinted on the other laptop
    assert snapshot(a) == snapshot(b)

    # a second sync changes nothing; approving again on b (unchanged) stores nothing
    assert two_way(b, a).here.changed == 0
    assert not _memos(b).approve(meeting_id).new


def test_one_meeting_approved_on_both_laptops_keeps_both_revisions(pair):
    a, b, meeting_id = pair
    first = _memos(a, APPROVED_A).approve(meeting_id)
    # b approves later, offline, after an edit of its own
    data = MeetingInput.from_row(b.services.meetings.get(meeting_id))
    data.agreements = "Стороны согласовали площадку и сроки."
    b.services.meetings.record(data, meeting_id=meeting_id)
    second = _memos(b, APPROVED_B).approve(meeting_id)
    assert (first.revision, second.revision) == (1, 1)

    two_way(b, a)  # either direction gives the same
    expected = [
        (1, first.number, APPROVED_A.isoformat()),
        (2, second.number, APPROVED_B.isoformat()),
    ]
    for rep in (a, b):
        got = [(r, n) for r, n, _ in _revisions(rep, meeting_id)]
        assert got == [(r, n) for r, n, _ in expected], rep.name
        state = _memos(rep).state(meeting_id)
        assert (state.revision, state.number) == (2, second.number)
        text = inspect_pdf(_memos(rep).render(meeting_id, "ru").data)
        assert text.contains("Стороны согласовали площадку и сроки.")
        assert text.contains(f"{second.number} (редакция 2)"), rep.name
    assert snapshot(a) == snapshot(b)


def test_a_number_that_came_with_a_sync_is_not_issued_again(pair):
    a, b, meeting_id = pair
    first = _memos(a).approve(meeting_id)
    two_way(a, b)
    other = b.services.meetings.record(
        MeetingInput(
            "Встреча с Kaiyuan",
            dt.datetime(2026, 5, 22, 10, tzinfo=dt.UTC),
            "Asia/Shanghai",
            agreements="Договорились о визите.",
        )
    )
    second = _memos(b, APPROVED_B).approve(other.id)  # b's own counter is still at 0
    assert second.number != first.number
