"""The plain results of the pipeline report: dataclasses, no ORM rows, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from crm_desktop.analytics.rates import ConversionRates


@dataclass(frozen=True)
class ReportFilter:
    """Period (inclusive dates) and the filters every figure honours where it can."""

    date_from: date | None = None
    date_to: date | None = None
    country: str = ""  # ISO code of the company
    sector: str = ""  # the company's industry, as recorded
    owner_id: str | None = None  # the project's responsible member
    trip_id: str | None = None  # projects discussed at a meeting of this trip


@dataclass(frozen=True)
class StageInfo:
    id: str
    code: str
    position: int
    name_ru: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_ru if lang == "ru" else self.name_en


@dataclass
class FunnelRow:
    """Projects in a stage at the end of the period, and how many entered it during it."""

    stage: StageInfo
    projects: int
    capex: Decimal
    jobs: int
    probability: int  # percent, the stage's weight
    weighted_capex: Decimal
    weighted_jobs: Decimal
    entered: int


@dataclass
class ConversionRow:
    """Of the projects that entered ``stage`` in the period, how many went further by the
    end of it (to the next stage or past it)."""

    stage: StageInfo
    next_stage: StageInfo
    entered: int
    moved_on: int

    @property
    def rate(self) -> float | None:
        return self.moved_on / self.entered if self.entered else None


@dataclass
class StageTimeRow:
    """Completed stays in a stage that ended in the period, and their median length."""

    stage: StageInfo
    stays: int
    median_days: float | None


@dataclass
class StalledProject:
    project_id: str
    title: str
    company: str
    stage: StageInfo
    days: int
    limit: int
    owner: str
    last_meeting: datetime | None


@dataclass
class MilestoneRow:
    """Projects that first reached ``stage`` (or a later one) during the period."""

    key: str  # intentions, agreement, construction, production
    stage: StageInfo
    projects: int
    capex: Decimal
    jobs: int


@dataclass
class BreakdownRow:
    key: str  # country code, sector, member id, trip id ("" for none)
    label: str
    projects: int
    capex: Decimal
    jobs: int
    weighted_capex: Decimal


@dataclass
class OverdueRow:
    member_id: str  # "" when nobody owns the tasks
    member: str
    overdue: int
    oldest_due: date


@dataclass
class TripRow:
    """A trip's meetings, the projects discussed, and stage moves of those projects from
    the first day of the trip to 30 days after its last."""

    trip_id: str
    title: str
    start_date: date
    end_date: date
    meetings: int
    projects: int
    moves: int
    forward_moves: int


@dataclass
class ProjectLine:
    """One project behind a bar or a row."""

    id: str
    title: str
    company: str
    stage: StageInfo
    status: str
    capex: Decimal | None  # in the report currency; None when unknown or unconvertible
    jobs: int | None
    owner: str


@dataclass
class PipelineReport:
    filter: ReportFilter
    rates: ConversionRates
    as_of: datetime  # "now" for days in stage and overdue follow-ups
    funnel: list[FunnelRow] = field(default_factory=list)
    conversion: list[ConversionRow] = field(default_factory=list)
    stage_times: list[StageTimeRow] = field(default_factory=list)
    stalled: list[StalledProject] = field(default_factory=list)
    milestones: list[MilestoneRow] = field(default_factory=list)
    by_country: list[BreakdownRow] = field(default_factory=list)
    by_sector: list[BreakdownRow] = field(default_factory=list)
    by_owner: list[BreakdownRow] = field(default_factory=list)
    by_trip: list[BreakdownRow] = field(default_factory=list)
    overdue: list[OverdueRow] = field(default_factory=list)
    trips: list[TripRow] = field(default_factory=list)
    # currencies of projects in the funnel that have no rate (their capex is left out)
    unconverted: list[str] = field(default_factory=list)
    # names of the owner and the trip the report is filtered by, for headings
    owner_name: str = ""
    trip_title: str = ""

    @property
    def currency(self) -> str:
        return self.rates.currency
