"""One writer per database: a second instance is refused; a crashed holder's lock is
taken over without anyone deleting a file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.config import Paths
from crm_desktop.runtime import open_runtime
from crm_desktop.storage.lock import DatabaseLockedError, WriterLock, holder, lock_path

ROOT = Path(__file__).resolve().parents[2]

HOLD = """
import sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from crm_desktop.runtime import open_runtime
from crm_desktop.config import Paths
p = Path(sys.argv[1])
rt = open_runtime("sqlite:///" + str(p), Paths(p.parent, p.parent / "config"), writer=True)
print("holding", flush=True)
sys.stdin.readline()
rt.close()
"""


def _holder_process(db: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), str(ROOT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "holding"
    return proc


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_second_instance_is_refused_and_a_crashed_holder_is_recovered(paths: Paths):
    db = paths.data_dir / "crm.sqlite3"
    proc = _holder_process(db)
    try:
        with pytest.raises(DatabaseLockedError) as e:
            open_runtime("sqlite:///" + str(db), paths, writer=True)
        assert e.value.owner is not None and e.value.owner.pid == proc.pid
        assert f"process {proc.pid}" in str(e.value)
        assert holder(db) is not None and holder(db).pid == proc.pid  # type: ignore[union-attr]
    finally:
        proc.kill()  # SIGKILL: no clean-up code runs, the lock file stays behind
        proc.wait()
    assert lock_path(db).exists() and json.loads(lock_path(db).read_text())["pid"] == proc.pid
    rt = open_runtime("sqlite:///" + str(db), paths, writer=True)
    try:
        assert rt.lock is not None and rt.lock.recovered_from is not None
        assert rt.lock.recovered_from.pid == proc.pid
        assert json.loads(lock_path(db).read_text())["pid"] == os.getpid()
    finally:
        rt.close()
    assert holder(db) is None


def test_a_clean_exit_releases_the_lock(paths: Paths):
    db = paths.data_dir / "crm.sqlite3"
    proc = _holder_process(db)
    proc.communicate("\n")
    assert proc.returncode == 0
    assert holder(db) is None
    with WriterLock(db) as lock:
        assert lock.held and lock.recovered_from is None


def test_a_stale_lock_file_with_any_content_is_taken_over(tmp_path: Path):
    db = tmp_path / "crm.sqlite3"
    lock_path(db).write_text(
        json.dumps({"pid": 999999, "host": "lost-laptop", "started": "2026-01-01T00:00:00+00:00"})
    )
    with WriterLock(db) as lock:
        assert lock.recovered_from is not None and lock.recovered_from.host == "lost-laptop"
    lock_path(db).write_bytes(b"\x00garbage\xff")
    with WriterLock(db) as lock:
        assert lock.held


def test_two_locks_in_one_process_also_exclude_each_other(tmp_path: Path):
    db = tmp_path / "crm.sqlite3"
    with WriterLock(db), pytest.raises(DatabaseLockedError):
        WriterLock(db).acquire()
