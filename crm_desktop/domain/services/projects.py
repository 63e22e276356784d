from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from crm_desktop.domain import kinds
from crm_desktop.domain.base import utcnow
from crm_desktop.domain.errors import CrmError, FieldError, NotFoundError, ValidationError
from crm_desktop.domain.models import (
    Company,
    Meeting,
    Member,
    Project,
    ProjectStatus,
    Site,
    Stage,
    StageChange,
    SupportMeasure,
    Tag,
    Task,
)
from crm_desktop.domain.services.base import (
    ListQuery,
    Service,
    cascade_tombstone,
    cascade_untombstone,
)
from crm_desktop.domain.validation import Checker

# (code, Russian, English, Chinese) — the default pipeline of DESIGN.md
DEFAULT_STAGES: tuple[tuple[str, str, str, str], ...] = (
    ("lead", "Первичный контакт", "Lead", "初步接触"),
    ("first_meeting", "Первая встреча", "First meeting", "首次会谈"),
    ("presentation", "Презентация региона", "Presentation of the region", "地区推介"),
    ("site_selection", "Подбор площадки", "Site selection", "选址"),
    ("site_visit", "Визит на площадку", "Site visit", "实地考察"),
    ("offer", "Предложение и меры поддержки", "Offer and support measures", "方案与支持措施"),
    ("negotiation", "Переговоры об условиях", "Negotiation of terms", "条件谈判"),
    ("agreement", "Соглашение подписано", "Agreement signed", "签署协议"),
    ("implementation", "Реализация", "Implementation", "项目实施"),
    ("launched", "Производство запущено", "Production launched, aftercare", "投产及后续服务"),
)


class StageService(Service[Stage]):
    model = Stage
    entity = "stage"
    SORTS = {"position": Stage.position}

    def ensure_defaults(self) -> None:
        """Create the default pipeline in an empty database (idempotent)."""
        with self.ctx.unit_of_work() as s:
            if s.scalar(select(func.count()).select_from(Stage)):
                return
            for pos, (code, ru, en, zh) in enumerate(DEFAULT_STAGES, start=1):
                s.add(Stage(position=pos, code=code, name_ru=ru, name_en=en, name_zh=zh))

    def by_code(self, code: str) -> Stage:
        with self.ctx.reading() as s:
            row = s.scalar(select(Stage).where(Stage.code == code))
            if row is None:
                raise CrmError.from_code("unknown_stage_code", code=code)
            s.expunge(row)
            return row


def met_on_trip(trip_id: str) -> Select[str | None]:
    """The projects a live meeting of the trip was about: a subquery of project ids (the
    project lists' trip filter and the pipeline report's)."""
    return select(Meeting.project_id).where(
        Meeting.trip_id == trip_id, Meeting.deleted_at.is_(None)
    )


@dataclass
class ProjectInput:
    title: str = ""
    company_id: str = ""
    stage_id: str = ""  # only used on create; later moves go through move_to_stage
    code_name: str = ""
    status: ProjectStatus = ProjectStatus.ACTIVE
    status_reason: str = ""
    owner_id: str | None = None
    product: str = ""
    planned_output: str = ""
    capex: Decimal | None = None
    capex_currency: str = ""
    jobs: int | None = None
    land_area_ha: Decimal | None = None
    floor_area_m2: Decimal | None = None
    probability: int | None = None
    expected_decision: date | None = None
    description: str = ""
    site_ids: list[str] = field(default_factory=list)
    measure_ids: list[str] = field(default_factory=list)
    tag_ids: list[str] = field(default_factory=list)
    # When a project recorded after the fact entered its first stage (create only).
    stage_entered_at: datetime | None = None
    # the title in the partner's languages (the memo's partner copy); "" = not given
    title_en: str = ""
    title_zh: str = ""

    @classmethod
    def from_row(cls, r: Project) -> ProjectInput:
        return cls(
            r.title,
            r.company_id,
            r.stage_id,
            r.code_name,
            r.status,
            r.status_reason,
            r.owner_id,
            r.product,
            r.planned_output,
            r.capex,
            r.capex_currency,
            r.jobs,
            r.land_area_ha,
            r.floor_area_m2,
            r.probability,
            r.expected_decision,
            r.description,
            [x.id for x in r.sites],
            [x.id for x in r.measures],
            [x.id for x in r.tags],
            title_en=r.title_en,
            title_zh=r.title_zh,
        )


