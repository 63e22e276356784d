"""CSV reader: detects encoding (UTF-8, UTF-8 with BOM, UTF-16, Windows-1251) and the
delimiter, and reports the physical line where every row starts."""

from __future__ import annotations

import codecs
import csv
import io

from crm_desktop.exchange.errors import FileFormatError
from crm_desktop.exchange.tabular import LIMITS, LimitError, Row, Table, _mb, check_row

DELIMITERS = (",", ";", "\t", "|")


def decode(data: bytes, source: str = "") -> tuple[str, str]:
    """(text, encoding name). UTF-8 is tried strictly first; Windows-1251 is the fallback
    because Russian Excel and Outlook write it when they do not write UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1251"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileFormatError("not_text", line, source, encoding=encoding) from exc
    return text, encoding


def _check_text(text: str, source: str) -> None:
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise FileFormatError("binary", line, source)


def _first_record_line(text: str) -> str:
    """The header line, joined across quoted line breaks."""
    quoted = False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == "\n" and not quoted:
            return text[:i]
    return text


def detect_delimiter(text: str) -> str:
    header = _first_record_line(text)
    counts = {}
    for d in DELIMITERS:
        quoted = False
        n = 0
        for ch in header:
            if ch == '"':
                quoted = not quoted
            elif ch == d and not quoted:
                n += 1
        counts[d] = n
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(data: bytes, source: str = "", delimiter: str | None = None) -> Table:
    if len(data) > LIMITS.file_bytes:
        raise LimitError(
            "limit_file", None, source, size=_mb(len(data)), limit=_mb(LIMITS.file_bytes)
        )
    text, encoding = decode(data, source)
    _check_text(text, source)
    offset = 0
    first_line = 1
    # Excel's "sep=;" hint line names the delimiter.
    if text[:4].lower() == "sep=" and "\n" in text[:8]:
        hint = text[4]
        delimiter = delimiter or hint
        cut = text.index("\n") + 1
        text, offset = text[cut:], 1
        first_line = 2
    delimiter = delimiter or detect_delimiter(text)
    # one character over the cell limit is enough to name the limit in the message
    csv.field_size_limit(max(csv.field_size_limit(), LIMITS.cell_chars + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[Row] = []
    headers: list[str] | None = None
    start = 1
    max_rows, max_chars = LIMITS.rows, LIMITS.cell_chars
    try:
        for cells in reader:
            line = start + offset
            start = reader.line_num + 1
            # one string per row: a row is blank when all of it is whitespace (as when
            # every cell strips to nothing), and no cell is longer than all of them
            joined = "".join(cells)
            if not joined or joined.isspace():
                continue
            if headers is None:
                headers = [c.strip() for c in cells]
                continue
            if len(cells) > len(headers) and any(c.strip() for c in cells[len(headers) :]):
                raise FileFormatError(
                    "too_many_fields", line, source, count=len(cells), expected=len(headers)
                )
            if len(rows) >= max_rows or len(joined) > max_chars:
                check_row(len(rows) + 1, cells, line, source)  # refuses it, or lets it be
            rows.append(Row(line, cells))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise LimitError(
                "limit_cell_csv", reader.line_num + offset, source, limit=f"{LIMITS.cell_chars:,}"
            ) from None
        raise FileFormatError(
            "malformed_csv", reader.line_num + offset, source, detail=str(exc)
        ) from exc
    if headers is None:
        raise FileFormatError("empty_file", first_line, source)
    return Table.build(headers, rows, encoding=encoding, delimiter=delimiter, source=source)
