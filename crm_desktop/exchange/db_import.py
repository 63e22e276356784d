"""Import contacts into the database: one transaction, duplicates detected, a report.

An import is one transaction. A row that cannot be imported (no name, an email that is
not an email) is "rejected" and reported with its line and reason; by default the valid
rows are written all the same (one bad row must not block an address book of hundreds),
and ``strict`` makes one rejected row roll the whole import back. A phone number without
a country code is read in the contact's country, else its company's, else
``default_region``, else, when it is no number there, in Russia (the ministry's own
numbers, written 8 916 ...); a number that still cannot be read does not reject the row: it is
kept, as written, in the contact's notes, with a warning for the line. A dry run makes
the same decisions and rolls back at the end. Duplicates (same id, email, E.164 phone,
or the same name across scripts at the same company, see ``matching``) are skipped,
merged or created anew, chosen for all rows or per row. New contacts are inserted in bulk,
a batch at a time (``new_contacts``), with the rows, stamps and history a flush would write.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.config import DEFAULT_PHONE_REGION
from crm_desktop.documents.labels import COUNTRY_NAMES
from crm_desktop.domain.base import new_id
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.models import CONTACT_NAME_FIELDS, Company, Contact, Tag
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import HOME_REGION, Channel, ContactInput
from crm_desktop.domain.validation import ISO_3166
from crm_desktop.exchange.bulk import collector_paused
from crm_desktop.exchange.csv_read import read_csv
from crm_desktop.exchange.errors import FileFormatError
from crm_desktop.exchange.matching import DuplicateIndex, NameForm
from crm_desktop.exchange.messengers import SERVICE_LABEL
from crm_desktop.exchange.new_contacts import NewContacts
from crm_desktop.exchange.progress import Progress, ensure
from crm_desktop.exchange.records import ContactRecord, Messenger
from crm_desktop.exchange.tabular import Table, read_import_bytes
from crm_desktop.exchange.vcard_read import iter_vcards, looks_like_vcard
from crm_desktop.search.index import contacts_by_channel
from crm_desktop.text.names import display_name
from crm_desktop.text.phones import to_e164
from crm_desktop.text.scripts import Script, script_of

FLUSH_EVERY = 500
UNREAD_PHONE_NOTE = "Phone (as written in the import)"


class OnDuplicate(StrEnum):
    SKIP = "skip"
    MERGE = "merge"
    CREATE = "create"


class Outcome(StrEnum):
    CREATED = "created"
    MERGED = "merged"
    SKIPPED = "skipped"
    REJECTED = "rejected"


@dataclass
class ImportOptions:
    on_duplicate: OnDuplicate = OnDuplicate.SKIP
    per_line: dict[int, OnDuplicate] = field(default_factory=dict)  # source line -> choice
    dry_run: bool = False
    strict: bool = False  # all or nothing: one rejected row and nothing is written
    default_region: str = DEFAULT_PHONE_REGION  # for phone numbers without a country code


@dataclass
class RowResult:
    line: int
    name: str
    outcome: Outcome
    reason: str = ""
    contact_id: str | None = None
    duplicate_of: str | None = None
    duplicate_name: str = ""
    matched_by: str = ""  # id | email | phone | name
    changed_fields: list[str] = field(default_factory=list)
    errors: list[FieldError] = field(default_factory=list)  # why it was rejected, by field
    # phone numbers that could not be read; kept in the contact's notes as written
    phones_in_notes: list[str] = field(default_factory=list)
    region: str = ""  # where numbers without a country code were read

    @property
    def warnings(self) -> list[str]:
        places = " or ".join(dict.fromkeys((self.region, HOME_REGION)))
        return [
            f"phone “{n}” could not be read as a number (without a country code it is "
            f"read in {places}); kept in the notes as written"
            for n in self.phones_in_notes
        ]


@dataclass
class ImportReport:
    source: str = ""
    rows: list[RowResult] = field(default_factory=list)
    companies_created: int = 0
    dry_run: bool = False
    written: bool = False

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def created(self) -> int:
        return self.count(Outcome.CREATED)

    @property
    def merged(self) -> int:
        return self.count(Outcome.MERGED)

    @property
    def skipped(self) -> int:
        return self.count(Outcome.SKIPPED)

    @property
    def rejected(self) -> int:
        return self.count(Outcome.REJECTED)

    @property
    def imported(self) -> int:
        """Rows that were valid: created, merged, or duplicates skipped."""
        return self.created + self.merged + self.skipped

    @property
    def warned(self) -> list[RowResult]:
        return [r for r in self.rows if r.warnings]

    @property
    def duplicates(self) -> list[RowResult]:
        return [r for r in self.rows if r.duplicate_of]

    def summary(self) -> str:
        text = (
            f"created {self.created}, merged {self.merged}, skipped {self.skipped}, "
            f"rejected {self.rejected}"
        )
        if self.companies_created:
            text += f"; new companies {self.companies_created}"
        if self.dry_run:
            text += " (dry run: nothing written)"
        elif not self.written:
            text += " (nothing written)"
        return text


class _Rollback(Exception):
    pass


# --- reading files ----------------------------------------------------------------------


def read_table(path: str | os.PathLike[str]) -> Table | None:
    """The table of a CSV/XLSX file for the preview; None for a vCard file."""
    p = Path(path)
    data = _read_bytes(p)
    if p.suffix.lower() in (".xlsx", ".xlsm") or data[:4] == b"PK\x03\x04":
        import io

        from crm_desktop.exchange.xlsx_io import read_xlsx  # openpyxl: for workbooks only

        return read_xlsx(io.BytesIO(data), source=p.name)
    if p.suffix.lower() in (".vcf", ".vcard") or looks_like_vcard(data):
        return None
    return read_csv(data, source=p.name)


def _read_bytes(p: Path) -> bytes:
    return read_import_bytes(p)  # refused before reading when over the size limit


# --- the import -------------------------------------------------------------------------


def _forms(data: ContactInput) -> list[NameForm]:
    return [
        (data.family_name_native, data.given_name_native),
        (data.family_name_latin, data.given_name_latin),
        (data.family_name_ru, data.given_name_ru),
    ]


def _company_key(name: str) -> str:
    return " ".join(name.casefold().split())


class _Companies:
    """Find a company by any of its names; create it (once) when a created row needs it."""

    def __init__(self, services: Services, s: Session) -> None:
        self.services = services
        self.s = s
        self.by_name: dict[str, str] = {}
        self.country: dict[str, str] = {}  # company id -> ISO code, where one is known
        self.created = 0
        rows = s.execute(
            select(
                Company.id,
                Company.country,
                Company.name,
                Company.name_native,
                Company.name_latin,
                Company.name_ru,
            ).where(Company.deleted_at.is_(None))
        )
        by_name, country = self.by_name, self.country
        for id, code, *names in rows:
            if code:
                country[id] = code
            # the display name is one of the other three, mostly: each text keyed once
            for n in {n for n in names if n}:
                by_name.setdefault(_company_key(n), id)

    def find(self, name: str) -> str | None:
        return self.by_name.get(_company_key(name)) if name.strip() else None

    def create(self, name: str, country: str) -> str:
        script = script_of(name)
        data = CompanyInput(
            name=name.strip(),
            name_native=name.strip() if script == Script.NATIVE else "",
            name_latin=name.strip() if script == Script.LATIN else "",
            name_ru=name.strip() if script == Script.CYRILLIC else "",
            country=country_code(country),
        )
        data = self.services.companies._clean(data)
        row = Company(id=new_id())  # an id now, the INSERT with the next batch flush
        self.services.companies._write(self.s, row, data)
        self.s.add(row)
        self.by_name[_company_key(name)] = row.id
        if data.country:
            self.country[row.id] = data.country
        self.created += 1
        return row.id


class _Tags:
    def __init__(self, s: Session) -> None:
        self.s = s
        self.by_name = {
            name.casefold(): id
            for id, name in s.execute(select(Tag.id, Tag.name).where(Tag.deleted_at.is_(None)))
        }

    def ids(self, names: Iterable[str]) -> list[str]:
        out = []
        for name in names:
            key = name.strip().casefold()
            if not key:
                continue
            if key not in self.by_name:
                existing = self.s.scalar(select(Tag).where(func.lower(Tag.name) == key))
                if existing is None:  # a tag in the Trash keeps its name: reuse it
                    existing = Tag(name=name.strip()[:100])
                    self.s.add(existing)
                    self.s.flush()
                existing.deleted_at = None
                self.by_name[key] = existing.id
            out.append(self.by_name[key])
        return list(dict.fromkeys(out))


def _to_input(rec: ContactRecord, region: str, tags: list[str]) -> ContactInput:
    """The service's form data for a record; what the model has no field for goes to notes."""
    given_ru = " ".join(x for x in (rec.given_name_ru, rec.middle_name_ru) if x)
    notes = [rec.notes] if rec.notes else []
    extra = [
        f"{SERVICE_LABEL[m.service]}: {m.handle}"
        for m in rec.messengers
        if m.service not in (Messenger.WECHAT, Messenger.TELEGRAM)
    ]
    seen_wechat = [m.handle for m in rec.messengers if m.service == Messenger.WECHAT]
    seen_tg = [m.handle for m in rec.messengers if m.service == Messenger.TELEGRAM]
    extra += [f"WeChat: {h}" for h in seen_wechat[1:]] + [f"Telegram: {h}" for h in seen_tg[1:]]
    extra = [x for x in extra if x not in rec.notes]
    notes += extra
    phones: list[Channel] = []
    seen: set[str] = set()
    for p in rec.phones:
        # not a number of that country, perhaps one of ours: the delegation's address
        # books are full of Russian numbers written as 8 916 ...
        value = to_e164(p.number, region, HOME_REGION)
        if value and value not in seen:
            seen.add(value)
            phones.append(Channel(p.kind.value, value))
    emails: list[Channel] = []
    seen = set()
    for e in rec.emails:
        if e.address.lower() not in seen:
            seen.add(e.address.lower())
            emails.append(Channel(e.kind.value, e.address))
    family_native, given_native = rec.family_name, rec.given_name
    if rec.middle_name and not (rec.family_name_latin or rec.given_name_latin):
        given_native = " ".join(x for x in (given_native, rec.middle_name) if x)
    given_latin = rec.given_name_latin
    if rec.middle_name and (rec.family_name_latin or rec.given_name_latin):
        given_latin = " ".join(x for x in (given_latin, rec.middle_name) if x)
    return ContactInput(
        family_name_native=family_native,
        given_name_native=given_native,
        family_name_latin=rec.family_name_latin,
        given_name_latin=given_latin,
        family_name_ru=rec.family_name_ru,
        given_name_ru=given_ru,
        position=rec.title,
        department=rec.department,
        emails=emails,
        phones=phones,
        wechat=seen_wechat[0] if seen_wechat else "",
        telegram=seen_tg[0] if seen_tg else "",
        languages=", ".join(dict.fromkeys(rec.languages)),
        decision_maker=bool(rec.decision_maker),
        notes="\n".join(notes),
        tag_ids=tags,
    )


