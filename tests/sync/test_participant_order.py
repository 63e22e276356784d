"""Participants in an order set by hand: saved with the meeting, in its field history, on
the memo, and on the other laptop after a sync."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
import test_postgres
from sqlalchemy import select
from synchelp import Rep, company, open_rep, snapshot, two_way

from crm_desktop.application.memos import MemoService
from crm_desktop.domain.models import AuditEntry
from crm_desktop.domain.services.contacts import ContactInput
from crm_desktop.domain.services.meetings import MeetingInput
from crm_desktop.domain.services.members import MemberInput
from tests.documents.pdfcheck import inspect_pdf

server_url = test_postgres.server_url  # a PostgreSQL schema of its own per test

MINISTER = "Соколов Андрей Викторович"
DEPUTY = "Антонова Мария Ильинична"
CLERK = "Ёлкин Пётр Сергеевич"


@dataclasses.dataclass
class Story:
    meeting: str
    members: dict[str, str]  # name -> id
    contacts: dict[str, str]


def _story(rep: Rep) -> Story:
    S = rep.services
    members = {
        name: S.members.create(MemberInput(name, position=position)).id
        for name, position in (
            (MINISTER, "Министр"),
            (DEPUTY, "Заместитель министра"),
            (CLERK, "Главный специалист"),
        )
    }
    cid = company(rep, "Lanquan Pumps")
    contacts = {
        key: S.contacts.create(ContactInput(cid, family, given, position=position)).id
        for key, family, given, position in (
            ("wang", "王", "建国", "董事长"),
            ("li", "李", "娜", "经理"),
        )
    }
    meeting = S.meetings.record(
        MeetingInput(
            "Переговоры о площадке",
            dt.datetime(2026, 5, 20, 10, tzinfo=dt.UTC),
            "Asia/Shanghai",
            company_id=cid,
            member_ids=list(members.values()),
            contact_ids=list(contacts.values()),
        )
    )
    return Story(meeting.id, members, contacts)


def _reorder(rep: Rep, story: Story, members: list[str] | None, contacts: list[str] | None):
    S = rep.services
    data = MeetingInput.from_row(S.meetings.get(story.meeting))
    if members is not None:
        data.member_ids = [story.members[n] for n in members]
        data.members_by_hand = True
    if contacts is not None:
        data.contact_ids = [story.contacts[n] for n in contacts]
        data.contacts_by_hand = True
    S.meetings.record(data, meeting_id=story.meeting)


def _memo_text(rep: Rep, meeting_id: str) -> str:
    memos = MemoService(rep.services.ctx)
    return inspect_pdf(memos.render(meeting_id, "ru").data).squashed


def _order_in(text: str, names: list[str]) -> list[str]:
    return sorted(names, key=lambda n: text.index(n.replace(" ", "")))


@pytest.fixture
def pair(tmp_path: Path):
    a = open_rep(tmp_path, "a")
    story = _story(a)
    src = Path(a.url.removeprefix("sqlite:///"))
    a.close()
    a = open_rep(tmp_path, "a")
    b = open_rep(tmp_path, "b", copy_of=src)
    yield a, b, story
    a.close()
    b.close()


def test_rank_order_until_set_by_hand_then_the_hand_order(pair):
    a, _b, story = pair
    names = [MINISTER, DEPUTY, CLERK]
    assert _order_in(_memo_text(a, story.meeting), names) == names  # rank order
    _reorder(a, story, [CLERK, MINISTER, DEPUTY], ["li", "wang"])
    m = a.services.meetings.get(story.meeting)
    assert (m.members_by_hand, m.contacts_by_hand) == (True, True)
    assert [x.name for x in m.our_participants] == [CLERK, MINISTER, DEPUTY]
    text = _memo_text(a, story.meeting)
    assert _order_in(text, names) == [CLERK, MINISTER, DEPUTY]
    assert text.index("李娜") < text.index("王建国")
    # back to automatic: rank order again, on our side only
    data = MeetingInput.from_row(m)
    data.members_by_hand = False
    a.services.meetings.record(data, meeting_id=story.meeting)
    text = _memo_text(a, story.meeting)
    assert _order_in(text, names) == names
    assert text.index("李娜") < text.index("王建国")


def test_the_order_is_in_the_field_history_and_undone_by_saving_the_old_input(pair):
    a, _b, story = pair
    before = MeetingInput.from_row(a.services.meetings.get(story.meeting))
    _reorder(a, story, [DEPUTY, CLERK, MINISTER], None)
    with a.services.ctx.reading() as s:
        entry = s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity_id == story.meeting, AuditEntry.field == "our_participants_order"
            )
        ).one()
    assert entry.old_value == []
    assert entry.new_value == [story.members[n] for n in (DEPUTY, CLERK, MINISTER)]
    a.services.meetings.update(story.meeting, before)  # what undo does
    assert not a.services.meetings.get(story.meeting).members_by_hand


def test_the_order_travels_with_sync_and_merges_with_an_edit_on_the_other_side(pair):
    a, b, story = pair
    _reorder(a, story, [CLERK, DEPUTY, MINISTER], ["li", "wang"])
    # meanwhile b drops the deputy from the meeting
    data = MeetingInput.from_row(b.services.meetings.get(story.meeting))
    data.member_ids = [story.members[MINISTER], story.members[CLERK]]
    b.services.meetings.record(data, meeting_id=story.meeting)
    two_way(a, b)
    for rep in (a, b):
        m = rep.services.meetings.get(story.meeting)
        assert [x.name for x in m.our_participants] == [CLERK, MINISTER], rep.name
        assert m.members_by_hand and m.contacts_by_hand
        text = _memo_text(rep, story.meeting)
        assert _order_in(text, [MINISTER, CLERK]) == [CLERK, MINISTER]
        assert text.index("李娜") < text.index("王建国")
    assert snapshot(a) == snapshot(b)
    # sort by rank on b travels back to a
    data = MeetingInput.from_row(b.services.meetings.get(story.meeting))
    data.members_by_hand = data.contacts_by_hand = False
    b.services.meetings.record(data, meeting_id=story.meeting)
    two_way(b, a)
    m = a.services.meetings.get(story.meeting)
    assert not m.members_by_hand and not m.contacts_by_hand
    assert _order_in(_memo_text(a, story.meeting), [MINISTER, CLERK]) == [MINISTER, CLERK]


@pytest.mark.postgres
def test_order_and_approval_reach_a_postgresql_server(tmp_path: Path, server_url: str):
    server = open_rep(tmp_path, "server", url=server_url)
    laptop = open_rep(tmp_path, "laptop")
    try:
        story = _story(laptop)
        _reorder(laptop, story, [DEPUTY, MINISTER, CLERK], ["li", "wang"])
        approval = MemoService(laptop.services.ctx).approve(story.meeting)
        two_way(laptop, server)
        m = server.services.meetings.get(story.meeting)
        assert [x.name for x in m.our_participants] == [DEPUTY, MINISTER, CLERK]
        assert m.members_by_hand and m.contacts_by_hand
        state = MemoService(server.services.ctx).state(story.meeting)
        assert (state.revision, state.number) == (1, approval.number)
        partner = MemoService(server.services.ctx).render(story.meeting, "ru", "partner")
        text = inspect_pdf(partner.data).squashed
        assert _order_in(text, [MINISTER, DEPUTY, CLERK]) == [DEPUTY, MINISTER, CLERK]
        laptop_meeting = laptop.services.meetings.get(story.meeting)
        assert [x.id for x in laptop_meeting.their_participants] == [
            x.id for x in m.their_participants
        ]
    finally:
        laptop.close()
        server.close()
