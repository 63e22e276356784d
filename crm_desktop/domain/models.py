"""The domain model: typed SQLAlchemy 2 rows. No files, engines or Qt here."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    Text,
    exists,
    text,
)
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from crm_desktop.domain.base import Base, SyncedMixin, UTCDateTime
from crm_desktop.text.scripts import is_han

# Sort keys compare by code point on every backend (PostgreSQL's default collation would
# reorder them by the server's locale).
SORT_KEY_TYPE = String(300).with_variant(String(300, collation="C"), "postgresql")


def _enum(cls: type[enum.Enum]) -> Enum:
    # Stored as the lowercase value, checked in Python, no native PG enum type to migrate.
    return Enum(
        cls,
        values_callable=lambda e: [m.value for m in e],
        native_enum=False,
        length=32,
        validate_strings=True,
    )


class CompanyKind(enum.StrEnum):
    INVESTOR = "investor"
    PARTNER = "partner"
    GOVERNMENT = "government"
    ASSOCIATION = "association"
    OTHER = "other"


class ProjectStatus(enum.StrEnum):
    ACTIVE = "active"
    WON = "won"
    LOST = "lost"
    ON_HOLD = "on_hold"


class MeetingFormat(enum.StrEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"
    EVENT = "event"


class Confidentiality(enum.StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"
    CONFIDENTIAL = "confidential"


class TaskStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class SiteKind(enum.StrEnum):
    INDUSTRIAL_PARK = "industrial_park"
    SEZ = "sez"
    TECHNOPARK = "technopark"
    COWORKING = "coworking"
    PLOT = "plot"
    BUILDING = "building"


class MeasureKind(enum.StrEnum):
    TAX = "tax"
    SUBSIDY = "subsidy"
    LOAN = "loan"
    LAND_LEASE = "land_lease"
    INFRASTRUCTURE = "infrastructure"
    CONSULTING = "consulting"
    OTHER = "other"


# --- link tables (rows identified by both ends; merging a link is a set union) ----------

company_tags = Table(
    "company_tag",
    Base.metadata,
    Column("company_id", ForeignKey("company.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
)
contact_tags = Table(
    "contact_tag",
    Base.metadata,
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
)
project_tags = Table(
    "project_tag",
    Base.metadata,
    Column("project_id", ForeignKey("project.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
)
project_sites = Table(
    "project_site",
    Base.metadata,
    Column("project_id", ForeignKey("project.id", ondelete="CASCADE"), primary_key=True),
    Column("site_id", ForeignKey("site.id", ondelete="CASCADE"), primary_key=True),
)
project_measures = Table(
    "project_measure",
    Base.metadata,
    Column("project_id", ForeignKey("project.id", ondelete="CASCADE"), primary_key=True),
    Column("measure_id", ForeignKey("support_measure.id", ondelete="CASCADE"), primary_key=True),
)
trip_members = Table(
    "trip_member",
    Base.metadata,
    Column("trip_id", ForeignKey("trip.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", ForeignKey("member.id", ondelete="CASCADE"), primary_key=True),
)
meeting_members = Table(
    "meeting_member",
    Base.metadata,
    Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", ForeignKey("member.id", ondelete="CASCADE"), primary_key=True),
    # the order set by hand in the meeting editor (0, 1, ...); NULL: rank order
    Column("position", Integer, nullable=True),
)
meeting_contacts = Table(
    "meeting_contact",
    Base.metadata,
    Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
    Column("position", Integer, nullable=True),
)


class Member(SyncedMixin, Base):
    """Someone on our side: delegation member, manager."""

    __tablename__ = "member"

    name: Mapped[str] = mapped_column(String(200))  # as written in Russian
    name_latin: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # the position as a partner's copy of a memo prints it (empty: translated if known)
    position_en: Mapped[str] = mapped_column(String(200), default="", server_default="")
    position_zh: Mapped[str] = mapped_column(String(200), default="", server_default="")


class Tag(SyncedMixin, Base):
    __tablename__ = "tag"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    color: Mapped[str] = mapped_column(String(16), default="")


class Company(SyncedMixin, Base):
    __tablename__ = "company"

    name: Mapped[str] = mapped_column(String(300), index=True)  # display name
    # the name as the list sorts it (pinyin for Chinese, ё as е); see search/sorting.py
    sort_key: Mapped[str] = mapped_column(SORT_KEY_TYPE, default="", server_default="", index=True)
    name_native: Mapped[str] = mapped_column(String(300), default="")  # e.g. 汉字
    name_latin: Mapped[str] = mapped_column(String(300), default="")  # English / pinyin
    name_ru: Mapped[str] = mapped_column(String(300), default="")
    country: Mapped[str] = mapped_column(String(2), default="", index=True)  # ISO 3166-1
    city: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    industry: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[CompanyKind] = mapped_column(_enum(CompanyKind), default=CompanyKind.INVESTOR)
    registration_code: Mapped[str] = mapped_column(String(64), default="")
    employees: Mapped[int | None] = mapped_column(Integer, nullable=True)
    revenue: Mapped[Decimal | None] = mapped_column(Numeric(20, 2), nullable=True)
    revenue_currency: Mapped[str] = mapped_column(String(3), default="")
    description: Mapped[str] = mapped_column(Text, default="")

    tags: Mapped[list[Tag]] = relationship(secondary=company_tags, lazy="selectin")
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="company", lazy="raise_on_sql", viewonly=True
    )


class Contact(SyncedMixin, Base):
    __tablename__ = "contact"
    __table_args__ = (
        # The contacts list in name order, live rows only: a jump to the middle of
        # 200,000 contacts reads the index, not every row before it.
        Index(
            "ix_contact_live_name",
            "display_name",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        # the same in the order people expect names in (曾 under Z, ё with е)
        Index(
            "ix_contact_live_sort",
            "sort_key",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    company_id: Mapped[str | None] = mapped_column(
        ForeignKey("company.id"), nullable=True, index=True
    )
    family_name_native: Mapped[str] = mapped_column(String(100), default="")
    given_name_native: Mapped[str] = mapped_column(String(100), default="")
    family_name_latin: Mapped[str] = mapped_column(String(100), default="")
    given_name_latin: Mapped[str] = mapped_column(String(100), default="")
    family_name_ru: Mapped[str] = mapped_column(String(100), default="")
    given_name_ru: Mapped[str] = mapped_column(String(100), default="")
    # Denormalised for sorting and the first screen of a 200,000-row list.
    display_name: Mapped[str] = mapped_column(String(300), default="", index=True)
    # the name as the list sorts it (pinyin for Chinese, ё as е); see search/sorting.py
    sort_key: Mapped[str] = mapped_column(SORT_KEY_TYPE, default="", server_default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    # [{"kind": "work", "value": "a@b.cn"}]; kinds: work, home, other
    emails: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    # [{"kind": "mobile", "value": "+8613800000000"}]; E.164; kinds: mobile, work, home, fax
    phones: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    wechat: Mapped[str] = mapped_column(String(100), default="")
    telegram: Mapped[str] = mapped_column(String(100), default="")
    languages: Mapped[str] = mapped_column(String(100), default="")  # "zh, en"
    decision_maker: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    company: Mapped[Company | None] = relationship(back_populates="contacts", lazy="joined")
    tags: Mapped[list[Tag]] = relationship(secondary=contact_tags, lazy="selectin")

    @property
    def name_native(self) -> str:
        return _join_name(self.family_name_native, self.given_name_native)

    @property
    def name_latin(self) -> str:
        return " ".join(p for p in (self.given_name_latin, self.family_name_latin) if p)

    @property
    def name_ru(self) -> str:
        return " ".join(p for p in (self.family_name_ru, self.given_name_ru) if p)


def _join_name(family: str, given: str) -> str:
    """CJK names are written family-first without a space; others with one."""
    if not family or not given:
        return family or given
    if is_han(family[-1]) and is_han(given[0]):
        return family + given
    return f"{family} {given}"


def contact_display_name(
    family_native: str,
    given_native: str,
    given_latin: str,
    family_latin: str,
    family_ru: str,
    given_ru: str,
) -> str:
    """What lists show: the native-script name, else the Latin form, else the Russian."""
    return (
        _join_name(family_native, given_native)
        or " ".join(p for p in (given_latin, family_latin) if p)
        or " ".join(p for p in (family_ru, given_ru) if p)
    )


# A contact's name parts, family then given, in each script: native, Latin, Russian.
CONTACT_NAME_FIELDS = (
    "family_name_native",
    "given_name_native",
    "family_name_latin",
    "given_name_latin",
    "family_name_ru",
    "given_name_ru",
)


class Stage(SyncedMixin, Base):
    """One step of the negotiation pipeline; ordered by position."""

    __tablename__ = "stage"

    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_ru: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200), default="")

    def name(self, lang: str) -> str:
        return {"ru": self.name_ru, "zh": self.name_zh or self.name_en}.get(lang, self.name_en)


class Site(SyncedMixin, Base):
    __tablename__ = "site"

    name: Mapped[str] = mapped_column(String(300))  # Russian name as used at home
    name_en: Mapped[str] = mapped_column(String(300), default="")
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[SiteKind] = mapped_column(_enum(SiteKind), default=SiteKind.INDUSTRIAL_PARK)
    municipality: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    available_area_m2: Mapped[Decimal | None] = mapped_column(Numeric(14, 1), nullable=True)
    land_area_ha: Mapped[Decimal | None] = mapped_column(Numeric(12, 2), nullable=True)
    utilities: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class SupportMeasure(SyncedMixin, Base):
    __tablename__ = "support_measure"

    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[MeasureKind] = mapped_column(_enum(MeasureKind), default=MeasureKind.OTHER)
    provider: Mapped[str] = mapped_column(String(300), default="")
    terms: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")


class Project(SyncedMixin, Base):
    __tablename__ = "project"

    title: Mapped[str] = mapped_column(String(300))
    # the title in the partner's languages (the memo's partner copy); "" = not given
    title_en: Mapped[str] = mapped_column(String(300), default="", server_default="")
    title_zh: Mapped[str] = mapped_column(String(300), default="", server_default="")
    code_name: Mapped[str] = mapped_column(String(100), default="")
    company_id: Mapped[str] = mapped_column(ForeignKey("company.id"), index=True)
    stage_id: Mapped[str] = mapped_column(ForeignKey("stage.id"), index=True)
    stage_entered_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[ProjectStatus] = mapped_column(
        _enum(ProjectStatus), default=ProjectStatus.ACTIVE
    )
    status_reason: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), nullable=True, index=True)
    product: Mapped[str] = mapped_column(String(300), default="")
    planned_output: Mapped[str] = mapped_column(String(300), default="")
    capex: Mapped[Decimal | None] = mapped_column(Numeric(20, 2), nullable=True)
    capex_currency: Mapped[str] = mapped_column(String(3), default="")
    jobs: Mapped[int | None] = mapped_column(Integer, nullable=True)
    land_area_ha: Mapped[Decimal | None] = mapped_column(Numeric(12, 2), nullable=True)
    floor_area_m2: Mapped[Decimal | None] = mapped_column(Numeric(14, 1), nullable=True)
    probability: Mapped[int | None] = mapped_column(Integer, nullable=True)  # percent
    expected_decision: Mapped[date | None] = mapped_column(Date, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")

    company: Mapped[Company] = relationship(lazy="joined")
    stage: Mapped[Stage] = relationship(lazy="joined")
    owner: Mapped[Member | None] = relationship(lazy="joined")
    sites: Mapped[list[Site]] = relationship(secondary=project_sites, lazy="selectin")
    measures: Mapped[list[SupportMeasure]] = relationship(
        secondary=project_measures, lazy="selectin"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=project_tags, lazy="selectin")


class Trip(SyncedMixin, Base):
    __tablename__ = "trip"

    title: Mapped[str] = mapped_column(String(300))
    countries: Mapped[list[str]] = mapped_column(JSON, default=list)  # ISO 3166-1 codes
    cities: Mapped[str] = mapped_column(String(300), default="")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    goals: Mapped[str] = mapped_column(Text, default="")
    conclusions: Mapped[str] = mapped_column(Text, default="", server_default="")
    proposals: Mapped[str] = mapped_column(Text, default="", server_default="")

    members: Mapped[list[Member]] = relationship(secondary=trip_members, lazy="selectin")


class Meeting(SyncedMixin, Base):
    __tablename__ = "meeting"

    title: Mapped[str] = mapped_column(String(300))
    trip_id: Mapped[str | None] = mapped_column(ForeignKey("trip.id"), nullable=True, index=True)
    company_id: Mapped[str | None] = mapped_column(
        ForeignKey("company.id"), nullable=True, index=True
    )
    project_id: Mapped[str | None] = mapped_column(
        ForeignKey("project.id"), nullable=True, index=True
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    timezone: Mapped[str] = mapped_column(String(64))  # IANA zone of the venue
    duration_min: Mapped[int] = mapped_column(Integer, default=60)
    place: Mapped[str] = mapped_column(String(300), default="")
    format: Mapped[MeetingFormat] = mapped_column(
        _enum(MeetingFormat), default=MeetingFormat.IN_PERSON
    )
    language: Mapped[str] = mapped_column(String(50), default="")
    interpreter: Mapped[str] = mapped_column(String(200), default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    discussion: Mapped[str] = mapped_column(Text, default="")
    agreements: Mapped[str] = mapped_column(Text, default="")
    confidentiality: Mapped[Confidentiality] = mapped_column(
        _enum(Confidentiality), default=Confidentiality.INTERNAL
    )
    # The text once more in the partner's language (optional), for the partner's copy.
    second_language: Mapped[str] = mapped_column(String(8), default="", server_default="")
    title_alt: Mapped[str] = mapped_column(String(300), default="", server_default="")
    place_alt: Mapped[str] = mapped_column(String(300), default="", server_default="")
    agenda_alt: Mapped[str] = mapped_column(Text, default="", server_default="")
    agreements_alt: Mapped[str] = mapped_column(Text, default="", server_default="")
    next_steps_alt: Mapped[str] = mapped_column(Text, default="", server_default="")

    trip: Mapped[Trip | None] = relationship(lazy="joined")
    company: Mapped[Company | None] = relationship(lazy="joined")
    project: Mapped[Project | None] = relationship(lazy="joined")
    # Participants come in the order set by hand (position), if any; the memo prints them
    # in that order when the side's *_by_hand is true, else in rank order.
    our_participants: Mapped[list[Member]] = relationship(
        secondary=meeting_members,
        lazy="selectin",
        order_by=(meeting_members.c.position.is_(None), meeting_members.c.position),
    )
    their_participants: Mapped[list[Contact]] = relationship(
        secondary=meeting_contacts,
        lazy="selectin",
        order_by=(meeting_contacts.c.position.is_(None), meeting_contacts.c.position),
    )

    @property
    def local_start(self) -> datetime:
        from zoneinfo import ZoneInfo

        return self.starts_at.astimezone(ZoneInfo(self.timezone))

    if TYPE_CHECKING:  # mapped below the class
        members_by_hand: bool
        contacts_by_hand: bool


def _by_hand(link: Table) -> Any:
    """True when a meeting's side has an order set by hand (any position on its links)."""
    return column_property(
        exists()
        .where(link.c.meeting_id == Meeting.__table__.c.id, link.c.position.is_not(None))
        .correlate_except(link)
    )


