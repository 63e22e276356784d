from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from crm_desktop.domain import kinds
from crm_desktop.domain.models import (
    Company,
    Contact,
    Meeting,
    Project,
    Tag,
    contact_display_name,
    contact_tags,
    meeting_contacts,
)
from crm_desktop.domain.services.base import ListQuery, Service
from crm_desktop.domain.validation import Checker

PHONE_KINDS = ("mobile", "work", "home", "fax", "other")
EMAIL_KINDS = ("work", "home", "other")
HOME_REGION = "RU"  # where the ministry is: local numbers without a country code


@dataclass
class Channel:
    kind: str
    value: str


@dataclass
class ContactInput:
    company_id: str | None = None
    family_name_native: str = ""
    given_name_native: str = ""
    family_name_latin: str = ""
    given_name_latin: str = ""
    family_name_ru: str = ""
    given_name_ru: str = ""
    position: str = ""
    department: str = ""
    emails: list[Channel] = field(default_factory=list)
    phones: list[Channel] = field(default_factory=list)
    wechat: str = ""
    telegram: str = ""
    languages: str = ""
    decision_maker: bool = False
    notes: str = ""
    tag_ids: list[str] = field(default_factory=list)

    @classmethod
    def from_row(cls, r: Contact) -> ContactInput:
        return cls(
            r.company_id,
            r.family_name_native,
            r.given_name_native,
            r.family_name_latin,
            r.given_name_latin,
            r.family_name_ru,
            r.given_name_ru,
            r.position,
            r.department,
            [Channel(e["kind"], e["value"]) for e in r.emails],
            [Channel(p["kind"], p["value"]) for p in r.phones],
            r.wechat,
            r.telegram,
            r.languages,
            r.decision_maker,
            r.notes,
            [t.id for t in r.tags],
        )


# the form fields stored as they are in the contact's columns (emails and phones become
# JSON arrays, the tags link rows)
_DIRECT_COLUMNS = tuple(
    f.name for f in fields(ContactInput) if f.name not in ("tag_ids", "emails", "phones")
)


@dataclass
class ContactQuery(ListQuery):
    company_id: str | None = None
    country: str = ""
    tag_id: str | None = None
    trip_id: str | None = None  # met during this trip
    stage_id: str | None = None  # works at a company with a project at this stage
    ids: list[str] | None = None


