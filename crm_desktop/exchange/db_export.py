"""Export contacts and meetings from the database.

Contacts are streamed from one SQL query (``yield_per``), so 200,000 of them never sit
in memory at once; the filters are the contact list's own (``ContactQuery``), so an
export shows exactly what the list shows.
"""

from __future__ import annotations

import datetime as dt
import json
import json.scanner
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Text, func, select, type_coerce

from crm_desktop.domain.models import Company, Contact, Meeting, Stage, Tag, contact_tags
from crm_desktop.domain.services import Services
from crm_desktop.exchange.atomic import atomic_write
from crm_desktop.exchange.csv_write import CSV_FLAVOURS, phone_text, write_csv, write_csv_rows
from crm_desktop.exchange.errors import ExchangeError
from crm_desktop.exchange.formats import CONTACT_FORMATS as CONTACT_FORMATS  # re-exported
from crm_desktop.exchange.formats import EXTENSIONS as EXTENSIONS  # the dialogs import it here
from crm_desktop.exchange.formulas import FORMULA_TRIGGERS
from crm_desktop.exchange.ical_write import write_ics
from crm_desktop.exchange.progress import Progress, ensure
from crm_desktop.exchange.records import (
    Attendee,
    ContactRecord,
    Email,
    EmailKind,
    MeetingRecord,
    Messenger,
    MessengerId,
    Phone,
    PhoneKind,
)
from crm_desktop.exchange.vcard_write import write_vcards
from crm_desktop.text.names import join_name
from crm_desktop.text.translit import fold

_TAG_SEP = "\x1f"


@dataclass
class ContactFilter:
    """Which contacts to export. Empty fields do not filter. ``tag`` and ``stage`` accept
    an id or a name (a stage also its code or position number)."""

    ids: list[str] | None = None
    company_id: str | None = None
    country: str = ""
    tag: str = ""
    trip_id: str | None = None
    stage: str = ""
    text: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _resolve_tag(services: Services, tag: str) -> str:
    key = fold(tag)
    with services.ctx.reading() as s:
        # names folded in Python (case, ё/е) as search does: SQLite's lower() is ASCII-only
        tag_id = next(
            (
                id
                for id, name in s.execute(select(Tag.id, Tag.name).where(Tag.deleted_at.is_(None)))
                if id == tag.strip() or fold(name) == key
            ),
            None,
        )
    if tag_id is None:
        raise ExchangeError.from_code("no_tag", tag=tag)
    return tag_id


def _resolve_stage(services: Services, stage: str) -> str:
    """An id, a code, a position number or a name in either language (folded like the
    search: case and ё/е, in Python since SQLite's lower() knows ASCII only)."""
    text = stage.strip()
    key = fold(text)
    with services.ctx.reading() as s:
        rows = s.execute(
            select(Stage.id, Stage.code, Stage.name_en, Stage.name_ru, Stage.position).where(
                Stage.deleted_at.is_(None)
            )
        )
        stage_id = next(
            (
                r.id
                for r in rows
                if text in (r.id, str(r.position))
                or key in (fold(r.code or ""), fold(r.name_en or ""), fold(r.name_ru or ""))
            ),
            None,
        )
    if stage_id is None:
        raise ExchangeError.from_code("no_stage", stage=stage)
    return str(stage_id)


def _contact_filter(services: Services, flt: ContactFilter) -> Any:
    """The contact list's own filtering (search text, tombstones, every filter) as one
    WHERE clause over ``Contact``."""
    q = services.contacts.query(
        ids=flt.ids,
        company_id=flt.company_id,
        country=flt.country,
        tag_id=_resolve_tag(services, flt.tag) if flt.tag else None,
        trip_id=flt.trip_id,
        stage_id=_resolve_stage(services, flt.stage) if flt.stage else None,
        text=flt.text,
    )
    return services.contacts._filtered(q).whereclause


def _contact_ids_query(services: Services, flt: ContactFilter) -> Any:
    return select(Contact.id).where(_contact_filter(services, flt))


