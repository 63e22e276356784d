"""The CSV export's bytes do not change when the export gets faster.

tests/fixtures/exchange/export_contacts.sqlite3 holds the demo data and contacts made to
be awkward (formula-like text in names, company, position and notes, two mobiles, a fax,
tags, ё, quotes and line breaks, a family name read as one, no company); the two CSV
files beside it are what the exporter wrote from it before it was reworked for speed
(checked byte for byte against the main branch's exporter at the time).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crm_desktop.config import Paths
from crm_desktop.exchange.db_export import ContactFilter, export_contacts
from crm_desktop.runtime import open_runtime

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exchange"


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("csv", "export_contacts.csv"), ("csv-excel-ru", "export_contacts_excel_ru.csv")],
)
def test_csv_export_is_byte_identical_to_the_reference(
    tmp_path: Path, fmt: str, expected: str
) -> None:
    db = tmp_path / "contacts.sqlite3"
    shutil.copy(FIXTURES / "export_contacts.sqlite3", db)
    rt = open_runtime("sqlite:///" + str(db), Paths(tmp_path, tmp_path / "config"))
    try:
        out = tmp_path / "out.csv"
        assert export_contacts(rt.services, out, fmt) == 31
        assert out.read_bytes() == (FIXTURES / expected).read_bytes()
        # a filtered export is the same rows, in the same order
        some = tmp_path / "ru.csv"
        n = export_contacts(rt.services, some, fmt, ContactFilter(country="RU"))
        lines = (FIXTURES / expected).read_bytes().decode("utf-8-sig").split("\r\n")
        assert 0 < n < 31
        got = some.read_bytes().decode("utf-8-sig").split("\r\n")
        assert got[0] == lines[0]
        assert all(line in lines for line in got)
    finally:
        rt.close()