# (after the class: the subquery needs the meeting's id column)
Meeting.members_by_hand = _by_hand(meeting_members)
Meeting.contacts_by_hand = _by_hand(meeting_contacts)


class StageChange(SyncedMixin, Base):
    __tablename__ = "stage_change"
    __table_args__ = (
        # the pipeline report reads the live history in this order (migration 0010)
        Index(
            "ix_stage_change_history",
            "project_id",
            "changed_at",
            "hlc",
            "to_stage_id",
            "deleted_at",
        ),
    )

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    from_stage_id: Mapped[str | None] = mapped_column(ForeignKey("stage.id"), nullable=True)
    to_stage_id: Mapped[str] = mapped_column(ForeignKey("stage.id"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), nullable=True)
    meeting_id: Mapped[str | None] = mapped_column(
        ForeignKey("meeting.id"), nullable=True, index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")

    from_stage: Mapped[Stage | None] = relationship(foreign_keys=[from_stage_id], lazy="joined")
    to_stage: Mapped[Stage] = relationship(foreign_keys=[to_stage_id], lazy="joined")
    member: Mapped[Member | None] = relationship(lazy="joined")


class Task(SyncedMixin, Base):
    __tablename__ = "task"

    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), nullable=True, index=True)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    status: Mapped[TaskStatus] = mapped_column(_enum(TaskStatus), default=TaskStatus.OPEN)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    meeting_id: Mapped[str | None] = mapped_column(
        ForeignKey("meeting.id"), nullable=True, index=True
    )
    project_id: Mapped[str | None] = mapped_column(
        ForeignKey("project.id"), nullable=True, index=True
    )
    company_id: Mapped[str | None] = mapped_column(
        ForeignKey("company.id"), nullable=True, index=True
    )

    owner: Mapped[Member | None] = relationship(lazy="joined")


