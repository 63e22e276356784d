"""Service behaviour on SQLite and PostgreSQL (the db_url fixture runs each test on both)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest

from crm_desktop.domain.errors import CrmError, NotFoundError, ValidationError
from crm_desktop.domain.models import ProjectStatus, TaskStatus
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import Channel, ContactInput
from crm_desktop.domain.services.meetings import MeetingInput, StageMove
from crm_desktop.domain.services.members import MemberInput
from crm_desktop.domain.services.projects import DEFAULT_STAGES, ProjectInput
from crm_desktop.domain.services.tasks import TaskInput
from crm_desktop.domain.services.trips import TripInput


def _company(services, **kw):
    data = dict(
        name_native="凯源泵业",
        name_latin="Kaiyuan Pump",
        name_ru="Кайюань",
        country="cn",
        city="Шанхай",
    )
    data.update(kw)
    return services.companies.create(CompanyInput(**data))


def test_default_pipeline_has_ten_stages_in_two_languages(services):
    stages = services.stages.list()
    assert [s.code for s in stages] == [code for code, *_ in DEFAULT_STAGES]
    assert stages[0].name_ru == "Первичный контакт" and stages[0].name_en == "Lead"
    assert stages[-1].name_ru == "Производство запущено"


def test_company_keeps_all_three_scripts_and_normalises_codes(services):
    c = _company(services, revenue=Decimal("9800000000"), revenue_currency="cny")
    got = services.companies.get(c.id)
    assert (got.name_native, got.name_latin, got.name_ru) == ("凯源泵业", "Kaiyuan Pump", "Кайюань")
    assert got.country == "CN" and got.revenue_currency == "CNY"
    assert got.name == "Kaiyuan Pump"
    assert len(got.id) == 36 and got.created_at.tzinfo is not None
    assert got.origin and got.hlc and got.version == 1 and got.deleted_at is None


def test_validation_reports_every_bad_field(services):
    with pytest.raises(ValidationError) as e:
        services.companies.create(
            CompanyInput(country="XX", revenue=Decimal(5), revenue_currency="ABC", employees=-3)
        )
    assert set(e.value.errors) == {"name", "country", "revenue_currency", "employees"}
    assert e.value.errors["country"].code == "invalid_country"
    assert "XX" in e.value.errors["country"].message
    assert services.companies.count() == 0


def test_contact_phone_is_stored_in_e164_and_email_checked(services):
    c = _company(services)  # a Chinese company: local numbers are read as Chinese
    ct = services.contacts.create(
        ContactInput(
            company_id=c.id,
            family_name_native="王",
            given_name_native="建国",
            family_name_latin="Wang",
            given_name_latin="Jianguo",
            phones=[Channel("mobile", "+86 139 1700 2233"), Channel("work", "021 5988 1001")],
            emails=[Channel("work", "Wang.Jianguo@Kaiyuan.Example")],
        )
    )
    assert [p["value"] for p in ct.phones] == ["+8613917002233", "+862159881001"]
    assert ct.emails[0]["value"] == "wang.jianguo@kaiyuan.example"
    assert ct.display_name == "王建国" and ct.name_latin == "Jianguo Wang"
    ru = services.contacts.create(
        ContactInput(family_name_ru="Смирнова", phones=[Channel("work", "8 (495) 600-10-01")])
    )
    assert ru.phones[0]["value"] == "+74956001001"  # no company: home (Russian) numbering
    with pytest.raises(ValidationError) as e:
        services.contacts.create(
            ContactInput(
                family_name_ru="Иванов",
                emails=[Channel("work", "ivanov@")],
                phones=[Channel("mobile", "12")],
            )
        )
    assert {f.code for f in e.value.errors.values()} == {"invalid_email", "invalid_phone"}


def test_lists_filter_and_sort_in_sql(services):
    _company(services, name_latin="Beta", name_native="", name_ru="", country="CN")
    _company(services, name_latin="Alpha", name_native="", name_ru="", country="RU")
    _company(services, name_latin="Gamma", name_native="", name_ru="", country="CN")
    q = services.companies.query
    assert [c.name for c in services.companies.list(q(sort="name"))] == ["Alpha", "Beta", "Gamma"]
    assert [c.name for c in services.companies.list(q(sort="name", descending=True, limit=2))] == [
        "Gamma",
        "Beta",
    ]
    assert [c.name for c in services.companies.list(q(country="cn", sort="name"))] == [
        "Beta",
        "Gamma",
    ]
    assert services.companies.count(q(text="alp")) == 1
    assert [c.name for c in services.companies.list(q(sort="name", offset=1, limit=1))] == ["Beta"]


def test_stage_move_always_records_a_stage_change(services):
    me = services.members.create(MemberInput("Белов Дмитрий"))
    c = _company(services)
    stages = services.stages.list()
    p = services.projects.create(
        ProjectInput(
            title="Насосные станции",
            company_id=c.id,
            owner_id=me.id,
            capex=Decimal("1.2e9"),
            capex_currency="RUB",
            jobs=250,
            stage_entered_at=datetime.now(UTC) - timedelta(days=30),
        )
    )
    assert p.stage.code == "lead"
    change = services.projects.move_to_stage(
        p.id, stages[2].id, note="после презентации", member_id=me.id
    )
    assert change.from_stage_id == stages[0].id and change.to_stage_id == stages[2].id
    moved = services.projects.get(p.id)
    assert moved.stage_id == stages[2].id and services.projects.days_in_stage(moved) == 0
    history = services.projects.stage_history(p.id)
    assert [h.stage.code for h in history] == ["lead", "presentation"]
    assert history[0].days == 30 and history[1].note == "после презентации"
    assert history[1].member_name == "Белов Дмитрий"
    with pytest.raises(CrmError):
        services.projects.move_to_stage(p.id, stages[2].id)
    services.projects.undo_stage_change(change.id)
    assert services.projects.get(p.id).stage.code == "lead"
    assert [h.stage.code for h in services.projects.stage_history(p.id)] == ["lead"]


def test_lost_and_on_hold_need_a_reason(services):
    p = services.projects.create(ProjectInput(title="X", company_id=_company(services).id))
    with pytest.raises(ValidationError):
        services.projects.set_status(p.id, ProjectStatus.LOST)
    got = services.projects.set_status(p.id, ProjectStatus.ON_HOLD, "ждём бюджет")
    assert got.status == ProjectStatus.ON_HOLD and got.status_reason == "ждём бюджет"


def test_meeting_with_both_sides_next_steps_and_stage_move(services):
    me = services.members.create(MemberInput("Кузнецова Марина", position="Начальник управления"))
    c = _company(services)
    ct = services.contacts.create(
        ContactInput(company_id=c.id, family_name_native="李", given_name_native="娜")
    )
    p = services.projects.create(ProjectInput(title="Сервисный центр", company_id=c.id))
    offer = services.stages.by_code("offer")
    start = MeetingInput.local_time(date(2026, 5, 20), time(9, 30), "Asia/Shanghai")
    m = services.meetings.record(
        MeetingInput(
            title="Итоги года",
            starts_at=start,
            timezone="Asia/Shanghai",
            project_id=p.id,
            member_ids=[me.id],
            contact_ids=[ct.id],
            agreements="Kaiyuan подготовит ТЗ",
        ),
        [TaskInput("Подобрать площади", owner_id=me.id, due_date=date(2026, 6, 20))],
        StageMove(offer.id, "после встречи"),
    )
    assert m.company_id == c.id  # taken from the project
    assert m.local_start.hour == 9 and services.meetings.in_moscow(m).hour == 4
    assert m.starts_at == datetime(2026, 5, 20, 1, 30, tzinfo=UTC)
    assert [x.name for x in m.our_participants] == ["Кузнецова Марина"]
    assert [x.display_name for x in m.their_participants] == ["李娜"]
    steps = services.meetings.next_steps(m.id)
    assert [(t.title, t.owner_id, t.project_id) for t in steps] == [
        ("Подобрать площади", me.id, p.id)
    ]
    change = services.meetings.stage_change_of(m.id)
    assert change is not None and change.to_stage_id == offer.id
    assert services.projects.get(p.id).stage.code == "offer"
    assert services.meetings.list(services.meetings.query(contact_id=ct.id))[0].id == m.id


def test_meeting_save_is_all_or_nothing(services):
    c = _company(services)
    p = services.projects.create(ProjectInput(title="P", company_id=c.id))
    start = datetime(2026, 5, 20, 1, 30, tzinfo=UTC)
    with pytest.raises(CrmError):
        # moving to the stage the project is already at fails after the meeting row is added
        services.meetings.record(
            MeetingInput(title="M", starts_at=start, project_id=p.id),
            [TaskInput("step")],
            StageMove(p.stage_id),
        )
    assert services.meetings.count() == 0 and services.tasks.count() == 0


def test_meeting_needs_a_known_zone_and_aware_start(services):
    with pytest.raises(ValidationError) as e:
        services.meetings.create(
            MeetingInput(title="M", starts_at=datetime(2026, 1, 1), timezone="Mars/Olympus")
        )
    assert set(e.value.errors) == {"timezone", "starts_at"}


def test_delete_moves_to_trash_and_restore_brings_dependants_back(services):
    c = _company(services)
    services.contacts.create(ContactInput(company_id=c.id, family_name_ru="Смирнова"))
    p = services.projects.create(ProjectInput(title="P", company_id=c.id))
    services.tasks.create(TaskInput("T", project_id=p.id, company_id=c.id))
    services.companies.delete(c.id)
    assert services.companies.count() == 0 and services.contacts.count() == 0
    assert services.projects.count() == 0 and services.tasks.count() == 0
    assert {i.entity_type for i in services.trash.list()} == {
        "company",
        "contact",
        "project",
        "task",
    }
    with pytest.raises(NotFoundError):
        services.companies.update(c.id, CompanyInput(name="x"))
    services.companies.restore(c.id)
    assert services.contacts.count() == 1 and services.projects.count() == 1
    assert services.tasks.count() == 1 and services.trash.list() == []


def test_every_field_change_is_in_the_history(services):
    c = _company(services)
    data = CompanyInput.from_row(c)
    data.city = "Ханчжоу"
    services.companies.update(c.id, data)
    services.companies.delete(c.id)
    entries = services.companies.history(c.id)
    assert [e.action for e in entries] == ["delete", "update", "create"]
    update = entries[1]
    assert (update.field, update.old_value, update.new_value) == ("city", "Шанхай", "Ханчжоу")
    assert update.origin == services.ctx.device_id
    assert services.companies.get(c.id).version == 3


def test_tasks_overdue_first_and_done(services):
    today = date.today()
    later = services.tasks.create(TaskInput("later", due_date=today + timedelta(days=5)))
    overdue = services.tasks.create(TaskInput("overdue", due_date=today - timedelta(days=2)))
    services.tasks.create(TaskInput("no date"))
    order = services.tasks.list(services.tasks.query(overdue_first=True, open_only=True))
    assert [t.title for t in order] == ["overdue", "later", "no date"]
    assert services.tasks.is_overdue(overdue) and not services.tasks.is_overdue(later)
    done = services.tasks.set_done(overdue.id)
    assert done.status == TaskStatus.DONE and done.done_at is not None
    assert services.tasks.count(services.tasks.query(open_only=True)) == 2


def test_trip_dates_and_countries_checked(services):
    with pytest.raises(ValidationError) as e:
        services.trips.create(
            TripInput("Миссия", date(2026, 5, 25), date(2026, 5, 18), ["CN", "ZZ"])
        )
    assert set(e.value.errors) == {"end_date", "countries"}
    t = services.trips.create(TripInput("Миссия", date(2026, 5, 18), date(2026, 5, 25), ["cn"]))
    assert t.countries == ["CN"]


def test_attachments_keep_their_bytes_with_the_record(services):
    c = _company(services)
    pdf = b"%PDF-1.4 presentation \xe5\x87\xaf\xe6\xba\x90 " * 1000
    a = services.attachments.add(
        "company", c.id, "C:\\Users\\me\\Презентация 凯源.pdf", pdf, note="к встрече"
    )
    assert a.filename == "Презентация 凯源.pdf" and a.mime_type == "application/pdf"
    assert a.size == len(pdf)
    assert [x.id for x in services.attachments.for_record("company", c.id)] == [a.id]
    assert services.attachments.content(a.id) == pdf
    services.attachments.delete(a.id)
    assert services.attachments.for_record("company", c.id) == []
    services.attachments.restore(a.id)
    assert services.attachments.content(a.id) == pdf
    with pytest.raises(NotFoundError):
        services.attachments.add("company", "no-such-id", "x.txt", b"x")
    with pytest.raises(ValidationError):
        services.attachments.add("company", c.id, "   ", b"x")
