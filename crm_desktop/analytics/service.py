"""The pipeline report, computed in SQL on SQLite and PostgreSQL alike.

Definitions (the tests compute each by hand on a known history):

- *Snapshot*: every project's stage at the end of the period (the last StageChange up to
  ``date_to``; today's stage when the period is open-ended), lost projects left out.
  The funnel, the breakdowns and their capex and jobs are over this snapshot.
- *Entered*: distinct projects with a StageChange into the stage during the period.
- *Conversion* stage -> next: of the projects that entered the stage in the period, those
  that later (by the end of the period) moved to a stage further down the pipeline.
- *Median days in stage*: completed stays (one StageChange to the next) that ended in the
  period.
- *Stalled*: active projects whose days in their current stage exceed that stage's limit
  (``stage_limits``), counted at ``as_of``.
- *Milestones*: projects whose first move into the milestone's stage or a later one falls
  in the period (see :data:`MILESTONES`).
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Select,
    and_,
    case,
    distinct,
    false,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from crm_desktop.analytics.model import (
    BreakdownRow,
    ConversionRow,
    FunnelRow,
    MilestoneRow,
    OverdueRow,
    PipelineReport,
    ProjectLine,
    ReportFilter,
    StageInfo,
    StageTimeRow,
    StalledProject,
    TripRow,
)
from crm_desktop.analytics.rates import ConversionRates, no_rates
from crm_desktop.domain.base import utcnow
from crm_desktop.domain.context import Context
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.models import (
    Company,
    Meeting,
    Member,
    Project,
    ProjectStatus,
    Setting,
    Stage,
    StageChange,
    Task,
    TaskStatus,
    Trip,
)

# Which default-pipeline stage stands for each milestone managers report, in one place.
# A signed protocol of intentions is what moves a project into "Negotiation of terms"
# (the terms are negotiated under it); the investment agreement is "Agreement signed";
# construction starts with "Implementation"; production is "Production launched".
MILESTONES: tuple[tuple[str, str], ...] = (
    ("intentions", "negotiation"),
    ("agreement", "agreement"),
    ("construction", "implementation"),
    ("production", "launched"),
)

# Settings keys (table ``setting``): JSON objects keyed by stage code.
STAGE_LIMITS_KEY = "pipeline.stage_limits"  # days a project may stay in the stage
STAGE_PROBABILITIES_KEY = "pipeline.stage_probabilities"  # percent, the funnel's weights

DEFAULT_STAGE_LIMITS: dict[str, int] = {
    "lead": 30, "first_meeting": 45, "presentation": 60, "site_selection": 90,
    "site_visit": 60, "offer": 90, "negotiation": 120, "agreement": 180,
    "implementation": 365,
}  # fmt: skip
DEFAULT_STAGE_PROBABILITIES: dict[str, int] = {
    "lead": 5, "first_meeting": 10, "presentation": 15, "site_selection": 25,
    "site_visit": 35, "offer": 45, "negotiation": 60, "agreement": 80,
    "implementation": 90, "launched": 100,
}  # fmt: skip

TRIP_FOLLOW_UP_DAYS = 30

# A SELECT of any columns (SQLAlchemy 2.1 types a Select by its columns).
AnySelect = Select[*tuple[Any, ...]]


@dataclass(frozen=True)
class Drill:
    """What a clicked bar or row stands for: ``kind`` and the row's key.

    kinds: stage, country, sector, owner, trip (snapshot projects in that group),
    milestone (key: milestone), stalled (key: stage id or "" for all), overdue (key:
    member id or ""), trip_meetings (projects discussed on the trip), entered (stage id),
    stage_left (stage id: projects whose completed stay in it ended in the period).
    """

    kind: str
    key: str = ""


def _start(d: date) -> datetime:
    return datetime.combine(d, time.min, tzinfo=UTC)


# Every "id IN (select ...)" below names the outer table again; .correlate(None) keeps
# SQLAlchemy from correlating the inner select to it (which ran it once per row: 50 s).


def _money(value: Any) -> Decimal:
    if value is None:
        return Decimal("0.00")
    return Decimal(str(value)).quantize(Decimal("0.01"))


class AnalyticsService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # -- settings -----------------------------------------------------------------------
    def _json_setting(self, s: Session, key: str, default: Mapping[str, int]) -> dict[str, int]:
        raw = s.scalar(select(Setting.value).where(Setting.key == key))
        values = dict(default)
        if raw:
            try:
                stored = json.loads(raw)
            except ValueError:
                stored = {}
            if isinstance(stored, dict):
                values.update({str(k): int(v) for k, v in stored.items()
                               if isinstance(v, (int, float)) and v >= 0})
        return values

    def stage_limits(self) -> dict[str, int]:
        """Days allowed per stage code (a stage without a limit never stalls)."""
        with self.ctx.reading() as s:
            return self._json_setting(s, STAGE_LIMITS_KEY, DEFAULT_STAGE_LIMITS)

    def stage_probabilities(self) -> dict[str, int]:
        with self.ctx.reading() as s:
            return self._json_setting(s, STAGE_PROBABILITIES_KEY, DEFAULT_STAGE_PROBABILITIES)

    def set_stage_limits(self, limits: Mapping[str, int]) -> None:
        self._set_json(STAGE_LIMITS_KEY, limits, 0, 100_000)

    def set_stage_probabilities(self, values: Mapping[str, int]) -> None:
        self._set_json(STAGE_PROBABILITIES_KEY, values, 0, 100)

    def _set_json(self, key: str, values: Mapping[str, int], low: int, high: int) -> None:
        for code, v in values.items():
            if not isinstance(v, int) or not low <= v <= high:
                raise CrmError(f"The value for stage {code} must be a whole number "
                               f"from {low} to {high}.")
        with self.ctx.unit_of_work() as s:
            row = s.get(Setting, key)
            text = json.dumps(dict(values), sort_keys=True)
            if row is None:
                s.add(Setting(key=key, value=text))
            else:
                row.value = text

    # -- building blocks ------------------------------------------------------------------
    @staticmethod
    def _stages(s: Session) -> list[StageInfo]:
        rows = s.execute(select(Stage.id, Stage.code, Stage.position, Stage.name_ru,
                                Stage.name_en).where(Stage.deleted_at.is_(None))
                         .order_by(Stage.position)).all()
        return [StageInfo(*r) for r in rows]

    @staticmethod
    def _capex(rates: ConversionRates) -> Any:
        """Project.capex in the report currency; NULL when the currency has no rate."""
        whens = [(Project.capex_currency == code, Project.capex * literal(rate))
                 for code, rate in sorted(rates.known().items())]
        return case(*whens, else_=None)

    @staticmethod
    def _scope(stmt: AnySelect, f: ReportFilter) -> AnySelect:
        """The filters on projects; the statement must already join Company."""
        stmt = stmt.where(Project.deleted_at.is_(None))
        if f.country:
            stmt = stmt.where(Company.country == f.country.upper())
        if f.sector:
            stmt = stmt.where(Company.industry == f.sector)
        if f.owner_id:
            stmt = stmt.where(Project.owner_id == f.owner_id)
        if f.trip_id:
            stmt = stmt.where(Project.id.in_(
                select(Meeting.project_id).where(Meeting.trip_id == f.trip_id,
                                                 Meeting.deleted_at.is_(None))))
        return stmt

    @staticmethod
    def _end(f: ReportFilter) -> datetime | None:
        return _start(f.date_to + timedelta(days=1)) if f.date_to else None

    def _in_period(self, column: Any, f: ReportFilter) -> list[Any]:
        out = []
        if f.date_from:
            out.append(column >= _start(f.date_from))
        end = self._end(f)
        if end is not None:
            out.append(column < end)
        return out

    def _snapshot(self, f: ReportFilter, as_of: datetime) -> Any:
        """project id, stage id at the end of the period (subquery), lost projects out."""
        end = self._end(f)
        if end is None or end > as_of:
            base = select(Project.id.label("project_id"), Project.stage_id.label("stage_id"))
        else:
            ranked = (
                select(StageChange.project_id, StageChange.to_stage_id,
                       func.row_number().over(
                           partition_by=StageChange.project_id,
                           order_by=(StageChange.changed_at.desc(), StageChange.hlc.desc()),
                       ).label("rn"))
                .where(StageChange.deleted_at.is_(None), StageChange.changed_at < end)
                .subquery())
            base = (select(Project.id.label("project_id"), ranked.c.to_stage_id.label("stage_id"))
                    .join(ranked, and_(ranked.c.project_id == Project.id, ranked.c.rn == 1)))
        base = base.join(Company, Company.id == Project.company_id).where(
            Project.status != ProjectStatus.LOST)
        return self._scope(base, f).subquery("snap")

    # -- the report ---------------------------------------------------------------------------
    def report(self, f: ReportFilter | None = None, rates: ConversionRates | None = None,
               as_of: datetime | None = None) -> PipelineReport:
        f = f or ReportFilter()
        as_of = as_of or utcnow()
        rates = rates or no_rates("RUB", as_of.date())
        if f.date_from and f.date_to and f.date_from > f.date_to:
            raise CrmError.from_code("date_order")
        with self.ctx.reading() as s:
            stages = self._stages(s)
            limits = self._json_setting(s, STAGE_LIMITS_KEY, DEFAULT_STAGE_LIMITS)
            probs = self._json_setting(s, STAGE_PROBABILITIES_KEY, DEFAULT_STAGE_PROBABILITIES)
            snap = self._snapshot(f, as_of)
            rep = PipelineReport(f, rates, as_of)
            rep.funnel = self._funnel(s, f, stages, snap, rates, probs)
            rep.conversion = self._conversion(s, f, stages)
            rep.stage_times = self._stage_times(s, f, stages)
            rep.stalled = self._stalled(s, f, stages, limits, as_of)
            rep.milestones = self._milestones(s, f, stages, rates)
            weight = self._weight(stages, probs, snap)
            rep.by_country = self._breakdown(s, snap, rates, weight, Company.country,
                                             Company.country)
            rep.by_sector = self._breakdown(s, snap, rates, weight, Company.industry,
                                            Company.industry)
            rep.by_owner = self._breakdown(s, snap, rates, weight, Project.owner_id,
                                           Member.name)
            rep.by_trip = self._by_trip(s, f, snap, rates, weight)
            rep.overdue = self._overdue(s, f, as_of)
            rep.trips = self._trips(s, f, stages)
            known = set(rates.known())
            currencies = s.scalars(
                select(Project.capex_currency).distinct()
                .join(snap, snap.c.project_id == Project.id)
                .where(Project.capex.is_not(None)))
            if f.owner_id:
                rep.owner_name = s.scalar(select(Member.name).where(Member.id == f.owner_id)) or ""
            if f.trip_id:
                rep.trip_title = s.scalar(select(Trip.title).where(Trip.id == f.trip_id)) or ""
            rep.unconverted = sorted(c for c in currencies if c and c.upper() not in known)
        return rep

    @staticmethod
    def _weight(stages: list[StageInfo], probs: Mapping[str, int], snap: Any) -> Any:
        """The snapshot stage's probability as a fraction (SQL expression)."""
        whens = {st.id: probs.get(st.code, 0) / 100 for st in stages}
        return case(whens, value=snap.c.stage_id, else_=0) if whens else literal(0)

    def _funnel(self, s: Session, f: ReportFilter, stages: list[StageInfo], snap: Any,
                rates: ConversionRates, probs: Mapping[str, int]) -> list[FunnelRow]:
        capex = self._capex(rates)
        rows = {r[0]: r[1:] for r in s.execute(
            select(snap.c.stage_id, func.count(), func.sum(capex), func.sum(Project.jobs))
            .join(Project, Project.id == snap.c.project_id)
            .group_by(snap.c.stage_id))}
        entered_stmt = (select(StageChange.to_stage_id,
                               func.count(distinct(StageChange.project_id)))
                        .join(Project, Project.id == StageChange.project_id)
                        .join(Company, Company.id == Project.company_id)
                        .where(StageChange.deleted_at.is_(None),
                               *self._in_period(StageChange.changed_at, f))
                        .group_by(StageChange.to_stage_id))
        entered: dict[str, int] = {k: v for k, v in s.execute(self._scope(entered_stmt, f))}
        out = []
        for st in stages:
            count, cap, jobs = rows.get(st.id, (0, None, None))
            p = probs.get(st.code, 0)
            cap_d, jobs_i = _money(cap), int(jobs or 0)
            out.append(FunnelRow(st, int(count), cap_d, jobs_i, p,
                                 _money(cap_d * p / 100),
                                 (Decimal(jobs_i) * p / 100).quantize(Decimal("0.1")),
                                 int(entered.get(st.id, 0))))
        return out

    def _moves(self, f: ReportFilter) -> Any:
        """Every stage change up to the end of the period with, from one window pass, when
        the project left that stage (``left``) and the furthest stage it reached after it
        (``later_max``, a position)."""
        order = (StageChange.changed_at, StageChange.hlc)
        stmt = (select(StageChange.project_id, StageChange.to_stage_id.label("stage_id"),
                       Stage.position.label("pos"), StageChange.changed_at,
                       func.lead(StageChange.changed_at).over(
                           partition_by=StageChange.project_id, order_by=order).label("left"),
                       func.max(Stage.position).over(
                           partition_by=StageChange.project_id, order_by=order,
                           rows=(1, None)).label("later_max"))
                .join(Stage, Stage.id == StageChange.to_stage_id)
                .join(Project, Project.id == StageChange.project_id)
                .join(Company, Company.id == Project.company_id)
                .where(StageChange.deleted_at.is_(None)))
        end = self._end(f)
        if end is not None:
            stmt = stmt.where(StageChange.changed_at < end)
        return self._scope(stmt, f).subquery("moves")

    def _conversion(self, s: Session, f: ReportFilter,
                    stages: list[StageInfo]) -> list[ConversionRow]:
        w = self._moves(f)
        stmt = (select(w.c.stage_id, func.count(distinct(w.c.project_id)),
                       func.count(distinct(case((w.c.later_max > w.c.pos, w.c.project_id)))))
                .where(*self._in_period(w.c.changed_at, f))
                .group_by(w.c.stage_id))
        counts = {r[0]: (int(r[1]), int(r[2])) for r in s.execute(stmt)}
        return [ConversionRow(a, b, *counts.get(a.id, (0, 0)))
                for a, b in zip(stages, stages[1:], strict=False)]

    def _days(self, s: Session, start: Any, end: Any) -> Any:
        if s.get_bind().dialect.name == "sqlite":
            return func.julianday(end) - func.julianday(start)
        return func.extract("epoch", end - start) / 86400.0

    def _stage_times(self, s: Session, f: ReportFilter,
                     stages: list[StageInfo]) -> list[StageTimeRow]:
        stays = (select(StageChange.to_stage_id.label("stage_id"),
                        StageChange.changed_at.label("entered"),
                        func.lead(StageChange.changed_at).over(
                            partition_by=StageChange.project_id,
                            order_by=(StageChange.changed_at, StageChange.hlc)).label("left"))
                 .join(Project, Project.id == StageChange.project_id)
                 .join(Company, Company.id == Project.company_id)
                 .where(StageChange.deleted_at.is_(None)))
        sub = self._scope(stays, f).subquery()
        # Days per stay in SQL, the median in Python: SQLite has no median, and ranking
        # 150,000 stays in SQL measured slower than sorting them here.
        rows = s.execute(select(sub.c.stage_id, self._days(s, sub.c.entered, sub.c.left))
                         .where(sub.c.left.is_not(None), *self._in_period(sub.c.left, f)))
        by_stage: dict[str, list[float]] = defaultdict(list)
        for stage_id, days in rows:
            by_stage[stage_id].append(float(days))
        out = []
        for st in stages:
            values = by_stage.get(st.id, [])
            median = round(statistics.median(values), 1) if values else None
            out.append(StageTimeRow(st, len(values), median))
        return out

    def _stalled_stmt(self, f: ReportFilter, stages: list[StageInfo],
                      limits: Mapping[str, int], as_of: datetime) -> AnySelect:
        over = [and_(Project.stage_id == st.id,
                     Project.stage_entered_at <= as_of - timedelta(days=limits[st.code] + 1))
                for st in stages if st.code in limits]
        stmt = (select(Project.id).join(Company, Company.id == Project.company_id)
                .where(Project.status == ProjectStatus.ACTIVE, or_(false(), *over)))
        return self._scope(stmt, f)

    def _stalled(self, s: Session, f: ReportFilter, stages: list[StageInfo],
                 limits: Mapping[str, int], as_of: datetime) -> list[StalledProject]:
        by_id = {st.id: st for st in stages}
        ids = self._stalled_stmt(f, stages, limits, as_of).correlate(None)
        rows: Sequence[Any] = s.execute(
            select(Project.id, Project.title, Company.name, Project.stage_id,
                   Project.stage_entered_at, Member.name)
            .join(Company, Company.id == Project.company_id)
            .outerjoin(Member, Member.id == Project.owner_id)
            .where(Project.id.in_(ids))).all()
        # Grouped rather than a correlated max() per project: SQLite would answer that
        # from the starts_at index, scanning every meeting for each project (50 s).
        last = dict(s.execute(
            select(Meeting.project_id, func.max(Meeting.starts_at))
            .where(Meeting.deleted_at.is_(None), Meeting.project_id.in_(ids))
            .group_by(Meeting.project_id)).all())
        rows = [(*r, last.get(r[0])) for r in rows]
        out = []
        for pid, title, company, stage_id, entered, owner, met in rows:
            st = by_id[stage_id]
            days = (as_of - entered).days
            if met is not None and met.tzinfo is None:
                met = met.replace(tzinfo=UTC)
            out.append(StalledProject(pid, title, company, st, days, limits[st.code],
                                      owner or "", met))
        out.sort(key=lambda r: (-(r.days - r.limit), r.title, r.project_id))
        return out

    def _milestone_ids(self, f: ReportFilter, position: int) -> AnySelect:
        first = (select(StageChange.project_id.label("project_id"),
                        func.min(StageChange.changed_at).label("reached"))
                 .join(Stage, Stage.id == StageChange.to_stage_id)
                 .where(StageChange.deleted_at.is_(None), Stage.position >= position)
                 .group_by(StageChange.project_id).subquery())
        stmt = (select(first.c.project_id).join(Project, Project.id == first.c.project_id)
                .join(Company, Company.id == Project.company_id)
                .where(*self._in_period(first.c.reached, f)))
        return self._scope(stmt, f)

    def _milestones(self, s: Session, f: ReportFilter, stages: list[StageInfo],
                    rates: ConversionRates) -> list[MilestoneRow]:
        by_code = {st.code: st for st in stages}
        chosen = [(key, by_code[code]) for key, code in MILESTONES if code in by_code]
        if not chosen:
            return []
        # one pass over the history: when each project first reached each milestone
        first = (select(StageChange.project_id.label("project_id"), *[
                     func.min(case((Stage.position >= st.position, StageChange.changed_at)))
                     .label(f"m{i}") for i, (_, st) in enumerate(chosen)])
                 .join(Stage, Stage.id == StageChange.to_stage_id)
                 .where(StageChange.deleted_at.is_(None))
                 .group_by(StageChange.project_id).subquery())
        capex = self._capex(rates)
        cols = []
        for i in range(len(chosen)):
            reached = first.c[f"m{i}"]
            hit = and_(reached.is_not(None), *self._in_period(reached, f))
            cols += [func.count(case((hit, 1))), func.sum(case((hit, capex))),
                     func.sum(case((hit, Project.jobs)))]
        stmt = (select(*cols).select_from(first)
                .join(Project, Project.id == first.c.project_id)
                .join(Company, Company.id == Project.company_id))
        values = s.execute(self._scope(stmt, f)).one()
        return [MilestoneRow(key, st, int(values[3 * i] or 0), _money(values[3 * i + 1]),
                             int(values[3 * i + 2] or 0)) for i, (key, st) in enumerate(chosen)]

    def _breakdown(self, s: Session, snap: Any, rates: ConversionRates, weight: Any,
                   key: Any, label: Any) -> list[BreakdownRow]:
        capex = self._capex(rates)
        stmt = (select(key, label, func.count(), func.sum(capex), func.sum(Project.jobs),
                       func.sum(capex * weight))
                .select_from(snap).join(Project, Project.id == snap.c.project_id)
                .join(Company, Company.id == Project.company_id)
                .outerjoin(Member, Member.id == Project.owner_id)
                .group_by(key, label))
        rows = [BreakdownRow(k or "", lab or "", int(n), _money(c), int(j or 0), _money(w))
                for k, lab, n, c, j, w in s.execute(stmt)]
        rows.sort(key=lambda r: (-r.capex, -r.projects, r.label))
        return rows

    def _by_trip(self, s: Session, f: ReportFilter, snap: Any, rates: ConversionRates,
                 weight: Any) -> list[BreakdownRow]:
        pairs = (select(Meeting.trip_id, Meeting.project_id)
                 .where(Meeting.deleted_at.is_(None), Meeting.trip_id.is_not(None),
                        Meeting.project_id.is_not(None))
                 .distinct().subquery())
        capex = self._capex(rates)
        stmt = (select(Trip.id, Trip.title, func.count(), func.sum(capex), func.sum(Project.jobs),
                       func.sum(capex * weight))
                .select_from(snap).join(pairs, pairs.c.project_id == snap.c.project_id)
                .join(Trip, Trip.id == pairs.c.trip_id)
                .join(Project, Project.id == snap.c.project_id)
                .where(Trip.deleted_at.is_(None), *self._trip_overlap(f))
                .group_by(Trip.id, Trip.title))
        rows = [BreakdownRow(k, lab, int(n), _money(c), int(j or 0), _money(w))
                for k, lab, n, c, j, w in s.execute(stmt)]
        rows.sort(key=lambda r: (-r.capex, -r.projects, r.label))
        return rows

    @staticmethod
    def _trip_overlap(f: ReportFilter) -> list[Any]:
        out = []
        if f.date_from:
            out.append(Trip.end_date >= f.date_from)
        if f.date_to:
            out.append(Trip.start_date <= f.date_to)
        if f.trip_id:
            out.append(Trip.id == f.trip_id)
        return out

    def _overdue_stmt(self, f: ReportFilter, as_of: datetime) -> AnySelect:
        stmt = select(Task.id).where(Task.deleted_at.is_(None), Task.status == TaskStatus.OPEN,
                                     Task.due_date < as_of.date())
        if f.owner_id:
            stmt = stmt.where(Task.owner_id == f.owner_id)
        if f.trip_id:
            stmt = stmt.where(Task.meeting_id.in_(
                select(Meeting.id).where(Meeting.trip_id == f.trip_id)))
        return stmt

    def _overdue(self, s: Session, f: ReportFilter, as_of: datetime) -> list[OverdueRow]:
        ids = self._overdue_stmt(f, as_of)
        rows = s.execute(select(Task.owner_id, Member.name, func.count(), func.min(Task.due_date))
                         .outerjoin(Member, Member.id == Task.owner_id)
                         .where(Task.id.in_(ids.correlate(None)))
                         .group_by(Task.owner_id, Member.name)).all()
        out = [OverdueRow(m or "", name or "", int(n), d) for m, name, n, d in rows
               if d is not None]
        out.sort(key=lambda r: (-r.overdue, r.member))
        return out

    def _plus_days(self, s: Session, day: Any, n: int) -> Any:
        if s.get_bind().dialect.name == "sqlite":
            return func.date(day, f"+{n} days")
        return day + literal(n)

    def _trips(self, s: Session, f: ReportFilter, stages: list[StageInfo]) -> list[TripRow]:
        trips = s.execute(select(Trip.id, Trip.title, Trip.start_date, Trip.end_date)
                          .where(Trip.deleted_at.is_(None), *self._trip_overlap(f))).all()
        if not trips:
            return []
        meetings = dict(s.execute(
            select(Meeting.trip_id, func.count()).join(Trip, Trip.id == Meeting.trip_id)
            .where(Meeting.deleted_at.is_(None), Trip.deleted_at.is_(None),
                   *self._trip_overlap(f))
            .group_by(Meeting.trip_id)).all())
        pairs = (select(Meeting.trip_id, Meeting.project_id)
                 .join(Project, Project.id == Meeting.project_id)
                 .where(Meeting.deleted_at.is_(None), Project.deleted_at.is_(None))
                 .distinct().subquery())
        projects: dict[str, int] = dict(s.execute(
            select(pairs.c.trip_id, func.count(distinct(pairs.c.project_id)))
            .join(Trip, Trip.id == pairs.c.trip_id)
            .where(Trip.deleted_at.is_(None), *self._trip_overlap(f))
            .group_by(pairs.c.trip_id)).all())
        src, dst = aliased(Stage), aliased(Stage)
        # From the first day of the trip to 30 days after its last, inclusive.
        window_end = self._plus_days(s, Trip.end_date, TRIP_FOLLOW_UP_DAYS + 1)
        moves = {r[0]: (int(r[1]), int(r[2])) for r in s.execute(
            select(Trip.id, func.count(distinct(StageChange.id)),
                   func.count(distinct(case((dst.position > src.position, StageChange.id)))))
            .join(pairs, pairs.c.trip_id == Trip.id)
            .join(StageChange, StageChange.project_id == pairs.c.project_id)
            .join(src, src.id == StageChange.from_stage_id)
            .join(dst, dst.id == StageChange.to_stage_id)
            .where(Trip.deleted_at.is_(None), StageChange.deleted_at.is_(None),
                   StageChange.changed_at >= Trip.start_date,
                   StageChange.changed_at < window_end, *self._trip_overlap(f))
            .group_by(Trip.id))}
        out = []
        for tid, title, start, end in trips:
            n, fwd = moves.get(tid, (0, 0))
            out.append(TripRow(tid, title, start, end, int(meetings.get(tid, 0)),
                               int(projects.get(tid, 0)), n, fwd))
        out.sort(key=lambda r: (r.start_date, r.title), reverse=True)
        return out

    def sectors(self) -> list[str]:
        """The industries recorded for companies with projects (the sector filter)."""
        with self.ctx.reading() as s:
            return [x for x in s.scalars(
                select(Company.industry).distinct()
                .join(Project, Project.company_id == Company.id)
                .where(Company.deleted_at.is_(None), Project.deleted_at.is_(None),
                       Company.industry != "")
                .order_by(Company.industry))]

    # -- the projects behind a bar or a row -------------------------------------------------
    def projects(self, f: ReportFilter, drill: Drill, rates: ConversionRates | None = None,
                 as_of: datetime | None = None) -> list[ProjectLine]:
        as_of = as_of or utcnow()
        rates = rates or no_rates("RUB", as_of.date())
        with self.ctx.reading() as s:
            stages = self._stages(s)
            ids = self._drill_ids(s, f, drill, stages, as_of)
            capex = self._capex(rates)
            rows = s.execute(
                select(Project.id, Project.title, Company.name, Project.stage_id,
                       Project.status, capex, Project.jobs, Member.name)
                .join(Company, Company.id == Project.company_id)
                .outerjoin(Member, Member.id == Project.owner_id)
                .where(Project.id.in_(ids.correlate(None)))
                .order_by(Project.title, Project.id)).all()
        by_id = {st.id: st for st in stages}
        return [ProjectLine(pid, title, company, by_id[stage_id], str(status),
                            None if cap is None else _money(cap), jobs, owner or "")
                for pid, title, company, stage_id, status, cap, jobs, owner in rows
                if stage_id in by_id]

    def _drill_ids(self, s: Session, f: ReportFilter, drill: Drill, stages: list[StageInfo],
                   as_of: datetime) -> AnySelect:
        kind, key = drill.kind, drill.key
        snap = self._snapshot(f, as_of)
        in_snap = select(snap.c.project_id)
        if kind == "stage":
            return in_snap.where(snap.c.stage_id == key)
        if kind in ("country", "sector", "owner"):
            col = {"country": Company.country, "sector": Company.industry,
                   "owner": Project.owner_id}[kind]
            match = col == key if key else or_(col.is_(None), col == "")
            return (select(snap.c.project_id).join(Project, Project.id == snap.c.project_id)
                    .join(Company, Company.id == Project.company_id).where(match))
        if kind == "trip":
            return in_snap.where(snap.c.project_id.in_(
                select(Meeting.project_id).where(Meeting.trip_id == key,
                                                 Meeting.deleted_at.is_(None))))
        if kind == "trip_meetings":
            return select(Meeting.project_id).where(Meeting.trip_id == key,
                                                    Meeting.deleted_at.is_(None),
                                                    Meeting.project_id.is_not(None))
        if kind == "entered":
            stmt = (select(StageChange.project_id)
                    .join(Project, Project.id == StageChange.project_id)
                    .join(Company, Company.id == Project.company_id)
                    .where(StageChange.deleted_at.is_(None), StageChange.to_stage_id == key,
                           *self._in_period(StageChange.changed_at, f)))
            return self._scope(stmt, f)
        if kind == "stage_left":
            stays = (select(StageChange.project_id, StageChange.to_stage_id.label("stage_id"),
                            func.lead(StageChange.changed_at).over(
                                partition_by=StageChange.project_id,
                                order_by=(StageChange.changed_at, StageChange.hlc))
                            .label("left"))
                     .where(StageChange.deleted_at.is_(None)).subquery())
            stmt = (select(stays.c.project_id).join(Project, Project.id == stays.c.project_id)
                    .join(Company, Company.id == Project.company_id)
                    .where(stays.c.stage_id == key, stays.c.left.is_not(None),
                           *self._in_period(stays.c.left, f)))
            return self._scope(stmt, f)
        if kind == "milestone":
            code = dict(MILESTONES).get(key)
            st = next((x for x in stages if x.code == code), None)
            if st is None:
                raise CrmError(f"Unknown milestone {key}.")
            return self._milestone_ids(f, st.position)
        if kind == "stalled":
            limits = self._json_setting(s, STAGE_LIMITS_KEY, DEFAULT_STAGE_LIMITS)
            chosen = [st for st in stages if not key or st.id == key]
            return self._stalled_stmt(f, chosen, limits, as_of)
        if kind == "overdue":
            owner = Task.owner_id == key if key else Task.owner_id.is_(None)
            return (select(Task.project_id)
                    .where(Task.id.in_(self._overdue_stmt(f, as_of).correlate(None)), owner,
                           Task.project_id.is_not(None)))
        raise CrmError(f"Unknown breakdown {kind}.")
