"""What needs attention now: the home screen, the facts on cards and rows, trip agendas.

Read-only queries over several aggregates, returned as plain dataclasses so the views stay
thin. A task belongs to a company through any of its links: the company itself, a project
of the company, or a meeting with the company (directly or through the meeting's project).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, and_, case, false, func, or_, select
from sqlalchemy.orm import Session, aliased, lazyload

from crm_desktop.domain.base import utcnow
from crm_desktop.domain.context import Context
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.domain.models import (
    Company,
    Contact,
    Meeting,
    MeetingFormat,
    Member,
    Project,
    ProjectStatus,
    Stage,
    Task,
    TaskStatus,
    Trip,
    meeting_contacts,
    meeting_members,
)
from crm_desktop.domain.services.meetings import MOSCOW
from crm_desktop.domain.services.pipeline_settings import read_stage_limits

# How far ahead the home screen looks for meetings, and a trip that is about to start.
UPCOMING_DAYS = 14
# Rows a home-screen section lists; its heading gives the full count when there are more.
SHOWN = 30


def stall_limit(stage: Stage, limits: Mapping[str, int]) -> int | None:
    """Days a project may stay in ``stage`` before it counts as stalled (Settings →
    Pipeline); None: the stage has no limit."""
    return limits.get(stage.code)


# -- results ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CompanyRef:
    id: str
    name: str
    name_native: str = ""
    name_latin: str = ""


@dataclass(frozen=True)
class PersonRef:
    id: str
    name: str
    name_latin: str = ""


@dataclass(frozen=True)
class StageRef:
    id: str
    position: int
    name_ru: str
    name_en: str
    name_zh: str = ""

    def name(self, lang: str) -> str:
        return {"ru": self.name_ru, "zh": self.name_zh or self.name_en}.get(lang, self.name_en)


@dataclass(frozen=True)
class MeetingItem:
    id: str
    title: str
    starts_at: datetime  # UTC
    timezone: str
    duration_min: int
    place: str
    format: MeetingFormat
    company: CompanyRef | None
    project_id: str | None
    project_title: str
    trip_id: str | None

    @property
    def venue_start(self) -> datetime:
        try:
            return self.starts_at.astimezone(ZoneInfo(self.timezone))
        except (KeyError, ValueError):
            return self.starts_at

    @property
    def moscow_start(self) -> datetime:
        return self.starts_at.astimezone(MOSCOW)

    @property
    def venue_end(self) -> datetime:
        return self.venue_start + timedelta(minutes=self.duration_min)

    @property
    def venue_offset(self) -> str:
        """'UTC+8', 'UTC+5:30': the venue's offset that day, readable in any language."""
        return utc_offset_label(self.venue_start)


def utc_offset_label(when: datetime) -> str:
    offset = when.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


@dataclass(frozen=True)
class TaskItem:
    id: str
    title: str
    due_date: date | None
    status: TaskStatus
    owner: PersonRef | None
    meeting_id: str | None
    meeting_title: str
    project_id: str | None
    project_title: str
    company: CompanyRef | None  # the company the task belongs to through any link
    overdue_days: int = 0  # > 0 for an open task past its due date

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


@dataclass(frozen=True)
class ProjectItem:
    id: str
    title: str
    company: CompanyRef
    stage: StageRef
    stage_entered_at: datetime
    owner: PersonRef | None
    days_in_stage: int
    stall_limit: int | None  # None: the stage has no limit
    next_step: TaskItem | None = None

    @property
    def stalled(self) -> bool:
        return self.stall_limit is not None and self.days_in_stage > self.stall_limit


@dataclass(frozen=True)
class TripItem:
    id: str
    title: str
    start_date: date
    end_date: date
    cities: str


@dataclass
class TodaySummary:
    """Each list holds at most SHOWN rows; the *_total fields count all of them."""

    today: date
    meetings: list[MeetingItem]  # upcoming, soonest first
    overdue: list[TaskItem]  # most overdue first
    open_tasks: list[TaskItem]  # open, not overdue, soonest due first (undated last)
    next_steps: list[ProjectItem]  # active projects with their next open task (or None):
    # the soonest steps first, projects with no step planned after them
    stalled: list[ProjectItem]  # active projects over their stage's limit, longest first
    trip: TripItem | None  # the trip under way, or the next one starting soon
    meetings_total: int = 0
    overdue_total: int = 0
    open_total: int = 0
    next_steps_total: int = 0
    stalled_total: int = 0