_LABELS = {
    "position": "Position",
    "department": "Department",
    "wechat": "WeChat",
    "telegram": "Telegram",
}


def merge_inputs(old: ContactInput, new: ContactInput) -> tuple[ContactInput, list[str]]:
    """Fill empty fields from ``new``; where both have a different value keep both:
    lists are united, single values stay and the incoming one is added to the notes."""
    out = replace(old, emails=list(old.emails), phones=list(old.phones), tag_ids=list(old.tag_ids))
    changed: list[str] = []
    for name in CONTACT_NAME_FIELDS:
        if not getattr(out, name) and getattr(new, name):
            setattr(out, name, getattr(new, name))
            changed.append(name)
    notes_extra: list[str] = []
    for name, label in _LABELS.items():
        mine, theirs = getattr(out, name), getattr(new, name)
        if not theirs:
            continue
        if not mine:
            setattr(out, name, theirs)
            changed.append(name)
        elif mine.casefold() != theirs.casefold():
            line = f"{label}: {theirs}"
            if line not in out.notes:
                notes_extra.append(line)
    if out.company_id is None and new.company_id:
        out.company_id = new.company_id
        changed.append("company_id")
    have = {e.value.lower() for e in out.emails}
    for e in new.emails:
        if e.value.lower() not in have:
            out.emails.append(e)
            have.add(e.value.lower())
            changed.append("emails")
    have = {p.value for p in out.phones}
    for p in new.phones:
        if p.value not in have:
            out.phones.append(p)
            have.add(p.value)
            changed.append("phones")
    langs = [x.strip() for x in out.languages.split(",") if x.strip()]
    for x in new.languages.split(","):
        if x.strip() and x.strip().lower() not in {y.lower() for y in langs}:
            langs.append(x.strip())
            changed.append("languages")
    out.languages = ", ".join(langs)
    for t in new.tag_ids:
        if t not in out.tag_ids:
            out.tag_ids.append(t)
            changed.append("tags")
    if new.decision_maker and not out.decision_maker:
        out.decision_maker = True
        changed.append("decision_maker")
    if new.notes and new.notes.strip() not in out.notes:
        notes_extra.insert(0, new.notes.strip())
    if notes_extra:
        out.notes = "\n".join(x for x in [out.notes.strip(), *notes_extra] if x)
        changed.append("notes")
    return out, list(dict.fromkeys(changed))