class MemoRevision(SyncedMixin, Base):
    """An approved meeting memo, frozen: the data its PDF is made from, so a reprint is the
    same document whatever happens to the meeting's tasks later. Editing the meeting and
    approving again adds revision 2, 3, ... under the same registration number."""

    __tablename__ = "memo_revision"
    __table_args__ = (
        Index("ux_memo_revision_meeting_revision", "meeting_id", "revision", unique=True),
    )

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(60))  # registration number, e.g. 2026-0007
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime())
    approved_by: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text)  # JSON of the memo's data (documents.snapshot)
    content_hash: Mapped[str] = mapped_column(String(64), default="")


class Attachment(SyncedMixin, Base):
    """A file kept next to the database, linked to any record."""

    __tablename__ = "attachment"

    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    stored_name: Mapped[str] = mapped_column(String(300))  # where the bytes are: "database"
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    mime_type: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class AttachmentContent(Base):
    """The bytes of an attachment, kept inside the database.

    Inside, not beside: the file is written in the same transaction as its record, travels
    with backups, and is encrypted whenever the database is.
    """

    __tablename__ = "attachment_content"

    attachment_id: Mapped[str] = mapped_column(
        ForeignKey("attachment.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)


class AuditEntry(SyncedMixin, Base):
    """Who changed which field of which record from what to what, when, on which device."""

    __tablename__ = "audit_entry"

    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(16))  # create, update, delete, restore
    field: Mapped[str] = mapped_column(String(64), default="")
    old_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    member_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class Setting(Base):
    """Team-wide settings kept in the database (organisation name on documents, ...)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


ENTITY_TYPES: dict[str, type[SyncedMixin]] = {
    "member": Member,
    "tag": Tag,
    "company": Company,
    "contact": Contact,
    "stage": Stage,
    "site": Site,
    "support_measure": SupportMeasure,
    "project": Project,
    "trip": Trip,
    "meeting": Meeting,
    "stage_change": StageChange,
    "task": Task,
    "attachment": Attachment,
}


from crm_desktop.domain import sync_models  # noqa: E402,F401  (registers the sync tables)
