"""A table read from CSV or XLSX, and how its rows become ``ContactRecord``s.

The import preview shows ``Table.headers``, the first rows and the guessed mapping; the
user may change the mapping, then ``records()`` converts every row.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from crm_desktop.exchange.columns import ColumnMapping, Dialect, Field, recognise
from crm_desktop.exchange.errors import ExchangeError, FileFormatError
from crm_desktop.exchange.formulas import unneutralise
from crm_desktop.exchange.messengers import service_from_name
from crm_desktop.exchange.records import (
    ContactRecord,
    Email,
    EmailKind,
    Messenger,
    MessengerId,
    Phone,
    PhoneKind,
)
from crm_desktop.text.names import finish_names, place_name
from crm_desktop.text.scripts import Script


@dataclass(frozen=True)
class ImportLimits:
    """What an import file may hold. Far above a real address book (a delegation's few
    thousand contacts), far below what would take minutes or gigabytes: a 208 KB XLSX
    with 5 million shared strings took 53 s and 545 MB before these existed. Every limit
    is named in the message that refuses a file."""

    file_bytes: int = 64 * 2**20  # the file as stored (CSV, vCard, XLSX)
    rows: int = 250_000  # data rows or vCards
    cell_chars: int = 32_767  # one cell or property value (Excel's own maximum)
    unpacked_bytes: int = 256 * 2**20  # an XLSX unpacked (a zip bomb stops here)
    shared_strings: int = 1_000_000  # an XLSX's table of distinct texts


LIMITS = ImportLimits()


class LimitError(FileFormatError):
    """A file exceeds one of the ImportLimits; nothing was read into the database."""


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


def read_import_bytes(path: str | os.PathLike[str], limits: ImportLimits = LIMITS) -> bytes:
    """The bytes of a file to import, refused before reading when it is too large."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise ExchangeError.from_code("not_regular_file", path=str(p))
        if size > limits.file_bytes:
            raise LimitError(
                "limit_file", None, p.name, size=_mb(size), limit=_mb(limits.file_bytes)
            )
        return p.read_bytes()
    except OSError as exc:
        raise ExchangeError.from_code(
            "cannot_read", path=str(p), detail=exc.strerror or str(exc)
        ) from None


def check_row(
    count: int, cells: list[str], line: int, source: str, limits: ImportLimits = LIMITS
) -> None:
    """Refuse the ``count``-th data row when there are too many, or a cell is too long."""
    if count > limits.rows:
        raise LimitError("limit_rows", line, source, limit=f"{limits.rows:,}")
    for cell in cells:
        if len(cell) > limits.cell_chars:
            raise LimitError(
                "limit_cell", line, source, size=f"{len(cell):,}", limit=f"{limits.cell_chars:,}"
            )


@dataclass
class Row:
    line: int  # 1-based line (CSV) or row number (XLSX) where the row starts
    cells: list[str]


@dataclass
class Table:
    headers: list[str]
    rows: list[Row]
    dialect: Dialect = Dialect.GENERIC
    mapping: list[ColumnMapping] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    source: str = ""

    @classmethod
    def build(cls, headers: list[str], rows: list[Row], **meta: str) -> Table:
        dialect, mapping = recognise(headers)
        return cls(headers, rows, dialect, mapping, **meta)

    def records(self) -> Iterator[ContactRecord]:
        for row in self.rows:
            rec = row_to_record(row, self.mapping)
            if not rec.is_empty():
                yield rec


_MULTI_SPLIT = re.compile(r"\s*:::\s*|\s*;\s*|\s*\n\s*")
_EMAIL_SPLIT = re.compile(r"\s*:::\s*|[;,\s]+")
_TAG_SPLIT = re.compile(r"\s*:::\s*|\s*[;,]\s*")
_TRUE = {"1", "yes", "y", "true", "x", "+", "да", "д", "истина", "是", "✓", "✔"}

_FIXED_PHONE = {
    Field.PHONE_MOBILE: PhoneKind.MOBILE,
    Field.PHONE_WORK: PhoneKind.WORK,
    Field.PHONE_HOME: PhoneKind.HOME,
    Field.PHONE_FAX: PhoneKind.FAX,
}
_FIXED_EMAIL = {Field.EMAIL_WORK: EmailKind.WORK, Field.EMAIL_HOME: EmailKind.HOME}
_FIXED_MESSENGER = {
    Field.WECHAT: Messenger.WECHAT,
    Field.TELEGRAM: Messenger.TELEGRAM,
    Field.WHATSAPP: Messenger.WHATSAPP,
}


def phone_kind_from_label(label: str) -> PhoneKind:
    low = label.casefold()
    if "fax" in low or "факс" in low:
        return PhoneKind.FAX
    if any(w in low for w in ("mobile", "cell", "моб", "сот", "手机", "iphone")):
        return PhoneKind.MOBILE
    if any(w in low for w in ("work", "business", "раб", "main", "工作", "单位")):
        return PhoneKind.WORK
    if any(w in low for w in ("home", "дом", "家")):
        return PhoneKind.HOME
    return PhoneKind.OTHER


def email_kind_from_label(label: str) -> EmailKind:
    low = label.casefold()
    if any(w in low for w in ("work", "business", "раб", "工作")):
        return EmailKind.WORK
    if any(w in low for w in ("home", "дом", "личн", "private", "personal")):
        return EmailKind.HOME
    return EmailKind.OTHER


