"""One writer per database file.

The lock is an operating-system lock (``fcntl.flock`` / ``msvcrt.locking``) on
``<database>.lock``. The OS drops it when the process dies however it dies, so a lock
left by a crash is recovered by simply taking it again; nobody has to delete a file.
The file's text (pid, host, start time, application) only tells a second instance who
holds the database.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Self

from crm_desktop.domain.errors import StorageError


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    started: str
    app: str = "crm-desktop"

    def describe(self) -> str:
        return f"process {self.pid} on {self.host}, since {self.started}"


class DatabaseLockedError(StorageError):
    code = "database_locked"

    def __init__(self, path: Path, owner: LockOwner | None) -> None:
        who = owner.describe() if owner else "another program"
        super().__init__(f"{path} is already open in crm-desktop ({who}). "
                         "Switch to that window, or close it first.")
        self.path = path
        self.owner = owner


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def read_owner(path: Path) -> LockOwner | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return LockOwner(int(raw["pid"]), str(raw["host"]), str(raw["started"]),
                         str(raw.get("app", "crm-desktop")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _try_os_lock(f: IO[bytes]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _os_unlock(f: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        try:
            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    fcntl.flock(f.fileno(), fcntl.LOCK_UN)


class WriterLock:
    """Held for as long as this process may write the database."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._file: IO[bytes] | None = None
        self.recovered_from: LockOwner | None = None  # the crashed holder we replaced

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> Self:
        if self._file is not None:
            return self
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Not O_TRUNC: the holder's text must survive a failed attempt to read it.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as e:
            raise StorageError(f"Cannot create the lock file {self.path}: {e.strerror}.") from None
        f = os.fdopen(fd, "r+b", buffering=0)
        if not _try_os_lock(f):
            f.close()
            raise DatabaseLockedError(self.db_path, read_owner(self.path))
        previous = read_owner(self.path)
        if previous is not None and previous.pid != os.getpid():
            self.recovered_from = previous  # its process is gone: the OS released it
        me = LockOwner(os.getpid(), socket.gethostname(),
                       datetime.now(UTC).isoformat(timespec="seconds"))
        data = json.dumps(asdict(me)).encode()
        f.seek(0)
        f.truncate()
        f.write(data)
        os.fsync(f.fileno())
        self._file = f
        return self

    def release(self) -> None:
        f, self._file = self._file, None
        if f is None:
            return
        try:
            f.seek(0)
            f.truncate()
        except OSError:
            pass
        _os_unlock(f)
        f.close()
        # The empty file stays: unlinking it would let two processes lock two inodes.

    def __enter__(self) -> Self:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def holder(db_path: Path) -> LockOwner | None:
    """Who holds the database now (None when nobody does)."""
    probe = WriterLock(db_path)
    if not probe.path.exists():
        return None
    try:
        fd = os.open(probe.path, os.O_RDWR)
    except OSError:
        return None
    with os.fdopen(fd, "r+b", buffering=0) as f:
        if _try_os_lock(f):
            _os_unlock(f)
            return None
    return read_owner(probe.path)
