"""The sync and conflicts commands, run as a user runs them (a subprocess each)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def run(
    data: Path, *args: str, env: dict[str, str] | None = None, device: str = "one"
) -> subprocess.CompletedProcess[str]:
    e = {**os.environ, "CRM_DATA_DIR": str(data / device), **(env or {})}
    e.pop("CRM_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", *args],
        capture_output=True,
        text=True,
        env=e,
        timeout=180,
    )


def ok(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 0, r.stderr
    return r.stdout


def one_line_error(r: subprocess.CompletedProcess[str], text: str) -> None:
    assert r.returncode != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and text in lines[0], r.stderr


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("office")
    ok(run(folder, "--db", str(folder / "office.sqlite3"), "demo"))
    return folder / "office.sqlite3"


def _company(data: Path, db: Path, device: str = "one") -> str:
    out = ok(run(data, "--db", str(db), "list", "companies", device=device))
    return out.splitlines()[0].split()[0]


def _line(data: Path, db: Path, cid: str, device: str = "one") -> str:
    out = ok(run(data, "--db", str(db), "list", "companies", device=device))
    return next(line for line in out.splitlines() if line.startswith(cid[:8]))


def _edit_city(db: Path, cid: str, city: str) -> None:
    """An edit as the GUI makes it (services, history), on that laptop's device."""
    code = (
        "import sys; from pathlib import Path; from crm_desktop.config import Paths;"
        "from crm_desktop.runtime import open_runtime;"
        "import dataclasses; from crm_desktop.domain.services.companies import CompanyInput;"
        "rt = open_runtime('sqlite:///' + sys.argv[1], Paths(Path(sys.argv[3]), "
        "Path(sys.argv[3]) / 'c'), writer=True);"
        "s = rt.services.companies; cid = [c.id for c in s.list() "
        "if c.id.startswith(sys.argv[2])][0];"
        "s.update(cid, dataclasses.replace(CompanyInput.from_row(s.get(cid)),"
        " city=sys.argv[4]));"
        "rt.close()"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(db), cid, str(db.parent / db.stem), city],
        check=True,
        timeout=120,
    )


def test_direct_sync_conflicts_and_resolve(office: Path, tmp_path: Path) -> None:
    mine, theirs = tmp_path / "mine.sqlite3", tmp_path / "theirs.sqlite3"
    shutil.copy(office, mine)
    shutil.copy(office, theirs)
    cid = _company(tmp_path, mine)
    _edit_city(mine, cid, "Suzhou")
    _edit_city(theirs, cid, "Wuxi")
    out = ok(run(tmp_path, "--db", str(mine), "sync", str(theirs)))
    assert "Synchronised with theirs.sqlite3" in out
    assert "company: 0 created, 1 updated, 0 deleted, 1 conflicts" in out
    assert "1 new conflict" in out
    listed = json.loads(ok(run(tmp_path, "--db", str(mine), "conflicts", "--json")))
    [c] = listed
    assert (c["field"], c["mine"], c["theirs"]) == ("city", "Wuxi", "Suzhou")
    text = ok(run(tmp_path, "--db", str(mine), "conflicts"))
    assert c["id"][:8] in text and "Suzhou" in text and "Wuxi" in text
    one_line_error(
        run(tmp_path, "--db", str(mine), "conflicts", "resolve", "zzzz", "--keep", "mine"),
        "No conflict",
    )
    out = ok(
        run(tmp_path, "--db", str(mine), "conflicts", "resolve", c["id"][:8], "--keep", "theirs")
    )
    assert "Suzhou" in out
    assert ok(run(tmp_path, "--db", str(mine), "conflicts")).strip() == "No open conflicts."
    ok(run(tmp_path, "--db", str(mine), "sync", str(theirs)))
    assert _line(tmp_path, theirs, cid).endswith("Suzhou")
    assert json.loads(ok(run(tmp_path, "--db", str(theirs), "conflicts", "--json"))) == []


def test_resolve_with_a_value_and_bad_values(office: Path, tmp_path: Path) -> None:
    mine, theirs = tmp_path / "mine.sqlite3", tmp_path / "theirs.sqlite3"
    shutil.copy(office, mine)
    shutil.copy(office, theirs)
    cid = _company(tmp_path, mine)
    _edit_city(mine, cid, "Suzhou")
    _edit_city(theirs, cid, "Wuxi")
    ok(run(tmp_path, "--db", str(mine), "sync", str(theirs)))
    [c] = json.loads(ok(run(tmp_path, "--db", str(mine), "conflicts", "--json")))
    one_line_error(run(tmp_path, "--db", str(mine), "conflicts", "resolve", c["id"][:8]), "--keep")
    ok(run(tmp_path, "--db", str(mine), "conflicts", "resolve", c["id"][:8], "--keep", "Kunshan"))
    assert _line(tmp_path, mine, cid).endswith("Kunshan")
    one_line_error(
        run(tmp_path, "--db", str(mine), "conflicts", "resolve", c["id"][:8], "--keep", "mine"),
        "already resolved",
    )


