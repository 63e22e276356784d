from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, Table, select, update
from sqlalchemy.orm import Session

from crm_desktop.domain import kinds
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.hooks import note_change
from crm_desktop.domain.models import (
    Confidentiality,
    Contact,
    Meeting,
    MeetingFormat,
    Member,
    StageChange,
    Task,
    meeting_contacts,
    meeting_members,
)
from crm_desktop.domain.services.base import (
    ListQuery,
    Service,
    cascade_tombstone,
    cascade_untombstone,
)
from crm_desktop.domain.services.projects import ProjectService
from crm_desktop.domain.services.tasks import TaskInput, TaskService
from crm_desktop.domain.validation import Checker

MOSCOW = ZoneInfo("Europe/Moscow")
# the field history's name for each side's hand order (also the sync engine's)
ORDER_FIELDS = {
    meeting_members.name: "our_participants_order",
    meeting_contacts.name: "their_participants_order",
}


def hand_order(s: Session, link: Table, meeting_id: str) -> list[str]:
    """The participants of one side in the order set by hand; [] when in rank order."""
    other = next(c for c in link.c if c.name not in ("meeting_id", "position"))
    return list(
        s.scalars(
            select(other)
            .where(link.c.meeting_id == meeting_id, link.c.position.is_not(None))
            .order_by(link.c.position, other)
        )
    )


def write_positions(s: Session, link: Table, meeting_id: str, order: list[str]) -> None:
    """Number the side's link rows in ``order`` (0, 1, ...); [] clears them (rank order)."""
    s.execute(update(link).where(link.c.meeting_id == meeting_id).values(position=None))
    other = next(c for c in link.c if c.name not in ("meeting_id", "position"))
    for i, record_id in enumerate(order):
        s.execute(
            update(link)
            .where(link.c.meeting_id == meeting_id, other == record_id)
            .values(position=i)
        )


@dataclass
class StageMove:
    """An optional stage move recorded together with a meeting."""

    stage_id: str
    note: str = ""


@dataclass
class MeetingInput:
    title: str = ""
    starts_at: datetime | None = None  # timezone-aware
    timezone: str = "Asia/Shanghai"  # IANA zone of the venue
    duration_min: int = 60
    trip_id: str | None = None
    company_id: str | None = None
    project_id: str | None = None
    place: str = ""
    format: MeetingFormat = MeetingFormat.IN_PERSON
    language: str = ""
    interpreter: str = ""
    agenda: str = ""
    discussion: str = ""
    agreements: str = ""
    confidentiality: Confidentiality = Confidentiality.INTERNAL
    member_ids: list[str] = field(default_factory=list)
    contact_ids: list[str] = field(default_factory=list)
    # the text once more in the partner's language, for the partner's copy of the memo
    second_language: str = ""
    title_alt: str = ""
    place_alt: str = ""
    agenda_alt: str = ""
    agreements_alt: str = ""
    next_steps_alt: str = ""
    # True: member_ids / contact_ids are in the order set by hand, and the memo prints
    # them so; False: rank order; None: keep whatever order the meeting has
    members_by_hand: bool | None = None
    contacts_by_hand: bool | None = None

    @classmethod
    def from_row(cls, r: Meeting) -> MeetingInput:
        return cls(
            r.title,
            r.starts_at,
            r.timezone,
            r.duration_min,
            r.trip_id,
            r.company_id,
            r.project_id,
            r.place,
            r.format,
            r.language,
            r.interpreter,
            r.agenda,
            r.discussion,
            r.agreements,
            r.confidentiality,
            [m.id for m in r.our_participants],
            [c.id for c in r.their_participants],
            second_language=r.second_language,
            title_alt=r.title_alt,
            place_alt=r.place_alt,
            agenda_alt=r.agenda_alt,
            agreements_alt=r.agreements_alt,
            next_steps_alt=r.next_steps_alt,
            members_by_hand=bool(r.members_by_hand),
            contacts_by_hand=bool(r.contacts_by_hand),
        )

    @staticmethod
    def local_time(day: date, clock: time, zone: str) -> datetime:
        """A wall-clock time at the venue, as an aware datetime."""
        return datetime.combine(day, clock, tzinfo=ZoneInfo(zone))


