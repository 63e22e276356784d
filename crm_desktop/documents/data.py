"""Plain, immutable data the renderers format: no sessions, no ORM rows, no queries.

The loader (:mod:`crm_desktop.documents.loader`) builds these from the database; tests and
benchmarks build them by hand. Text is kept exactly as it was recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Localized:
    """A name kept in several languages (stages, sites, support measures)."""

    ru: str = ""
    en: str = ""
    zh: str = ""

    def get(self, lang: str) -> str:
        value = getattr(self, lang, "")
        return value or self.ru or self.en or self.zh

    def for_labels(self, codes: tuple[str, ...], sep: str = " / ") -> str:
        parts: list[str] = []
        for code in codes:
            text = self.get(code)
            if text and text not in parts:
                parts.append(text)
        return sep.join(parts)


@dataclass(frozen=True)
class Person:
    """A participant or contact: every recorded form of the name, then position and employer."""

    names: tuple[str, ...]  # native script, Latin, Russian — non-empty and distinct, in that order
    position: str = ""
    organisation: str = ""
    position_en: str = ""  # set by hand for our members (else a known title is translated)
    position_zh: str = ""
    head: bool = False  # heads the delegation: first in the list, signs the partner's copy

    @property
    def name(self) -> str:
        return self.names[0] if self.names else ""


@dataclass(frozen=True)
class Step:
    """A next step (task) of a meeting."""

    title: str
    owner: str = ""
    due: dt.date | None = None
    status: str = "open"
    owner_latin: str = ""  # the owner's Latin name, printed in English and Chinese documents


@dataclass(frozen=True)
class Requisites:
    """What makes an internal memo an official protocol: registration number, approval,
    compiler, the copies made. Fixed when the memo is approved."""

    number: str = ""  # registration number; empty until approved
    revision: int = 0  # 0: a draft, not approved
    approved_on: dt.date | None = None
    approver: str = ""  # "И. О. Фамилия" of who approves (settings)
    approver_position: str = ""
    compiled_on: dt.date | None = None
    compiled_at: str = ""  # place of compilation
    compiler_position: str = ""
    distribution: tuple[str, ...] = ()  # who gets a copy; copy No. 1 is the first


@dataclass(frozen=True)
class MemoData:
    id: str
    title: str
    starts_at: dt.datetime  # timezone-aware
    timezone: str  # IANA zone of the venue
    duration_min: int | None = None
    place: str = ""
    format: str = ""  # MeetingFormat value
    language: str = ""
    interpreter: str = ""
    interpreter_latin: str = ""  # when the interpreter is one of our members
    trip_title: str = ""
    company_names: tuple[str, ...] = ()  # display, native, Latin, Russian — distinct
    project_title: str = ""  # as recorded (Russian)
    project_title_en: str = ""  # "" = not given: the copy prints the Russian title
    project_title_zh: str = ""
    project_code_name: str = ""
    stage_before: Localized | None = None
    stage_after: Localized | None = None
    stage_before_position: int | None = None
    stage_after_position: int | None = None
    our_side: tuple[Person, ...] = ()
    their_side: tuple[Person, ...] = ()
    agenda: str = ""
    discussion: str = ""
    agreements: str = ""
    next_steps: tuple[Step, ...] = ()
    confidentiality: str = "internal"
    prepared_by: str = ""
    prepared_by_latin: str = ""
    # the partner's language: text typed a second time for the partner's copy
    second_language: str = ""
    title_alt: str = ""
    place_alt: str = ""
    agenda_alt: str = ""
    agreements_alt: str = ""
    next_steps_alt: str = ""
    partner_timezone: str = ""  # the partner's zone, for a video call held from elsewhere
    requisites: Requisites = field(default_factory=Requisites)

    @property
    def company(self) -> str:
        return self.company_names[0] if self.company_names else ""

    @property
    def project_titles(self) -> Localized:
        return Localized(self.project_title, self.project_title_en, self.project_title_zh)


@dataclass(frozen=True)
class TripReportData:
    id: str
    title: str
    start_date: dt.date
    end_date: dt.date
    countries: tuple[str, ...] = ()  # ISO 3166-1 codes
    cities: str = ""
    members: tuple[Person, ...] = ()
    goals: str = ""
    memos: tuple[MemoData, ...] = ()
    conclusions: str = ""
    proposals: str = ""

    @property
    def confidentiality(self) -> str:
        order = {"public": 0, "internal": 1, "confidential": 2}
        levels = [m.confidentiality for m in self.memos] or ["internal"]
        return max(levels, key=lambda level: order.get(level, 2))


@dataclass(frozen=True)
class ContactEntry:
    names: tuple[str, ...]
    position: str = ""
    department: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    wechat: str = ""
    telegram: str = ""
    languages: str = ""
    decision_maker: bool = False
    notes: str = ""


@dataclass(frozen=True)
class StageMove:
    when: dt.datetime
    from_stage: Localized | None
    to_stage: Localized
    who: str = ""
    note: str = ""
    who_latin: str = ""


@dataclass(frozen=True)
class SiteEntry:
    name: Localized
    kind: str = ""
    municipality: str = ""
    available_area_m2: Decimal | None = None
    land_area_ha: Decimal | None = None
    utilities: str = ""


@dataclass(frozen=True)
class MeasureEntry:
    name: Localized
    kind: str = ""
    provider: str = ""
    terms: str = ""


@dataclass(frozen=True)
class ProjectEntry:
    title: str
    code_name: str = ""
    stage: Localized | None = None
    status: str = "active"
    status_reason: str = ""
    owner: str = ""
    product: str = ""
    planned_output: str = ""
    capex: Decimal | None = None
    capex_currency: str = ""
    jobs: int | None = None
    land_area_ha: Decimal | None = None
    floor_area_m2: Decimal | None = None
    probability: int | None = None
    expected_decision: dt.date | None = None
    history: tuple[StageMove, ...] = ()
    sites: tuple[SiteEntry, ...] = ()
    measures: tuple[MeasureEntry, ...] = ()
    owner_latin: str = ""


@dataclass(frozen=True)
class PastMeeting:
    starts_at: dt.datetime
    timezone: str
    title: str
    agreements: str = ""
    project_title: str = ""


@dataclass(frozen=True)
class OpenTask:
    title: str
    owner: str = ""
    due: dt.date | None = None
    project_title: str = ""
    owner_latin: str = ""


@dataclass(frozen=True)
class DossierData:
    id: str
    names: tuple[str, ...]  # display name first, then native, Latin, Russian — distinct
    name_native: str = ""
    name_latin: str = ""
    name_ru: str = ""
    country: str = ""
    city: str = ""
    address: str = ""
    website: str = ""
    industry: str = ""
    kind: str = ""
    registration_code: str = ""
    employees: int | None = None
    revenue: Decimal | None = None
    revenue_currency: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    contacts: tuple[ContactEntry, ...] = ()
    projects: tuple[ProjectEntry, ...] = ()
    past_meetings: tuple[PastMeeting, ...] = ()
    open_tasks: tuple[OpenTask, ...] = ()
    confidentiality: str = "internal"
    generated_at: dt.datetime | None = field(default=None, compare=False)

    @property
    def name(self) -> str:
        return self.names[0] if self.names else ""


def distinct(*values: str) -> tuple[str, ...]:
    """Non-empty values, first occurrence kept, in order (names in several scripts)."""
    seen: list[str] = []
    for v in values:
        v = (v or "").strip()
        if v and v not in seen:
            seen.append(v)
    return tuple(seen)