def count_contacts(services: Services, flt: ContactFilter | None = None) -> int:
    ids = _contact_ids_query(services, flt or ContactFilter())
    with services.ctx.reading() as s:
        return int(s.scalar(select(func.count()).select_from(ids.subquery())) or 0)


_PHONE_KINDS = {k.value: k for k in PhoneKind}
_EMAIL_KINDS = {k.value: k for k in EmailKind}


_FORMULA_START = frozenset(FORMULA_TRIGGERS)
_decode_json = json.JSONDecoder().decode
# json's C scanner, called directly: decode() wraps it in two Python calls and a regex,
# a quarter of the CSV export's time spent on the emails and phones of every row.
_scan_json: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(
    json.JSONDecoder()  # type: ignore[arg-type]  # typeshed types the class, not the call
)


def _json_list(raw: str | list[dict[str, str]] | None) -> list[dict[str, str]]:
    """The JSON text SQLite returns (decoded here, fast path for "[]"), or the list a
    PostgreSQL driver already decoded."""
    if not raw or raw == "[]":
        return []
    if isinstance(raw, list):
        return raw
    try:
        value, end = _scan_json(raw, 0)
    except StopIteration:  # leading whitespace or not JSON: the full decoder's answer
        value, end = _decode_json(raw), len(raw)
    if end != len(raw):
        value = _decode_json(raw)  # trailing text: the decoder raises as it always did
    return value if isinstance(value, list) else []


def _record(row: Any) -> ContactRecord:
    rec = ContactRecord(
        family_name=row.family_name_native,
        given_name=row.given_name_native,
        family_name_latin=row.family_name_latin,
        given_name_latin=row.given_name_latin,
        family_name_ru=row.family_name_ru,
        given_name_ru=row.given_name_ru,
        organization=row.company_name or "",
        department=row.department,
        title=row.position,
        country=row.country or "",
        phones=[
            Phone(p["value"], _PHONE_KINDS.get(p.get("kind", ""), PhoneKind.OTHER))
            for p in _json_list(row.phones)
        ],
        emails=[
            Email(e["value"], _EMAIL_KINDS.get(e.get("kind", ""), EmailKind.OTHER))
            for e in _json_list(row.emails)
        ],
        languages=[x.strip() for x in (row.languages or "").split(",") if x.strip()],
        tags=sorted(t for t in (row.tags or "").split(_TAG_SEP) if t),
        notes=row.notes,
        decision_maker=bool(row.decision_maker),
        uid=row.id,
        full_name=row.display_name,
    )
    if row.wechat:
        rec.messengers.append(MessengerId(Messenger.WECHAT, row.wechat))
    if row.telegram:
        rec.messengers.append(MessengerId(Messenger.TELEGRAM, row.telegram))
    return rec


def iter_contact_rows(
    services: Services, flt: ContactFilter | None = None, batch: int = 1000
) -> Iterator[Any]:
    """Rows of contacts matching ``flt`` in list order, fetched ``batch`` at a time."""
    # The filter on the rows themselves, not "id IN (the filtered ids)": that made SQLite
    # look each contact up again by id and sort all of them in a temporary tree, where
    # the live-name index gives the list order as it is (a third of the query's time).
    where = _contact_filter(services, flt or ContactFilter())
    tags = (
        select(func.aggregate_strings(Tag.name, _TAG_SEP))
        .select_from(contact_tags.join(Tag, Tag.id == contact_tags.c.tag_id))
        .where(contact_tags.c.contact_id == Contact.id, Tag.deleted_at.is_(None))
        .scalar_subquery()
    )
    stmt = (
        select(  # csv_row unpacks these by position: keep the order
            Contact.id,
            Contact.family_name_native,
            Contact.given_name_native,
            Contact.family_name_latin,
            Contact.given_name_latin,
            Contact.family_name_ru,
            Contact.given_name_ru,
            Contact.display_name,
            Contact.position,
            Contact.department,
            type_coerce(Contact.emails, Text).label("emails"),  # decoded in _record, fast path
            type_coerce(Contact.phones, Text).label("phones"),
            Contact.wechat,
            Contact.telegram,
            Contact.languages,
            Contact.decision_maker,
            Contact.notes,
            Company.name.label("company_name"),
            Company.country.label("country"),
            tags.label("tags"),
        )
        .select_from(Contact)
        .outerjoin(Company, Company.id == Contact.company_id)
        .where(where)
        .order_by(Contact.display_name, Contact.id)
        .execution_options(yield_per=batch)
    )
    with services.ctx.reading() as s:
        # Core rows, not ORM loading: a 200,000-row export spends its time on the file
        yield from s.connection().execute(stmt)


