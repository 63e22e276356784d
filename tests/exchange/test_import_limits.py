"""Hostile import files are refused quickly, with a message naming the limit, and leave
the database unchanged: a small XLSX with millions of shared strings, a zip bomb, a cell
of a megabyte, too many rows, a file over the size limit."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from crm_desktop.exchange.csv_read import read_csv
from crm_desktop.exchange.errors import FileFormatError
from crm_desktop.exchange.tabular import LIMITS, LimitError, read_import_bytes
from crm_desktop.exchange.vcard_read import read_vcards
from crm_desktop.exchange.xlsx_io import read_xlsx

ROOT = Path(__file__).resolve().parents[2]


def shared_strings_bomb(n: int) -> bytes:
    """A workbook of a few hundred kilobytes whose shared-string table holds ``n`` entries
    (what took 53 s and 545 MB with n = 5 million)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/sharedStrings.xml", "w") as f:
            f.write(
                b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main">'
            )
            block = b"<si><t>x</t></si>" * 10_000
            for _ in range(n // 10_000):
                f.write(block)
            f.write(b"</sst>")
    return out.getvalue()


def test_millions_of_shared_strings_are_refused_in_seconds_and_little_memory():
    data = shared_strings_bomb(5_000_000)
    assert len(data) < 1_000_000
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(LimitError) as e:
        read_xlsx(io.BytesIO(data), source="bomb.xlsx")
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert f"more than {LIMITS.shared_strings:,} shared strings" in str(e.value)
    assert str(e.value).startswith("bomb.xlsx: ")
    assert seconds < 20 and peak < 40 * 2**20, (seconds, peak)


def test_shared_strings_under_the_limit_are_counted_across_chunk_boundaries(tmp_path):
    from openpyxl import Workbook  # type: ignore[import-untyped]

    wb = Workbook()
    ws = wb.active
    ws.append(["Family name", "Given name", "Notes"])
    for i in range(3000):
        ws.append([f"王{i}", "建国", "n" * (i % 700)])  # distinct strings over many chunks
    path = tmp_path / "ok.xlsx"
    wb.save(path)
    table = read_xlsx(io.BytesIO(path.read_bytes()), source="ok.xlsx")
    assert len(table.rows) == 3000


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as f:
            zero = b"\0" * 2**20
            for _ in range(LIMITS.unpacked_bytes // 2**20 + 8):
                f.write(zero)
    assert len(out.getvalue()) < 2 * 2**20
    started = time.perf_counter()
    with pytest.raises(LimitError) as e:
        read_xlsx(io.BytesIO(out.getvalue()), source="bomb.xlsx")
    assert "unpacks to" in str(e.value) and "the limit is 256 MB" in str(e.value)
    assert time.perf_counter() - started < 2


def test_a_cell_over_the_limit_names_its_line_and_the_limit():
    long = "x" * (LIMITS.cell_chars + 1)
    data = f"Family name,Notes\n王,short\n李,{long}\n".encode()
    with pytest.raises(LimitError) as e:
        read_csv(data, source="long.csv")
    assert e.value.line == 3 and f"the limit is {LIMITS.cell_chars:,}" in str(e.value)
    huge = "y" * 200_000  # beyond the csv module's own field limit as well
    with pytest.raises(LimitError) as e:
        read_csv(f"Family name,Notes\n王,{huge}\n".encode(), source="huge.csv")
    assert "limit" in str(e.value)


def test_too_many_rows_are_refused_naming_the_limit():
    rows = "Family name\n" + "王\n" * (LIMITS.rows + 1)
    with pytest.raises(LimitError) as e:
        read_csv(rows.encode(), source="rows.csv")
    assert f"more than {LIMITS.rows:,} rows" in str(e.value)


def test_a_vcard_value_over_the_limit_is_refused():
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王\r\nNOTE:"
        + "z" * (5 * LIMITS.cell_chars)
        + "\r\nEND:VCARD\r\n"
    ).encode()
    with pytest.raises(FileFormatError) as e:
        read_vcards(card, source="big.vcf")
    assert "limit" in str(e.value) and "line 4" in str(e.value)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.truncate(LIMITS.file_bytes + 1)  # sparse: nothing is really written
    with pytest.raises(LimitError) as e:
        read_import_bytes(big)
    assert "the limit for an import is 64 MB" in str(e.value)


def test_the_cli_refuses_a_hostile_workbook_in_one_line_and_writes_nothing(tmp_path, demo_db):
    bomb = tmp_path / "contacts.xlsx"
    bomb.write_bytes(shared_strings_bomb(5_000_000))
    before = sqlite3.connect(demo_db).execute("SELECT count(*) FROM contact").fetchone()[0]
    env = {**os.environ, "CRM_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "crm_desktop",
            "--db",
            str(demo_db),
            "import",
            "contacts",
            str(bomb),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert time.perf_counter() - started < 60
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "shared strings; the limit is 1,000,000" in lines[0], r.stderr
    after = sqlite3.connect(demo_db).execute("SELECT count(*) FROM contact").fetchone()[0]
    assert after == before
