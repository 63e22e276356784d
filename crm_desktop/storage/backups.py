"""Rotating automatic backups through SQLite's online backup API.

A backup is written to ``<name>.part``, checked (integrity and a real read, with the
database's key when it is encrypted), then renamed into place: a failure leaves no
half-written backup. Rotation keeps the newest few plus the newest of each day for a
month, and only ever deletes files whose names it wrote itself.

A backup belongs to the database whose identity it carries (``storage.identity``): the
identity is inside the copy, and in the name, ``<stem>-<stamp>-<reason>.<identity>.sqlite3``,
so an encrypted backup is matched without its key and no stem, reason or folder can make
it look like another database's. Backups an older version named
``<stem>-<reason>-<stamp>.sqlite3`` are renamed once, when their database first gets its
identity (:func:`adopt_legacy`). Backups and their temporary files are owner-only (0600).
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from crm_desktop.domain.errors import StorageError
from crm_desktop.files import fsync_path
from crm_desktop.storage import encryption
from crm_desktop.storage.encryption import DatabaseKey

SUFFIX = ".sqlite3"
STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
# The stamp is the only part with capitals, the reason has no dots and the identity is
# 32 hex digits: whatever the stem holds, the name splits one way only.
_NAME = re.compile(
    r"^(?P<stem>.*)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[a-z0-9_-]+)"
    r"\.(?P<id>[0-9a-f]{32})" + re.escape(SUFFIX) + "$"
)
# What older versions wrote, after "<stem>-"; only these reasons are theirs.
_LEGACY = re.compile(
    r"^(?P<reason>start|auto|manual|before-restore|before-\d{4}[a-z0-9_]*)"
    r"-(?P<stamp>\d{8}T\d{12}Z)" + re.escape(SUFFIX) + "$"
)
PRIVATE = 0o600


@dataclass(frozen=True)
class BackupPolicy:
    keep_last: int = 10  # the newest backups, whatever their day
    daily_days: int = 30  # plus the newest backup of each of these many days
    min_interval: timedelta = timedelta(minutes=10)  # between automatic backups after changes


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    reason: str
    made_at: datetime
    size: int
    encrypted: bool
    identity: str = ""


def backup_name(stem: str, reason: str, when: datetime, identity: str | None = None) -> str:
    """``identity`` None: the name older versions wrote (a database that has none yet;
    :func:`adopt_legacy` renames it once it has)."""
    safe = re.sub(r"[^a-z0-9_-]+", "-", reason.lower()).strip("-") or "manual"
    if identity is None:
        return f"{stem}-{safe}-{when.strftime(STAMP_FORMAT)}{SUFFIX}"
    return f"{stem}-{when.strftime(STAMP_FORMAT)}-{safe}.{identity}{SUFFIX}"


def list_backups(folder: Path, identity: str | None) -> list[BackupInfo]:
    """The backups in ``folder`` of the database with this identity, newest first."""
    if identity is None or not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    for p in folder.iterdir():
        m = _NAME.match(p.name)
        if not m or m.group("id") != identity or not p.is_file():
            continue
        try:
            when = datetime.strptime(m.group("stamp"), STAMP_FORMAT).replace(tzinfo=UTC)
            size = p.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(
            BackupInfo(p, m.group("reason"), when, size, encryption.is_encrypted(p), identity)
        )
    found.sort(key=lambda b: b.made_at, reverse=True)
    return found


def _connect(path: Path, key: DatabaseKey | None, readonly: bool) -> Any:
    if key is not None:
        return encryption.connect(path, key, readonly=readonly)
    if readonly:
        return sqlite3.connect("file:" + str(path.resolve()) + "?mode=ro", uri=True)
    return sqlite3.connect(path)


def verify_backup(path: Path, key: DatabaseKey | None) -> list[str]:
    """Problems with a backup file; empty means it is a sound crm-desktop database (and,
    when its name carries an identity, the copy inside carries no other)."""
    if not path.is_file():
        return [f"{path} does not exist"]
    if encryption.is_encrypted(path) and key is None:
        return [f"{path} is encrypted and no passphrase was given"]
    if not encryption.is_encrypted(path) and key is not None:
        key = None  # a plain backup of a database encrypted later
    try:
        conn = _connect(path, key, readonly=True)
    except StorageError as e:
        return [str(e)]
    except sqlite3.Error as e:
        return [f"{path} cannot be read: {e}"]
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")  # damage may be any bytes
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            return rows
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables or "company" not in tables:
            return [f"{path} is not a crm-desktop database"]
        conn.execute("SELECT count(*) FROM company").fetchone()
        m = _NAME.match(path.name)
        row = conn.execute("SELECT value FROM setting WHERE key = 'database.id'").fetchone()
        if m and row and row[0] and row[0] != m.group("id"):
            return [f"{path} holds a copy of another database (its name was changed)"]
    except encryption.db_errors(UnicodeDecodeError) as e:
        return [f"{path} cannot be read: {e}"]
    finally:
        conn.close()
    return []


def online_backup(src: Path, dest: Path, key: DatabaseKey | None = None) -> None:
    """A consistent copy of a live database (WAL included), atomically renamed into place.

    An encrypted source gives an encrypted backup under the same key.
    """
    tmp = dest.with_name(dest.name + ".part")
    _cleanup(tmp)  # a killed earlier attempt: its hot journal must not touch the new copy
    try:
        create_private(tmp)  # SQLite keeps the mode of an existing (empty) file
        src_conn = _connect(src, key, readonly=True)
        try:
            dst_conn = (
                encryption.connect(tmp, key, verify=False)
                if key is not None
                else sqlite3.connect(tmp)
            )
            try:
                src_conn.backup(dst_conn)
                # A backup is a single file: no WAL beside it to lose when it is copied.
                dst_conn.execute("PRAGMA journal_mode=DELETE").fetchall()
            finally:
                dst_conn.close()
        finally:
            src_conn.close()
        problems = verify_backup(tmp, key)
        if problems:
            raise StorageError(f"The backup {dest} failed its check: {problems[0]}.")
        fsync_path(tmp)
        os.replace(tmp, dest)
        _cleanup(tmp)  # sidecars the check may have left
    except StorageError:
        _cleanup(tmp)
        raise
    except encryption.db_errors(OSError) as e:
        _cleanup(tmp)
        detail = getattr(e, "strerror", None) or e
        raise StorageError(f"Cannot write the backup {dest}: {detail}.") from None


def create_private(path: Path) -> None:
    """An empty owner-only file (SQLite takes an empty file as a new database, and gives
    its journal the same mode)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    os.close(fd)


