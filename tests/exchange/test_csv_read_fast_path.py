"""read_csv tells blank rows and long cells from one joined string per row; the rows
kept, their lines and the refusals must be what the per-cell checks gave."""

from __future__ import annotations

import csv
import io

import pytest

from crm_desktop.exchange.csv_read import read_csv
from crm_desktop.exchange.tabular import LIMITS, LimitError

WHITESPACE = [" ", "\t", "\u00a0", "\u3000", "\u2003", "\x1c", "\x0b", "\x85", "\r\n"]


def _reference(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """read_csv's loop as it was: a row is blank when every cell strips to nothing."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=",", strict=True)
    headers: list[str] | None = None
    rows = []
    start = 1
    for cells in reader:
        line = start
        start = reader.line_num + 1
        if headers is None:
            if not any(c.strip() for c in cells):
                continue
            headers = [c.strip() for c in cells]
            continue
        if not any(c.strip() for c in cells):
            continue
        rows.append((line, cells))
    assert headers is not None
    return headers, rows


def test_blank_rows_are_those_whose_cells_all_strip_to_nothing():
    lines = [",,", '" ","\u3000",', "Name,Family name,Notes"]
    for i, ws in enumerate(WHITESPACE):
        lines.append(f'"{ws}",,"{ws}{ws}"')  # blank: skipped
        lines.append(f'"{ws}x{ws}",,')  # not blank
        lines.append(f',"{ws}","{ws}.{i}"')  # not blank
        lines.append(f'"{ws}","{ws}",')  # blank
    lines.append(",,")
    text = "\n".join(lines) + "\n"
    table = read_csv(text.encode(), "ws.csv")
    headers, rows = _reference(text)
    assert table.headers == headers == ["Name", "Family name", "Notes"]
    assert [(row.line, row.cells) for row in table.rows] == rows
    assert len(rows) == 2 * len(WHITESPACE)
    assert rows[-1][0] > len(lines)  # quoted line breaks counted


def test_a_row_longer_than_the_cell_limit_in_all_is_kept():
    half = "x" * (LIMITS.cell_chars // 2 + 10)
    table = read_csv(f"Name,Notes,Family name\n{half},{half},{half}\n".encode(), "long.csv")
    assert [len(c) for c in table.rows[0].cells] == [len(half)] * 3


def test_a_cell_one_over_the_limit_in_a_short_row_is_refused():
    over = "x" * (LIMITS.cell_chars + 1)
    with pytest.raises(LimitError) as e:
        read_csv(f"Name,Notes\n,\n王,ok\n,{over}\n".encode(), "over.csv")
    assert e.value.line == 4
    exact = "x" * LIMITS.cell_chars
    table = read_csv(f"Name,Notes\n王,{exact}\n".encode(), "exact.csv")
    assert table.rows[0].cells[1] == exact
