"""Plain dictionaries of records for JSON output (CLI --json, exports, search results)."""

from __future__ import annotations

from typing import Any

from crm_desktop.domain.hooks import json_value
from crm_desktop.domain.models import (
    Company,
    Contact,
    Meeting,
    Member,
    Project,
    Site,
    SupportMeasure,
    Task,
    Trip,
)


def _ref(row: Any, attr: str = "name") -> dict[str, str] | None:
    if row is None:
        return None
    return {"id": row.id, "name": getattr(row, attr)}


def company(r: Company) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "name_native": r.name_native,
        "name_latin": r.name_latin,
        "name_ru": r.name_ru,
        "country": r.country,
        "city": r.city,
        "industry": r.industry,
        "kind": r.kind.value,
        "registration_code": r.registration_code,
        "website": r.website,
        "employees": r.employees,
        "revenue": json_value(r.revenue),
        "revenue_currency": r.revenue_currency,
        "tags": [t.name for t in r.tags],
    }


def contact(r: Contact) -> dict[str, Any]:
    return {
        "id": r.id,
        "display_name": r.display_name,
        "name_native": r.name_native,
        "name_latin": r.name_latin,
        "name_ru": r.name_ru,
        "family_name_native": r.family_name_native,
        "given_name_native": r.given_name_native,
        "family_name_latin": r.family_name_latin,
        "given_name_latin": r.given_name_latin,
        "family_name_ru": r.family_name_ru,
        "given_name_ru": r.given_name_ru,
        "company": _ref(r.company),
        "position": r.position,
        "department": r.department,
        "emails": r.emails,
        "phones": r.phones,
        "wechat": r.wechat,
        "telegram": r.telegram,
        "languages": r.languages,
        "decision_maker": r.decision_maker,
        "tags": [t.name for t in r.tags],
    }


def project(r: Project) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "title_en": r.title_en,
        "title_zh": r.title_zh,
        "code_name": r.code_name,
        "company": _ref(r.company),
        "stage": {
            "id": r.stage.id,
            "position": r.stage.position,
            "name_ru": r.stage.name_ru,
            "name_en": r.stage.name_en,
        },
        "stage_entered_at": json_value(r.stage_entered_at),
        "status": r.status.value,
        "status_reason": r.status_reason,
        "owner": _ref(r.owner),
        "product": r.product,
        "planned_output": r.planned_output,
        "capex": json_value(r.capex),
        "capex_currency": r.capex_currency,
        "jobs": r.jobs,
        "probability": r.probability,
        "expected_decision": json_value(r.expected_decision),
        "sites": [s.name for s in r.sites],
        "measures": [m.name for m in r.measures],
    }


def meeting(r: Meeting) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "starts_at": json_value(r.starts_at),
        "local_start": r.local_start.isoformat(),
        "timezone": r.timezone,
        "duration_min": r.duration_min,
        "place": r.place,
        "format": r.format.value,
        "trip": _ref(r.trip, "title"),
        "company": _ref(r.company),
        "project": _ref(r.project, "title"),
        "our_participants": [m.name for m in r.our_participants],
        "their_participants": [c.display_name for c in r.their_participants],
        "agenda": r.agenda,
        "agreements": r.agreements,
        "second_language": r.second_language,
        "title_alt": r.title_alt,
        "place_alt": r.place_alt,
        "agenda_alt": r.agenda_alt,
        "agreements_alt": r.agreements_alt,
        "next_steps_alt": r.next_steps_alt,
        "confidentiality": r.confidentiality.value,
    }


def task(r: Task) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "owner": _ref(r.owner),
        "due_date": json_value(r.due_date),
        "status": r.status.value,
        "meeting_id": r.meeting_id,
        "project_id": r.project_id,
        "company_id": r.company_id,
    }


def trip(r: Trip) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "start_date": json_value(r.start_date),
        "end_date": json_value(r.end_date),
        "countries": r.countries,
        "cities": r.cities,
        "goals": r.goals,
        "members": [m.name for m in r.members],
    }


def site(r: Site) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "name_en": r.name_en,
        "name_zh": r.name_zh,
        "kind": r.kind.value,
        "municipality": r.municipality,
        "available_area_m2": json_value(r.available_area_m2),
        "land_area_ha": json_value(r.land_area_ha),
    }


def measure(r: SupportMeasure) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "name_en": r.name_en,
        "kind": r.kind.value,
        "provider": r.provider,
        "terms": r.terms,
    }


def member(r: Member) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "name_latin": r.name_latin,
        "position": r.position,
        "department": r.department,
        "email": r.email,
        "phone": r.phone,
    }