LOOKUP_CHUNK = 10_000  # incoming rows whose matches are fetched with one query each way


# a record, its name, its cleaned data (or why it is rejected), the region its numbers
# were read in, and the numbers kept in its notes
_Prepared = tuple[ContactRecord, str, ContactInput | ValidationError, str, list[str]]


def country_code(text: str) -> str:
    """The ISO code of a country as files write it: ``CN``, ``China``, ``Китай``, ``中国``
    (the countries the documents name); "" when it is none of them."""
    key = text.strip().casefold()
    if key.upper() in ISO_3166:
        return key.upper()
    for code, names in COUNTRY_NAMES.items():
        if key in (n.casefold() for n in names):
            return code
    return ""


def _region(rec: ContactRecord, company_country: str | None, default: str) -> str:
    """Where a number written without its country code is read: the contact's country
    (in the file), else its company's, else the default region."""
    return country_code(rec.country) or company_country or default


def _cleaned(services: Services, rec: ContactRecord, region: str, aside: list[str]) -> ContactInput:
    """The row's cleaned form data. A phone number that cannot be read in ``region``
    (or is refused by the service) does not reject the row: the text is kept in the
    notes as written, and a warning for the line says so."""
    data = _to_input(rec, region, [])
    aside += [p.value for p in data.phones if not p.value.startswith("+")]
    if aside:
        data = _phones_to_notes(data, aside)
    try:
        cleaned = _clean(services, data)
    except ValidationError as exc:
        bad = [k for k in exc.errors if k.startswith("phones.")]
        if not bad or len(bad) != len(exc.errors):
            raise
        refused = [data.phones[int(k.split(".", 1)[1])].value for k in bad]
        aside += refused
        cleaned = _clean(services, _phones_to_notes(data, refused))
    return cleaned