def iter_contacts(
    services: Services, flt: ContactFilter | None = None, batch: int = 1000
) -> Iterator[ContactRecord]:
    """Contacts matching ``flt`` in list order, as records every writer understands."""
    for row in iter_contact_rows(services, flt, batch):
        yield _record(row)


def write_contacts(
    records: Iterator[ContactRecord] | list[ContactRecord],
    fmt: str,
    out: BinaryIO,
    progress: Progress | None = None,
    language: str = "",
    title: str = "",
) -> int:
    """Write records in one of ``CONTACT_FORMATS`` to a binary stream."""
    if fmt in ("csv", "csv-excel-ru"):
        return write_csv(records, out, fmt, progress)
    if fmt == "xlsx":
        # openpyxl (and the numpy it loads) is imported for an XLSX only: a third of a
        # second that every window start paid before.
        from crm_desktop.exchange.xlsx_io import write_xlsx

        return write_xlsx(records, out, language or "en", progress)
    if fmt in ("vcf", "vcf4"):
        return write_vcards(records, out, "4.0" if fmt == "vcf4" else "3.0", progress)
    if fmt == "pdf":
        from crm_desktop.exchange.contact_sheet import render_contact_sheet

        items = list(records)
        data = render_contact_sheet(items, title=title, language=language or "ru")
        out.write(data)
        ensure(progress).advance(len(items))
        return len(items)
    raise ExchangeError.from_code("unknown_format", format=fmt, formats=", ".join(CONTACT_FORMATS))


def export_contacts(
    services: Services,
    path: str | os.PathLike[str],
    fmt: str,
    flt: ContactFilter | None = None,
    progress: Progress | None = None,
    language: str = "",
    title: str = "",
) -> int:
    """Export to a file atomically (temporary file, then rename); returns the count.

    On cancel or error the target is left as it was.
    """
    if fmt not in CONTACT_FORMATS:
        raise ExchangeError.from_code(
            "unknown_format", format=fmt, formats=", ".join(CONTACT_FORMATS)
        )
    progress = ensure(progress)
    flt = flt or ContactFilter()
    progress.start(count_contacts(services, flt))
    with atomic_write(Path(path), private=services.ctx.encrypted_at_rest) as out:
        if fmt in ("csv", "csv-excel-ru"):
            lang = CSV_FLAVOURS[fmt].language
            rows = (csv_row(row, lang) for row in iter_contact_rows(services, flt))
            return write_csv_rows(rows, out, fmt, progress)
        return write_contacts(iter_contacts(services, flt), fmt, out, progress, language, title)


