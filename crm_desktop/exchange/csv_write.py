"""CSV and XLSX row values from records, and the CSV writer.

Two CSV flavours: ``csv`` (UTF-8 with BOM, comma, English headers) and ``csv-excel-ru``
(UTF-8 with BOM, semicolon, Russian headers: Russian Excel uses ``;`` as its list
separator and opens such a file in columns).

Phone numbers are written as ``+7 9161234567``, a space after the country code: verified
with LibreOffice (tests/exchange) that such a cell stays text, and the space makes it an
invalid formula for Excel, so neither program turns it into a number (dropping the
``+``) or a formula. Other text that starts like a formula gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO, cast

from crm_desktop.exchange.columns import EXPORT_COLUMNS, ExportColumn
from crm_desktop.exchange.formulas import looks_like_phone, neutralise
from crm_desktop.exchange.messengers import SERVICE_LABEL
from crm_desktop.exchange.progress import Progress, ensure
from crm_desktop.exchange.records import ContactRecord, Messenger, PhoneKind
from crm_desktop.text.names import display_name
from crm_desktop.text.phones import spaced

CellValue = str | bool | None


@dataclass(frozen=True)
class CsvFlavour:
    delimiter: str
    language: str


CSV_FLAVOURS = {
    "csv": CsvFlavour(",", "en"),
    "csv-excel-ru": CsvFlavour(";", "ru"),
}


def phone_text(number: str) -> str:
    """``+7 9161234567`` for an E.164 number; other text as it is, neutralised."""
    formatted = spaced(number)
    if formatted != number:
        return formatted
    if number.startswith("+") and " " in number and looks_like_phone(number):
        return number  # already written with spaces: safe as it is
    return neutralise(number)


def _first_and_rest(rec: ContactRecord) -> dict[str, list[str]]:
    slots: dict[str, list[str]] = {
        "phone_mobile": [],
        "phone_work": [],
        "phone_home": [],
        "phone_fax": [],
        "phones_other": [],
    }
    by_kind = {
        PhoneKind.MOBILE: "phone_mobile",
        PhoneKind.WORK: "phone_work",
        PhoneKind.HOME: "phone_home",
        PhoneKind.FAX: "phone_fax",
    }
    for p in rec.phones:
        slot = by_kind.get(p.kind, "phones_other")
        if slots[slot]:
            slot = "phones_other"
        slots[slot].append(p.number)
    return slots


def record_values(rec: ContactRecord) -> dict[str, object]:
    """Slot -> value (str, list of phone numbers, or bool/None) for one record."""
    values: dict[str, object] = {
        "full_name": display_name(rec),
        "family_native": rec.family_name,
        "given_native": rec.given_name,
        "family_latin": rec.family_name_latin,
        "given_latin": rec.given_name_latin,
        "family_ru": rec.family_name_ru,
        "given_ru": rec.given_name_ru,
        "middle_ru": rec.middle_name_ru,
        "organization": rec.organization,
        "department": rec.department,
        "title": rec.title,
        "country": rec.country,
        "email": rec.emails[0].address if rec.emails else "",
        "emails_other": "; ".join(e.address for e in rec.emails[1:]),
        "wechat": rec.messenger(Messenger.WECHAT),
        "telegram": rec.messenger(Messenger.TELEGRAM),
        "languages": ", ".join(rec.languages),
        "tags": ", ".join(rec.tags),
        "decision_maker": rec.decision_maker,
        "notes": rec.notes,
        "uid": rec.uid,
    }
    firsts = {Messenger.WECHAT: False, Messenger.TELEGRAM: False}
    others = []
    for m in rec.messengers:
        if m.service in firsts and not firsts[m.service]:
            firsts[m.service] = True
            continue
        others.append(f"{SERVICE_LABEL[m.service]}: {m.handle}")
    values["messengers_other"] = "; ".join(others)
    values.update(_first_and_rest(rec))
    return values


def csv_cells(rec: ContactRecord, columns: tuple[ExportColumn, ...], language: str) -> list[str]:
    values = record_values(rec)
    out: list[str] = []
    for col in columns:
        v = values[col.slot]
        if col.kind == "phone":
            out.append("; ".join(phone_text(n) for n in cast(list[str], v)))
        elif col.kind == "bool":
            yes, no = ("да", "нет") if language == "ru" else ("yes", "no")
            out.append("" if v is None else (yes if v else no))
        else:
            out.append(neutralise(str(v)))
    return out


def write_csv(
    records: Iterable[ContactRecord],
    out: BinaryIO,
    flavour: str = "csv",
    progress: Progress | None = None,
    columns: tuple[ExportColumn, ...] = EXPORT_COLUMNS,
) -> int:
    """Stream ``records`` as CSV into the binary ``out``; returns the number of rows."""
    language = CSV_FLAVOURS[flavour].language
    return write_csv_rows(
        (csv_cells(rec, columns, language) for rec in records), out, flavour, progress, columns
    )


def write_csv_rows(
    rows: Iterable[list[str]],
    out: BinaryIO,
    flavour: str = "csv",
    progress: Progress | None = None,
    columns: tuple[ExportColumn, ...] = EXPORT_COLUMNS,
) -> int:
    """Stream rows of ready cells under the columns' headers; returns the number of rows."""
    spec = CSV_FLAVOURS[flavour]
    progress = ensure(progress)
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=False)
    try:
        writer = csv.writer(text, delimiter=spec.delimiter, lineterminator="\r\n")
        writer.writerow([c.header(spec.language) for c in columns])
        count = 0
        for cells in rows:
            writer.writerow(cells)
            count += 1
            progress.advance()
        text.flush()
    finally:
        text.detach()  # the caller owns ``out``
    progress.finish()
    return count
