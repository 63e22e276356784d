"""The meeting editor's form state: meeting -> form -> draft -> form -> meeting loses nothing."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, date, datetime, time

import pytest

from crm_desktop.application.database import DatabaseLocation, open_database
from crm_desktop.application.demo import fill
from crm_desktop.application.meeting_form import (
    MeetingDraft,
    MeetingForm,
    NextStepForm,
)
from crm_desktop.config import Paths
from crm_desktop.domain.models import Confidentiality, MeetingFormat
from crm_desktop.domain.services.meetings import MeetingInput


def _through_a_draft(form: MeetingForm) -> MeetingForm:
    """What a crash and a restart do: JSON on disk, read back over an empty form."""
    stored = json.loads(json.dumps(form.to_draft().to_json(), ensure_ascii=False))
    empty = MeetingForm(day=date(2000, 1, 1), clock=time(0, 0))
    return empty.with_draft(MeetingDraft.from_json(stored))


def test_every_recorded_meeting_survives_the_round_trip(db_url: str, paths: Paths) -> None:
    rt = open_database(DatabaseLocation.parse(db_url), paths)
    try:
        fill(rt)
        meetings = rt.services.meetings
        rows = meetings.list(meetings.query())
        assert len(rows) > 5
        for row in rows:
            m = meetings.get(row.id)
            form = MeetingForm.from_meeting(m)
            again = _through_a_draft(form)
            assert again == form
            assert asdict(again.meeting_input()) == asdict(MeetingInput.from_row(m))
    finally:
        rt.close()


def test_every_input_survives_a_draft() -> None:
    form = MeetingForm(
        day=date(2026, 11, 18),
        clock=time(14, 30),
        meeting_id="m-1",
        title="  Переговоры о локализации 泵站  ",
        trip_id="t-1",
        company_id=None,
        company_text="深圳蓝泉泵业 (new)",
        project_id="p-1",
        timezone="Asia/Shanghai",
        duration_min=95,
        format=MeetingFormat.VIDEO,
        place="Shenzhen HQ ",
        language="Chinese, Russian",
        interpreter="Li Na",
        confidentiality=Confidentiality.CONFIDENTIAL,
        member_ids=["a", "b"],
        contact_ids=["c"],
        agenda="1. Site\n2. Terms",
        discussion="…",
        agreements="Agreed",
        next_steps=[
            NextStepForm("Send the site comparison", "a", date(2026, 12, 15)),
            NextStepForm("Call back", None, date(2026, 11, 25)),
        ],
        stage_move=True,
        stage_id="s-4",
        stage_note="after the visit",
    )
    assert _through_a_draft(form) == form


def test_what_a_draft_holds_that_no_longer_parses_keeps_the_forms_value() -> None:
    base = MeetingForm(
        day=date(2026, 11, 18),
        clock=time(9, 0),
        timezone="Europe/Moscow",
        format=MeetingFormat.PHONE,
        stage_id="s-2",
    )
    draft = MeetingDraft(
        title="x",
        date="18.11.2026",
        time="25:99",
        timezone="",
        format="carrier pigeon",
        confidentiality="top secret",
        stage_id=None,
        company_id="c-1",
        company_text="stale text",
    )
    form = base.with_draft(draft)
    assert (form.day, form.clock, form.timezone) == (base.day, base.clock, "Europe/Moscow")
    assert form.format == MeetingFormat.PHONE
    assert form.confidentiality == Confidentiality.INTERNAL
    assert form.stage_id == "s-2"
    assert form.company_text == ""  # a picked company wins over typed text


def test_an_old_draft_without_newer_keys_still_opens() -> None:
    old = {
        "title": "Old",
        "date": "2025-05-01",
        "time": "10:00",
        "next_steps": [{"title": "step", "due_date": "bad"}],
        "removed_field": 1,
    }
    form = MeetingForm(day=date(2026, 1, 1), clock=time(8, 0)).with_draft(
        MeetingDraft.from_json(old)
    )
    assert (form.title, form.day, form.clock) == ("Old", date(2025, 5, 1), time(10, 0))
    assert form.next_steps == [NextStepForm("step", None, None)]


def test_a_new_form_starts_now_at_the_venue_with_me_among_ours() -> None:
    form = MeetingForm.new(
        datetime(2026, 11, 18, 6, 47, tzinfo=UTC), member_id="me", language="Chinese, Russian"
    )
    assert (form.day, form.clock, form.timezone) == (
        date(2026, 11, 18),
        time(14, 30),
        "Asia/Shanghai",
    )
    assert form.member_ids == ["me"] and form.language == "Chinese, Russian"
    assert MeetingForm.new(datetime(2026, 11, 18, 6, 0, tzinfo=UTC)).member_ids == []


def test_the_service_gets_stripped_texts_and_an_aware_start() -> None:
    form = MeetingForm(
        day=date(2026, 11, 18),
        clock=time(14, 30),
        title="T",
        place="  HQ ",
        agenda=" a \n",
        next_steps=[NextStepForm("s", "o", date(2026, 12, 1))],
    )
    data = form.meeting_input()
    assert (data.place, data.agenda) == ("HQ", "a")
    assert data.starts_at == datetime(2026, 11, 18, 6, 30, tzinfo=UTC)
    assert [(t.title, t.owner_id, t.due_date) for t in form.next_step_inputs()] == [
        ("s", "o", date(2026, 12, 1))
    ]


@pytest.mark.parametrize("zone", ["Mars/Olympus", ""])
def test_an_unknown_zone_leaves_the_start_to_the_service(zone: str) -> None:
    form = MeetingForm(day=date(2026, 11, 18), clock=time(14, 30), timezone=zone)
    assert form.meeting_input().starts_at is None