def _phones_to_notes(data: ContactInput, numbers: list[str]) -> ContactInput:
    notes = [data.notes] if data.notes else []
    notes += [f"{UNREAD_PHONE_NOTE}: {n}" for n in numbers if n not in data.notes]
    return replace(
        data, phones=[p for p in data.phones if p.value not in numbers], notes="\n".join(notes)
    )


class _ExistingContacts:
    """The database's contacts as the duplicate index sees them, fetched on demand.

    Loading every contact of a 200,000-contact database to import a few thousand took
    most of the time and memory of an import. Rows arrive in chunks; for each chunk the
    contacts that could match one of its rows are read: those with one of its ids, emails
    or phones (one scan of the email and phone arrays in SQL per chunk, returning only
    the hits) and, for name matches, every contact of the companies it names (by the
    company index), each company once.
    """

    def __init__(self, s: Session) -> None:
        self.s = s
        self.index = DuplicateIndex()
        self.loaded: set[str] = set()
        self._companies_loaded: set[str | None] = set()
        self._dialect = s.get_bind().dialect.name

    def prepared(
        self,
        records: Iterable[ContactRecord],
        companies: _Companies,
        options: ImportOptions,
        progress: Progress,
    ) -> Iterator[_Prepared]:
        """Each record with its cleaned form data (or why it is rejected) and its
        warnings, after the contacts it could duplicate have been put into the index."""
        chunk: list[_Prepared] = []
        for rec in records:
            progress.check()
            name = display_name(rec) or rec.organization
            company_id = companies.find(rec.organization)
            region = _region(rec, companies.country.get(company_id or ""), options.default_region)
            aside: list[str] = []
            try:
                data: ContactInput | ValidationError = _cleaned(
                    companies.services, rec, region, aside
                )
                assert isinstance(data, ContactInput)
                data.company_id = company_id
            except ValidationError as exc:
                data = exc
            chunk.append((rec, name, data, region, aside))
            if len(chunk) >= LOOKUP_CHUNK:
                self._fetch(chunk)
                yield from chunk
                chunk = []
        if chunk:
            self._fetch(chunk)
            yield from chunk

    def _fetch(self, chunk: list[_Prepared]) -> None:
        uids: set[str] = set()
        emails: set[str] = set()
        phones: set[str] = set()
        company_ids: set[str | None] = set()
        for rec, _name, data, _region, _aside in chunk:
            if isinstance(data, ValidationError):
                continue
            if rec.uid:
                uids.add(rec.uid)
            emails.update(e.value.strip().lower() for e in data.emails)
            phones.update(p.value for p in data.phones if p.value)
            if data.company_id not in self._companies_loaded:
                company_ids.add(data.company_id)
        ids: set[str] = set()
        if uids:
            ids.update(self.s.scalars(select(Contact.id).where(Contact.id.in_(uids))))
        ids.update(self._ids_with(emails | phones))  # an e-mail never reads as a phone
        conditions = []
        for cid in company_ids:
            self._companies_loaded.add(cid)
            if cid is None:
                conditions.append(Contact.company_id.is_(None))
        named = [c for c in company_ids if c is not None]
        if named:
            conditions.append(Contact.company_id.in_(named))
        where = [Contact.id.in_(ids - self.loaded)] if ids - self.loaded else []
        for cond in [*where, *conditions]:
            self._load(cond)

    def _ids_with(self, values: set[str]) -> list[str]:
        """For each of ``values`` (e-mails stripped and in lower case, phones as stored,
        E.164) that a live contact has, the id of one such contact (the smallest id),
        found by the search index's ``search_channel`` table: one indexed lookup per
        value, without reading any contact's JSON arrays (a scan of all 200,000
        contacts' arrays per chunk was most of the duplicate check's time). The session
        is flushed first, as a query on the contacts would be: the index follows every
        flush.

        One contact per value is all the index keeps (``by_email`` and ``by_phone`` map a
        value to one id); generated and shared addresses (info@..., a switchboard) can
        be on thousands of contacts, and loading them all took most of an import."""
        if not values:
            return []
        if self.s.autoflush:
            self.s.flush()
        return contacts_by_channel(self.s.connection(), values)

    def _load(self, condition: Any) -> None:
        rows = self.s.execute(
            select(
                Contact.id,
                Contact.company_id,
                Contact.emails,
                Contact.phones,
                Contact.family_name_native,
                Contact.given_name_native,
                Contact.family_name_latin,
                Contact.given_name_latin,
                Contact.family_name_ru,
                Contact.given_name_ru,
                Contact.display_name,
            ).where(Contact.deleted_at.is_(None), condition)
        )
        for row in rows:
            if row.id in self.loaded:
                continue
            self.loaded.add(row.id)
            self.index.add(
                row.id,
                row.company_id,
                [e["value"] for e in row.emails or []],
                [p["value"] for p in row.phones or []],
                [
                    (row.family_name_native, row.given_name_native),
                    (row.family_name_latin, row.given_name_latin),
                    (row.family_name_ru, row.given_name_ru),
                ],
                row.display_name,
            )


