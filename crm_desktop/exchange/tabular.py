"""A table read from CSV or XLSX, and how its rows become ``ContactRecord``s.

The import preview shows ``Table.headers``, the first rows and the guessed mapping; the
user may change the mapping, then ``records()`` converts every row.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path
from typing import Any

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
        """The rows as records, empty ones left out. The mapping is read once, when the
        iteration starts (the preview sets it before the import reads the records)."""
        plan = _plan(self.mapping)
        for row in self.rows:
            rec = _row_record(plan, row)
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
# The first non-empty cell of these fields wins.
_FIRST_WINS = {
    Field.FULL_NAME: "full_name",
    Field.ORGANIZATION: "organization",
    Field.DEPARTMENT: "department",
    Field.TITLE: "title",
    Field.COUNTRY: "country",
}

# The name forms in the order they are placed (the first form for a script wins):
# family, given and middle-name fields (None: the form has none) and the script forced.
_NAME_FORMS: tuple[tuple[Field, Field, Field | None, Script | None], ...] = (
    (Field.FAMILY_NAME_NATIVE, Field.GIVEN_NAME_NATIVE, None, Script.NATIVE),
    (Field.FAMILY_NAME_LATIN, Field.GIVEN_NAME_LATIN, None, Script.LATIN),
    (Field.FAMILY_NAME_RU, Field.GIVEN_NAME_RU, Field.MIDDLE_NAME_RU, Script.CYRILLIC),
    (Field.FAMILY_NAME, Field.GIVEN_NAME, Field.MIDDLE_NAME, None),
)

# What a column does with its cell, decided once per table (``_plan``), not per cell.
_NAME, _SCALAR, _PHONE, _EMAIL, _IM_FIXED, _IM, _LANGUAGES, _TAGS, _NOTES, _DECISION, _UID = range(
    11
)

_UNNEUTRALISED = frozenset("=+-@\t\r")  # formulas.unneutralise's second characters
# No ":::", ";" or line break: _MULTI_SPLIT leaves the cell whole.
_MULTI_SEP = re.compile(r"[:;\n]")
# No ":::", ";", "," or whitespace: _EMAIL_SPLIT leaves the cell whole.
_EMAIL_SEP = re.compile(r"[:;,\s]")
# No ":::", ";" or ",": _TAG_SPLIT leaves the cell whole.
_TAG_SEP = re.compile(r"[:;,]")


def _cell(cells: list[str], index: int) -> str:
    return unneutralise(cells[index].strip()) if index < len(cells) else ""


# column, label column, what, its argument (a field, attribute name, kind or service)
_Step = tuple[int, int | None, int, Any]
# The steps in the mapping's order and, when that is the columns' order (each at most
# once), the same steps by column with None for a column that is not read.
_Plan = tuple[list[_Step], list[_Step | None] | None]


def _plan(mapping: list[ColumnMapping]) -> _Plan:
    """Per column of the mapping, in order: the cell's index, the label's (only where
    the label can matter), what to do with the value, and a constant for that."""
    steps: list[_Step] = []
    for col in mapping:
        f = col.field
        label = col.label_index
        if f == Field.IGNORE:
            continue
        if f in _NAME_FIELDS:
            steps.append((col.index, None, _NAME, f))
        elif f in _FIRST_WINS:
            steps.append((col.index, None, _SCALAR, _FIRST_WINS[f]))
        elif f in _FIXED_PHONE:
            steps.append((col.index, None, _PHONE, _FIXED_PHONE[f]))
        elif f == Field.PHONE:
            steps.append((col.index, label, _PHONE, None if label is not None else PhoneKind.OTHER))
        elif f in _FIXED_EMAIL:
            steps.append((col.index, None, _EMAIL, _FIXED_EMAIL[f]))
        elif f == Field.EMAIL:
            steps.append((col.index, label, _EMAIL, None if label is not None else EmailKind.OTHER))
        elif f in _FIXED_MESSENGER:
            steps.append((col.index, None, _IM_FIXED, _FIXED_MESSENGER[f]))
        elif f == Field.MESSENGER:
            steps.append((col.index, label, _IM, None))
        elif f == Field.LANGUAGES:
            steps.append((col.index, None, _LANGUAGES, None))
        elif f == Field.TAGS:
            steps.append((col.index, None, _TAGS, None))
        elif f == Field.NOTES:
            steps.append((col.index, None, _NOTES, None))
        elif f == Field.DECISION_MAKER:
            steps.append((col.index, None, _DECISION, None))
        elif f == Field.UID:
            steps.append((col.index, None, _UID, None))  # the last one wins
    indexes = [step[0] for step in steps]
    if (
        indexes
        and indexes[0] >= 0
        and all(a < b for a, b in zip(indexes, indexes[1:], strict=False))
    ):
        by_column: list[_Step | None] = [None] * (indexes[-1] + 1)
        for step in steps:
            by_column[step[0]] = step
        return steps, by_column
    return steps, None


def row_to_record(row: Row, mapping: list[ColumnMapping]) -> ContactRecord:
    return _row_record(_plan(mapping), row)


def _row_record(plan: _Plan, row: Row) -> ContactRecord:
    """One row as a record: each cell as ``_cell`` gives it, with no call for the cell
    and none at all for an empty one when the columns come in order."""
    rec = ContactRecord(source_line=row.line)
    cells = row.cells
    steps, by_column = plan
    pairs: Iterable[tuple[_Step | None, str]]
    if by_column is not None:
        # the non-empty cells; a row shorter or longer than the plan stops at its end
        pairs = compress(zip(by_column, cells, strict=False), cells)
    else:
        n = len(cells)
        pairs = ((step, cells[step[0]]) for step in steps if step[0] < n)
    names: dict[object, str] = {}
    notes: list[str] = []
    for step, value in pairs:
        if step is None:
            continue
        value = value.strip()
        if not value:
            continue
        _, label_index, what, arg = step
        if value[0] == "'" and len(value) > 1 and value[1] in _UNNEUTRALISED:
            value = value[1:]
        if what == _SCALAR:
            if not getattr(rec, arg):
                setattr(rec, arg, value)
        elif what == _NAME:
            # the first part as it is: place_name strips it ("'\tx" un-neutralised is "\tx")
            names[arg] = (names[arg] + " " + value).strip() if arg in names else value
        elif what == _PHONE:
            single = not _MULTI_SEP.search(value)
            if arg is not None and single:
                rec.phones.append(Phone(value, arg))
                continue
            parts = [value] if single else _MULTI_SPLIT.split(value)
            if arg is not None:
                rec.phones.extend(Phone(number, arg) for number in parts if number)
            else:
                label = _cell(cells, label_index) if label_index is not None else ""
                labels = _MULTI_SPLIT.split(label) if label else []
                for i, number in enumerate(p for p in parts if p):
                    kind = phone_kind_from_label(labels[i] if i < len(labels) else label)
                    rec.phones.append(Phone(number, kind))
        elif what == _EMAIL:
            addresses = _EMAIL_SPLIT.split(value) if _EMAIL_SEP.search(value) else [value]
            if arg is not None:
                email_kind = arg
            else:
                label = _cell(cells, label_index) if label_index is not None else ""
                email_kind = email_kind_from_label(label)
            if len(addresses) == 1:
                if "@" in addresses[0]:
                    rec.emails.append(Email(addresses[0], email_kind))
            else:
                rec.emails.extend(Email(a, email_kind) for a in addresses if "@" in a)
        elif what == _IM_FIXED:
            if _MULTI_SEP.search(value):
                rec.messengers.extend(MessengerId(arg, h) for h in _MULTI_SPLIT.split(value) if h)
            else:
                rec.messengers.append(MessengerId(arg, value))
        elif what == _IM:
            label = _cell(cells, label_index) if label_index is not None else ""
            for item in (h for h in _MULTI_SPLIT.split(value) if h):
                service = service_from_name(label) if label else None
                handle = item
                if service is None and ":" in item:
                    head, _, tail = item.partition(":")
                    service = service_from_name(head)
                    if service is not None:
                        handle = tail.strip()
                rec.messengers.append(MessengerId(service or Messenger.OTHER, handle))
        elif what == _LANGUAGES:
            if _TAG_SEP.search(value):
                rec.languages.extend(x for x in _TAG_SPLIT.split(value) if x)
            else:
                rec.languages.append(value)
        elif what == _TAGS:
            for tag in _TAG_SPLIT.split(value) if _TAG_SEP.search(value) else (value,):
                tag = tag.strip().removeprefix("* ").strip()
                if tag and tag.casefold() not in ("mycontacts", "starred"):
                    rec.tags.append(tag)
        elif what == _NOTES:
            notes.append(value)
        elif what == _DECISION:
            rec.decision_maker = value.casefold() in _TRUE
        elif what == _UID:
            rec.uid = value
    if notes:
        rec.notes = "\n".join(notes)
    if names:
        get = names.get
        for family, given, middle, script in _NAME_FORMS:
            # a form with no part in the row: place_name would do nothing
            if family in names or given in names or middle in names:
                place_name(rec, get(family, ""), get(given, ""), get(middle, ""), force=script)
    if rec.full_name:
        finish_names(rec)
    return rec
