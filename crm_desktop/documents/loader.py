"""Read what a document needs from the database into the plain dataclasses of ``data.py``.

One read-only session per document: the renderers never see a Session or an ORM row, so
rendering can run on a worker thread and be tested without a database. Deleted rows
(tombstones) never reach paper.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from crm_desktop.documents.data import (
    ContactEntry,
    DossierData,
    Localized,
    MeasureEntry,
    MemoData,
    OpenTask,
    PastMeeting,
    Person,
    ProjectEntry,
    Requisites,
    SiteEntry,
    StageMove,
    Step,
    TripReportData,
    distinct,
)
from crm_desktop.documents.labels import short_name
from crm_desktop.documents.values import title_rank
from crm_desktop.domain.errors import CrmError, NotFoundError
from crm_desktop.domain.models import (
    Company,
    Contact,
    Meeting,
    Member,
    Project,
    Setting,
    Site,
    Stage,
    StageChange,
    SupportMeasure,
    Task,
    TaskStatus,
    Trip,
)
from crm_desktop.domain.services.settings import (
    DEFAULT_ORGANISATION,
    MEMO_APPROVER,
    MEMO_APPROVER_POSITION,
    MEMO_DISTRIBUTION,
    MEMO_PLACE,
    ORGANISATION_NAME,
    ORGANISATION_NAME_EN,
    ORGANISATION_NAME_ZH,
)
from crm_desktop.text.scripts import has_cyrillic, has_han
from crm_desktop.text.translit import fold

# The partner's time zone by the company's country, for a video call held from Moscow.
COUNTRY_ZONES = {
    "CN": "Asia/Shanghai",
    "HK": "Asia/Hong_Kong",
    "TW": "Asia/Taipei",
    "KR": "Asia/Seoul",
    "JP": "Asia/Tokyo",
    "SG": "Asia/Singapore",
    "IN": "Asia/Kolkata",
    "VN": "Asia/Ho_Chi_Minh",
    "AE": "Asia/Dubai",
    "TR": "Europe/Istanbul",
    "KZ": "Asia/Almaty",
    "UZ": "Asia/Tashkent",
    "BY": "Europe/Minsk",
    "DE": "Europe/Berlin",
    "IT": "Europe/Rome",
    "FR": "Europe/Paris",
    "MY": "Asia/Kuala_Lumpur",
    "TH": "Asia/Bangkok",
}


def _value(enum_or_text: object) -> str:
    return str(getattr(enum_or_text, "value", enum_or_text) or "")


def _stage(stage: Stage | None) -> Localized | None:
    if stage is None:
        return None
    return Localized(stage.name_ru, stage.name_en, stage.name_zh)


def company_names(company: Company | None) -> tuple[str, ...]:
    """Native script, Latin, Russian; the display name only when it adds something."""
    if company is None:
        return ()
    names = distinct(company.name_native, company.name_latin, company.name_ru)
    return names if company.name in names or not company.name else (*names, company.name)


def _member(m: Member, head: bool = False) -> Person:
    return Person(
        distinct(m.name, m.name_latin), m.position, m.department, m.position_en, m.position_zh, head
    )


def _contact(c: Contact, head: bool = False) -> Person:
    names = distinct(c.name_native, c.name_latin, c.name_ru) or distinct(c.display_name)
    if not any(has_han(n) for n in names):
        # a Russian on either side: the Cyrillic form first
        names = tuple(sorted(names, key=lambda n: not has_cyrillic(n)))
    company = company_names(c.company)
    return Person(names, c.position, company[0] if company else "", head=head)


R = TypeVar("R")


def _alive(rows: Sequence[R]) -> list[R]:
    return [r for r in rows if getattr(r, "deleted_at", None) is None]


# Participants in rank order: the most senior position first (the head of the
# delegation), then decision makers on their side, then by name as the lists sort it:
# Russian with Ё as Е (fold), a contact by the sort key the contact list keeps (a Chinese
# name by its pinyin; see search/sorting.py).
def members_in_rank_order(rows: Sequence[Member]) -> list[Member]:
    return sorted(
        (r for r in rows if r.deleted_at is None),
        key=lambda m: (title_rank(m.position), fold(m.name), m.id),
    )


def contacts_in_rank_order(rows: Sequence[Contact]) -> list[Contact]:
    return sorted(
        (r for r in rows if r.deleted_at is None),
        key=lambda c: (
            title_rank(c.position),
            not c.decision_maker,
            c.sort_key or fold(c.display_name),
            c.id,
        ),
    )


class DocumentLoader:
    """Builds MemoData, TripReportData and DossierData from the database."""

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self.session_factory = session_factory

    def _get(self, s: Session, model: type, entity: str, id: str) -> Any:
        row = s.get(model, id)
        if row is None:
            row = self._by_prefix(s, model, entity, id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(entity, id)
        return row

    @staticmethod
    def _by_prefix(s: Session, model: Any, entity: str, prefix: str) -> Any:
        """`crm-desktop list` prints the first 8 characters of an id; accept those too."""
        prefix = prefix.strip().lower()
        if len(prefix) < 4 or not all(c in "0123456789abcdef-" for c in prefix):
            return None
        rows: list[Any] = list(
            s.scalars(
                select(model)
                .where(model.id.startswith(prefix), model.deleted_at.is_(None))
                .limit(2)
            ).unique()
        )
        if len(rows) > 1:
            raise CrmError(f"The id {prefix} matches several {entity} records; give more of it.")
        return rows[0] if rows else None

    def _session(self) -> Session:
        return self.session_factory()

    # -- settings ----------------------------------------------------------------------

    def organisation(self) -> str:
        with self._session() as s:
            value = s.scalar(select(Setting.value).where(Setting.key == ORGANISATION_NAME))
            return DEFAULT_ORGANISATION if value is None else value

    def organisation_names(self) -> Localized:
        """The ministry's name in Russian, English and Chinese (the last two from settings,
        empty when not set)."""
        with self._session() as s:
            found = self._settings(s, ORGANISATION_NAME, ORGANISATION_NAME_EN, ORGANISATION_NAME_ZH)
        return Localized(
            found.get(ORGANISATION_NAME, DEFAULT_ORGANISATION),
            found.get(ORGANISATION_NAME_EN, ""),
            found.get(ORGANISATION_NAME_ZH, ""),
        )

    def _settings(self, s: Session, *keys: str) -> dict[str, str]:
        rows = s.execute(select(Setting.key, Setting.value).where(Setting.key.in_(keys)))
        return {key: value for key, value in rows}

    def member_name(self, member_id: str | None) -> str:
        if not member_id:
            return ""
        with self._session() as s:
            member = s.get(Member, member_id)
            return member.name if member is not None and member.deleted_at is None else ""

    # -- meeting memo ------------------------------------------------------------------

    def memo(self, meeting_id: str, prepared_by: str = "") -> MemoData:
        with self._session() as s:
            meeting = self._get(s, Meeting, "meeting", meeting_id)
            return self._memo(s, meeting, prepared_by)

    def meeting_ids(self, trip_id: str | None = None) -> list[str]:
        """Ids of every meeting (or a trip's), in date order."""
        with self._session() as s:
            stmt = select(Meeting.id).where(Meeting.deleted_at.is_(None))
            if trip_id is not None:
                trip: Trip = self._get(s, Trip, "trip", trip_id)
                stmt = stmt.where(Meeting.trip_id == trip.id)
            return list(s.scalars(stmt.order_by(Meeting.starts_at, Meeting.id)))

    def iter_memos(self, meeting_ids: Sequence[str], prepared_by: str = "") -> Iterator[MemoData]:
        """One memo at a time, for batches that report progress between them."""
        for meeting_id in meeting_ids:
            yield self.memo(meeting_id, prepared_by)

    def _memo(self, s: Session, m: Meeting, prepared_by: str) -> MemoData:
        before, after = self._stages_around(s, m)
        steps = s.scalars(
            select(Task)
            .where(Task.meeting_id == m.id, Task.deleted_at.is_(None))
            .order_by(Task.due_date.is_(None), Task.due_date, Task.created_at, Task.id)
        ).unique()
        project = m.project if m.project is not None and m.project.deleted_at is None else None
        company = m.company if m.company is not None and m.company.deleted_at is None else None
        if company is None and project is not None:
            company = project.company
        trip = m.trip if m.trip is not None and m.trip.deleted_at is None else None
        latin = self._member_latin_names(s)
        # an order set by hand in the editor wins; the relationship loads in that order
        members = _alive(m.our_participants) if m.members_by_hand else None
        contacts = _alive(m.their_participants) if m.contacts_by_hand else None
        members = members or members_in_rank_order(m.our_participants)
        contacts = contacts or contacts_in_rank_order(m.their_participants)
        country = (company.country or "").upper() if company is not None else ""
        return MemoData(
            id=m.id,
            title=m.title,
            starts_at=m.starts_at,
            timezone=m.timezone,
            duration_min=m.duration_min,
            place=m.place,
            format=_value(m.format),
            language=m.language,
            interpreter=m.interpreter,
            interpreter_latin=latin.get(m.interpreter.strip(), ""),
            trip_title=trip.title if trip else "",
            company_names=company_names(company),
            project_title=project.title if project else "",
            project_title_en=project.title_en if project else "",
            project_title_zh=project.title_zh if project else "",
            project_code_name=project.code_name if project else "",
            stage_before=_stage(before),
            stage_after=_stage(after),
            stage_before_position=before.position if before else None,
            stage_after_position=after.position if after else None,
            our_side=tuple(_member(x, i == 0) for i, x in enumerate(members)),
            their_side=tuple(_contact(x, i == 0) for i, x in enumerate(contacts)),
            agenda=m.agenda,
            discussion=m.discussion,
            agreements=m.agreements,
            next_steps=tuple(
                Step(
                    t.title,
                    t.owner.name if t.owner else "",
                    t.due_date,
                    _value(t.status),
                    t.owner.name_latin if t.owner else "",
                )
                for t in steps
            ),
            confidentiality=_value(m.confidentiality),
            prepared_by=prepared_by,
            prepared_by_latin=latin.get(prepared_by.strip(), ""),
            second_language=m.second_language,
            title_alt=m.title_alt,
            place_alt=m.place_alt,
            agenda_alt=m.agenda_alt,
            agreements_alt=m.agreements_alt,
            next_steps_alt=m.next_steps_alt,
            partner_timezone=COUNTRY_ZONES.get(country, ""),
            requisites=self._requisites(s, trip, m, prepared_by),
        )

    def _requisites(
        self, s: Session, trip: Trip | None, m: Meeting, prepared_by: str
    ) -> Requisites:
        """A draft's requisites: who approves and who gets copies (settings), the compiler's
        position, the place of compilation. Number and approval come with approving."""
        found = self._settings(
            s, MEMO_APPROVER, MEMO_APPROVER_POSITION, MEMO_DISTRIBUTION, MEMO_PLACE
        )
        place = found.get(MEMO_PLACE, "").strip()
        if not place and trip is not None and trip.cities.strip():
            place = trip.cities.replace("，", ",").split(",")[0].strip()
        if not place:
            place = m.place
        compiler = s.scalars(
            select(Member)
            .where(Member.name == prepared_by.strip(), Member.deleted_at.is_(None))
            .limit(1)
        ).first()
        return Requisites(
            approver=found.get(MEMO_APPROVER, "").strip(),
            approver_position=found.get(MEMO_APPROVER_POSITION, "").strip(),
            compiled_on=dt.date.today(),
            compiled_at=place,
            compiler_position=compiler.position if compiler is not None and prepared_by else "",
            distribution=tuple(
                line.strip()
                for line in found.get(MEMO_DISTRIBUTION, "").splitlines()
                if line.strip()
            ),
        )

    def _member_latin_names(self, s: Session) -> dict[str, str]:
        """Our members' Latin names by their Russian full and short forms ('Орлова Е. А.'):
        an interpreter or author typed in Russian prints in Latin in other languages."""
        names: dict[str, str] = {}
        for member in s.scalars(select(Member).where(Member.deleted_at.is_(None))):
            if member.name_latin:
                for form in (member.name, short_name(member.name), member.name_latin):
                    names.setdefault(form, member.name_latin)
        return names

    def _stages_around(self, s: Session, m: Meeting) -> tuple[Stage | None, Stage | None]:
        """The project's stage before and after the meeting.

        A move recorded with the meeting gives both; otherwise the stage the project was in
        at the time of the meeting is shown as unchanged.
        """
        if m.project_id is None:
            return None, None
        moves = list(
            s.scalars(
                select(StageChange)
                .where(StageChange.meeting_id == m.id, StageChange.deleted_at.is_(None))
                .order_by(StageChange.changed_at, StageChange.hlc)
            ).unique()
        )
        if moves:
            return moves[0].from_stage, moves[-1].to_stage
        end = m.starts_at + dt.timedelta(minutes=m.duration_min or 0)
        last = s.scalar(
            select(StageChange)
            .where(
                StageChange.project_id == m.project_id,
                StageChange.deleted_at.is_(None),
                StageChange.changed_at <= end,
            )
            .order_by(StageChange.changed_at.desc(), StageChange.hlc.desc())
            .limit(1)
        )
        if last is not None:
            return last.to_stage, last.to_stage
        first = s.scalar(
            select(StageChange)
            .where(StageChange.project_id == m.project_id, StageChange.deleted_at.is_(None))
            .order_by(StageChange.changed_at, StageChange.hlc)
            .limit(1)
        )
        if first is not None and first.from_stage is not None:
            return first.from_stage, first.from_stage
        stage = m.project.stage if m.project is not None else None
        return stage, stage

    # -- trip report -------------------------------------------------------------------

    def trip(self, trip_id: str, prepared_by: str = "") -> TripReportData:
        with self._session() as s:
            trip: Trip = self._get(s, Trip, "trip", trip_id)
            meetings = s.scalars(
                select(Meeting)
                .where(Meeting.trip_id == trip.id, Meeting.deleted_at.is_(None))
                .order_by(Meeting.starts_at, Meeting.id)
            ).unique()
            memos = tuple(self._memo(s, m, prepared_by) for m in meetings)
            return TripReportData(
                id=trip.id,
                title=trip.title,
                start_date=trip.start_date,
                end_date=trip.end_date,
                countries=tuple(trip.countries or ()),
                cities=trip.cities,
                members=tuple(
                    _member(x, i == 0) for i, x in enumerate(members_in_rank_order(trip.members))
                ),
                goals=trip.goals,
                memos=memos,
                conclusions=trip.conclusions,
                proposals=trip.proposals,
            )

    # -- company dossier ---------------------------------------------------------------

    def dossier(self, company_id: str, now: dt.datetime | None = None) -> DossierData:
        now = now or dt.datetime.now(dt.UTC)
        with self._session() as s:
            c: Company = self._get(s, Company, "company", company_id)
            contacts = s.scalars(
                select(Contact)
                .where(Contact.company_id == c.id, Contact.deleted_at.is_(None))
                .order_by(Contact.decision_maker.desc(), Contact.display_name, Contact.id)
            ).unique()
            projects = list(
                s.scalars(
                    select(Project)
                    .where(Project.company_id == c.id, Project.deleted_at.is_(None))
                    .order_by(Project.created_at, Project.id)
                ).unique()
            )
            project_ids = [p.id for p in projects]
            meetings = list(
                s.scalars(
                    select(Meeting)
                    .where(
                        or_(Meeting.company_id == c.id, Meeting.project_id.in_(project_ids)),
                        Meeting.deleted_at.is_(None),
                        Meeting.starts_at <= now,
                    )
                    .order_by(Meeting.starts_at.desc(), Meeting.id)
                ).unique()
            )
            meeting_ids = [m.id for m in meetings]
            tasks = s.scalars(
                select(Task)
                .where(
                    or_(
                        Task.company_id == c.id,
                        Task.project_id.in_(project_ids),
                        Task.meeting_id.in_(meeting_ids),
                    ),
                    Task.deleted_at.is_(None),
                    Task.status == TaskStatus.OPEN,
                )
                .order_by(Task.due_date.is_(None), Task.due_date, Task.title, Task.id)
            ).unique()
            project_titles = {p.id: p.title for p in projects}
            return DossierData(
                id=c.id,
                names=company_names(c),
                name_native=c.name_native,
                name_latin=c.name_latin,
                name_ru=c.name_ru,
                country=c.country,
                city=c.city,
                address=c.address,
                website=c.website,
                industry=c.industry,
                kind=_value(c.kind),
                registration_code=c.registration_code,
                employees=c.employees,
                revenue=c.revenue,
                revenue_currency=c.revenue_currency,
                description=c.description,
                tags=tuple(sorted(t.name for t in _alive(c.tags))),
                contacts=tuple(self._contact_entry(x) for x in contacts),
                projects=tuple(self._project_entry(s, p) for p in projects),
                past_meetings=tuple(
                    PastMeeting(
                        m.starts_at,
                        m.timezone,
                        m.title,
                        m.agreements,
                        project_titles.get(m.project_id or "", ""),
                    )
                    for m in meetings
                ),
                open_tasks=tuple(
                    OpenTask(
                        t.title,
                        t.owner.name if t.owner else "",
                        t.due_date,
                        project_titles.get(t.project_id or "", ""),
                        t.owner.name_latin if t.owner else "",
                    )
                    for t in tasks
                ),
                generated_at=now,
            )

    @staticmethod
    def _contact_entry(c: Contact) -> ContactEntry:
        return ContactEntry(
            names=distinct(c.name_native, c.name_latin, c.name_ru) or distinct(c.display_name),
            position=c.position,
            department=c.department,
            phones=tuple(p.get("value", "") for p in (c.phones or []) if p.get("value")),
            emails=tuple(e.get("value", "") for e in (c.emails or []) if e.get("value")),
            wechat=c.wechat,
            telegram=c.telegram,
            languages=c.languages,
            decision_maker=bool(c.decision_maker),
            notes=c.notes,
        )

    def _project_entry(self, s: Session, p: Project) -> ProjectEntry:
        changes = s.scalars(
            select(StageChange)
            .where(StageChange.project_id == p.id, StageChange.deleted_at.is_(None))
            .order_by(StageChange.changed_at, StageChange.hlc)
        ).unique()
        history = tuple(
            StageMove(
                ch.changed_at,
                _stage(ch.from_stage),
                _stage(ch.to_stage) or Localized(),
                ch.member.name if ch.member else "",
                ch.note,
                ch.member.name_latin if ch.member else "",
            )
            for ch in changes
        )
        return ProjectEntry(
            title=p.title,
            code_name=p.code_name,
            stage=_stage(p.stage),
            status=_value(p.status),
            status_reason=p.status_reason,
            owner=p.owner.name if p.owner else "",
            owner_latin=p.owner.name_latin if p.owner else "",
            product=p.product,
            planned_output=p.planned_output,
            capex=p.capex,
            capex_currency=p.capex_currency,
            jobs=p.jobs,
            land_area_ha=p.land_area_ha,
            floor_area_m2=p.floor_area_m2,
            probability=p.probability,
            expected_decision=p.expected_decision,
            history=history,
            # link tables keep no order: print them in a stable one
            sites=tuple(self._site(x) for x in sorted(_alive(p.sites), key=lambda x: x.name)),
            measures=tuple(
                self._measure(x) for x in sorted(_alive(p.measures), key=lambda x: x.name)
            ),
        )

    @staticmethod
    def _site(site: Site) -> SiteEntry:
        return SiteEntry(
            Localized(site.name, site.name_en, site.name_zh),
            _value(site.kind),
            site.municipality,
            site.available_area_m2,
            site.land_area_ha,
            site.utilities,
        )

    @staticmethod
    def _measure(m: SupportMeasure) -> MeasureEntry:
        return MeasureEntry(
            Localized(m.name, m.name_en, m.name_zh), _value(m.kind), m.provider, m.terms
        )
