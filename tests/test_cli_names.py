"""What users type for a record on the command line: the 8-character prefixes `list`
prints, and names in Cyrillic in any case (SQLite's lower() folds ASCII only)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def crm(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DATA_DIR": str(root / "data")}
    env.pop("CRM_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(root / "demo.sqlite3"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("names")
    assert crm(root, "demo").returncode == 0
    return root


def _first(demo: Path, kind: str) -> list[str]:
    r = crm(demo, "list", kind)
    assert r.returncode == 0, r.stderr
    return r.stdout.splitlines()[0].split()


def _exported(r: subprocess.CompletedProcess[str]) -> int:
    assert r.returncode == 0, r.stderr
    return int(r.stdout.split("Exported ")[1].split()[0])


def test_trip_by_prefix_and_by_title_in_another_case(demo: Path, tmp_path: Path) -> None:
    prefix = _first(demo, "trips")[0]
    assert len(prefix) == 8
    by_prefix = _exported(
        crm(demo, "export", "contacts", "-o", str(tmp_path / "a.csv"), "--trip", prefix)
    )
    assert by_prefix > 0
    by_title = _exported(
        crm(
            demo,
            "export",
            "contacts",
            "-o",
            str(tmp_path / "b.csv"),
            "--trip",
            "ДЕЛОВАЯ МИССИЯ МОСКОВСКОЙ ОБЛАСТИ В КИТАЙ",
        )
    )
    assert by_title == by_prefix
    meetings = crm(
        demo,
        "export",
        "meetings",
        "--format",
        "ics",
        "-o",
        str(tmp_path / "t.ics"),
        "--trip",
        prefix,
    )
    assert meetings.returncode == 0 and "Exported 0" not in meetings.stdout


def test_company_by_prefix_and_russian_name_in_lower_case(demo: Path, tmp_path: Path) -> None:
    prefix = _first(demo, "companies")[0]
    by_prefix = _exported(
        crm(demo, "export", "contacts", "-o", str(tmp_path / "a.csv"), "--company", prefix)
    )
    by_name = _exported(
        crm(
            demo,
            "export",
            "contacts",
            "-o",
            str(tmp_path / "b.csv"),
            "--company",
            "пекин цимин нью энерджи",
        )
    )
    assert by_prefix == by_name > 0


def test_ids_with_prefixes_export_exactly_those(demo: Path, tmp_path: Path) -> None:
    r = crm(demo, "list", "contacts")
    ids = [line.split()[0] for line in r.stdout.splitlines()[:3]]
    out = tmp_path / "three.csv"
    assert _exported(crm(demo, "export", "contacts", "-o", str(out), "--ids", ",".join(ids))) == 3


@pytest.mark.parametrize(
    "option, value, words",
    [
        ("--trip", "ffffffff", "No trip"),
        ("--company", "Нет такой компании", "No company"),
        ("--ids", "0000aaaa", "No contact"),
    ],
)
def test_an_unknown_record_is_one_line_and_writes_nothing(
    demo: Path, tmp_path: Path, option: str, value: str, words: str
) -> None:
    out = tmp_path / "x.csv"
    r = crm(demo, "export", "contacts", "-o", str(out), option, value)
    assert r.returncode != 0 and words in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert not out.exists()
