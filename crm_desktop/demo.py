"""Loads the demo story (resources/demo/demo.json) through the ordinary services."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from crm_desktop.config import resources_dir
from crm_desktop.domain.models import (
    CompanyKind,
    Confidentiality,
    MeasureKind,
    MeetingFormat,
    ProjectStatus,
    SiteKind,
    TaskStatus,
)
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import Channel, ContactInput
from crm_desktop.domain.services.meetings import MeetingInput, StageMove
from crm_desktop.domain.services.members import MemberInput
from crm_desktop.domain.services.projects import ProjectInput
from crm_desktop.domain.services.reference import MeasureInput, SiteInput
from crm_desktop.domain.services.settings import ORGANISATION_NAME
from crm_desktop.domain.services.tasks import TaskInput
from crm_desktop.domain.services.trips import TripInput

MOSCOW = ZoneInfo("Europe/Moscow")


def _dec(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _noon(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(12, 0), tzinfo=MOSCOW)


def load_demo(services: Services, data: dict[str, Any] | None = None) -> dict[str, int]:
    """Fill an empty database with the demo story; returns what was created."""
    if data is None:
        data = json.loads((resources_dir() / "demo" / "demo.json").read_text(encoding="utf-8"))
    S = services
    S.stages.ensure_defaults()
    stages = {s.code: s.id for s in S.stages.list()}
    S.settings.set(ORGANISATION_NAME, data["organisation_name"])
    S.settings.set_many(data.get("settings", {}))  # memo requisites, names in en/zh

    members = {
        m["ref"]: S.members.create(MemberInput(**{k: v for k, v in m.items() if k != "ref"})).id
        for m in data["members"]
    }
    tags = {name: S.tags.get_or_create(name).id for name in data["tags"]}
    sites = {
        s["ref"]: S.sites.create(
            SiteInput(
                name=s["name"],
                name_en=s.get("name_en", ""),
                name_zh=s.get("name_zh", ""),
                kind=SiteKind(s["kind"]),
                municipality=s.get("municipality", ""),
                address=s.get("address", ""),
                available_area_m2=_dec(s.get("available_area_m2")),
                land_area_ha=_dec(s.get("land_area_ha")),
                utilities=s.get("utilities", ""),
                description=s.get("description", ""),
            )
        ).id
        for s in data["sites"]
    }
    measures = {
        m["ref"]: S.measures.create(
            MeasureInput(
                name=m["name"],
                name_en=m.get("name_en", ""),
                name_zh=m.get("name_zh", ""),
                kind=MeasureKind(m["kind"]),
                provider=m.get("provider", ""),
                terms=m.get("terms", ""),
            )
        ).id
        for m in data["measures"]
    }

    companies = {}
    for c in data["companies"]:
        companies[c["ref"]] = S.companies.create(
            CompanyInput(
                name=c.get("name") or c.get("name_latin", ""),
                name_native=c.get("name_native", ""),
                name_latin=c.get("name_latin", ""),
                name_ru=c.get("name_ru", ""),
                country=c.get("country", ""),
                city=c.get("city", ""),
                address=c.get("address", ""),
                website=c.get("website", ""),
                industry=c.get("industry", ""),
                kind=CompanyKind(c.get("kind", "investor")),
                registration_code=c.get("registration_code", ""),
                employees=c.get("employees"),
                revenue=_dec(c.get("revenue")),
                revenue_currency=c.get("revenue_currency", ""),
                description=c.get("description", ""),
                tag_ids=[tags[t] for t in c.get("tags", [])],
            )
        ).id

    contacts = {}
    for c in data["contacts"]:
        fields = {
            k: v for k, v in c.items() if k not in ("ref", "company", "emails", "phones", "tags")
        }
        contacts[c["ref"]] = S.contacts.create(
            ContactInput(
                company_id=companies[c["company"]] if c.get("company") else None,
                emails=[Channel(k, v) for k, v in c.get("emails", [])],
                phones=[Channel(k, v) for k, v in c.get("phones", [])],
                **fields,
            )
        ).id

    trips = {
        t["ref"]: S.trips.create(
            TripInput(
                title=t["title"],
                start_date=_day(t["start_date"]),
                end_date=_day(t["end_date"]),
                countries=t["countries"],
                cities=t["cities"],
                goals=t["goals"],
                member_ids=[members[m] for m in t["members"]],
            )
        ).id
        for t in data["trips"]
    }

    projects = {}
    for p in data["projects"]:
        history = p["history"]
        project = S.projects.create(
            ProjectInput(
                title=p["title"],
                title_en=p.get("title_en", ""),
                title_zh=p.get("title_zh", ""),
                company_id=companies[p["company"]],
                stage_id=stages[history[0][0]],
                stage_entered_at=_noon(history[0][1]),
                code_name=p.get("code_name", ""),
                owner_id=members[p["owner"]],
                product=p.get("product", ""),
                planned_output=p.get("planned_output", ""),
                capex=_dec(p.get("capex")),
                capex_currency=p.get("capex_currency", ""),
                jobs=p.get("jobs"),
                land_area_ha=_dec(p.get("land_area_ha")),
                floor_area_m2=_dec(p.get("floor_area_m2")),
                probability=p.get("probability"),
                expected_decision=_day(p.get("expected_decision")),
                description=p.get("description", ""),
                site_ids=[sites[s] for s in p.get("sites", [])],
                measure_ids=[measures[m] for m in p.get("measures", [])],
                tag_ids=[tags[t] for t in p.get("tags", [])],
            )
        )
        for code, day in history[1:]:
            S.projects.move_to_stage(
                project.id, stages[code], when=_noon(day), member_id=members[p["owner"]]
            )
        projects[p["ref"]] = project.id

    meetings = 0
    for m in data["meetings"]:
        zone = ZoneInfo(m["timezone"])
        start = datetime.fromisoformat(m["local_start"]).replace(tzinfo=zone)
        project_id = projects.get(m.get("project", ""))
        steps = [
            TaskInput(
                title,
                owner_id=members[owner],
                due_date=_day(due),
                status=TaskStatus.DONE
                if (day := _day(due)) and day < date(2026, 11, 1)
                else TaskStatus.OPEN,
            )
            for title, owner, due in m.get("next_steps", [])
        ]
        move = StageMove(stages[m["stage_move"]]) if m.get("stage_move") else None
        S.meetings.record(
            MeetingInput(
                title=m["title"],
                starts_at=start,
                timezone=m["timezone"],
                duration_min=m.get("duration_min", 60),
                trip_id=trips.get(m.get("trip", "")),
                project_id=project_id,
                place=m.get("place", ""),
                format=MeetingFormat(m.get("format", "in_person")),
                language=m.get("language", ""),
                interpreter=m.get("interpreter", ""),
                agenda=m.get("agenda", ""),
                discussion=m.get("discussion", ""),
                agreements=m.get("agreements", ""),
                confidentiality=Confidentiality(m.get("confidentiality", "internal")),
                member_ids=[members[x] for x in m["members"]],
                contact_ids=[contacts[x] for x in m["contacts"]],
                second_language=m.get("second_language", ""),
                title_alt=m.get("title_alt", ""),
                place_alt=m.get("place_alt", ""),
                agenda_alt=m.get("agenda_alt", ""),
                agreements_alt=m.get("agreements_alt", ""),
                next_steps_alt=m.get("next_steps_alt", ""),
            ),
            steps,
            move,
        )
        meetings += 1

    for t in data["tasks"]:
        S.tasks.create(
            TaskInput(
                t["title"],
                owner_id=members[t["owner"]],
                due_date=_day(t.get("due_date")),
                status=TaskStatus(t.get("status", "open")),
                project_id=projects.get(t.get("project") or ""),
            )
        )

    for p in data["projects"]:  # statuses last: lost / on hold carry their reasons
        status = ProjectStatus(p.get("status", "active"))
        if status != ProjectStatus.ACTIVE:
            S.projects.set_status(projects[p["ref"]], status, p.get("status_reason", ""))

    return {
        "companies": len(companies),
        "contacts": len(contacts),
        "projects": len(projects),
        "meetings": meetings,
        "trips": len(trips),
        "sites": len(sites),
        "support measures": len(measures),
        "members": len(members),
    }