@dataclass
class MeetingQuery(ListQuery):
    trip_id: str | None = None
    company_id: str | None = None
    project_id: str | None = None
    member_id: str | None = None
    contact_id: str | None = None
    date_from: date | None = None  # in UTC days; the UI passes local-day bounds
    date_to: date | None = None


class MeetingService(Service[Meeting]):
    model = Meeting
    entity = kinds.MEETING.name
    SORTS = {"start": Meeting.starts_at, "title": Meeting.title, "place": Meeting.place}
    TEXT_COLUMNS = (Meeting.title, Meeting.place, Meeting.agenda, Meeting.agreements)

    def query(self, **kwargs: Any) -> MeetingQuery:
        return MeetingQuery(**kwargs)

    def _apply_filters(self, stmt: Select[Any], q: ListQuery) -> Select[Any]:
        if not isinstance(q, MeetingQuery):
            return stmt
        for col, value in (
            (Meeting.trip_id, q.trip_id),
            (Meeting.company_id, q.company_id),
            (Meeting.project_id, q.project_id),
        ):
            if value:
                stmt = stmt.where(col == value)
        if q.member_id:
            stmt = stmt.where(
                Meeting.id.in_(
                    select(meeting_members.c.meeting_id).where(
                        meeting_members.c.member_id == q.member_id
                    )
                )
            )
        if q.contact_id:
            stmt = stmt.where(
                Meeting.id.in_(
                    select(meeting_contacts.c.meeting_id).where(
                        meeting_contacts.c.contact_id == q.contact_id
                    )
                )
            )
        if q.date_from:
            stmt = stmt.where(
                Meeting.starts_at >= datetime.combine(q.date_from, time(), tzinfo=ZoneInfo("UTC"))
            )
        if q.date_to:
            stmt = stmt.where(
                Meeting.starts_at
                < datetime.combine(q.date_to + timedelta(days=1), time(), tzinfo=ZoneInfo("UTC"))
            )
        return stmt

    def _clean(self, data: MeetingInput) -> MeetingInput:
        c = Checker()
        title = c.required("title", data.title)
        zone = c.timezone("timezone", data.timezone)
        c.aware("starts_at", data.starts_at)
        c.in_range("duration_min", data.duration_min, 0, 24 * 60)
        c.raise_if_any()
        return MeetingInput(
            **{
                **data.__dict__,
                "title": title,
                "timezone": zone,
                "format": MeetingFormat(data.format),
                "confidentiality": Confidentiality(data.confidentiality),
            }
        )

    def _write(self, s: Session, row: Meeting, data: MeetingInput) -> None:
        self._assign(
            row,
            data,
            skip=("member_ids", "contact_ids", "members_by_hand", "contacts_by_hand"),
        )
        if row not in s:
            s.add(row)
        orders = [
            self._hand_order(s, row, link, ORDER_FIELDS[link.name], ids, by_hand)
            for link, ids, by_hand in (
                (meeting_members, data.member_ids, data.members_by_hand),
                (meeting_contacts, data.contact_ids, data.contacts_by_hand),
            )
        ]
        row.our_participants = self._ids_to_rows(s, Member, data.member_ids)
        row.their_participants = self._ids_to_rows(s, Contact, data.contact_ids)
        s.flush()  # the link rows exist now; their positions follow
        for link, order in orders:
            if order is not None:
                write_positions(s, link, row.id, order)
        if row.project_id and not row.company_id:
            from crm_desktop.domain.models import Project

            project = s.get(Project, row.project_id)
            row.company_id = project.company_id if project else None

    @staticmethod
    def _hand_order(
        s: Session, row: Meeting, link: Table, field: str, ids: list[str], by_hand: bool | None
    ) -> tuple[Table, list[str] | None]:
        """The side's new hand order (None: leave the positions), noted in the history."""
        if by_hand is None:
            return link, None
        new = list(dict.fromkeys(ids)) if by_hand else []
        with s.no_autoflush:
            old = hand_order(s, link, row.id) if row.id else []
        if old != new and row.id:
            note_change(s, row, field, old, new)
        return link, new

    def record(
        self,
        data: MeetingInput,
        next_steps: list[TaskInput] | None = None,
        stage_move: StageMove | None = None,
        meeting_id: str | None = None,
        *,
        expected_version: int | None = None,
    ) -> Meeting:
        """Save a meeting with its next steps and an optional stage move, all or nothing.

        ``meeting_id`` updates an existing meeting (``expected_version``: the version it
        was loaded at; ConflictError when it changed since); next steps are added as new
        tasks.
        """
        tasks = TaskService(self.ctx)
        # Every problem at once: the meeting's fields and each next step's, the latter
        # keyed "next_steps.<row>.<field>" so a form can point at the right row.
        errors: dict[str, FieldError] = {}
        try:
            data = self._clean(data)
        except ValidationError as e:
            errors.update(e.errors)
        steps = []
        for i, t in enumerate(next_steps or []):
            try:
                steps.append(tasks._clean(t))
            except ValidationError as e:
                for name, fe in e.errors.items():
                    key = f"next_steps.{i}.{name}"
                    params = {k: v for k, v in fe.params.items() if k != "field"}
                    errors[key] = FieldError(key, fe.code, **params)
        if errors:
            raise ValidationError(errors)
        if meeting_id:
            with self._writing(meeting_id, expected_version) as (s, row):
                id = self._record_in(s, row, data, steps, stage_move, tasks)
        else:
            with self.ctx.unit_of_work() as s:
                row = Meeting()
                s.add(row)
                id = self._record_in(s, row, data, steps, stage_move, tasks)
        return self.get(id)

    def _record_in(
        self,
        s: Session,
        row: Meeting,
        data: MeetingInput,
        steps: list[TaskInput],
        stage_move: StageMove | None,
        tasks: TaskService,
    ) -> str:
        self._write(s, row, data)
        s.flush()
        for step in steps:
            task = Task()
            tasks._write(s, task, step)
            task.meeting_id = row.id
            task.project_id = task.project_id or row.project_id
            task.company_id = task.company_id or row.company_id
            s.add(task)
        if stage_move and row.project_id:
            ProjectService(self.ctx).move_in_session(
                s,
                row.project_id,
                stage_move.stage_id,
                note=stage_move.note,
                meeting_id=row.id,
                when=data.starts_at,
            )
        return row.id

    def stage_change_of(self, meeting_id: str) -> StageChange | None:
        """The project stage move recorded with this meeting, if any."""
        with self.ctx.reading() as s:
            row = s.scalar(
                select(StageChange)
                .where(StageChange.meeting_id == meeting_id, StageChange.deleted_at.is_(None))
                .order_by(StageChange.changed_at.desc())
                .limit(1)
            )
            if row is not None:
                s.expunge_all()
            return row

    def next_steps(self, meeting_id: str) -> list[Task]:
        return TaskService(self.ctx).list(
            TaskService(self.ctx).query(meeting_id=meeting_id, sort="due")
        )

    def _cascade_delete(self, s: Session, row: Meeting, when: Any) -> None:
        cascade_tombstone(s, Task, Task.meeting_id, row.id, when)

    def _cascade_restore(self, s: Session, row: Meeting, when: Any) -> None:
        cascade_untombstone(s, Task, Task.meeting_id, row.id, when)

    @staticmethod
    def in_moscow(meeting: Meeting) -> datetime:
        return meeting.starts_at.astimezone(MOSCOW)
