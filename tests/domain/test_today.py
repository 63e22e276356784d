"""The home screen's queries, company and card facts, and the trip agenda, on both databases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import pytest

from crm_desktop.domain.errors import NotFoundError
from crm_desktop.domain.models import TaskStatus
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import ContactInput
from crm_desktop.domain.services.meetings import MeetingInput
from crm_desktop.domain.services.members import MemberInput
from crm_desktop.domain.services.pipeline_settings import (
    DEFAULT_STAGE_LIMITS,
    PipelineSettingsService,
)
from crm_desktop.domain.services.projects import ProjectInput
from crm_desktop.domain.services.tasks import TaskInput
from crm_desktop.domain.services.today import UPCOMING_DAYS
from crm_desktop.domain.services.trips import TripInput

TODAY = date(2026, 12, 4)
NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


@dataclass
class Known:
    member: str
    kaiyuan: str
    other: str
    stalled: str  # Kaiyuan's project, in its stage far longer than the limit
    fresh: str  # another company's project, entered its stage last week
    overdue: str  # on Kaiyuan itself, due yesterday
    on_project: str  # on Kaiyuan's project only: no company link of its own
    done: str  # on Kaiyuan, finished
    step: str  # a next step of tomorrow's meeting
    meeting: str  # tomorrow 10:00 in Asia/Shanghai, on the stalled project, in a trip
    past_meeting: str
    trip: str
    contact: str


STALLED_AFTER_DAYS = DEFAULT_STAGE_LIMITS["offer"]  # the stalled project's stage


def build(services) -> Known:  # noqa: ANN001
    s = services
    s.stages.ensure_defaults()
    lead = s.stages.by_code("lead")
    offer = s.stages.by_code("offer")
    belov = s.members.create(
        MemberInput("Белов Дмитрий", name_latin="Dmitry Belov", position="Министр")
    )
    kaiyuan = s.companies.create(CompanyInput(name_native="凯源泵业", name_latin="Kaiyuan Pump"))
    other = s.companies.create(CompanyInput(name_latin="Huasen Robotics"))
    wang = s.contacts.create(
        ContactInput(
            company_id=kaiyuan.id,
            family_name_native="王",
            given_name_native="建国",
            family_name_ru="Ван",
            given_name_ru="Цзяньго",
            position="Председатель",
        )
    )
    stalled = s.projects.create(
        ProjectInput(
            title="Pump plant",
            company_id=kaiyuan.id,
            stage_id=offer.id,
            owner_id=belov.id,
            stage_entered_at=NOW - timedelta(days=STALLED_AFTER_DAYS + 30),
        )
    )
    fresh = s.projects.create(
        ProjectInput(
            title="Robots",
            company_id=other.id,
            stage_id=lead.id,
            stage_entered_at=NOW - timedelta(days=7),
        )
    )
    overdue = s.tasks.create(
        TaskInput(
            "Send the offer",
            owner_id=belov.id,
            due_date=TODAY - timedelta(days=1),
            company_id=kaiyuan.id,
        )
    )
    on_project = s.tasks.create(
        TaskInput(
            "Quarterly visit",
            owner_id=belov.id,
            due_date=TODAY + timedelta(days=14),
            project_id=stalled.id,
        )
    )
    done = s.tasks.create(
        TaskInput(
            "Old report",
            due_date=TODAY - timedelta(days=40),
            status=TaskStatus.DONE,
            company_id=kaiyuan.id,
        )
    )
    trip = s.trips.create(
        TripInput(
            "Mission to China",
            TODAY,
            TODAY + timedelta(days=3),
            ["CN"],
            "Shanghai",
            member_ids=[belov.id],
        )
    )
    start = MeetingInput.local_time(TODAY + timedelta(days=1), time(10), "Asia/Shanghai")
    meeting = s.meetings.record(
        MeetingInput(
            title="Kaiyuan board",
            starts_at=start,
            timezone="Asia/Shanghai",
            project_id=stalled.id,
            trip_id=trip.id,
            place="Shanghai",
            member_ids=[belov.id],
            contact_ids=[wang.id],
        ),
        [TaskInput("Choose the site", owner_id=belov.id, due_date=TODAY + timedelta(days=3))],
    )
    step = s.tasks.list(s.tasks.query(meeting_id=meeting.id))[0]
    past = s.meetings.record(
        MeetingInput(
            title="First talk",
            starts_at=NOW - timedelta(days=30),
            timezone="Europe/Moscow",
            company_id=kaiyuan.id,
        )
    )
    gone = s.tasks.create(TaskInput("Deleted", company_id=kaiyuan.id, due_date=TODAY))
    s.tasks.delete(gone.id)
    return Known(
        belov.id,
        kaiyuan.id,
        other.id,
        stalled.id,
        fresh.id,
        overdue.id,
        on_project.id,
        done.id,
        step.id,
        meeting.id,
        past.id,
        trip.id,
        wang.id,
    )


@pytest.fixture
def known(services) -> Known:  # noqa: ANN001
    return build(services)


def test_home_screen_lists_upcoming_meetings_in_venue_and_moscow_time(services, known):
    summary = services.today.summary(now=NOW, today=TODAY)
    assert [m.id for m in summary.meetings] == [known.meeting]
    m = summary.meetings[0]
    assert (m.venue_start.date(), m.venue_start.hour) == (TODAY + timedelta(days=1), 10)
    assert m.moscow_start.hour == 5  # Shanghai is UTC+8, Moscow UTC+3
    assert m.venue_offset == "UTC+8"
    assert m.company is not None and m.company.name_native == "凯源泵业"
    assert m.project_title == "Pump plant"
    # beyond the horizon: not listed
    later = services.today.summary(now=NOW - timedelta(days=UPCOMING_DAYS), today=TODAY)
    assert later.meetings == []


def test_home_screen_splits_overdue_from_open_tasks_and_finds_project_tasks(services, known):
    summary = services.today.summary(now=NOW, today=TODAY)
    assert [t.id for t in summary.overdue] == [known.overdue]
    assert summary.overdue[0].overdue_days == 1
    assert [t.id for t in summary.open_tasks] == [known.step, known.on_project]
    assert summary.open_total == 2
    on_project = summary.open_tasks[1]
    # linked to the project only, yet it names the project's company
    assert on_project.company is not None and on_project.company.id == known.kaiyuan
    assert on_project.project_title == "Pump plant"
    step = summary.open_tasks[0]
    assert step.meeting_title == "Kaiyuan board" and step.project_id == known.stalled
    assert summary.trip is not None and summary.trip.id == known.trip


def test_next_step_per_active_project_and_stalled_projects(services, known):
    summary = services.today.summary(now=NOW, today=TODAY)
    steps = {p.id: p.next_step for p in summary.next_steps}
    assert set(steps) == {known.stalled, known.fresh}
    assert steps[known.stalled] is not None and steps[known.stalled].id == known.step
    assert steps[known.fresh] is None  # shown as "no next step planned"
    assert [p.id for p in summary.stalled] == [known.stalled]
    assert summary.stalled[0].days_in_stage == STALLED_AFTER_DAYS + 30
    assert summary.stalled[0].owner is not None
    assert summary.stalled[0].owner.name_latin == "Dmitry Belov"


def test_stalled_after_each_stage_s_own_limit_from_the_settings(services, known):
    pipeline = PipelineSettingsService(services.ctx)
    pipeline.save(limits={"offer": STALLED_AFTER_DAYS + 30})  # exactly at the limit: fine
    summary = services.today.summary(now=NOW, today=TODAY)
    assert summary.stalled == [] and summary.stalled_total == 0
    pipeline.save(limits={"offer": 0})  # no limit: never stalls
    assert services.today.summary(now=NOW, today=TODAY).stalled == []
    pipeline.save(limits={"lead": 6})  # the fresh project: 7 days in the lead stage
    summary = services.today.summary(now=NOW, today=TODAY)
    assert [(p.id, p.stall_limit) for p in summary.stalled] == [
        (known.stalled, STALLED_AFTER_DAYS),
        (known.fresh, 6),
    ]


def test_tasks_of_a_company_include_those_on_its_projects_and_meetings(services, known):
    tasks = services.today.company_tasks(known.kaiyuan, today=TODAY)
    # open first (by due date), the finished one last; the deleted one not at all
    assert [t.id for t in tasks] == [known.overdue, known.step, known.on_project, known.done]
    assert services.today.company_tasks(known.other, today=TODAY) == []


def test_company_facts_for_list_rows(services, known):
    facts = services.today.company_facts([known.kaiyuan, known.other], now=NOW, today=TODAY)
    k = facts[known.kaiyuan]
    assert (k.open_tasks, k.overdue_tasks) == (3, 1)
    assert k.stage is not None and k.stage.name("ru") == "Предложение и меры поддержки"
    assert k.owner is not None and k.owner.name == "Белов Дмитрий"
    assert k.next_step is not None and k.next_step.id == known.overdue
    assert k.next_meeting is not None and k.next_meeting_zone == "Asia/Shanghai"
    assert k.next_meeting.astimezone(UTC) == datetime(2026, 12, 5, 2, 0, tzinfo=UTC)
    o = facts[known.other]
    assert (o.open_tasks, o.next_meeting, o.next_step) == (0, None, None)
    assert o.stage is not None and o.stage.position == 1


def test_project_facts_for_cards(services, known):
    facts = services.today.project_facts([known.stalled, known.fresh], now=NOW, today=TODAY)
    assert (facts[known.stalled].open_tasks, facts[known.stalled].overdue_tasks) == (2, 0)
    assert facts[known.stalled].next_meeting is not None
    assert facts[known.fresh].open_tasks == 0 and facts[known.fresh].next_meeting is None
    services.tasks.set_done(known.step)
    assert (
        services.today.project_facts([known.stalled], now=NOW, today=TODAY)[
            known.stalled
        ].open_tasks
        == 1
    )


def test_trip_agenda_day_by_day_with_both_sides(services, known):
    agenda = services.today.trip_agenda(known.trip)
    assert [d.day for d in agenda.days] == [TODAY + timedelta(days=i) for i in range(4)]
    assert [len(d.meetings) for d in agenda.days] == [0, 1, 0, 0]
    item = agenda.days[1].meetings[0]
    assert item.meeting.venue_start.strftime("%H:%M") == "10:00"
    assert [(a.name, a.position) for a in item.ours] == [("Белов Дмитрий", "Министр")]
    assert [(a.name, a.name_ru, a.position, a.company_name) for a in item.theirs] == [
        ("王建国", "Ван Цзяньго", "Председатель", "Kaiyuan Pump")
    ]
    assert [a.name for a in agenda.members] == ["Белов Дмитрий"]
    with pytest.raises(NotFoundError):
        services.today.trip_agenda("no-such-trip")


def test_sections_are_capped_and_headings_get_the_full_counts(services, known):
    summary = services.today.summary(now=NOW, today=TODAY, shown=1)
    assert [t.id for t in summary.open_tasks] == [known.step] and summary.open_total == 2
    # the project with a step planned comes before the one with none
    assert [p.id for p in summary.next_steps] == [known.stalled]
    assert summary.next_steps_total == 2
    assert (summary.overdue_total, summary.stalled_total, summary.meetings_total) == (1, 1, 1)


def test_a_meeting_is_upcoming_until_it_ends(services, known):
    start = datetime(2026, 12, 5, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai, for 60 minutes
    during = services.today.summary(now=start + timedelta(minutes=30), today=TODAY)
    assert [m.id for m in during.meetings] == [known.meeting] and during.meetings_total == 1
    after = services.today.summary(now=start + timedelta(minutes=61), today=TODAY)
    assert after.meetings == [] and after.meetings_total == 0