def make_private(path: Path) -> None:
    """Owner-only, when group or others could read it (POSIX; best effort)."""
    if os.name != "posix":
        return
    try:
        if path.is_file() and path.stat().st_mode & 0o077:
            os.chmod(path, PRIVATE)
    except OSError:
        pass


def _cleanup(tmp: Path) -> None:
    for p in (tmp, Path(str(tmp) + "-journal"), Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        p.unlink(missing_ok=True)


def make_backup(
    src: Path,
    folder: Path,
    reason: str,
    key: DatabaseKey | None = None,
    now: datetime | None = None,
    identity: str | None = None,
) -> Path:
    """A verified backup of ``src`` in ``folder``, named with the database's identity
    (read from ``src`` when not given)."""
    from crm_desktop.storage import identity as identities

    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as e:
        raise StorageError(f"Cannot create the backup folder {folder}: {e.strerror}.") from None
    when = now or datetime.now(UTC)
    ident = identity or identities.read(src, key if encryption.is_encrypted(src) else None)
    dest = folder / backup_name(src.stem, reason, when, ident)
    online_backup(src, dest, key)
    return dest


def to_keep(backups: list[BackupInfo], policy: BackupPolicy, now: datetime) -> set[Path]:
    keep = {b.path for b in backups[: policy.keep_last]}
    oldest_day = (now - timedelta(days=policy.daily_days)).date()
    seen_days: set[object] = set()
    for b in backups:  # newest first: the first of each day is its newest
        day = b.made_at.date()
        if day < oldest_day or day in seen_days:
            continue
        seen_days.add(day)
        keep.add(b.path)
    return keep


def rotate(
    folder: Path, identity: str | None, policy: BackupPolicy, now: datetime | None = None
) -> list[Path]:
    """Delete backups the policy no longer keeps; returns what was deleted."""
    backups = list_backups(folder, identity)
    keep = to_keep(backups, policy, now or datetime.now(UTC))
    removed = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass
    return removed


def newest_good_backup(
    folder: Path, identity: str | None, key: DatabaseKey | None
) -> BackupInfo | None:
    for b in list_backups(folder, identity):
        if not verify_backup(b.path, key if b.encrypted else None):
            return b
    return None


def _sidecars(path: Path) -> list[Path]:
    return [Path(str(path) + s) for s in ("-wal", "-shm", "-journal")]


def restore_backup(
    backup: Path, target: Path, folder: Path, key: DatabaseKey | None = None
) -> Path | None:
    """Replace ``target`` with a verified ``backup``.

    The current file is never silently lost: a sound one is backed up first
    ("before-restore"); a damaged one is moved aside as ``<name>.damaged-<time>``.
    Returns where the previous database went (None if there was none). The caller has
    closed every connection to ``target``.
    """
    bkey = key if encryption.is_encrypted(backup) else None
    problems = verify_backup(backup, bkey)
    if problems:
        raise StorageError(f"Not restored: {problems[0]}.")
    stamp = datetime.now(UTC).strftime(STAMP_FORMAT)
    staged = target.with_name(f"{target.name}.restoring-{stamp}")
    online_backup(backup, staged, bkey)
    previous: Path | None = None
    if target.exists() and target.stat().st_size > 0:
        tkey = key if encryption.is_encrypted(target) else None
        if not verify_backup(target, tkey):
            previous = make_backup(target, folder, "before-restore", tkey)
            target.unlink()
        else:
            previous = target.with_name(f"{target.name}.damaged-{stamp}")
            os.replace(target, previous)
            for side in _sidecars(target):
                if side.exists():
                    os.replace(side, Path(str(previous) + side.name[len(target.name) :]))
    for side in _sidecars(target):
        side.unlink(missing_ok=True)  # a stale WAL must never be replayed onto the backup
    os.replace(staged, target)
    return previous


def remove_stale_parts(folder: Path, identity: str | None) -> list[Path]:
    """Half-written backups (``<name>.part``) of this database left by a process that was
    killed while it wrote one; only names this module writes are touched."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for p in folder.iterdir():
        name = p.name
        for side in ("", "-journal", "-wal", "-shm"):
            if side and name.endswith(side):
                name = name[: -len(side)]
                break
        if not name.endswith(".part"):
            continue
        m = _NAME.match(name[: -len(".part")])
        if m and identity is not None and m.group("id") == identity:
            try:
                p.unlink()
                removed.append(p)
            except OSError:
                pass
    return removed


def adopt_legacy(folder: Path, stem: str, identity: str) -> dict[Path, Path]:
    """Give the backups an older version made of this database (named ``<stem>-<reason>-
    <stamp>.sqlite3``, ``before-restore`` and ``before-<revision>`` included) the name
    that carries ``identity``. Called once, when the database gets its identity; the
    file name is all an older backup has to go by. Returns {old path: new path}."""
    adopted: dict[Path, Path] = {}
    if not folder.is_dir():
        return adopted
    for p in sorted(folder.iterdir()):
        if not p.name.startswith(stem + "-") or not p.is_file():
            continue
        m = _LEGACY.match(p.name[len(stem) + 1 :])
        if not m:
            continue
        try:
            when = datetime.strptime(m.group("stamp"), STAMP_FORMAT).replace(tzinfo=UTC)
            new = p.with_name(backup_name(stem, m.group("reason"), when, identity))
            if not new.exists():
                os.replace(p, new)
                make_private(new)
                adopted[p] = new
        except (ValueError, OSError):
            continue
    return adopted


class AutoBackup:
    """Backups at start and after changes, rotated. Qt-free: the GUI calls
    :meth:`run_if_due` from a timer (on a worker thread) and at close; the session hook
    marks changes. One backup at a time; :meth:`stop` (a damaged source) ends them."""

    def __init__(
        self,
        path: Path,
        folder: Path,
        key: DatabaseKey | None = None,
        policy: BackupPolicy | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        identity: str | None = None,
    ) -> None:
        from crm_desktop.storage import identity as identities

        self.path = path
        self.identity = identity or identities.read(path, key)
        self.folder = folder
        self.key = key
        self.policy = policy or BackupPolicy()
        self.clock = clock
        self.changed = False
        self.last: datetime | None = None
        self.last_error: str | None = None
        self.stopped: str | None = None  # why no more backups are made (see stop)
        self._busy = threading.Lock()

    def stop(self, reason: str) -> None:
        """No more backups: the source was found damaged, and a copy of it must never
        count as a backup (nor make rotation drop an older good one)."""
        self.stopped = reason

    def note_change(self, *args: object) -> None:
        self.changed = True

    def attach(self, session_factory: Any) -> None:
        from sqlalchemy import event

        event.listen(session_factory, "after_commit", self.note_change)

    def backup_now(self, reason: str = "auto", wait: bool = True) -> Path | None:
        """A verified backup, then rotation; None when none was made (see last_error).
        With ``wait=False`` it returns None at once while another backup is running."""
        if not self._busy.acquire(blocking=wait):
            return None
        try:
            if self.stopped is not None:
                return None
            if not self.path.exists() or self.path.stat().st_size == 0:
                return None
            changed, self.changed = self.changed, False  # changes from now on: next backup
            try:
                made = make_backup(
                    self.path, self.folder, reason, self.key, self.clock(), self.identity
                )
            except StorageError as e:
                self.changed = self.changed or changed
                self.last_error = str(e)
                return None
            self.last_error = None
            self.last = self.clock()
            if self.stopped is None:  # only a verified copy of a sound source rotates
                rotate(self.folder, self.identity, self.policy, self.clock())
            return made
        finally:
            self._busy.release()

    def at_start(self) -> Path | None:
        remove_stale_parts(self.folder, self.identity)
        return self.backup_now("start")

    def run_if_due(self, force: bool = False) -> Path | None:
        if not self.changed or self.stopped is not None:
            return None
        if (
            not force
            and self.last is not None
            and self.clock() - self.last < self.policy.min_interval
        ):
            return None
        return self.backup_now("auto", wait=force)


def convert_backups(
    folder: Path,
    identity: str | None,
    old_key: DatabaseKey | None,
    new_key: DatabaseKey | None,
    progress: Callable[[int, int], object] | None = None,
) -> list[Path]:
    """Bring the backups of the database with this identity under the new key, so no
    plaintext copy (or copy readable with an old passphrase) stays behind. Files that do
    not open with the old key are left as they are and returned. ``progress(done, total)``
    follows the files."""
    skipped: list[Path] = []
    found = list_backups(folder, identity)
    for done, info in enumerate(found):
        if progress is not None:
            progress(done, len(found))
        try:
            if (old_key is None) == encryption.is_encrypted(info.path):
                skipped.append(info.path)
                continue
            encryption.convert_in_place(info.path, old_key, new_key)
        except StorageError:
            skipped.append(info.path)
    return skipped
