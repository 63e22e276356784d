"""One writer per database file, and no file replaced under anyone's feet.

Two operating-system locks (``fcntl.flock`` / ``msvcrt.locking``), dropped by the OS
when the process dies however it dies, so a lock left by a crash is recovered by simply
taking it again:

- ``<database>.lock``, the writer lock: exclusive, held by the one process that may
  write (the GUI, ``import``, ``demo`` ...). Its text (pid, host, start time, what)
  tells a second writer who holds the database.
- ``<database>.open.lock``, the open lock: every process that opens the database holds
  it shared; whole-file operations (restore, encrypt, decrypt, change-passphrase,
  ``demo --force``) hold it exclusive, so they never replace a file another process has
  open, and nobody opens a file while it is being replaced. The exclusive holder
  writes its name into it.

A lock file is removed by its last holder on release (while still holding the lock); a
process that locked a file that was removed meanwhile sees that the name no longer
points at its file and tries again, so two processes never lock two different files.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from abc import ABC, abstractmethod
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
        return f"{self.app}, process {self.pid} on {self.host}, since {self.started}"


def _me(app: str) -> LockOwner:
    return LockOwner(
        os.getpid(), socket.gethostname(), datetime.now(UTC).isoformat(timespec="seconds"), app
    )


class DatabaseLockedError(StorageError):
    code = "database_locked"

    def __init__(self, path: Path, owner: LockOwner | None) -> None:
        who = owner.describe() if owner else "another program"
        super().__init__(
            f"{path} is already open for writing ({who}). "
            "Switch to that window or wait for that command, then try again."
        )
        self.path = path
        self.owner = owner


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def read_owner(path: Path) -> LockOwner | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return LockOwner(
            int(raw["pid"]),
            str(raw["host"]),
            str(raw["started"]),
            str(raw.get("app", "crm-desktop")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class DatabaseInUseError(StorageError):
    """A whole-file operation found the database open elsewhere, or a process found it
    being replaced by a whole-file operation."""

    code = "database_in_use"

    def __init__(self, message: str, owner: LockOwner | None = None) -> None:
        super().__init__(message)
        self.owner = owner


def open_lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".open.lock")


def _try_os_lock(f: IO[bytes], shared: bool = False) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        if shared:
            # msvcrt has no shared lock. Windows itself refuses to replace a file another
            # process has open, so whole-file operations stay safe without one.
            return True

        try:
            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(f.fileno(), (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _open_locked(path: Path, shared: bool = False) -> IO[bytes] | None:
    """``path`` opened (created if missing) and locked, or None when someone else holds
    a conflicting lock. Retries when the file it locked was removed by its last holder
    meanwhile (the name must still point at the locked file)."""
    for _ in range(50):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Not O_TRUNC: the holder's text must survive a failed attempt to read it.
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as e:
            raise StorageError(
                f"Cannot create the lock file {path}: {e.strerror}; nothing was changed."
            ) from None
        f = os.fdopen(fd, "r+b", buffering=0)
        if not _try_os_lock(f, shared):
            f.close()
            return None
        try:
            same = os.path.samestat(os.fstat(f.fileno()), os.stat(path))
        except OSError:
            same = False
        if same:
            return f
        _os_unlock(f)
        f.close()
    raise StorageError(f"Cannot take the lock {path}: it keeps being replaced.")


def _release_and_remove(f: IO[bytes], path: Path) -> None:
    """Unlock and close; the file is removed when no one else holds it."""
    try:
        if _try_os_lock(f):  # exclusive now: nobody else holds it, so nobody needs it
            try:
                if os.path.samestat(os.fstat(f.fileno()), os.stat(path)):
                    path.unlink()
            except OSError:  # a folder we may not change: at least no stale name in it
                try:
                    f.seek(0)
                    f.truncate()
                except OSError:
                    pass
    finally:
        _os_unlock(f)
        f.close()


def _write_owner(f: IO[bytes], owner: LockOwner) -> None:
    f.seek(0)
    f.truncate()
    f.write(json.dumps(asdict(owner)).encode())
    os.fsync(f.fileno())


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


class _LockFile(ABC):
    """A lock held as an open, OS-locked file at ``path``, removed again on release."""

    path: Path
    _file: IO[bytes] | None

    @property
    def held(self) -> bool:
        return self._file is not None

    @abstractmethod
    def acquire(self) -> Self: ...

    def release(self) -> None:
        f, self._file = self._file, None
        if f is not None:
            _release_and_remove(f, self.path)

    def __enter__(self) -> Self:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


class WriterLock(_LockFile):
    """Held for as long as this process may write the database."""

    def __init__(self, db_path: Path, app: str = "crm-desktop") -> None:
        self.db_path = db_path
        self.app = app  # what holds it, named to whoever is refused
        self.path = lock_path(db_path)
        self._file: IO[bytes] | None = None
        self.recovered_from: LockOwner | None = None  # the crashed holder we replaced

    def acquire(self) -> Self:
        if self._file is not None:
            return self
        f = _open_locked(self.path)
        if f is None:
            raise DatabaseLockedError(self.db_path, read_owner(self.path))
        previous = read_owner(self.path)
        if previous is not None and previous.pid != os.getpid():
            self.recovered_from = previous  # its process is gone: the OS released it
        _write_owner(f, _me(self.app))
        self._file = f
        return self


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


def _flock_pids(path: Path) -> list[int]:
    """Processes holding an flock on ``path`` (Linux /proc/locks; empty elsewhere)."""
    try:
        st = os.stat(path)
        text = Path("/proc/locks").read_text()
    except OSError:
        return []
    inode = f":{st.st_ino}"
    pids: list[int] = []
    for line in text.splitlines():
        parts = line.split()
        # "1: FLOCK  ADVISORY  READ  1234 08:02:5678 0 EOF"
        if len(parts) >= 6 and parts[1] == "FLOCK" and parts[5].endswith(inode):
            pid = int(parts[4]) if parts[4].isdigit() else 0
            if pid and pid != os.getpid() and pid not in pids:
                pids.append(pid)
    return pids


def _process_name(pid: int) -> str:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        words = [" ".join(w.decode(errors="replace").split()) for w in cmd if w][:4]
        text = " ".join(w if len(w) <= 40 else w[:39] + "…" for w in words)
        return f"process {pid} ({text})" if text else f"process {pid}"
    except OSError:
        return f"process {pid}"


class OpenLock(_LockFile):
    """Held by every process that has the database open (shared), or by a whole-file
    operation (exclusive) that must be alone with the file."""

    def __init__(self, db_path: Path, *, exclusive: bool = False, app: str = "crm-desktop") -> None:
        self.db_path = db_path
        self.exclusive = exclusive
        self.app = app
        self.path = open_lock_path(db_path)
        self._file: IO[bytes] | None = None

    def acquire(self) -> Self:
        if self._file is not None:
            return self
        folder = self.path.parent
        if (
            not self.exclusive
            and folder.is_dir()
            and not self.path.exists()
            and not os.access(folder, os.W_OK)
        ):
            return self  # read-only media: nobody can replace the file there either
        f = _open_locked(self.path, shared=not self.exclusive)
        if f is None:
            raise self._refusal()
        if self.exclusive:
            _write_owner(f, _me(self.app))
        self._file = f
        return self

    def _refusal(self) -> DatabaseInUseError:
        if not self.exclusive:  # an exclusive holder is replacing the file
            owner = read_owner(self.path)
            who = owner.describe() if owner else "another program"
            return DatabaseInUseError(
                f"{self.db_path} is being replaced right now ({who}); "
                "try again when that has finished.",
                owner,
            )
        writer = holder(self.db_path)
        if writer is not None:
            who = writer.describe()
        else:
            pids = _flock_pids(self.path)
            who = ", ".join(_process_name(p) for p in pids[:3]) or "another program"
        return DatabaseInUseError(
            f"{self.db_path} is open in another process ({who}); close it first: "
            "this command replaces the whole file.",
            writer,
        )


READ, WRITE, REPLACE = "read", "write", "replace"


class DatabaseLocks:
    """The locks one process holds on one database file for what it does:

    - READ (list, search, export, memo, check): the open lock, shared;
    - WRITE (the GUI, import, demo): the open lock shared, and the writer lock;
    - REPLACE (restore, encrypt, decrypt, change-passphrase, demo --force): the open lock
      exclusive (which no other process then holds, writer or reader).

    Refusals are DatabaseLockedError / DatabaseInUseError, one line naming the holder."""

    def __init__(self, db_path: Path, access: str = READ, app: str = "crm-desktop") -> None:
        if access not in (READ, WRITE, REPLACE):
            raise ValueError(f"unknown access {access!r}")
        self.db_path = db_path
        self.access = access
        self.open = OpenLock(db_path, exclusive=access == REPLACE, app=app)
        self.writer: WriterLock | None = WriterLock(db_path, app) if access == WRITE else None

    @property
    def held(self) -> bool:
        return self.open.held

    def acquire(self) -> Self:
        self.open.acquire()
        try:
            if self.writer is not None:
                self.writer.acquire()
        except BaseException:
            self.open.release()
            raise
        return self

    def release(self) -> None:
        try:
            if self.writer is not None:
                self.writer.release()
        finally:
            self.open.release()

    def __enter__(self) -> Self:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
