"""The meeting editor's form, Qt-free: one object for every input, mapped once to widgets.

``MeetingForm`` is what the editor shows and reads back (``ui.meeting_editor`` maps it
to its widgets in one place each way). It comes from a meeting being opened
(:meth:`MeetingForm.from_meeting`), from an empty form (:meth:`MeetingForm.new`) or from
a draft (:meth:`MeetingForm.from_draft`), and goes to the service
(:meth:`meeting_input`, :meth:`next_step_inputs`) or into a draft (:meth:`to_draft`).

``MeetingDraft`` is the draft's stored shape: plain JSON values, tolerant of drafts an
older or newer version wrote (unknown keys are ignored, missing ones take defaults; a
value that no longer parses leaves the form's own value in place).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from crm_desktop.domain.models import Confidentiality, Meeting, MeetingFormat
from crm_desktop.domain.services.meetings import MeetingInput
from crm_desktop.domain.services.tasks import TaskInput

E = TypeVar("E", bound=StrEnum)

DRAFT_KIND = "meeting"  # the kind of draft in the DraftStore
DEFAULT_ZONE = "Asia/Shanghai"  # where most meetings of the delegation happen


# -- the stored draft ------------------------------------------------------------------------
@dataclass
class NextStepDraft:
    title: str = ""
    owner_id: str | None = None
    due_date: str = ""  # ISO date


@dataclass
class MeetingDraft:
    meeting_id: str | None = None  # None: a meeting not recorded yet
    title: str = ""
    trip_id: str | None = None
    company_id: str | None = None
    company_text: str = ""  # typed into the company box without picking a company
    project_id: str | None = None
    date: str = ""  # ISO date in the venue's time zone
    time: str = ""  # HH:MM, venue time
    timezone: str = ""
    duration_min: int = 60
    format: str = ""
    place: str = ""
    language: str = ""
    interpreter: str = ""
    confidentiality: str = ""
    member_ids: list[str] = field(default_factory=list)
    contact_ids: list[str] = field(default_factory=list)
    members_by_hand: bool = False  # member_ids are in the order set by hand
    contacts_by_hand: bool = False
    agenda: str = ""
    discussion: str = ""
    agreements: str = ""
    next_steps: list[NextStepDraft] = field(default_factory=list)
    stage_move: bool = False
    stage_id: str | None = None
    stage_note: str = ""
    # the text for the partner's copy (see MeetingForm)
    second_language: str = ""
    title_alt: str = ""
    place_alt: str = ""
    agenda_alt: str = ""
    agreements_alt: str = ""
    next_steps_alt: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MeetingDraft:
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        step_names = {f.name for f in fields(NextStepDraft)}
        values["next_steps"] = [
            NextStepDraft(**{k: v for k, v in step.items() if k in step_names})
            for step in data.get("next_steps") or []
            if isinstance(step, dict)
        ]
        return cls(**values)


# -- the form ----------------------------------------------------------------------------------
@dataclass
class NextStepForm:
    title: str = ""
    owner_id: str | None = None
    due: date | None = None  # None: the editor's default (a week from today)


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def _member(kind: type[E], value: str, otherwise: E) -> E:
    try:
        return kind(value)
    except ValueError:
        return otherwise


def _parse_clock(text: str) -> time | None:
    try:
        hours, minutes = (int(x) for x in text.split(":"))
        return time(hours, minutes)
    except (AttributeError, TypeError, ValueError):
        return None


@dataclass
class MeetingForm:
    """Every input of the meeting editor as it stands (texts raw, nothing stripped)."""

    day: date  # in the venue's time zone
    clock: time  # venue time, minutes
    meeting_id: str | None = None  # None: a meeting not recorded yet
    title: str = ""
    trip_id: str | None = None
    company_id: str | None = None
    company_text: str = ""  # typed into the company box, naming no company
    project_id: str | None = None
    timezone: str = DEFAULT_ZONE
    duration_min: int = 60
    format: MeetingFormat = MeetingFormat.IN_PERSON
    place: str = ""
    language: str = ""
    interpreter: str = ""
    confidentiality: Confidentiality = Confidentiality.INTERNAL
    member_ids: list[str] = field(default_factory=list)  # in the order set by hand, if so
    contact_ids: list[str] = field(default_factory=list)
    members_by_hand: bool = False  # False: the memo lists the side in rank order
    contacts_by_hand: bool = False
    agenda: str = ""
    discussion: str = ""
    agreements: str = ""
    next_steps: list[NextStepForm] = field(default_factory=list)
    stage_move: bool = False
    stage_id: str | None = None  # None: the editor proposes the project's next stage
    stage_note: str = ""
    # the text once more in the partner's language, for the partner's copy of the memo
    second_language: str = ""
    title_alt: str = ""
    place_alt: str = ""
    agenda_alt: str = ""
    agreements_alt: str = ""
    next_steps_alt: str = ""

    # -- from ------------------------------------------------------------------------------
    @classmethod
    def new(
        cls,
        now: datetime,
        *,
        trip_id: str | None = None,
        company_id: str | None = None,
        project_id: str | None = None,
        member_id: str | None = None,
        language: str = "",
        zone: str = DEFAULT_ZONE,
    ) -> MeetingForm:
        """An empty form for a meeting that just happened: now at the venue, rounded down
        to the half hour; the user of this laptop among our participants."""
        local = now.astimezone(ZoneInfo(zone))
        return cls(
            day=local.date(),
            clock=time(local.hour, 0 if local.minute < 30 else 30),
            trip_id=trip_id,
            company_id=company_id,
            project_id=project_id,
            timezone=zone,
            language=language,
            member_ids=[member_id] if member_id else [],
        )

    @classmethod
    def from_meeting(cls, m: Meeting) -> MeetingForm:
        """The form of a recorded meeting (its next steps are recorded tasks already)."""
        local = m.local_start
        return cls(
            day=local.date(),
            clock=time(local.hour, local.minute),
            meeting_id=m.id,
            title=m.title,
            trip_id=m.trip_id,
            company_id=m.company_id,
            project_id=m.project_id,
            timezone=m.timezone,
            duration_min=m.duration_min,
            format=MeetingFormat(m.format),
            place=m.place,
            language=m.language,
            interpreter=m.interpreter,
            confidentiality=Confidentiality(m.confidentiality),
            member_ids=[x.id for x in m.our_participants],
            contact_ids=[c.id for c in m.their_participants],
            members_by_hand=bool(m.members_by_hand),
            contacts_by_hand=bool(m.contacts_by_hand),
            agenda=m.agenda,
            discussion=m.discussion,
            agreements=m.agreements,
            second_language=m.second_language,
            title_alt=m.title_alt,
            place_alt=m.place_alt,
            agenda_alt=m.agenda_alt,
            agreements_alt=m.agreements_alt,
            next_steps_alt=m.next_steps_alt,
        )

    def with_draft(self, d: MeetingDraft) -> MeetingForm:
        """This form with a draft's inputs over it. What the draft holds that no longer
        parses (a bad date, an unknown format) keeps this form's value; an empty time
        zone or stage keeps this form's too."""
        return replace(
            self,
            meeting_id=d.meeting_id,
            title=d.title,
            trip_id=d.trip_id,
            company_id=d.company_id,
            company_text=d.company_text if d.company_id is None else "",
            project_id=d.project_id,
            day=_parse_date(d.date) or self.day,
            clock=_parse_clock(d.time) or self.clock,
            timezone=d.timezone or self.timezone,
            duration_min=d.duration_min,
            format=_member(MeetingFormat, d.format, self.format),
            place=d.place,
            language=d.language,
            interpreter=d.interpreter,
            confidentiality=_member(Confidentiality, d.confidentiality, self.confidentiality),
            member_ids=list(d.member_ids),
            contact_ids=list(d.contact_ids),
            members_by_hand=bool(d.members_by_hand),
            contacts_by_hand=bool(d.contacts_by_hand),
            agenda=d.agenda,
            discussion=d.discussion,
            agreements=d.agreements,
            next_steps=[
                NextStepForm(s.title, s.owner_id, _parse_date(s.due_date)) for s in d.next_steps
            ],
            stage_move=d.stage_move,
            stage_id=d.stage_id if d.stage_id is not None else self.stage_id,
            stage_note=d.stage_note,
            second_language=d.second_language,
            title_alt=d.title_alt,
            place_alt=d.place_alt,
            agenda_alt=d.agenda_alt,
            agreements_alt=d.agreements_alt,
            next_steps_alt=d.next_steps_alt,
        )

    # -- to --------------------------------------------------------------------------------
    def to_draft(self) -> MeetingDraft:
        return MeetingDraft(
            meeting_id=self.meeting_id,
            title=self.title,
            trip_id=self.trip_id,
            company_id=self.company_id,
            company_text="" if self.company_id else self.company_text,
            project_id=self.project_id,
            date=self.day.isoformat(),
            time=self.clock.strftime("%H:%M"),
            timezone=self.timezone,
            duration_min=self.duration_min,
            format=str(self.format),
            place=self.place,
            language=self.language,
            interpreter=self.interpreter,
            confidentiality=str(self.confidentiality),
            member_ids=list(self.member_ids),
            contact_ids=list(self.contact_ids),
            members_by_hand=self.members_by_hand,
            contacts_by_hand=self.contacts_by_hand,
            agenda=self.agenda,
            discussion=self.discussion,
            agreements=self.agreements,
            next_steps=[
                NextStepDraft(s.title, s.owner_id, s.due.isoformat() if s.due else "")
                for s in self.next_steps
            ],
            stage_move=self.stage_move,
            stage_id=self.stage_id,
            stage_note=self.stage_note,
            second_language=self.second_language,
            title_alt=self.title_alt,
            place_alt=self.place_alt,
            agenda_alt=self.agenda_alt,
            agreements_alt=self.agreements_alt,
            next_steps_alt=self.next_steps_alt,
        )

    def starts_at(self) -> datetime | None:
        """The start as an aware time; None for a zone that does not exist (the service
        then reports the zone next to its field)."""
        try:
            return MeetingInput.local_time(self.day, self.clock, self.timezone)
        except (KeyError, ValueError):
            return None

    def meeting_input(self) -> MeetingInput:
        """What the meeting service records (texts stripped)."""
        return MeetingInput(
            title=self.title,
            starts_at=self.starts_at(),
            timezone=self.timezone,
            duration_min=self.duration_min,
            trip_id=self.trip_id,
            company_id=self.company_id,
            project_id=self.project_id,
            place=self.place.strip(),
            format=self.format,
            language=self.language.strip(),
            interpreter=self.interpreter.strip(),
            agenda=self.agenda.strip(),
            discussion=self.discussion.strip(),
            agreements=self.agreements.strip(),
            confidentiality=self.confidentiality,
            member_ids=list(self.member_ids),
            contact_ids=list(self.contact_ids),
            members_by_hand=self.members_by_hand,
            contacts_by_hand=self.contacts_by_hand,
            second_language=self.second_language,
            title_alt=self.title_alt.strip(),
            place_alt=self.place_alt.strip(),
            agenda_alt=self.agenda_alt.strip(),
            agreements_alt=self.agreements_alt.strip(),
            next_steps_alt=self.next_steps_alt.strip(),
        )

    def next_step_inputs(self) -> list[TaskInput]:
        return [
            TaskInput(title=s.title, owner_id=s.owner_id, due_date=s.due) for s in self.next_steps
        ]