@dataclass(frozen=True)
class CompanyFacts:
    """What a company row shows besides the company's own fields."""

    company_id: str
    stage: StageRef | None = None  # of the company's leading project
    owner: PersonRef | None = None  # that project's responsible member
    project_title: str = ""
    next_step: TaskItem | None = None
    next_meeting: datetime | None = None  # UTC
    next_meeting_zone: str = ""
    open_tasks: int = 0
    overdue_tasks: int = 0


@dataclass(frozen=True)
class ProjectFacts:
    """What a pipeline card shows besides the project's own fields."""

    project_id: str
    next_meeting: datetime | None = None  # UTC
    next_meeting_zone: str = ""
    open_tasks: int = 0
    overdue_tasks: int = 0


@dataclass(frozen=True)
class Attendee:
    id: str
    name: str  # as lists show it: native script first for contacts, Russian for members
    name_latin: str
    name_ru: str
    position: str
    company_name: str = ""


@dataclass(frozen=True)
class AgendaMeeting:
    meeting: MeetingItem
    language: str
    interpreter: str
    ours: list[Attendee]
    theirs: list[Attendee]


@dataclass(frozen=True)
class AgendaDay:
    day: date  # in venue time
    meetings: list[AgendaMeeting]


@dataclass(frozen=True)
class TripAgenda:
    trip: TripItem
    members: list[Attendee]
    days: list[AgendaDay] = field(default_factory=list)


