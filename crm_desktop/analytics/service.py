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

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import (
    Float,
    Select,
    and_,
    case,
    cast,
    distinct,
    false,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from crm_desktop.analytics import figures
from crm_desktop.analytics.model import (
    BreakdownRow,
    OverdueRow,
    PipelineReport,
    ProjectLine,
    ReportFilter,
    StageInfo,
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
    Stage,
    StageChange,
    Task,
    TaskStatus,
    Trip,
)
from crm_desktop.domain.services.pipeline_settings import (
    PipelineSettingsService,
    read_stage_limits,
    read_stage_probabilities,
)
from crm_desktop.domain.services.projects import met_on_trip

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

TRIP_FOLLOW_UP_DAYS = 30

# A SELECT of any columns (SQLAlchemy 2.1 types a Select by its columns).
AnySelect = Select[*tuple[Any, ...]]
SelectT = TypeVar("SelectT", bound=AnySelect)  # _scope() keeps a statement's column types


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

    # -- settings (Settings -> Pipeline edits them) -------------------------------------------
    def stage_limits(self) -> dict[str, int]:
        """Days allowed per stage code (a stage without a limit never stalls)."""
        return PipelineSettingsService(self.ctx).get().limits

    def stage_probabilities(self) -> dict[str, int]:
        return PipelineSettingsService(self.ctx).get().probabilities

    def set_stage_limits(self, limits: Mapping[str, int]) -> None:
        PipelineSettingsService(self.ctx).save(limits=limits)

    def set_stage_probabilities(self, values: Mapping[str, int]) -> None:
        PipelineSettingsService(self.ctx).save(probabilities=values)

    # -- building blocks ------------------------------------------------------------------
    @staticmethod
    def _stages(s: Session) -> list[StageInfo]:
        rows = s.execute(
            select(Stage.id, Stage.code, Stage.position, Stage.name_ru, Stage.name_en)
            .where(Stage.deleted_at.is_(None))
            .order_by(Stage.position)
        ).all()
        return [StageInfo(*r) for r in rows]

    @staticmethod
    def _capex(rates: ConversionRates) -> Any:
        """Project.capex in the report currency; NULL when the currency has no rate."""
        whens = [
            (Project.capex_currency == code, Project.capex * literal(rate))
            for code, rate in sorted(rates.known().items())
        ]
        return case(*whens, else_=None)

    @staticmethod
    def _scope(stmt: SelectT, f: ReportFilter) -> SelectT:
        """The filters on projects; the statement must already join Company."""
        stmt = stmt.where(Project.deleted_at.is_(None))
        if f.country:
            stmt = stmt.where(Company.country == f.country.upper())
        if f.sector:
            stmt = stmt.where(Company.industry == f.sector)
        if f.owner_id:
            stmt = stmt.where(Project.owner_id == f.owner_id)
        if f.trip_id:
            stmt = stmt.where(Project.id.in_(met_on_trip(f.trip_id)))
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
                select(
                    StageChange.project_id,
                    StageChange.to_stage_id,
                    func.row_number()
                    .over(
                        partition_by=StageChange.project_id,
                        order_by=(StageChange.changed_at.desc(), StageChange.hlc.desc()),
                    )
                    .label("rn"),
                )
                .where(StageChange.deleted_at.is_(None), StageChange.changed_at < end)
                .subquery()
            )
            base = select(
                Project.id.label("project_id"), ranked.c.to_stage_id.label("stage_id")
            ).join(ranked, and_(ranked.c.project_id == Project.id, ranked.c.rn == 1))
        base = base.join(Company, Company.id == Project.company_id).where(
            Project.status != ProjectStatus.LOST
        )
        return self._scope(base, f).subquery("snap")

    # -- the report ---------------------------------------------------------------------------
    def report(
        self,
        f: ReportFilter | None = None,
        rates: ConversionRates | None = None,
        as_of: datetime | None = None,
    ) -> PipelineReport:
        f = f or ReportFilter()
        as_of = as_of or utcnow()
        rates = rates or no_rates("RUB", as_of.date())
        if f.date_from and f.date_to and f.date_from > f.date_to:
            raise CrmError.from_code("date_order")
        known = rates.known()  # one lookup per currency group, not per row
        with self.ctx.reading() as s:
            stages = self._stages(s)
            positions = dict(s.execute(select(Stage.id, Stage.position)).all())
            limits = read_stage_limits(s)
            probs = read_stage_probabilities(s)
            members = {k: v for k, v in s.execute(select(Member.id, Member.name))}
            scope = self._scope_facts(s, f, self._stalls(stages, limits, as_of))
            by_code = {st.code: st for st in stages}
            chosen = [(key, by_code[code]) for key, code in MILESTONES if code in by_code]
            hist = figures.read_history(
                self._history(s, f), scope, positions, [st.position for _, st in chosen]
            )
            end = self._end(f)
            if end is None or end > as_of:
                snapshot = [(p, p.stage_id) for p in scope.values() if not p.lost]
            else:
                snapshot = [
                    (p, hist.stage_at_end[p.id])
                    for p in scope.values()
                    if not p.lost and p.id in hist.stage_at_end
                ]
            weights = {st.id: probs.get(st.code, 0) for st in stages}
            rep = PipelineReport(f, rates, as_of)
            rep.funnel = figures.funnel(stages, snapshot, hist.entered, known, probs)
            rep.conversion = figures.conversion(stages, hist)
            rep.stage_times = figures.stage_times(stages, hist)
            rep.stalled = self._stalled(s, scope, stages, limits, members, as_of)
            rep.milestones = figures.milestones(chosen, hist, scope, known)
            rep.by_country = figures.breakdown(
                ((p.country or "", p, st) for p, st in snapshot), None, known, weights
            )
            rep.by_sector = figures.breakdown(
                ((p.industry or "", p, st) for p, st in snapshot), None, known, weights
            )
            rep.by_owner = figures.breakdown(
                ((p.owner_id or "", p, st) for p, st in snapshot), members, known, weights
            )
            rep.by_trip = self._by_trip(s, f, snapshot, known, weights)
            rep.overdue = self._overdue(s, f, members, as_of)
            rep.trips = self._trips(s, f, stages)
            rep.unconverted = figures.unconverted((p for p, _ in snapshot), known)
            if f.owner_id:
                rep.owner_name = members.get(f.owner_id, "")
            if f.trip_id:
                rep.trip_title = s.scalar(select(Trip.title).where(Trip.id == f.trip_id)) or ""
        return rep

    def _scope_facts(
        self, s: Session, f: ReportFilter, stalls: Any
    ) -> dict[str, figures.ProjectFacts]:
        """Every project the filters let in (lost ones too), one plain row each; when it
        has stalled (the SQL condition ``stalls``), since when."""
        stmt = select(
            Project.id,
            Project.stage_id,
            Project.status == ProjectStatus.LOST,
            Project.owner_id,
            Project.capex,
            Project.capex_currency,
            Project.jobs,
            Company.country,
            Company.industry,
            Project.title,
            Company.name,
            case((stalls, Project.stage_entered_at), else_=None),
        ).join(Company, Company.id == Project.company_id)
        # Core rows (s.connection()): the ORM's row wrapping is a third of a bulk read
        return {
            r[0]: figures.ProjectFacts._make(r)
            for r in s.connection().execute(self._scope(stmt, f)).all()
        }

    def _day_number(self, s: Session, column: Any) -> Any:
        """A timestamp as a number of days (only differences are used)."""
        if s.get_bind().dialect.name == "sqlite":
            return func.julianday(column)
        # extract() is numeric on PostgreSQL 14+: a float, as julianday() gives on SQLite
        return cast(func.extract("epoch", column), Float) / 86400.0

    def _history(self, s: Session, f: ReportFilter) -> Iterator[figures.HistoryRow]:
        """Every live stage change, ordered per project: plain tuples, with the period
        tests done in SQL (exact timestamp comparisons on both databases)."""
        period = self._in_period(StageChange.changed_at, f)
        end = self._end(f)
        # 1/0 rather than booleans: a Boolean column costs a Python call per row to convert
        in_period = case((and_(*period), 1), else_=0) if period else literal(1)
        before_end = (
            case((StageChange.changed_at < end, 1), else_=0) if end is not None else literal(1)
        )
        stmt = (
            select(
                StageChange.project_id,
                StageChange.to_stage_id,
                self._day_number(s, StageChange.changed_at),
                in_period,
                before_end,
            )
            .where(StageChange.deleted_at.is_(None))
            .order_by(StageChange.project_id, StageChange.changed_at, StageChange.hlc)
        )
        # In slices: the whole history as rows at once cost 35 MB of peak memory. Straight
        # from the driver's cursor: no column here needs a result processor (text ids,
        # a float, 1/0), and building SQLAlchemy rows was a tenth of the report.
        result = s.connection().execute(stmt)
        cursor = result.cursor
        try:
            while part := cursor.fetchmany(10_000):
                yield from part
        finally:
            result.close()

    @staticmethod
    def _stalls(stages: list[StageInfo], limits: Mapping[str, int], as_of: datetime) -> Any:
        """An active project more whole days in its stage than the stage's limit (SQL)."""
        over = [
            and_(
                Project.stage_id == st.id,
                Project.stage_entered_at <= as_of - timedelta(days=limits[st.code] + 1),
            )
            for st in stages
            if st.code in limits
        ]
        return and_(Project.status == ProjectStatus.ACTIVE, or_(false(), *over))

    def _stalled_stmt(
        self, f: ReportFilter, stages: list[StageInfo], limits: Mapping[str, int], as_of: datetime
    ) -> AnySelect:
        stmt = (
            select(Project.id)
            .join(Company, Company.id == Project.company_id)
            .where(self._stalls(stages, limits, as_of))
        )
        return self._scope(stmt, f)

    def _stalled(
        self,
        s: Session,
        scope: Mapping[str, figures.ProjectFacts],
        stages: list[StageInfo],
        limits: Mapping[str, int],
        members: Mapping[str, str],
        as_of: datetime,
    ) -> list[StalledProject]:
        by_id = {st.id: st for st in stages}
        stalled = [p for p in scope.values() if p.stalled_since is not None]
        if not stalled:
            return []
        # Every project's last meeting in one grouped pass: a correlated max() per project
        # is answered from the starts_at index, scanning every meeting for each (50 s).
        last = {
            pid: met
            for pid, met in s.connection().execute(
                select(Meeting.project_id, func.max(Meeting.starts_at))
                .where(Meeting.deleted_at.is_(None), Meeting.project_id.is_not(None))
                .group_by(Meeting.project_id)
            )
        }
        out = []
        for p in stalled:
            st = by_id[p.stage_id]
            assert p.stalled_since is not None
            met = last.get(p.id)
            if met is not None and met.tzinfo is None:
                met = met.replace(tzinfo=UTC)
            out.append(
                StalledProject(
                    p.id,
                    p.title,
                    p.company,
                    st,
                    (as_of - p.stalled_since).days,
                    limits[st.code],
                    members.get(p.owner_id or "", ""),
                    met,
                )
            )
        out.sort(key=lambda r: (-(r.days - r.limit), r.title, r.project_id))
        return out

    def _milestone_ids(self, f: ReportFilter, position: int) -> AnySelect:
        first = (
            select(
                StageChange.project_id.label("project_id"),
                func.min(StageChange.changed_at).label("reached"),
            )
            .join(Stage, Stage.id == StageChange.to_stage_id)
            .where(StageChange.deleted_at.is_(None), Stage.position >= position)
            .group_by(StageChange.project_id)
            .subquery()
        )
        stmt = (
            select(first.c.project_id)
            .join(Project, Project.id == first.c.project_id)
            .join(Company, Company.id == Project.company_id)
            .where(*self._in_period(first.c.reached, f))
        )
        return self._scope(stmt, f)

    def _by_trip(
        self,
        s: Session,
        f: ReportFilter,
        snapshot: list[tuple[figures.ProjectFacts, str]],
        rates: Mapping[str, Decimal],
        weights: Mapping[str, int],
    ) -> list[BreakdownRow]:
        """Snapshot projects per trip (of the period) on which they were discussed."""
        pairs = s.execute(
            select(Meeting.trip_id, Meeting.project_id, Trip.title)
            .distinct()
            .join(Trip, Trip.id == Meeting.trip_id)
            .where(
                Meeting.deleted_at.is_(None),
                Meeting.project_id.is_not(None),
                Trip.deleted_at.is_(None),
                *self._trip_overlap(f),
            )
        ).all()
        trips: dict[str, list[str]] = {}
        titles: dict[str, str] = {}
        for trip_id, project_id, title in pairs:
            if trip_id is not None and project_id is not None:
                trips.setdefault(project_id, []).append(trip_id)
                titles[trip_id] = title
        return figures.breakdown(
            ((trip_id, p, st) for p, st in snapshot for trip_id in trips.get(p.id, ())),
            titles,
            rates,
            weights,
        )

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

    @staticmethod
    def _overdue_where(f: ReportFilter, as_of: datetime) -> list[Any]:
        # coalesce(): SQLite would otherwise walk the due-date index, which nearly every
        # task matches; a plain scan of the table is several times faster (0.02 s).
        out = [
            Task.deleted_at.is_(None),
            Task.status == TaskStatus.OPEN,
            func.coalesce(Task.due_date, Task.due_date) < as_of.date(),
        ]
        if f.owner_id:
            out.append(Task.owner_id == f.owner_id)
        if f.trip_id:
            out.append(Task.meeting_id.in_(select(Meeting.id).where(Meeting.trip_id == f.trip_id)))
        return out

    def _overdue_stmt(self, f: ReportFilter, as_of: datetime) -> AnySelect:
        return select(Task.id).where(*self._overdue_where(f, as_of))

    def _overdue(
        self, s: Session, f: ReportFilter, members: Mapping[str, str], as_of: datetime
    ) -> list[OverdueRow]:
        # Counted here: grouped in SQL, SQLite walks the owner index to every one of the
        # 100,000 tasks (0.17 s); the overdue ones are few.
        stmt = select(Task.owner_id, Task.due_date).where(*self._overdue_where(f, as_of))
        count: dict[str, int] = {}
        oldest: dict[str, date] = {}
        for owner, due in s.connection().execute(stmt):
            if due is None:  # not matched by the filter; for the type checker
                continue
            key = owner or ""
            count[key] = count.get(key, 0) + 1
            if key not in oldest or due < oldest[key]:
                oldest[key] = due
        out = [OverdueRow(m, members.get(m, ""), n, oldest[m]) for m, n in count.items()]
        out.sort(key=lambda r: (-r.overdue, r.member))
        return out

    def _plus_days(self, s: Session, day: Any, n: int) -> Any:
        if s.get_bind().dialect.name == "sqlite":
            return func.date(day, f"+{n} days")
        return day + literal(n)

    def _trips(self, s: Session, f: ReportFilter, stages: list[StageInfo]) -> list[TripRow]:
        trips = s.execute(
            select(Trip.id, Trip.title, Trip.start_date, Trip.end_date).where(
                Trip.deleted_at.is_(None), *self._trip_overlap(f)
            )
        ).all()
        if not trips:
            return []
        meetings = dict(
            s.execute(
                select(Meeting.trip_id, func.count())
                .join(Trip, Trip.id == Meeting.trip_id)
                .where(
                    Meeting.deleted_at.is_(None), Trip.deleted_at.is_(None), *self._trip_overlap(f)
                )
                .group_by(Meeting.trip_id)
            ).all()
        )
        pairs = (
            select(Meeting.trip_id, Meeting.project_id)
            .join(Project, Project.id == Meeting.project_id)
            .where(Meeting.deleted_at.is_(None), Project.deleted_at.is_(None))
            .distinct()
            .subquery()
        )
        projects: dict[str | None, int] = dict(
            s.execute(
                select(pairs.c.trip_id, func.count(distinct(pairs.c.project_id)))
                .join(Trip, Trip.id == pairs.c.trip_id)
                .where(Trip.deleted_at.is_(None), *self._trip_overlap(f))
                .group_by(pairs.c.trip_id)
            ).all()
        )
        src, dst = aliased(Stage), aliased(Stage)
        # From the first day of the trip to 30 days after its last, inclusive.
        window_end = self._plus_days(s, Trip.end_date, TRIP_FOLLOW_UP_DAYS + 1)
        moves = {
            r[0]: (int(r[1]), int(r[2]))
            for r in s.execute(
                select(
                    Trip.id,
                    func.count(distinct(StageChange.id)),
                    func.count(distinct(case((dst.position > src.position, StageChange.id)))),
                )
                .join(pairs, pairs.c.trip_id == Trip.id)
                .join(StageChange, StageChange.project_id == pairs.c.project_id)
                .join(src, src.id == StageChange.from_stage_id)
                .join(dst, dst.id == StageChange.to_stage_id)
                .where(
                    Trip.deleted_at.is_(None),
                    StageChange.deleted_at.is_(None),
                    StageChange.changed_at >= Trip.start_date,
                    StageChange.changed_at < window_end,
                    *self._trip_overlap(f),
                )
                .group_by(Trip.id)
            )
        }
        out = []
        for tid, title, start, end in trips:
            n, fwd = moves.get(tid, (0, 0))
            out.append(
                TripRow(
                    tid,
                    title,
                    start,
                    end,
                    int(meetings.get(tid, 0)),
                    int(projects.get(tid, 0)),
                    n,
                    fwd,
                )
            )
        out.sort(key=lambda r: (r.start_date, r.title), reverse=True)
        return out

    def sectors(self) -> list[str]:
        """The industries recorded for companies with projects (the sector filter)."""
        with self.ctx.reading() as s:
            return [
                x
                for x in s.scalars(
                    select(Company.industry)
                    .distinct()
                    .join(Project, Project.company_id == Company.id)
                    .where(
                        Company.deleted_at.is_(None),
                        Project.deleted_at.is_(None),
                        Company.industry != "",
                    )
                    .order_by(Company.industry)
                )
            ]

    # -- the projects behind a bar or a row -------------------------------------------------
    def projects(
        self,
        f: ReportFilter,
        drill: Drill,
        rates: ConversionRates | None = None,
        as_of: datetime | None = None,
    ) -> list[ProjectLine]:
        as_of = as_of or utcnow()
        rates = rates or no_rates("RUB", as_of.date())
        with self.ctx.reading() as s:
            stages = self._stages(s)
            ids = self._drill_ids(s, f, drill, stages, as_of)
            capex = self._capex(rates)
            rows = s.execute(
                select(
                    Project.id,
                    Project.title,
                    Company.name,
                    Project.stage_id,
                    Project.status,
                    capex,
                    Project.jobs,
                    Member.name,
                )
                .join(Company, Company.id == Project.company_id)
                .outerjoin(Member, Member.id == Project.owner_id)
                .where(Project.id.in_(ids.correlate(None)))
                .order_by(Project.title, Project.id)
            ).all()
        by_id = {st.id: st for st in stages}
        return [
            ProjectLine(
                pid,
                title,
                company,
                by_id[stage_id],
                str(status),
                None if cap is None else _money(cap),
                jobs,
                owner or "",
            )
            for pid, title, company, stage_id, status, cap, jobs, owner in rows
            if stage_id in by_id
        ]

    def _drill_ids(
        self, s: Session, f: ReportFilter, drill: Drill, stages: list[StageInfo], as_of: datetime
    ) -> AnySelect:
        kind, key = drill.kind, drill.key
        snap = self._snapshot(f, as_of)
        in_snap = select(snap.c.project_id)
        if kind == "stage":
            return in_snap.where(snap.c.stage_id == key)
        if kind in ("country", "sector", "owner"):
            col = {
                "country": Company.country,
                "sector": Company.industry,
                "owner": Project.owner_id,
            }[kind]
            match = col == key if key else or_(col.is_(None), col == "")
            return (
                select(snap.c.project_id)
                .join(Project, Project.id == snap.c.project_id)
                .join(Company, Company.id == Project.company_id)
                .where(match)
            )
        if kind == "trip":
            return in_snap.where(snap.c.project_id.in_(met_on_trip(key)))
        if kind == "trip_meetings":
            return select(Meeting.project_id).where(
                Meeting.trip_id == key,
                Meeting.deleted_at.is_(None),
                Meeting.project_id.is_not(None),
            )
        if kind == "entered":
            stmt = (
                select(StageChange.project_id)
                .join(Project, Project.id == StageChange.project_id)
                .join(Company, Company.id == Project.company_id)
                .where(
                    StageChange.deleted_at.is_(None),
                    StageChange.to_stage_id == key,
                    *self._in_period(StageChange.changed_at, f),
                )
            )
            return self._scope(stmt, f)
        if kind == "stage_left":
            stays = (
                select(
                    StageChange.project_id,
                    StageChange.to_stage_id.label("stage_id"),
                    func.lead(StageChange.changed_at)
                    .over(
                        partition_by=StageChange.project_id,
                        order_by=(StageChange.changed_at, StageChange.hlc),
                    )
                    .label("left"),
                )
                .where(StageChange.deleted_at.is_(None))
                .subquery()
            )
            stmt = (
                select(stays.c.project_id)
                .join(Project, Project.id == stays.c.project_id)
                .join(Company, Company.id == Project.company_id)
                .where(
                    stays.c.stage_id == key,
                    stays.c.left.is_not(None),
                    *self._in_period(stays.c.left, f),
                )
            )
            return self._scope(stmt, f)
        if kind == "milestone":
            code = dict(MILESTONES).get(key)
            st = next((x for x in stages if x.code == code), None)
            if st is None:
                raise CrmError(f"Unknown milestone {key}.")
            return self._milestone_ids(f, st.position)
        if kind == "stalled":
            limits = read_stage_limits(s)
            chosen = [st for st in stages if not key or st.id == key]
            return self._stalled_stmt(f, chosen, limits, as_of)
        if kind == "overdue":
            owner = Task.owner_id == key if key else Task.owner_id.is_(None)
            return select(Task.project_id).where(
                Task.id.in_(self._overdue_stmt(f, as_of).correlate(None)),
                owner,
                Task.project_id.is_not(None),
            )
        raise CrmError(f"Unknown breakdown {kind}.")
