"""The CLI parses --db / CRM_DATABASE_URL once and follows it to the engine (real
processes, as a user runs them)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli(
    *args: str, data: Path, cwd: Path, env_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    env.pop("CRM_DATABASE_URL", None)
    env.pop("CRM_PASSPHRASE", None)
    if env_url is not None:
        env["CRM_DATABASE_URL"] = env_url
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=cwd,
    )


def test_an_unsupported_url_is_one_line_and_nothing_is_made(tmp_path: Path) -> None:
    r = cli(
        "list",
        "companies",
        data=tmp_path / "data",
        cwd=tmp_path,
        env_url="mysql://someone:hunter2@db.example/crm",
    )
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "Not a supported database URL (mysql)" in r.stderr
    assert "hunter2" not in r.stderr
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").rglob("*.sqlite3"))


def test_a_relative_db_is_one_file_from_demo_to_check(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    made = cli("demo", "--db", "sub/crm.sqlite3", data=tmp_path / "data", cwd=work)
    assert made.returncode == 0, made.stderr
    assert f"Demo database ready: {work / 'sub' / 'crm.sqlite3'}" in made.stdout
    checked = cli(
        "check", "--db", str(work / "sub" / "crm.sqlite3"), data=tmp_path / "data", cwd=tmp_path
    )
    assert checked.returncode == 0, checked.stderr
    assert f"database: {work / 'sub' / 'crm.sqlite3'}" in checked.stdout
    assert "integrity: ok" in checked.stdout