# The fields as module constants: an enum member looked up on its class costs more than
# the comparison, and each cell of an import compared its field with up to twenty of them.
_NAME_FIELDS = frozenset(
    (
        Field.FAMILY_NAME,
        Field.GIVEN_NAME,
        Field.MIDDLE_NAME,
        Field.FAMILY_NAME_NATIVE,
        Field.GIVEN_NAME_NATIVE,
        Field.FAMILY_NAME_LATIN,
        Field.GIVEN_NAME_LATIN,
        Field.FAMILY_NAME_RU,
        Field.GIVEN_NAME_RU,
        Field.MIDDLE_NAME_RU,
    )
)
_IGNORE = Field.IGNORE
_FULL_NAME = Field.FULL_NAME
_ORGANIZATION = Field.ORGANIZATION
_DEPARTMENT = Field.DEPARTMENT
_TITLE = Field.TITLE
_COUNTRY = Field.COUNTRY
_PHONE = Field.PHONE
_EMAIL = Field.EMAIL
_MESSENGER = Field.MESSENGER
_LANGUAGES = Field.LANGUAGES
_TAGS = Field.TAGS
_NOTES = Field.NOTES
_DECISION_MAKER = Field.DECISION_MAKER
_UID = Field.UID


def _cell(cells: list[str], index: int) -> str:
    return unneutralise(cells[index].strip()) if index < len(cells) else ""


def row_to_record(row: Row, mapping: list[ColumnMapping]) -> ContactRecord:
    rec = ContactRecord(source_line=row.line)
    names: dict[Field, str] = {}
    notes: list[str] = []
    for col in mapping:
        if col.field == _IGNORE:
            continue
        value = _cell(row.cells, col.index)
        if not value:
            continue
        label = _cell(row.cells, col.label_index) if col.label_index is not None else ""
        f = col.field
        if f in _NAME_FIELDS:
            names[f] = (names.get(f, "") + " " + value).strip()
        elif f == _FULL_NAME:
            rec.full_name = rec.full_name or value
        elif f == _ORGANIZATION:
            rec.organization = rec.organization or value
        elif f == _DEPARTMENT:
            rec.department = rec.department or value
        elif f == _TITLE:
            rec.title = rec.title or value
        elif f == _COUNTRY:
            rec.country = rec.country or value
        elif f == _PHONE or f in _FIXED_PHONE:
            labels = _MULTI_SPLIT.split(label) if label else []
            for i, number in enumerate(p for p in _MULTI_SPLIT.split(value) if p):
                kind = _FIXED_PHONE.get(f) or phone_kind_from_label(
                    labels[i] if i < len(labels) else label
                )
                rec.phones.append(Phone(number, kind))
        elif f == _EMAIL or f in _FIXED_EMAIL:
            for address in (a for a in _EMAIL_SPLIT.split(value) if "@" in a):
                rec.emails.append(
                    Email(address, _FIXED_EMAIL.get(f) or email_kind_from_label(label))
                )
        elif f in _FIXED_MESSENGER:
            for handle in (h for h in _MULTI_SPLIT.split(value) if h):
                rec.messengers.append(MessengerId(_FIXED_MESSENGER[f], handle))
        elif f == _MESSENGER:
            for item in (h for h in _MULTI_SPLIT.split(value) if h):
                service = service_from_name(label) if label else None
                handle = item
                if service is None and ":" in item:
                    head, _, tail = item.partition(":")
                    service = service_from_name(head)
                    if service is not None:
                        handle = tail.strip()
                rec.messengers.append(MessengerId(service or Messenger.OTHER, handle))
        elif f == _LANGUAGES:
            rec.languages.extend(x for x in _TAG_SPLIT.split(value) if x)
        elif f == _TAGS:
            for tag in _TAG_SPLIT.split(value):
                tag = tag.strip().removeprefix("* ").strip()
                if tag and tag.casefold() not in ("mycontacts", "starred"):
                    rec.tags.append(tag)
        elif f == _NOTES:
            notes.append(value)
        elif f == _DECISION_MAKER:
            rec.decision_maker = value.casefold() in _TRUE
        elif f == _UID:
            rec.uid = value
    rec.notes = "\n".join(notes)
    place_name(
        rec,
        names.get(Field.FAMILY_NAME_NATIVE, ""),
        names.get(Field.GIVEN_NAME_NATIVE, ""),
        force=Script.NATIVE,
    )
    place_name(
        rec,
        names.get(Field.FAMILY_NAME_LATIN, ""),
        names.get(Field.GIVEN_NAME_LATIN, ""),
        force=Script.LATIN,
    )
    place_name(
        rec,
        names.get(Field.FAMILY_NAME_RU, ""),
        names.get(Field.GIVEN_NAME_RU, ""),
        names.get(Field.MIDDLE_NAME_RU, ""),
        force=Script.CYRILLIC,
    )
    place_name(
        rec,
        names.get(Field.FAMILY_NAME, ""),
        names.get(Field.GIVEN_NAME, ""),
        names.get(Field.MIDDLE_NAME, ""),
    )
    finish_names(rec)
    return rec
