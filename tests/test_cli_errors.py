"""Errors a person can read: each is one line on stderr, a non-zero exit, and nothing
changed (run as a user runs it: a real process).

Read-only files and folders are made so with chmod; when the tests run as root (who
ignores permission bits) the command runs with the capabilities that let root do so
dropped (setpriv), so it meets the permissions a user would.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "correct horse battery staple 42"
OTHER_PASSPHRASE = "another long passphrase for tests 7"
DROP = "-dac_override,-dac_read_search,-fowner"


def cli(
    *args: str,
    data: Path,
    as_user: bool = False,
    passphrase: str = PASSPHRASE,
    new_passphrase: str = OTHER_PASSPHRASE,
    **kw: object,
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CRM_DATA_DIR": str(data),
        "CRM_PASSPHRASE": passphrase,
        "CRM_NEW_PASSPHRASE": new_passphrase,
        "PYTHONPATH": str(ROOT),
    }
    env.pop("CRM_DATABASE_URL", None)
    cmd = [sys.executable, "-m", "crm_desktop", *args]
    if as_user and os.geteuid() == 0:
        cmd = ["setpriv", f"--inh-caps={DROP}", f"--bounding-set={DROP}", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, **kw)  # type: ignore[call-overload]


def one_line(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode != 0, r.stdout
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crm-desktop: error: "), r.stderr
    return lines[0]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM contact").fetchone()[0])
    finally:
        conn.close()


needs_permissions = pytest.mark.skipif(
    os.geteuid() == 0 and shutil.which("setpriv") is None,
    reason="root ignores permissions and setpriv is missing",
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def folder(tmp_path: Path, demo_db: Path) -> Path:
    """A folder of its own with the demo database in it (plain rollback journal state:
    the template was checkpointed, so no -wal/-shm beside it)."""
    f = tmp_path / "db"
    f.mkdir()
    shutil.copy(demo_db, f / "crm.sqlite3")
    return f


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    p = tmp_path / "new.csv"
    p.write_text("Family name,Given name,Email\n王,建国,new@example.com\n", encoding="utf-8")
    return p


@needs_permissions
def test_writing_to_a_read_only_file_is_one_line_and_changes_nothing(
    folder, data, csv_file, tmp_path
):
    db = folder / "crm.sqlite3"
    backup = tmp_path / "b.sqlite3"
    assert cli("--db", str(db), "backup", "-o", str(backup), data=data).returncode == 0
    db.chmod(0o444)
    before = sha(db)
    try:
        for args in (
            ["import", "contacts", str(csv_file)],
            ["encrypt"],
            ["restore", str(backup)],
            ["demo", "--force", "--yes-replace-my-data"],
        ):
            line = one_line(cli("--db", str(db), *args, data=data, as_user=True))
            assert "is read-only; nothing was changed" in line, (args, line)
    finally:
        db.chmod(0o644)
    assert sha(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["crm.sqlite3"]


@needs_permissions
def test_a_read_only_folder_is_named_as_such_not_as_damage(folder, data, csv_file):
    db = folder / "crm.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")  # what the application leaves
    conn.close()
    before = sha(db)
    folder.chmod(0o555)
    try:
        line = one_line(
            cli("--db", str(db), "import", "contacts", str(csv_file), data=data, as_user=True)
        )
        assert f"The folder {folder} is read-only" in line
        line = one_line(cli("--db", str(db), "list", "contacts", data=data, as_user=True))
        assert "read-only" in line and "damaged" not in line
    finally:
        folder.chmod(0o755)
    assert sha(db) == before


def test_restore_never_moves_aside_a_database_under_another_passphrase(folder, data, tmp_path):
    db = folder / "crm.sqlite3"
    other = tmp_path / "other" / "crm.sqlite3"
    other.parent.mkdir()
    shutil.copy(db, other)
    assert cli("--db", str(db), "encrypt", data=data).returncode == 0
    r = cli("--db", str(other), "encrypt", data=tmp_path / "d2", passphrase=OTHER_PASSPHRASE)
    assert r.returncode == 0, r.stderr
    backup = tmp_path / "b.sqlite3"
    r = cli(
        "--db",
        str(other),
        "backup",
        "-o",
        str(backup),
        data=tmp_path / "d2",
        passphrase=OTHER_PASSPHRASE,
    )
    assert r.returncode == 0, r.stderr
    before = sha(db)
    line = one_line(
        cli("--db", str(db), "restore", str(backup), data=data, passphrase=OTHER_PASSPHRASE)
    )
    assert "encrypted under another passphrase" in line
    assert sha(db) == before
    assert not [p for p in folder.iterdir() if ".damaged" in p.name]
    assert cli("--db", str(db), "list", "contacts", data=data).returncode == 0


def test_a_truncated_encrypted_file_is_called_incomplete(folder, data):
    db = folder / "crm.sqlite3"
    assert cli("--db", str(db), "encrypt", data=data).returncode == 0
    with db.open("r+b") as f:
        f.truncate(db.stat().st_size - 700)
    line = one_line(cli("--db", str(db), "list", "contacts", data=data))
    assert "is incomplete" in line and "not an SQLite file" not in line


def test_encrypt_and_decrypt_refuse_a_newer_schema_like_every_other_command(folder, data):
    db = folder / "crm.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = sha(db)
    for args in (["list", "contacts"], ["encrypt"], ["demo", "--force", "--yes-replace-my-data"]):
        line = one_line(cli("--db", str(db), *args, data=data))
        assert "written by a newer crm-desktop" in line, (args, line)
    assert sha(db) == before


def test_a_huge_limit_is_an_argument_error_not_an_overflow(folder, data):
    db = folder / "crm.sqlite3"
    for value in ("1e20", "100000000000000000000000"):
        r = cli("--db", str(db), "list", "contacts", "--limit", value, data=data)
        assert r.returncode == 2 and "Traceback" not in r.stderr
        assert "argument --limit" in r.stderr.strip().splitlines()[-1]


def test_output_into_a_closed_pipe_ends_quietly(folder, data, tmp_path):
    db = folder / "crm.sqlite3"
    rows = ["Family name,Given name,Email"] + [f"王{i},建国,w{i}@example.com" for i in range(1500)]
    (tmp_path / "many.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert (
        cli("--db", str(db), "import", "contacts", str(tmp_path / "many.csv"), data=data).returncode
        == 0
    )
    env = {**os.environ, "CRM_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "crm_desktop", "--db", str(db), "list", "contacts"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100)  # like `| head -c 100`: one line per contact follows
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert err == "" and proc.returncode == 141


def test_dev_null_as_the_database_is_refused_and_left_alone(data):
    line = one_line(cli("--db", "/dev/null", "list", "contacts", data=data))
    assert "/dev/null is not a regular file" in line
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not Path("/dev/null.lock").exists() and not Path("/dev/null.open.lock").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_writing_output_onto_a_fifo_or_device_is_refused(folder, data, tmp_path):
    db = folder / "crm.sqlite3"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    meeting = sqlite3.connect(db).execute("SELECT id FROM meeting LIMIT 1").fetchone()[0]
    for target in (str(fifo), "/dev/null"):
        for args in (
            ["backup", "-o", target],
            ["export", "contacts", "-o", target],
            ["memo", meeting, "-o", target],
        ):
            line = one_line(cli("--db", str(db), *args, data=data))
            assert "is not a regular file" in line, (args, line)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_demo_force_never_replaces_real_data_without_a_backup_and_a_yes(folder, data, csv_file):
    db = folder / "crm.sqlite3"
    r = cli("--db", str(db), "import", "contacts", str(csv_file), data=data)
    assert r.returncode == 0, r.stderr
    mine = count(db)
    before = sha(db)
    line = one_line(cli("--db", str(db), "demo", "--force", data=data, input=""))
    assert "is not a demo database; nothing was changed" in line
    assert sha(db) == before
    r = cli("--db", str(db), "demo", "--force", "--yes-replace-my-data", data=data)
    assert r.returncode == 0, r.stderr
    saved = Path(r.stdout.splitlines()[0].split(" saved to ", 1)[1])
    assert saved.is_file() and count(saved) == mine  # the user's data, verified copy
    assert count(db) < mine
    # A demo database is replaced freely (a backup is still made).
    r = cli("--db", str(db), "demo", "--force", data=data, input="")
    assert r.returncode == 0, r.stderr
    assert "saved to" in r.stdout


def test_no_lock_or_work_files_are_left_after_commands(folder, data, tmp_path):
    db = folder / "crm.sqlite3"
    backup = tmp_path / "b.sqlite3"
    steps = [
        (["list", "contacts"], PASSPHRASE),
        (["backup", "-o", str(backup)], PASSPHRASE),
        (["encrypt"], PASSPHRASE),
        (["change-passphrase"], PASSPHRASE),
        (["decrypt"], OTHER_PASSPHRASE),
        (["restore", str(backup)], PASSPHRASE),
        (["check"], PASSPHRASE),
    ]
    for args, passphrase in steps:
        r = cli("--db", str(db), *args, data=data, passphrase=passphrase)
        assert r.returncode == 0, (args, r.stderr)
    # and after a refused one
    one_line(cli("--db", str(db), "restore", str(tmp_path / "missing.sqlite3"), data=data))
    left = sorted(p.name for p in folder.iterdir())
    assert left == ["crm.sqlite3"] or set(left) <= {
        "crm.sqlite3",
        "crm.sqlite3-wal",
        "crm.sqlite3-shm",
    }, left
