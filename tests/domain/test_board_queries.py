"""Service additions the pipeline board, meeting editor and tasks view rely on."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.models import ProjectStatus, TaskStatus
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.meetings import MeetingInput
from crm_desktop.domain.services.members import MemberInput
from crm_desktop.domain.services.projects import ProjectInput
from crm_desktop.domain.services.tasks import TaskInput


def test_projects_filter_by_several_statuses(services):
    c = services.companies.create(CompanyInput(name_latin="Kaiyuan Pump", country="CN"))
    ids = {}
    for status in ProjectStatus:
        p = services.projects.create(
            ProjectInput(
                title=status.value, company_id=c.id, capex=Decimal(1), capex_currency="RUB"
            )
        )
        if status != ProjectStatus.ACTIVE:
            services.projects.set_status(p.id, status, "reason")
        ids[status] = p.id
    q = services.projects.query(statuses=[ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD])
    assert {p.id for p in services.projects.list(q)} == {
        ids[ProjectStatus.ACTIVE],
        ids[ProjectStatus.ON_HOLD],
    }
    board = services.projects.board(services.projects.query(statuses=[ProjectStatus.LOST]))
    assert [p.id for ps in board.values() for p in ps] == [ids[ProjectStatus.LOST]]


def test_company_countries_are_distinct_and_skip_deleted(services):
    services.companies.create(CompanyInput(name_latin="A", country="CN"))
    services.companies.create(CompanyInput(name_latin="B", country="cn"))
    gone = services.companies.create(CompanyInput(name_latin="C", country="TR"))
    services.companies.create(CompanyInput(name_latin="D"))
    services.companies.delete(gone.id)
    assert services.companies.countries() == ["CN"]


def test_overdue_first_puts_done_tasks_after_open_ones(services):
    today = date.today()
    done_old = services.tasks.create(
        TaskInput("done long ago", due_date=today - timedelta(30), status=TaskStatus.DONE)
    )
    late = services.tasks.create(TaskInput("late", due_date=today - timedelta(2)))
    soon = services.tasks.create(TaskInput("soon", due_date=today + timedelta(2)))
    undated = services.tasks.create(TaskInput("undated"))
    rows = services.tasks.list(services.tasks.query(overdue_first=True))
    assert [t.id for t in rows] == [late.id, soon.id, undated.id, done_old.id]


def test_meeting_record_reports_next_step_errors_by_row(services):
    m = services.members.create(MemberInput("Белов Дмитрий"))
    start = MeetingInput.local_time(date(2026, 5, 18), time(10), "Asia/Shanghai")
    with pytest.raises(ValidationError) as e:
        services.meetings.record(
            MeetingInput(title="", starts_at=start, member_ids=[m.id]),
            [TaskInput("ok", owner_id=m.id), TaskInput("  ", owner_id=m.id)],
        )
    assert set(e.value.errors) == {"title", "next_steps.1.title"}
    assert e.value.errors["next_steps.1.title"].code == "required"
    assert services.meetings.count() == 0 and services.tasks.count() == 0


def test_board_cards_carry_company_and_owner_names_in_stage_order(services):
    owner = services.members.create(MemberInput("Жуков Илья Павлович", name_latin="Ilya Zhukov"))
    c = services.companies.create(
        CompanyInput(
            name_native="凯源泵业", name_latin="Kaiyuan Pump", name_ru="Кайюань", country="CN"
        )
    )
    stages = services.stages.list()
    a = services.projects.create(
        ProjectInput(
            title="A",
            company_id=c.id,
            owner_id=owner.id,
            capex=Decimal("1200000000"),
            capex_currency="RUB",
            jobs=250,
        )
    )
    b = services.projects.create(ProjectInput(title="B", company_id=c.id, stage_id=stages[2].id))
    services.projects.set_status(b.id, ProjectStatus.ON_HOLD, "ждём бюджет")
    board = services.projects.board_cards()
    assert list(board) == [s.id for s in stages]
    [card_a] = board[stages[0].id]
    assert (card_a.id, card_a.title, card_a.capex, card_a.capex_currency, card_a.jobs) == (
        a.id,
        "A",
        Decimal("1200000000"),
        "RUB",
        250,
    )
    assert (card_a.company_native, card_a.company_latin, card_a.company_ru) == (
        "凯源泵业",
        "Kaiyuan Pump",
        "Кайюань",
    )
    assert (card_a.owner_name, card_a.owner_name_latin) == ("Жуков Илья Павлович", "Ilya Zhukov")
    assert card_a.status == ProjectStatus.ACTIVE and card_a.days_in_stage == 0
    [card_b] = board[stages[2].id]
    assert card_b.owner_id is None and card_b.owner_name == ""
    assert card_b.status == ProjectStatus.ON_HOLD and card_b.status_reason == "ждём бюджет"
    only = services.projects.board_cards(
        services.projects.query(statuses=[ProjectStatus.ACTIVE], owner_id=owner.id)
    )
    assert [x.id for xs in only.values() for x in xs] == [a.id]


def test_company_choices_are_light_and_filtered(services):
    services.companies.create(CompanyInput(name_native="华森", name_latin="Huasen", country="CN"))
    services.companies.create(CompanyInput(name_latin="Anatolia Steel", country="TR"))
    gone = services.companies.create(CompanyInput(name_latin="Gone Ltd"))
    services.companies.delete(gone.id)
    choices = services.companies.choices()
    assert [c.name for c in choices] == ["Anatolia Steel", "Huasen"]
    assert choices[1].name_native == "华森" and choices[1].country == "CN"
    assert [c.name for c in services.companies.choices(services.companies.query(country="TR"))] == [
        "Anatolia Steel"
    ]