class ContactService(Service[Contact]):
    model = Contact
    entity = kinds.CONTACT.name
    SORTS = {
        "name": Contact.sort_key,  # pinyin for Chinese names, ё as е
        "family_name_ru": Contact.family_name_ru,
        "family_name_latin": Contact.family_name_latin,
        "position": Contact.position,
        "updated": Contact.updated_at,
    }
    TEXT_COLUMNS = (
        Contact.display_name,
        Contact.family_name_native,
        Contact.given_name_native,
        Contact.family_name_latin,
        Contact.given_name_latin,
        Contact.family_name_ru,
        Contact.given_name_ru,
        Contact.position,
    )

    def query(self, **kwargs: Any) -> ContactQuery:
        return ContactQuery(**kwargs)

    def _apply_filters(self, stmt: Select[Any], q: ListQuery) -> Select[Any]:
        if not isinstance(q, ContactQuery):
            return stmt
        if q.ids is not None:
            stmt = stmt.where(Contact.id.in_(q.ids))
        if q.company_id:
            stmt = stmt.where(Contact.company_id == q.company_id)
        if q.country:
            stmt = stmt.where(
                Contact.company_id.in_(
                    select(Company.id).where(Company.country == q.country.upper())
                )
            )
        if q.tag_id:
            stmt = stmt.where(
                Contact.id.in_(
                    select(contact_tags.c.contact_id).where(contact_tags.c.tag_id == q.tag_id)
                )
            )
        if q.trip_id:
            stmt = stmt.where(
                Contact.id.in_(
                    select(meeting_contacts.c.contact_id)
                    .join(Meeting, Meeting.id == meeting_contacts.c.meeting_id)
                    .where(Meeting.trip_id == q.trip_id, Meeting.deleted_at.is_(None))
                )
            )
        if q.stage_id:
            stmt = stmt.where(
                Contact.company_id.in_(
                    select(Project.company_id).where(
                        Project.stage_id == q.stage_id, Project.deleted_at.is_(None)
                    )
                )
            )
        return stmt

    def _region(self, company_id: str | None) -> str:
        """Numbers typed without +country are read as numbers of the company's country."""
        if company_id:
            with self.ctx.reading() as s:
                country = s.scalar(select(Company.country).where(Company.id == company_id))
                if country:
                    return country
        return HOME_REGION

    def _clean(self, data: ContactInput) -> ContactInput:
        c = Checker()
        region = self._region(data.company_id)
        out = ContactInput(
            company_id=data.company_id or None,
            family_name_native=c.text("family_name_native", data.family_name_native, 100),
            given_name_native=c.text("given_name_native", data.given_name_native, 100),
            family_name_latin=c.text("family_name_latin", data.family_name_latin, 100),
            given_name_latin=c.text("given_name_latin", data.given_name_latin, 100),
            family_name_ru=c.text("family_name_ru", data.family_name_ru, 100),
            given_name_ru=c.text("given_name_ru", data.given_name_ru, 100),
            position=c.text("position", data.position, 200),
            department=c.text("department", data.department, 200),
            wechat=c.text("wechat", data.wechat, 100),
            telegram=_telegram(c.text("telegram", data.telegram, 100)),
            languages=c.text("languages", data.languages, 100),
            decision_maker=bool(data.decision_maker),
            notes=(data.notes or "").strip(),
            tag_ids=list(data.tag_ids),
        )
        if not any(
            (
                out.family_name_native,
                out.given_name_native,
                out.family_name_latin,
                out.given_name_latin,
                out.family_name_ru,
                out.given_name_ru,
            )
        ):
            c.fail("family_name_native", "required")
        for i, e in enumerate(data.emails):
            if e.value.strip():
                out.emails.append(
                    Channel(
                        e.kind if e.kind in EMAIL_KINDS else "other",
                        c.email(f"emails.{i}", e.value),
                    )
                )
        for i, p in enumerate(data.phones):
            if p.value.strip():
                out.phones.append(
                    Channel(
                        p.kind if p.kind in PHONE_KINDS else "other",
                        c.phone(f"phones.{i}", p.value, region),
                    )
                )
        c.raise_if_any()
        return out

    @staticmethod
    def columns(data: ContactInput) -> dict[str, Any]:
        """The contact's column values for cleaned form data (its tags aside: they are
        link rows): what ``_write`` sets, and what a bulk insert of new contacts writes."""
        out = {
            name: getattr(data, name)
            for name in _DIRECT_COLUMNS  # the form fields that are columns as they are
        }
        out["emails"] = [{"kind": e.kind, "value": e.value} for e in data.emails]
        out["phones"] = [{"kind": p.kind, "value": p.value} for p in data.phones]
        out["display_name"] = contact_display_name(
            data.family_name_native,
            data.given_name_native,
            data.given_name_latin,
            data.family_name_latin,
            data.family_name_ru,
            data.given_name_ru,
        )
        return out

    def _write(self, s: Session, row: Contact, data: ContactInput) -> None:
        for name, value in self.columns(data).items():
            setattr(row, name, value)
        row.tags = self._ids_to_rows(s, Tag, data.tag_ids)

    def meetings_of(self, contact_id: str) -> list[Meeting]:
        """The meetings a contact attended, newest first."""
        stmt = (
            select(Meeting)
            .join(meeting_contacts, meeting_contacts.c.meeting_id == Meeting.id)
            .where(meeting_contacts.c.contact_id == contact_id, Meeting.deleted_at.is_(None))
            .order_by(Meeting.starts_at.desc())
        )
        with self.ctx.reading() as s:
            rows = list(s.scalars(stmt).unique())
            s.expunge_all()
            return rows


def _telegram(handle: str) -> str:
    handle = handle.removeprefix("@")
    return "@" + handle if handle else ""
