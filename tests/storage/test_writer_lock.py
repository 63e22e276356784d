"""One writer for real, tested with a second real process holding the database.

Every writing command is refused in one line naming the holder, with a non-zero exit
and the data intact; whole-file operations are refused even while a mere reader has the
file open; readers are refused (one line) while the file is being replaced; two imports
at once never end in a traceback and never report rows that are not there; no lock
file stays behind.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.storage.lock import REPLACE, DatabaseLocks, lock_path, open_lock_path

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple 42"

HOLD = """
import sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from crm_desktop.runtime import open_runtime
from crm_desktop.config import Paths
p = Path(sys.argv[1])
rt = open_runtime("sqlite:///" + str(p), Paths(p.parent / "data", p.parent / "config"),
                  writer=sys.argv[3] == "writer")
print("holding", flush=True)
sys.stdin.readline()
rt.close()
"""


def cli(*args: str, data: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CRM_DATA_DIR": str(data),
        "CRM_PASSPHRASE": PASSPHRASE,
        "PYTHONPATH": str(ROOT),
    }
    env.pop("CRM_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        input=stdin,
    )


def one_line_error(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode != 0, r.stdout
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crm-desktop: error: "), r.stderr
    assert "Traceback" not in r.stderr
    return lines[0]


class Holder:
    def __init__(self, db: Path, role: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(db), str(ROOT), role],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "holding"

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.communicate("\n", timeout=60)


def contacts(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(
            conn.execute("SELECT count(*) FROM contact WHERE deleted_at IS NULL").fetchone()[0]
        )
    finally:
        conn.close()


def digest(db: Path) -> str:
    conn = sqlite3.connect(db)  # the content, whichever of the file and its WAL holds it
    try:
        rows = conn.execute("SELECT id, updated_at FROM contact ORDER BY id").fetchall()
        return hashlib.sha256(repr(rows).encode()).hexdigest()
    finally:
        conn.close()


def csv_of(path: Path, n: int, tag: str) -> Path:
    lines = ["Family name,Given name,Email"]
    lines += [f"王{tag}{i},建国,p{tag}{i}@example.com" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def db(demo_db: Path) -> Path:
    return demo_db


@pytest.fixture
def data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


def test_every_writing_command_is_refused_while_another_process_writes(db, data, tmp_path):
    backup = tmp_path / "copy.sqlite3"
    assert cli("--db", str(db), "backup", "-o", str(backup), data=data).returncode == 0
    rows = csv_of(tmp_path / "new.csv", 20, "x")
    before, count = digest(db), contacts(db)
    holder = Holder(db, "writer")
    try:
        for args in (
            ["import", "contacts", str(rows)],
            ["restore", str(backup)],
            ["encrypt"],
            ["demo", "--force", "--yes-replace-my-data"],
            ["check", "--reindex"],
        ):
            line = one_line_error(cli("--db", str(db), *args, data=data))
            assert f"process {holder.pid}" in line, (args, line)
    finally:
        holder.stop()
    assert digest(db) == before and contacts(db) == count
    assert not lock_path(db).exists() and not open_lock_path(db).exists()
    # Once the holder has gone, the same import goes through.
    r = cli("--db", str(db), "import", "contacts", str(rows), data=data)
    assert r.returncode == 0, r.stderr
    assert contacts(db) == count + 20


def test_whole_file_operations_wait_for_readers_too(db, data, tmp_path):
    backup = tmp_path / "copy.sqlite3"
    assert cli("--db", str(db), "backup", "-o", str(backup), data=data).returncode == 0
    count = contacts(db)
    holder = Holder(db, "reader")
    try:
        for args in (
            ["restore", str(backup)],
            ["encrypt"],
            ["demo", "--force", "--yes-replace-my-data"],
        ):
            line = one_line_error(cli("--db", str(db), *args, data=data))
            assert "is open in another process" in line and str(holder.pid) in line, line
        # A reader does not stop a writer: the import runs beside it.
        r = cli(
            "--db",
            str(db),
            "import",
            "contacts",
            str(csv_of(tmp_path / "a.csv", 3, "r")),
            data=data,
        )
        assert r.returncode == 0, r.stderr
    finally:
        holder.stop()
    assert contacts(db) == count + 3
    r = cli("--db", str(db), "encrypt", data=data)
    assert r.returncode == 0, r.stderr


def test_readers_are_refused_in_one_line_while_the_file_is_replaced(db, data):
    with DatabaseLocks(db, REPLACE, app="crm-desktop restore"):
        for args in (
            ["list", "contacts"],
            ["check"],
            ["export", "contacts", "-o", str(db.parent / "out.csv")],
        ):
            line = one_line_error(cli("--db", str(db), *args, data=data))
            assert "is being replaced right now (crm-desktop restore, process" in line, line
    assert not (db.parent / "out.csv").exists()
    assert cli("--db", str(db), "list", "contacts", data=data).returncode == 0


def test_two_imports_at_once_never_lose_or_invent_rows(db, data, tmp_path):
    count = contacts(db)
    files = [csv_of(tmp_path / f"big{i}.csv", 2000, f"b{i}") for i in range(2)]
    env = {**os.environ, "CRM_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "crm_desktop", "--db", str(db), "import", "contacts", str(f)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for f in files
    ]
    results = [p.communicate(timeout=300) + (p.returncode,) for p in procs]
    imported = 0
    for out, err, code in results:
        assert "Traceback" not in err, err
        if code == 0:
            assert "2000 created" in out, out
            imported += 2000
        else:
            lines = err.strip().splitlines()
            assert len(lines) == 1 and "already open for writing (crm-desktop import" in err
    assert imported >= 2000  # at least one went through
    assert contacts(db) == count + imported
    assert not lock_path(db).exists() and not open_lock_path(db).exists()


def test_interrupted_restore_is_finished_and_a_half_made_conversion_removed(db, data):
    """What a killed restore or encrypt leaves beside the file is tidied by the next
    writer: the staged copy takes the name when the database is gone, leftovers go."""
    count = contacts(db)
    staged = db.with_name(db.name + ".restoring-20260101T000000000000Z")
    os.replace(db, staged)  # killed between removing the old file and renaming the new
    half = db.with_name(db.name + ".converting-20260101T000000000000Z")
    half.write_bytes(b"\0" * 4096)
    r = cli(
        "--db", str(db), "import", "contacts", str(csv_of(db.parent / "x.csv", 2, "i")), data=data
    )
    assert r.returncode == 0, r.stderr
    assert contacts(db) == count + 2
    assert not staged.exists() and not half.exists()
    assert not lock_path(db).exists() and not open_lock_path(db).exists()
