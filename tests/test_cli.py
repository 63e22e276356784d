"""The headless command line, run as a user runs it: a real process, stdout, stderr, exit code."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop import __version__


def run(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DATA_DIR": str(env_dir)}
    env.pop("CRM_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_version(data_dir):
    r = run("--version", env_dir=data_dir)
    assert r.returncode == 0 and r.stdout.strip() == f"crm-desktop {__version__}"


def test_demo_then_list_companies_in_all_scripts(tmp_path, data_dir):
    db = tmp_path / "demo.sqlite3"
    r = run("demo", "--db", str(db), env_dir=data_dir)
    assert r.returncode == 0, r.stderr
    r = run("--db", str(db), "list", "companies", "--json", env_dir=data_dir)
    assert r.returncode == 0, r.stderr
    companies = json.loads(r.stdout)
    assert len(companies) >= 8
    pumps = next(c for c in companies if c["name_native"] == "凯源泵业集团有限公司")
    assert pumps["name_latin"] == "Kaiyuan Pump Group Co., Ltd."
    assert pumps["name_ru"] == "Кайюань Памп Груп" and pumps["country"] == "CN"
    assert all(len(c["id"]) == 36 for c in companies)
    r = run("--db", str(db), "list", "contacts", "--json", env_dir=data_dir)
    contacts = json.loads(r.stdout)
    assert len(contacts) >= 25
    assert {"王建国", "Jianguo Wang", "Ван Цзяньго"} <= {
        v for c in contacts for v in (c["name_native"], c["name_latin"], c["name_ru"])
    }
    for entity in ("projects", "meetings", "tasks", "trips", "sites", "measures", "members"):
        r = run("--db", str(db), "list", entity, env_dir=data_dir)
        assert r.returncode == 0 and r.stdout.strip(), entity


def test_demo_refuses_to_overwrite_without_force(tmp_path, data_dir):
    db = tmp_path / "demo.sqlite3"
    assert run("demo", "--db", str(db), env_dir=data_dir).returncode == 0
    r = run("demo", "--db", str(db), env_dir=data_dir)
    assert r.returncode != 0 and "--force" in r.stderr


def test_check_on_a_text_file_fails_in_one_line_and_leaves_it_unchanged(tmp_path, data_dir):
    path = tmp_path / "notes.txt"
    path.write_text("Meeting notes, not a database\n", encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    r = run("--db", str(path), "check", env_dir=data_dir)
    assert r.returncode != 0
    assert len(r.stderr.strip().splitlines()) == 1 and "not a crm-desktop database" in r.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "notes.txt"]


def test_check_reports_schema_and_integrity(demo_db, data_dir):
    r = run("--db", str(demo_db), "check", env_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert "integrity: ok" in r.stdout and "schema:" in r.stdout


def test_backup_and_restore_round_trip(demo_db, tmp_path, data_dir):
    backup = tmp_path / "copy.sqlite3"
    r = run("--db", str(demo_db), "backup", "-o", str(backup), env_dir=data_dir)
    assert r.returncode == 0, r.stderr
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n = conn.execute("SELECT count(*) FROM company WHERE deleted_at IS NULL").fetchone()[0]
    conn.close()
    # lose data, then restore the backup
    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE company SET deleted_at = '2026-01-01 00:00:00'")
    conn.commit()
    conn.close()
    r = run("--db", str(demo_db), "restore", str(backup), env_dir=data_dir)
    assert r.returncode == 0, r.stderr
    r = run("--db", str(demo_db), "list", "companies", "--json", env_dir=data_dir)
    assert len(json.loads(r.stdout)) == n
    assert any(
        p.name.startswith("demo-") and "-before-restore." in p.name
        for p in (data_dir / "backups").iterdir()
    )


def test_restore_refuses_a_broken_file_and_keeps_the_database(demo_db, tmp_path, data_dir):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    before = hashlib.sha256(demo_db.read_bytes()).hexdigest()
    r = run("--db", str(demo_db), "restore", str(bad), env_dir=data_dir)
    assert r.returncode != 0 and "Not restored" in r.stderr
    assert hashlib.sha256(demo_db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    "args",
    [
        ["list", "planets"],
        ["restore"],
        ["--db"],
        ["export"],
        ["export", "contacts"],
        ["memo", "--lang", "xx", "abc"],
        ["list", "trips", "--limit", "many"],
        ["frobnicate"],
    ],
)
def test_usage_errors_are_one_line_with_a_pointer_to_help(args, data_dir):
    r = run(*args, env_dir=data_dir)
    assert r.returncode == 2 and r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and "usage:" not in r.stderr, r.stderr
    assert lines[0].startswith("crm-desktop: error: ") and lines[0].endswith(" --help)")


def test_backup_to_an_unwritable_place_says_why(demo_db, tmp_path, data_dir):
    r = run(
        "--db",
        str(demo_db),
        "backup",
        "-o",
        str(tmp_path / "no" / "such" / "dir" / "b.db"),
        env_dir=data_dir,
    )
    assert r.returncode == 1 and "Cannot write" in r.stderr