def csv_row(row: Any, language: str) -> list[str]:
    """The CSV cells of one database row, straight from SQL: the same cells as
    ``csv_cells(_record(row), EXPORT_COLUMNS, language)`` (a test holds them equal) without
    building the record, which is most of the time of a 200,000-contact export.

    ``row`` is one of ``iter_contact_rows``, unpacked by position into locals: an
    attribute of a result row per cell cost as much as the rest of the row's work."""
    (
        cid,
        family_native,
        given_native,
        family_latin,
        given_latin,
        family_ru,
        given_ru,
        display,
        position,
        department,
        emails_raw,
        phones_raw,
        wechat,
        telegram,
        languages,
        decision_maker,
        notes,
        company_name,
        country,
        tags_raw,
    ) = row
    mobile: list[str] = []
    work: list[str] = []
    home: list[str] = []
    fax: list[str] = []
    other: list[str] = []
    if phones_raw and phones_raw != "[]":
        slots = {"mobile": mobile, "work": work, "home": home, "fax": fax}
        for p in _json_list(phones_raw):
            slot = slots.get(p.get("kind", ""), other)
            if slot:  # a second number of a kind goes with the others, as in csv_cells
                slot = other
            slot.append(p["value"])
    emails = [e["value"] for e in _json_list(emails_raw)] if emails_raw else []
    tags = sorted(t for t in tags_raw.split(_TAG_SEP) if t) if tags_raw else []
    yes, no = ("да", "нет") if language == "ru" else ("yes", "no")
    t = _FORMULA_START
    head = [
        join_name(family_native, given_native)
        or join_name(family_latin, given_latin)
        or join_name(family_ru, given_ru)
        or display,
        family_native,
        given_native,
        family_latin,
        given_latin,
        family_ru,
        given_ru,
        "",
        company_name or "",
        department,
        position,
        country or "",
    ]
    tail = [
        emails[0] if emails else "",
        "; ".join(emails[1:]),
        wechat or "",
        telegram or "",
        "",
        ", ".join(x.strip() for x in languages.split(",") if x.strip()) if languages else "",
        ", ".join(tags),
        yes if decision_maker else no,
        notes or "",
        cid,
    ]
    return (
        [c if c[:1] not in t else "'" + c for c in head]
        + [
            "; ".join(map(phone_text, group)) if group else ""
            for group in (mobile, work, home, fax, other)
        ]
        + [c if c[:1] not in t else "'" + c for c in tail]
    )


# --- meetings --------------------------------------------------------------------------


@dataclass
class MeetingFilter:
    trip_id: str | None = None
    date_from: dt.date | None = None  # inclusive, UTC days
    date_to: dt.date | None = None  # inclusive


def meeting_records(services: Services, flt: MeetingFilter) -> list[MeetingRecord]:
    q = services.meetings.query(
        trip_id=flt.trip_id, date_from=flt.date_from, date_to=flt.date_to, sort="start"
    )
    out: list[MeetingRecord] = []
    for m in services.meetings.list(q):
        out.append(meeting_record(m))
    return out


def meeting_record(m: Meeting) -> MeetingRecord:
    attendees = [Attendee(p.name, p.email, True) for p in m.our_participants]
    for c in m.their_participants:
        email = c.emails[0]["value"] if c.emails else ""
        attendees.append(Attendee(c.display_name, email, False))
    parts = []
    if m.company is not None:
        parts.append(m.company.name)
    if m.project is not None:
        parts.append(m.project.title)
    header = " · ".join(parts)
    # the partner's-language title and agenda too: the invitation goes to both sides
    description = "\n\n".join(x for x in (header, m.title_alt, m.agenda, m.agenda_alt) if x)
    return MeetingRecord(
        uid=f"{m.id}@crm-desktop",
        title=m.title,
        start=m.starts_at,
        duration=dt.timedelta(minutes=m.duration_min or 0),
        tzid=m.timezone,
        # the place in the partner's language too (the invitation goes to both sides)
        location=" / ".join(x for x in (m.place, m.place_alt) if x),
        description=description,
        attendees=attendees,
        confidential=str(getattr(m.confidentiality, "value", m.confidentiality)) == "confidential",
        created=m.created_at,
        updated=m.updated_at,
    )


def export_meetings(
    services: Services,
    path: str | os.PathLike[str],
    flt: MeetingFilter,
    progress: Progress | None = None,
    calendar_name: str = "",
) -> int:
    records = meeting_records(services, flt)
    with atomic_write(Path(path), private=services.ctx.encrypted_at_rest) as out:
        return write_ics(records, out, calendar_name=calendar_name, progress=progress)