@dataclass
class ProjectQuery(ListQuery):
    company_id: str | None = None
    stage_id: str | None = None
    status: ProjectStatus | None = None
    statuses: list[ProjectStatus] | None = None  # any of these (the board's "not lost")
    owner_id: str | None = None
    country: str = ""
    trip_id: str | None = None  # discussed at a meeting of this trip


@dataclass
class StageStay:
    """One stretch of a project's history: a stage and how long it stayed there."""

    stage: Stage
    entered_at: datetime
    left_at: datetime | None
    member_name: str
    note: str
    meeting_id: str | None

    @property
    def days(self) -> int:
        end = self.left_at or utcnow()
        return max(0, (end - self.entered_at).days)


@dataclass
class BoardCard:
    """What the pipeline board shows of a project: plain values from one joined query."""

    id: str
    title: str
    code_name: str
    stage_id: str
    stage_entered_at: datetime
    status: ProjectStatus
    status_reason: str
    product: str
    capex: Decimal | None
    capex_currency: str
    jobs: int | None
    probability: int | None
    company_id: str
    company_name: str
    company_native: str
    company_latin: str
    company_ru: str
    owner_id: str | None
    owner_name: str
    owner_name_latin: str
    version: int = 0  # what a move from the board checks (optimistic locking)

    @property
    def days_in_stage(self) -> int:
        return max(0, (utcnow() - self.stage_entered_at).days)


