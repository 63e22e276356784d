"""crm-desktop report pipeline, run as a user would: a subprocess on a known database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from analytics_data import SETTINGS_RATES, build
from openpyxl import load_workbook
from pypdf import PdfReader

from crm_desktop.config import Paths


@pytest.fixture(scope="module")
def known_db(tmp_path_factory):
    from crm_desktop.runtime import open_runtime

    root = tmp_path_factory.mktemp("report")
    db = root / "known.sqlite3"
    data = root / "data"
    paths = Paths(data_dir=data, config_dir=data / "config")
    rt = open_runtime("sqlite:///" + str(db), paths)
    known = build(rt.services)
    rt.settings.currency_rates = SETTINGS_RATES  # the rates typed into Settings
    rt.settings.save(paths.settings_file)
    rt.close()
    return root, db, known


def run(root: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DATA_DIR": str(root / "data")}
    env.pop("CRM_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(db), "report", "pipeline", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=120,
    )


def test_json(known_db) -> None:
    root, db, known = known_db
    res = run(root, db, "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    funnel = {r["stage"]["code"]: r for r in data["funnel"]}
    assert funnel["first_meeting"]["projects"] == 1
    assert funnel["first_meeting"]["capex"] == 79000  # 1000 USD at the default 79
    assert funnel["negotiation"]["weighted_capex"] == 660
    conv = {r["stage"]["code"]: r for r in data["conversion"]}
    assert (conv["lead"]["entered"], conv["lead"]["moved_on"], conv["lead"]["rate"]) == (5, 4, 0.8)
    assert data["unconverted"] == ["GBP"] and data["currency"] == "RUB"
    miles = {m["key"]: m["projects"] for m in data["milestones"]}
    assert miles == {"intentions": 2, "agreement": 1, "construction": 1, "production": 0}


def test_period_country_and_trip_prefix(known_db) -> None:
    root, db, known = known_db
    res = run(
        root, db, "--json", "--from", "2026-01-01", "--to", "2026-03-31", "--trip", known.trip[:8]
    )
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["filter"]["trip_id"] == known.trip
    assert {r["stage"]["code"]: r["projects"] for r in data["funnel"] if r["projects"]} == {
        "negotiation": 1
    }
    res = run(root, db, "--json", "--country", "kz")
    data = json.loads(res.stdout)
    assert {r["stage"]["code"]: r["projects"] for r in data["funnel"] if r["projects"]} == {
        "implementation": 1
    }


def test_text_summary(known_db) -> None:
    root, db, _ = known_db
    res = run(root, db)
    assert res.returncode == 0, res.stderr
    assert "First meeting" in res.stdout and "79,000" in res.stdout
    assert "no rate for GBP" in res.stdout


def test_pdf_and_xlsx_files(known_db) -> None:
    root, db, _ = known_db
    res = run(root, db, "-o", "report.pdf", "--lang", "en")
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "report.pdf"
    text = "".join(p.extract_text() for p in PdfReader(root / "report.pdf").pages)
    assert "Investment project pipeline" in text and "Paint plant" in text
    res = run(root, db, "-o", str(root / "report.xlsx"))
    assert res.returncode == 0, res.stderr
    wb = load_workbook(root / "report.xlsx")
    assert "Воронка" in wb.sheetnames
    row = next(r for r in wb["Воронка"].iter_rows(values_only=True) if r[0] == "Первая встреча")
    assert row[1:3] == (1, 79000)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--from", "2026-02-30"], "is not a date"),
        (["--from", "2026-05-01", "--to", "2026-04-01"], "end date is before the start date"),
        (["--country", "China"], "is not an ISO 3166 country code"),
        (["--trip", "ffff0000"], "No trip with id ffff0000"),
        (["--owner", "zzz"], "No member with id zzz"),
        (["-o", "report.txt"], "use a .pdf or .xlsx file name"),
        (["-o", "missing/report.pdf"], "does not exist"),
    ],
)
def test_errors_are_one_line_and_write_nothing(known_db, args, message) -> None:
    root, db, _ = known_db
    before = sorted(p.name for p in root.iterdir())
    res = run(root, db, *args, "-o", "bad.pdf") if "-o" not in args else run(root, db, *args)
    assert res.returncode == 1
    assert res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], res.stderr
    assert sorted(p.name for p in root.iterdir()) == before