def test_export_import_and_refusals(office: Path, tmp_path: Path) -> None:
    mine, laptop = tmp_path / "mine.sqlite3", tmp_path / "laptop.sqlite3"
    shutil.copy(office, mine)
    trip = ok(run(tmp_path, "--db", str(mine), "list", "trips")).splitlines()[0].split()[0]
    packet = tmp_path / "trip.crmsync"
    out = ok(run(tmp_path, "--db", str(mine), "sync", "export", "-o", str(packet), "--trip", trip))
    assert "records" in out and "not encrypted" in out
    full = int(out.split(": ", 1)[1].split()[0])
    out = ok(run(tmp_path, "--db", str(laptop), "sync", "import", str(packet), device="two"))
    assert "company: 10 created" in out
    again = ok(run(tmp_path, "--db", str(laptop), "sync", "import", str(packet), device="two"))
    assert "no changes" in again
    cid = _company(tmp_path, laptop, device="two")
    _edit_city(laptop, cid, "Suzhou")
    back = tmp_path / "back.crmsync"
    ok(run(tmp_path, "--db", str(laptop), "sync", "export", "-o", str(back), device="two"))
    out = ok(run(tmp_path, "--db", str(mine), "sync", "import", str(back)))
    assert "company: 0 created, 1 updated, 0 deleted, 0 conflicts" in out
    # mine answers with all it has; from its packet the laptop learns what mine holds
    answer = tmp_path / "answer.crmsync"
    ok(
        run(
            tmp_path,
            "--db",
            str(mine),
            "sync",
            "export",
            "-o",
            str(answer),
            "--since-peer",
            "laptop.sqlite3",
        )
    )
    ok(run(tmp_path, "--db", str(laptop), "sync", "import", str(answer), device="two"))
    packet2 = tmp_path / "news.crmsync"
    out = ok(
        run(
            tmp_path,
            "--db",
            str(laptop),
            "sync",
            "export",
            "-o",
            str(packet2),
            "--since-peer",
            "mine.sqlite3",
            device="two",
        )
    )
    news = int(out.split(": ", 1)[1].split()[0])
    # not a full packet: what is left are the stages the two unified (one per code)
    assert news < full / 10 and "for mine.sqlite3" in out

    cut = tmp_path / "cut.crmsync"
    cut.write_bytes(back.read_bytes()[:5000])
    one_line_error(
        run(tmp_path, "--db", str(mine), "sync", "import", str(cut)),
        "not a complete crm-desktop sync packet",
    )
    other = tmp_path / "other.sqlite3"
    ok(run(tmp_path, "--db", str(other), "demo"))
    foreign = tmp_path / "foreign.crmsync"
    ok(run(tmp_path, "--db", str(other), "sync", "export", "-o", str(foreign)))
    one_line_error(
        run(tmp_path, "--db", str(mine), "sync", "import", str(foreign)), "another organisation"
    )
    one_line_error(run(tmp_path, "--db", str(mine), "sync", str(other)), "another organisation")
    one_line_error(run(tmp_path, "--db", str(mine), "sync", "export"), "-o FILE")
    one_line_error(
        run(tmp_path, "--db", str(mine), "sync", str(tmp_path / "nope.sqlite3")), "does not exist"
    )
    one_line_error(run(tmp_path, "--db", str(mine), "sync", str(mine)), "same database")


def test_encrypted_packet_with_a_passphrase(office: Path, tmp_path: Path) -> None:
    mine, theirs = tmp_path / "mine.sqlite3", tmp_path / "theirs.sqlite3"
    shutil.copy(office, mine)
    shutil.copy(office, theirs)
    cid = _company(tmp_path, mine)
    _edit_city(mine, cid, "Suzhou")
    packet = tmp_path / "e.crmsync"
    pw = {"CRM_PACKET_PASSPHRASE": "correct horse battery"}
    assert "(encrypted)" in ok(
        run(
            tmp_path, "--db", str(mine), "sync", "export", "-o", str(packet), "--passphrase", env=pw
        )
    )
    assert b"Suzhou" not in packet.read_bytes()
    one_line_error(
        run(
            tmp_path,
            "--db",
            str(theirs),
            "sync",
            "import",
            str(packet),
            env={"CRM_PACKET_PASSPHRASE": "wrong horse battery"},
        ),
        "does not open with that passphrase",
    )
    ok(run(tmp_path, "--db", str(theirs), "sync", "import", str(packet), env=pw))
    assert _line(tmp_path, theirs, cid).endswith("Suzhou")


def test_sync_waits_for_no_one_holding_the_other_database(office: Path, tmp_path: Path) -> None:
    from crm_desktop.storage.lock import WriterLock

    mine, theirs = tmp_path / "mine.sqlite3", tmp_path / "theirs.sqlite3"
    shutil.copy(office, mine)
    shutil.copy(office, theirs)
    before = theirs.read_bytes()
    with WriterLock(theirs):
        one_line_error(
            run(tmp_path, "--db", str(mine), "sync", str(theirs)), "already open for writing"
        )
    assert theirs.read_bytes() == before