class ProjectService(Service[Project]):
    model = Project
    entity = kinds.PROJECT.name
    # "stage" sorts by the stage's place in the pipeline, not by its id
    SORTS = {
        "title": Project.title,
        "status": Project.status,
        "stage": select(Stage.position)
        .where(Stage.id == Project.stage_id)
        .correlate(Project)
        .scalar_subquery(),
        "capex": Project.capex,
        "jobs": Project.jobs,
        "expected_decision": Project.expected_decision,
        "stage_entered": Project.stage_entered_at,
        "updated": Project.updated_at,
    }
    TEXT_COLUMNS = (Project.title, Project.code_name, Project.product)

    def query(self, **kwargs: Any) -> ProjectQuery:
        return ProjectQuery(**kwargs)

    def _apply_filters(self, stmt: Select[Any], q: ListQuery) -> Select[Any]:
        if not isinstance(q, ProjectQuery):
            return stmt
        if q.company_id:
            stmt = stmt.where(Project.company_id == q.company_id)
        if q.stage_id:
            stmt = stmt.where(Project.stage_id == q.stage_id)
        if q.status:
            stmt = stmt.where(Project.status == q.status)
        if q.statuses is not None:
            stmt = stmt.where(Project.status.in_(list(q.statuses)))
        if q.owner_id:
            stmt = stmt.where(Project.owner_id == q.owner_id)
        if q.country:
            stmt = stmt.where(
                Project.company_id.in_(
                    select(Company.id).where(Company.country == q.country.upper())
                )
            )
        if q.trip_id:
            stmt = stmt.where(Project.id.in_(met_on_trip(q.trip_id)))
        return stmt

    def _clean(self, data: ProjectInput) -> ProjectInput:
        c = Checker()
        title = c.required("title", data.title)
        if not data.company_id:
            c.fail("company_id", "required")
        c.non_negative("capex", data.capex)
        c.non_negative("jobs", data.jobs)
        c.non_negative("land_area_ha", data.land_area_ha)
        c.non_negative("floor_area_m2", data.floor_area_m2)
        c.in_range("probability", data.probability, 0, 100)
        currency = c.currency("capex_currency", data.capex_currency)
        if data.capex is not None and not currency:
            c.fail("capex_currency", "required")
        c.raise_if_any()
        out = ProjectInput(
            **{
                **data.__dict__,
                "title": title,
                "capex_currency": currency,
                "status": ProjectStatus(data.status),
                "code_name": data.code_name.strip(),
                "title_en": data.title_en.strip(),
                "title_zh": data.title_zh.strip(),
                "status_reason": data.status_reason.strip(),
            }
        )
        return out

    def _write(self, s: Session, row: Project, data: ProjectInput) -> None:
        self._assign(
            row, data, skip=("stage_id", "site_ids", "measure_ids", "tag_ids", "stage_entered_at")
        )
        row.sites = self._ids_to_rows(s, Site, data.site_ids)
        row.measures = self._ids_to_rows(s, SupportMeasure, data.measure_ids)
        row.tags = self._ids_to_rows(s, Tag, data.tag_ids)
        if row.stage_id is None:  # a new project enters its first stage
            stage_id = data.stage_id or s.scalar(select(Stage.id).order_by(Stage.position))
            if stage_id is None or s.get(Stage, stage_id) is None:
                raise ValidationError({"stage_id": FieldError("stage_id", "required")})
            row.stage_id = stage_id
            row.stage_entered_at = data.stage_entered_at or utcnow()

    def _after_create(self, s: Session, row: Project, data: ProjectInput) -> None:
        s.add(
            StageChange(
                project_id=row.id,
                from_stage_id=None,
                to_stage_id=row.stage_id,
                changed_at=row.stage_entered_at,
                member_id=self.ctx.member_id,
                note="",
            )
        )

    def move_to_stage(
        self,
        project_id: str,
        stage_id: str,
        *,
        note: str = "",
        meeting_id: str | None = None,
        when: datetime | None = None,
        member_id: str | None = None,
        expected_version: int | None = None,
    ) -> StageChange:
        """Move a project; always records who, when, why and which meeting caused it.
        ``expected_version``: the project's version the caller saw (ConflictError if it
        changed since, e.g. another member moved it first)."""
        with self._writing(project_id, expected_version) as (s, _project):
            change = self.move_in_session(
                s,
                project_id,
                stage_id,
                note=note,
                meeting_id=meeting_id,
                when=when,
                member_id=member_id,
            )
            s.flush()
            id = change.id
        with self.ctx.reading() as s:
            stored = s.get(StageChange, id)
            if stored is None:
                raise NotFoundError("stage_change", id)
            s.expunge_all()
            return stored

    def move_in_session(
        self,
        s: Session,
        project_id: str,
        stage_id: str,
        *,
        note: str = "",
        meeting_id: str | None = None,
        when: datetime | None = None,
        member_id: str | None = None,
        expected_version: int | None = None,
    ) -> StageChange:
        project = self._load_for_write(s, project_id, expected_version)
        if s.get(Stage, stage_id) is None:
            raise ValidationError({"stage_id": FieldError("stage_id", "required")})
        if project.stage_id == stage_id:
            raise CrmError.from_code("same_stage")
        when = when or utcnow()
        change = StageChange(
            project_id=project.id,
            from_stage_id=project.stage_id,
            to_stage_id=stage_id,
            changed_at=when,
            member_id=member_id or self.ctx.member_id,
            meeting_id=meeting_id,
            note=note.strip(),
        )
        s.add(change)
        project.stage_id = stage_id
        project.stage_entered_at = when
        return change

    def undo_stage_change(self, change_id: str) -> None:
        """Reverse a stage move: the project returns to where it was, the record goes to Trash."""
        with self.ctx.unit_of_work() as s:
            change = s.get(StageChange, change_id)
            if change is None or change.deleted_at is not None or change.from_stage_id is None:
                raise CrmError.from_code("stage_move_final")
            project = self._load(s, change.project_id)
            previous = s.scalar(
                select(StageChange)
                .where(
                    StageChange.project_id == project.id,
                    StageChange.deleted_at.is_(None),
                    StageChange.id != change.id,
                    StageChange.changed_at <= change.changed_at,
                )
                .order_by(StageChange.changed_at.desc())
                .limit(1)
            )
            change.deleted_at = utcnow()
            project.stage_id = change.from_stage_id
            project.stage_entered_at = previous.changed_at if previous else project.created_at

    def set_status(
        self,
        project_id: str,
        status: ProjectStatus,
        reason: str = "",
        *,
        expected_version: int | None = None,
    ) -> Project:
        """Mark won, lost or on hold (with a reason), or active again."""
        status = ProjectStatus(status)
        if status in (ProjectStatus.LOST, ProjectStatus.ON_HOLD) and not reason.strip():
            raise ValidationError({"status_reason": FieldError("status_reason", "required")})
        with self._writing(project_id, expected_version) as (s, row):
            row.status = status
            row.status_reason = reason.strip()
        return self.get(project_id)

    def stage_history(self, project_id: str) -> list[StageStay]:
        """Every stage the project went through, oldest first, with the time in each."""
        with self.ctx.reading() as s:
            changes = list(
                s.scalars(
                    select(StageChange)
                    .where(StageChange.project_id == project_id, StageChange.deleted_at.is_(None))
                    .order_by(StageChange.changed_at, StageChange.hlc)
                ).unique()
            )
            stays = []
            for i, ch in enumerate(changes):
                left = changes[i + 1].changed_at if i + 1 < len(changes) else None
                stays.append(
                    StageStay(
                        ch.to_stage,
                        ch.changed_at,
                        left,
                        ch.member.name if ch.member else "",
                        ch.note,
                        ch.meeting_id,
                    )
                )
            s.expunge_all()
            return stays

    def days_in_stage(self, project: Project) -> int:
        return max(0, (utcnow() - project.stage_entered_at).days)

    def _cascade_delete(self, s: Session, row: Project, when: Any) -> None:
        cascade_tombstone(s, Task, Task.project_id, row.id, when)

    def _cascade_restore(self, s: Session, row: Project, when: Any) -> None:
        cascade_untombstone(s, Task, Task.project_id, row.id, when)

    def board_cards(self, q: ProjectQuery | None = None) -> dict[str, list[BoardCard]]:
        """Like ``board`` but as plain cards from one query: fast for thousands of projects.

        Cards keep the order of the query's sort; every stage has a (maybe empty) list.
        """
        q = q or ProjectQuery()
        q.limit = None
        cols = (
            Project.id,
            Project.title,
            Project.code_name,
            Project.stage_id,
            Project.stage_entered_at,
            Project.status,
            Project.status_reason,
            Project.product,
            Project.capex,
            Project.capex_currency,
            Project.jobs,
            Project.probability,
            Project.company_id,
            Company.name,
            Company.name_native,
            Company.name_latin,
            Company.name_ru,
            Project.owner_id,
            Member.name,
            Member.name_latin,
            Project.version,
        )
        stmt = (
            self._filtered(q)
            .with_only_columns(*cols)
            .join_from(Project, Company, Company.id == Project.company_id)
            .outerjoin(Member, Member.id == Project.owner_id)
            .order_by(*self._order(q))
        )
        with self.ctx.reading() as s:
            stage_ids = list(
                s.scalars(
                    select(Stage.id).where(Stage.deleted_at.is_(None)).order_by(Stage.position)
                )
            )
            rows = s.execute(stmt).all()
        board: dict[str, list[BoardCard]] = {sid: [] for sid in stage_ids}
        for r in rows:
            values: tuple[Any, ...] = (*r[:18], r[18] or "", r[19] or "", r[20])
            card = BoardCard(*values)
            card.status = ProjectStatus(card.status)
            board.setdefault(card.stage_id, []).append(card)
        return board

    def board(self, q: ProjectQuery | None = None) -> dict[str, list[Project]]:
        """Projects grouped by stage id for the pipeline board (stage order kept)."""
        q = q or ProjectQuery()
        q.limit = None
        rows = self.list(q)
        with self.ctx.reading() as s:
            stage_ids = list(
                s.scalars(
                    select(Stage.id).where(Stage.deleted_at.is_(None)).order_by(Stage.position)
                )
            )
        board: dict[str, list[Project]] = {sid: [] for sid in stage_ids}
        for r in rows:
            board.setdefault(r.stage_id, []).append(r)
        return board