def _clean(services: Services, data: ContactInput) -> ContactInput:
    return services.contacts._clean(data)


def _validation_reason(exc: ValidationError) -> str:
    return " ".join(e.message for e in exc.errors.values())


def import_records(
    services: Services,
    records: Iterable[ContactRecord],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    source: str = "",
    total: int | None = None,
) -> ImportReport:
    """Import in one transaction. Raises ``FileFormatError`` (nothing written) when the
    file breaks mid-way; returns the report otherwise."""
    with collector_paused():
        return _import_records(services, records, options, progress, source, total)


def _import_records(
    services: Services,
    records: Iterable[ContactRecord],
    options: ImportOptions | None,
    progress: Progress | None,
    source: str,
    total: int | None,
) -> ImportReport:
    options = options or ImportOptions()
    progress = ensure(progress)
    progress.start(total)
    report = ImportReport(source=source, dry_run=options.dry_run)
    contacts = services.contacts
    try:
        with services.ctx.unit_of_work() as s:
            existing = _ExistingContacts(s)
            companies = _Companies(services, s)
            tags = _Tags(s)
            index = existing.index
            new = NewContacts(s)
            for rec, name, data, region, aside in existing.prepared(
                records, companies, options, progress
            ):
                if isinstance(data, ValidationError):
                    report.rows.append(
                        RowResult(
                            rec.source_line,
                            name,
                            Outcome.REJECTED,
                            _validation_reason(data),
                            errors=list(data.errors.values()),
                        )
                    )
                    progress.advance()
                    continue
                # again: a company created for an earlier row of the same chunk
                company_id = companies.find(rec.organization)
                data.company_id = company_id
                hit = index.find(
                    rec.uid,
                    company_id,
                    [e.value for e in data.emails],
                    [p.value for p in data.phones],
                    _forms(data),
                )
                result = RowResult(
                    rec.source_line, name, Outcome.CREATED, phones_in_notes=aside, region=region
                )
                choice = OnDuplicate.CREATE
                if hit is not None:
                    result.duplicate_of, result.matched_by = hit
                    choice = options.per_line.get(rec.source_line, options.on_duplicate)
                    result.duplicate_name = index.names.get(hit[0], "")
                if choice == OnDuplicate.SKIP:
                    result.outcome = Outcome.SKIPPED
                    result.contact_id = result.duplicate_of
                elif choice == OnDuplicate.MERGE and result.duplicate_of:
                    new.write()  # the duplicate may be a contact created by an earlier row
                    target = s.get(Contact, result.duplicate_of)
                    assert target is not None
                    data.tag_ids = tags.ids(rec.tags)
                    if (
                        data.company_id is None
                        and rec.organization.strip()
                        and target.company_id is None
                    ):
                        data.company_id = companies.create(rec.organization, rec.country)
                    merged, changed = merge_inputs(ContactInput.from_row(target), data)
                    result.contact_id = target.id
                    if changed:
                        contacts._write(s, target, contacts._clean(merged))
                        result.outcome = Outcome.MERGED
                        result.changed_fields = changed
                    else:
                        result.outcome = Outcome.SKIPPED
                        result.reason = "identical"
                else:
                    if data.company_id is None and rec.organization.strip():
                        data.company_id = companies.create(rec.organization, rec.country)
                    data.tag_ids = tags.ids(rec.tags)
                    new_id_ = new_id()
                    existing.loaded.add(new_id_)
                    new.add(new_id_, data)
                    if len(new) >= FLUSH_EVERY:
                        new.write()
                    result.contact_id = new_id_
                    index.add(
                        new_id_,
                        data.company_id,
                        [e.value for e in data.emails],
                        [p.value for p in data.phones],
                        _forms(data),
                        name,
                    )
                report.rows.append(result)
                progress.advance()
            report.companies_created = companies.created
            if report.rejected and options.strict:
                raise _Rollback()
            if options.dry_run:
                raise _Rollback()
            new.write()
            s.flush()
        report.written = True
    except _Rollback:
        report.written = False
    except FileFormatError as exc:
        if source and not exc.source:
            raise exc.with_source(source) from None
        raise
    progress.finish()
    return report


def import_file(
    services: Services,
    path: str | os.PathLike[str],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    table: Table | None = None,
) -> ImportReport:
    """Import a vCard, CSV or XLSX file (``table`` carries a mapping edited in the preview)."""
    p = Path(path)
    if table is None:
        table = read_table(p)
    if table is None:
        data = _read_bytes(p)
        # Records stream into the transaction; a card broken late in the file raises
        # inside it, so nothing is written. BEGIN lines give the progress bar its total.
        total = data.upper().count(b"BEGIN:VCARD")
        records: Iterable[ContactRecord] = iter_vcards(data, source=p.name)
    else:
        total = len(table.rows)
        records = table.records()
    return import_records(services, records, options, progress, source=p.name, total=total)