# -- the service ---------------------------------------------------------------------------------
class TodayService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # -- home screen -------------------------------------------------------------------------
    def summary(
        self,
        *,
        now: datetime | None = None,
        today: date | None = None,
        owner_id: str | None = None,
        shown: int = SHOWN,
    ) -> TodaySummary:
        now = now or utcnow()
        today = today or date.today()
        is_open = _open_task_filter(owner_id)
        late = and_(is_open, Task.due_date < today)
        pending = and_(is_open, or_(Task.due_date.is_(None), Task.due_date >= today))
        active = and_(Project.deleted_at.is_(None), Project.status == ProjectStatus.ACTIVE)
        with self.ctx.reading() as s:
            limits = read_stage_limits(s)
            # each stage's own limit (Settings -> Pipeline); a stage without one never stalls
            stalled = and_(
                active,
                or_(
                    false(),
                    *[
                        and_(
                            Project.stage_id == stage_id,
                            Project.stage_entered_at < now - timedelta(days=limits[code]),
                        )
                        for stage_id, code in s.execute(select(Stage.id, Stage.code))
                        if code in limits
                    ],
                ),
            )
            meetings, meetings_total = self._upcoming_meetings(
                s, now, now + timedelta(days=UPCOMING_DAYS), shown
            )
            overdue = self._tasks(s, late, today, shown)
            open_tasks = self._tasks(s, pending, today, shown)
            projects = self._projects_by_next_step(s, active, now, shown, limits)
            steps = self._next_steps(s, [p.id for p in projects], today)
            stuck = self._stalled(s, stalled, now, shown, limits)
            trip = self._current_trip(s, today)
            totals = [
                _count(s, select(Task).where(Task.deleted_at.is_(None), where))
                for where in (late, pending)
            ]
            projects_total, stalled_total = (
                _count(s, select(Project).where(where)) for where in (active, stalled)
            )
        with_steps = [_replace_step(p, steps.get(p.id)) for p in projects]
        return TodaySummary(
            today,
            meetings,
            overdue,
            open_tasks,
            with_steps,
            stuck,
            trip,
            meetings_total,
            totals[0],
            totals[1],
            projects_total,
            stalled_total,
        )

    def _upcoming_meetings(
        self, s: Session, now: datetime, until: datetime, shown: int
    ) -> tuple[list[MeetingItem], int]:
        # A meeting under way is still upcoming until it ends; none lasts a day.
        where = and_(
            Meeting.deleted_at.is_(None),
            Meeting.starts_at >= now - timedelta(days=1),
            Meeting.starts_at < until,
        )
        stmt = _meeting_select().where(where).order_by(Meeting.starts_at, Meeting.id)
        items: list[Any] = []
        ended = 0
        for r in s.execute(stmt.limit(shown + 50)):
            m = _meeting_item(r)
            if m.starts_at + timedelta(minutes=m.duration_min) <= now:
                ended += 1
            elif len(items) < shown:
                items.append(m)
        total = _count(s, select(Meeting).where(where)) - ended
        return items, max(total, len(items))

    def _projects_by_next_step(
        self,
        s: Session,
        active: ColumnElement[bool],
        now: datetime,
        shown: int,
        limits: Mapping[str, int],
    ) -> list[ProjectItem]:
        steps = (
            select(
                _TASK_PROJECT.label("project_id"),
                func.min(Task.due_date).label("due"),
                func.count().label("n"),
            )
            .select_from(Task)
            .outerjoin(_TM, _TM.id == Task.meeting_id)
            .where(Task.deleted_at.is_(None), Task.status == TaskStatus.OPEN)
            .group_by(_TASK_PROJECT)
            .subquery()
        )
        stmt = (
            _project_select()
            .outerjoin(steps, steps.c.project_id == Project.id)
            .where(active)
            .order_by(
                case((steps.c.n.is_(None), 1), else_=0),
                case((steps.c.due.is_(None), 1), else_=0),
                steps.c.due,
                Stage.position.desc(),
                Project.title,
                Project.id,
            )
            .limit(shown)
        )
        return [_project_item(r, now, limits) for r in s.execute(stmt)]

    def _stalled(
        self,
        s: Session,
        where: ColumnElement[bool],
        now: datetime,
        shown: int,
        limits: Mapping[str, int],
    ) -> list[ProjectItem]:
        stmt = (
            _project_select()
            .where(where)
            .order_by(Project.stage_entered_at, Project.title, Project.id)
            .limit(shown)
        )
        return [p for p in (_project_item(r, now, limits) for r in s.execute(stmt)) if p.stalled]

    def _tasks(
        self, s: Session, where: ColumnElement[bool], today: date, limit: int | None = None
    ) -> list[TaskItem]:
        # open before done, then by due date (the most overdue first), undated last
        stmt = (
            _task_select()
            .where(Task.deleted_at.is_(None), where)
            .order_by(
                case((Task.status == TaskStatus.OPEN, 0), else_=1),
                case((Task.due_date.is_(None), 1), else_=0),
                Task.due_date,
                Task.title,
                Task.id,
            )
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return [_task_item(r, today) for r in s.execute(stmt)]

    def _next_steps(
        self, s: Session, project_ids: Sequence[str], today: date
    ) -> dict[str, TaskItem]:
        """The open task due first for each project (undated after dated)."""
        if not project_ids:
            return {}
        out: dict[str, TaskItem] = {}
        for chunk in _chunks(project_ids):
            where = and_(
                Task.status == TaskStatus.OPEN, _linked_to_projects(chunk), _TASK_PROJECT.in_(chunk)
            )
            for t in self._tasks(s, where, today):
                key = t.project_id
                if key is not None and key not in out:
                    out[key] = t
        return out

    def _current_trip(self, s: Session, today: date) -> TripItem | None:
        stmt = (
            select(Trip)
            .where(
                Trip.deleted_at.is_(None),
                Trip.end_date >= today,
                Trip.start_date <= today + timedelta(days=UPCOMING_DAYS),
            )
            .order_by(Trip.start_date, Trip.id)
            .limit(1)
        )
        row = s.scalar(stmt)
        return _trip_item(row) if row is not None else None

    # -- tasks of a company ------------------------------------------------------------------
    def company_tasks(self, company_id: str, *, today: date | None = None) -> list[TaskItem]:
        """Every task of the company, through any link: open ones first, then by due date."""
        with self.ctx.reading() as s:
            where = and_(_linked_to_companies([company_id]), _TASK_COMPANY == company_id)
            return self._tasks(s, where, today or date.today())

    # -- facts for list rows and cards --------------------------------------------------------
    def company_facts(
        self, company_ids: Iterable[str], *, now: datetime | None = None, today: date | None = None
    ) -> dict[str, CompanyFacts]:
        ids = list(dict.fromkeys(company_ids))
        if not ids:
            return {}
        now = now or utcnow()
        today = today or date.today()
        lead: dict[str, Any] = {}
        steps: dict[str, TaskItem] = {}
        counts: dict[str, tuple[int, int]] = {}
        meetings: dict[str, tuple[datetime, str]] = {}
        with self.ctx.reading() as s:
            for chunk in _chunks(ids):
                # The leading project: an active one before others, then the furthest along.
                stmt = (
                    _project_select()
                    .where(Project.deleted_at.is_(None), Project.company_id.in_(chunk))
                    .order_by(
                        Project.company_id,
                        case((Project.status == ProjectStatus.ACTIVE, 0), else_=1),
                        Stage.position.desc(),
                        Project.stage_entered_at.desc(),
                        Project.id,
                    )
                )
                for row in s.execute(stmt):
                    lead.setdefault(row.Project.company_id, row)
                where = and_(
                    Task.status == TaskStatus.OPEN,
                    _linked_to_companies(chunk),
                    _TASK_COMPANY.in_(chunk),
                )
                for t in self._tasks(s, where, today):
                    if t.company is None:
                        continue
                    steps.setdefault(t.company.id, t)
                    n, late = counts.get(t.company.id, (0, 0))
                    counts[t.company.id] = (n + 1, late + int(t.overdue))
                for cid, at, zone in _next_meetings(s, _MEETING_COMPANY, chunk, now):
                    meetings.setdefault(cid, (at, zone))
        out = {}
        for cid in ids:
            r = lead.get(cid)
            when, zone = meetings.get(cid, (None, ""))
            n, late = counts.get(cid, (0, 0))
            out[cid] = CompanyFacts(
                cid,
                _stage_ref(r.Stage) if r is not None else None,
                _person(r.owner_id, r.owner_name, r.owner_latin) if r is not None else None,
                r.Project.title if r is not None else "",
                steps.get(cid),
                when,
                zone,
                n,
                late,
            )
        return out

    def project_facts(
        self, project_ids: Iterable[str], *, now: datetime | None = None, today: date | None = None
    ) -> dict[str, ProjectFacts]:
        ids = list(dict.fromkeys(project_ids))
        if not ids:
            return {}
        now = now or utcnow()
        today = today or date.today()
        counts: dict[str, tuple[int, int]] = {}
        meetings: dict[str, tuple[datetime, str]] = {}
        with self.ctx.reading() as s:
            for chunk in _chunks(ids):
                overdue = case(
                    (and_(Task.due_date.is_not(None), Task.due_date < today), 1), else_=0
                )
                stmt = (
                    select(_TASK_PROJECT, func.count(), func.sum(overdue))
                    .select_from(Task)
                    .outerjoin(_TM, _TM.id == Task.meeting_id)
                    .where(
                        Task.deleted_at.is_(None),
                        Task.status == TaskStatus.OPEN,
                        _linked_to_projects(chunk),
                        _TASK_PROJECT.in_(chunk),
                    )
                    .group_by(_TASK_PROJECT)
                )
                for pid, n, late in s.execute(stmt):
                    counts[pid] = (int(n), int(late or 0))
                for pid, at, zone in _next_meetings(s, Meeting.project_id, chunk, now):
                    meetings.setdefault(pid, (at, zone))
        out = {}
        for pid in ids:
            when, zone = meetings.get(pid, (None, ""))
            n, late = counts.get(pid, (0, 0))
            out[pid] = ProjectFacts(pid, when, zone, n, late)
        return out

    # -- trip agenda -----------------------------------------------------------------------------
    def trip_agenda(self, trip_id: str) -> TripAgenda:
        """The trip day by day (venue dates), each meeting with who attends from each side."""
        with self.ctx.reading() as s:
            trip = s.get(Trip, trip_id)
            if trip is None or trip.deleted_at is not None:
                raise NotFoundError("trip", trip_id)
            members = [
                _member_attendee(m) for m in sorted(trip.members, key=lambda m: (m.name, m.id))
            ]
            stmt = (
                _meeting_select()
                .add_columns(Meeting.language, Meeting.interpreter)
                .where(Meeting.deleted_at.is_(None), Meeting.trip_id == trip_id)
                .order_by(Meeting.starts_at, Meeting.id)
            )
            rows = s.execute(stmt).all()
            ids = [r.Meeting.id for r in rows]
            ours: dict[str, list[Attendee]] = {i: [] for i in ids}
            theirs: dict[str, list[Attendee]] = {i: [] for i in ids}
            for chunk in _chunks(ids):
                for mid, m in s.execute(
                    select(meeting_members.c.meeting_id, Member)
                    .join(Member, Member.id == meeting_members.c.member_id)
                    .where(meeting_members.c.meeting_id.in_(chunk))
                    .order_by(Member.name, Member.id)
                ):
                    ours[mid].append(_member_attendee(m))
                for mid, c, company in s.execute(
                    select(meeting_contacts.c.meeting_id, Contact, Company.name)
                    .join(Contact, Contact.id == meeting_contacts.c.contact_id)
                    .outerjoin(Company, Company.id == Contact.company_id)
                    .where(meeting_contacts.c.meeting_id.in_(chunk))
                    .order_by(Contact.decision_maker.desc(), Contact.display_name, Contact.id)
                ):
                    theirs[mid].append(
                        Attendee(
                            c.id, c.display_name, c.name_latin, c.name_ru, c.position, company or ""
                        )
                    )
            item = _trip_item(trip)
        by_day: dict[date, list[AgendaMeeting]] = {}
        day = item.start_date
        while day <= item.end_date:
            by_day[day] = []
            day += timedelta(days=1)
        for r in rows:
            m = _meeting_item(r)
            by_day.setdefault(m.venue_start.date(), []).append(
                AgendaMeeting(m, r.language, r.interpreter, ours[m.id], theirs[m.id])
            )
        days = [AgendaDay(d, by_day[d]) for d in sorted(by_day)]
        return TripAgenda(item, members, days)


# -- SQL pieces ------------------------------------------------------------------------------------
_TM = aliased(Meeting, name="task_meeting")
_TP = aliased(Project, name="task_project")
_TMP = aliased(Project, name="task_meeting_project")
_TC = aliased(Company, name="task_company")
_OWNER = aliased(Member, name="task_owner")
# The project and the company a task belongs to, whichever link names them.
_TASK_PROJECT = func.coalesce(Task.project_id, _TM.project_id)
_TASK_COMPANY = func.coalesce(Task.company_id, _TP.company_id, _TM.company_id, _TMP.company_id)
_MP = aliased(Project, name="meeting_project")
_MEETING_COMPANY = func.coalesce(Meeting.company_id, _MP.company_id)


def _linked_to_projects(ids: Sequence[str]) -> ColumnElement[bool]:
    """Tasks that may belong to these projects, found through the indexed link columns
    (the exact owner is the coalesce above; this only lets the database use its indexes)."""
    meetings = select(Meeting.id).where(Meeting.project_id.in_(ids))
    return or_(Task.project_id.in_(ids), Task.meeting_id.in_(meetings))


def _linked_to_companies(ids: Sequence[str]) -> ColumnElement[bool]:
    projects = select(Project.id).where(Project.company_id.in_(ids))
    meetings = select(Meeting.id).where(
        or_(Meeting.company_id.in_(ids), Meeting.project_id.in_(projects))
    )
    return or_(
        Task.company_id.in_(ids), Task.project_id.in_(projects), Task.meeting_id.in_(meetings)
    )


def _task_select() -> Select[*tuple[Any, ...]]:
    return (
        select(
            Task.id,
            Task.title,
            Task.due_date,
            Task.status,
            Task.owner_id,
            _OWNER.name.label("owner_name"),
            _OWNER.name_latin.label("owner_latin"),
            Task.meeting_id,
            _TM.title.label("meeting_title"),
            _TASK_PROJECT.label("project_id"),
            func.coalesce(_TP.title, _TMP.title).label("project_title"),
            _TASK_COMPANY.label("company_id"),
            _TC.name.label("company_name"),
            _TC.name_native.label("company_native"),
            _TC.name_latin.label("company_latin"),
        )
        .select_from(Task)
        .outerjoin(_OWNER, _OWNER.id == Task.owner_id)
        .outerjoin(_TM, _TM.id == Task.meeting_id)
        .outerjoin(_TP, _TP.id == Task.project_id)
        .outerjoin(_TMP, _TMP.id == _TM.project_id)
        .outerjoin(_TC, _TC.id == _TASK_COMPANY)
    )


def _open_task_filter(owner_id: str | None) -> ColumnElement[bool]:
    where = Task.status == TaskStatus.OPEN
    return and_(where, Task.owner_id == owner_id) if owner_id else where


def _task_item(r: Any, today: date) -> TaskItem:
    status = TaskStatus(r.status)
    late = (today - r.due_date).days if status == TaskStatus.OPEN and r.due_date else 0
    company = (
        CompanyRef(
            r.company_id, r.company_name or "", r.company_native or "", r.company_latin or ""
        )
        if r.company_id and r.company_name is not None
        else None
    )
    return TaskItem(
        r.id,
        r.title,
        r.due_date,
        status,
        _person(r.owner_id, r.owner_name, r.owner_latin),
        r.meeting_id,
        r.meeting_title or "",
        r.project_id,
        r.project_title or "",
        company,
        max(0, late),
    )


_MC = aliased(Company, name="meeting_company")
_MPR = aliased(Project, name="meeting_project_title")


def _meeting_select() -> Select[*tuple[Any, ...]]:
    return (
        select(
            Meeting,
            _MC.id.label("company_id"),
            _MC.name.label("company_name"),
            _MC.name_native.label("company_native"),
            _MC.name_latin.label("company_latin"),
            _MPR.title.label("project_title"),
        )
        .outerjoin(_MPR, _MPR.id == Meeting.project_id)
        .outerjoin(_MC, _MC.id == func.coalesce(Meeting.company_id, _MPR.company_id))
        # the joined columns are all that is read: no eager loads of the relationships
        .options(lazyload("*"))
    )


def _meeting_item(r: Any) -> MeetingItem:
    m: Meeting = r.Meeting
    company = (
        CompanyRef(r.company_id, r.company_name, r.company_native or "", r.company_latin or "")
        if r.company_name is not None
        else None
    )
    return MeetingItem(
        m.id,
        m.title,
        m.starts_at,
        m.timezone,
        m.duration_min,
        m.place,
        MeetingFormat(m.format),
        company,
        m.project_id,
        r.project_title or "",
        m.trip_id,
    )


def _next_meetings(
    s: Session, key: Any, ids: Sequence[str], now: datetime
) -> list[tuple[str, datetime, str]]:
    """(key, start, zone) of upcoming meetings for the given keys, soonest first."""
    stmt = (
        select(key, Meeting.starts_at, Meeting.timezone)
        .select_from(Meeting)
        .outerjoin(_MP, _MP.id == Meeting.project_id)
        .where(Meeting.deleted_at.is_(None), Meeting.starts_at >= now, key.in_(ids))
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return [(k, when, zone) for k, when, zone in s.execute(stmt)]


_PO = aliased(Member, name="project_owner")


def _project_select() -> Select[*tuple[Any, ...]]:
    return (
        select(
            Project,
            Stage,
            Company.name.label("company_name"),
            Company.name_native.label("company_native"),
            Company.name_latin.label("company_latin"),
            Project.owner_id,
            _PO.name.label("owner_name"),
            _PO.name_latin.label("owner_latin"),
        )
        .join(Stage, Stage.id == Project.stage_id)
        .join(Company, Company.id == Project.company_id)
        .outerjoin(_PO, _PO.id == Project.owner_id)
        .options(lazyload("*"))
    )


def _project_item(r: Any, now: datetime, limits: Mapping[str, int]) -> ProjectItem:
    p: Project = r.Project
    return ProjectItem(
        p.id,
        p.title,
        CompanyRef(p.company_id, r.company_name, r.company_native or "", r.company_latin or ""),
        _stage_ref(r.Stage),
        p.stage_entered_at,
        _person(r.owner_id, r.owner_name, r.owner_latin),
        max(0, (now - p.stage_entered_at).days),
        stall_limit(r.Stage, limits),
    )


def _replace_step(p: ProjectItem, step: TaskItem | None) -> ProjectItem:
    return replace(p, next_step=step)


def _stage_ref(st: Stage) -> StageRef:
    return StageRef(st.id, st.position, st.name_ru, st.name_en, st.name_zh)


def _person(id: str | None, name: str | None, latin: str | None) -> PersonRef | None:
    return PersonRef(id, name or "", latin or "") if id and name is not None else None


def _member_attendee(m: Member) -> Attendee:
    return Attendee(m.id, m.name, m.name_latin, m.name, m.position)


def _trip_item(t: Trip) -> TripItem:
    return TripItem(t.id, t.title, t.start_date, t.end_date, t.cities)


def _count(s: Session, stmt: Select[*tuple[Any, ...]]) -> int:
    return int(s.scalar(stmt.with_only_columns(func.count()).order_by(None)) or 0)


def _chunks(ids: Sequence[str], size: int = 500) -> Iterable[list[str]]:
    # Bound parameter lists stay far below SQLite's and PostgreSQL's limits.
    for i in range(0, len(ids), size):
        yield list(ids[i : i + size])


__all__ = ["TodayService", "TodaySummary", "TripAgenda"]
