"""XLSX: a streaming writer (openpyxl write-only mode) and a read-only reader.

The writer keeps one row in memory at a time. Cells are typed: text cells are always
strings (never formulas, even when they start with ``=``); phone numbers and text that
looks like a formula also get Excel's quote-prefix flag, so editing the cell later keeps
it text; "decision maker" is a boolean cell. The header row is bold and frozen, an
autofilter covers the data, and columns have fixed sensible widths (widths cannot be
measured while streaming).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from collections.abc import Iterable
from typing import BinaryIO, cast

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from crm_desktop.exchange.columns import EXPORT_COLUMNS, ExportColumn
from crm_desktop.exchange.csv_write import phone_text, record_values
from crm_desktop.exchange.errors import FileFormatError
from crm_desktop.exchange.formulas import is_formula_like
from crm_desktop.exchange.progress import Progress, ensure
from crm_desktop.exchange.records import ContactRecord
from crm_desktop.exchange.tabular import LIMITS, LimitError, Row, Table, _mb, check_row

_ILLEGAL = {c: None for c in range(32) if c not in (9, 10, 13)}  # not allowed in XML


def _clean(text: str) -> str:
    return text.translate(_ILLEGAL)


def write_xlsx(
    records: Iterable[ContactRecord],
    out: BinaryIO,
    language: str = "en",
    progress: Progress | None = None,
    columns: tuple[ExportColumn, ...] = EXPORT_COLUMNS,
    sheet_title: str = "",
) -> int:
    progress = ensure(progress)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_title or ("Контакты" if language == "ru" else "Contacts"))
    for i, col in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for col in columns:
        cell = WriteOnlyCell(ws, value=col.header(language))
        cell.font = bold
        cell.alignment = Alignment(vertical="top")
        header.append(cell)
    ws.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    count = 0
    for rec in records:
        values = record_values(rec)
        row: list[object] = []
        for col in columns:
            v = values[col.slot]
            if col.kind == "bool":
                row.append(v)
                continue
            if col.kind == "phone":
                text = "; ".join(phone_text(n) for n in cast(list[str], v))
                # phone_text neutralised junk for CSV; a typed cell needs no apostrophe
                text = text[1:] if text.startswith("'") else text
                quote = bool(text)
            else:
                text = _clean(str(v))
                quote = is_formula_like(text)
            if not text:
                row.append(None)
                continue
            if quote or "\n" in text:
                cell = WriteOnlyCell(ws, value=text[:32767])
                cell.data_type = "s"  # text, never a formula
                if quote:
                    cell.quotePrefix = True
                if "\n" in text:
                    cell.alignment = wrap
                row.append(cell)
            else:
                row.append(text[:32767])
        ws.append(row)
        count += 1
        progress.advance()
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{count + 1}"
    wb.save(out)
    progress.finish()
    return count


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number Excel stored as a number
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


_SHARED_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")


def check_workbook(path_or_file: str | os.PathLike[str] | BinaryIO, source: str = "") -> None:
    """Refuse, before openpyxl reads it, a workbook that would take minutes or gigabytes:
    more unpacked data than the limit (a zip bomb; the sizes a zip declares are the most
    it yields, so they are what counts) or more shared strings than the limit (openpyxl
    loads all of them into memory before the first row). Reads the shared strings as a
    stream, a megabyte at a time."""
    try:
        with zipfile.ZipFile(path_or_file) as zf:
            members = zf.infolist()
            unpacked = sum(m.file_size for m in members)
            if unpacked > LIMITS.unpacked_bytes:
                raise LimitError(
                    "limit_unpacked",
                    None,
                    source,
                    size=_mb(unpacked),
                    limit=_mb(LIMITS.unpacked_bytes),
                )
            for m in members:
                if not m.filename.lower().endswith("sharedstrings.xml"):
                    continue
                count, tail = 0, b""
                with zf.open(m) as f:
                    while chunk := f.read(2**20):
                        data = tail + chunk
                        # a tag cut at the chunk's end completes in the next one; one
                        # that ends inside the carried tail was counted already
                        count += sum(
                            1 for t in _SHARED_STRING.finditer(data) if t.end() > len(tail)
                        )
                        tail = data[-64:]
                        if count > LIMITS.shared_strings:
                            raise LimitError(
                                "limit_shared_strings",
                                None,
                                source,
                                limit=f"{LIMITS.shared_strings:,}",
                            )
    except LimitError:
        raise
    except Exception as exc:  # noqa: BLE001 - BadZipFile, a damaged member, a bad CRC
        raise FileFormatError("not_workbook", None, source, detail=str(exc)) from exc
    finally:
        if hasattr(path_or_file, "seek"):
            path_or_file.seek(0)


def read_xlsx(path_or_file: str | os.PathLike[str] | BinaryIO, source: str = "") -> Table:
    """The first sheet as a table: its first non-empty row is the header."""
    check_workbook(path_or_file, source)
    try:
        wb = load_workbook(path_or_file, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise FileFormatError("not_workbook", None, source, detail=str(exc)) from exc
    except Exception as exc:  # zipfile.BadZipFile and friends from a damaged file
        raise FileFormatError("not_workbook", None, source, detail=str(exc)) from exc
    try:
        ws = wb.worksheets[0]
        headers: list[str] | None = None
        rows: list[Row] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), 1):
            cells = [_text(v).strip() if isinstance(v, str) else _text(v) for v in values]
            if not any(cells):
                continue
            if headers is None:
                headers = cells
                while headers and not headers[-1]:
                    headers.pop()
                continue
            check_row(len(rows) + 1, cells, number, source)
            rows.append(Row(number, cells))
    finally:
        wb.close()
    if headers is None:
        raise FileFormatError("empty_sheet", 1, source)
    return Table.build(headers, rows, encoding="xlsx", delimiter="", source=source)
