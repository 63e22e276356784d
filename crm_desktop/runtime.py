"""Qt-free wiring shared by both composition roots (cli.py and app.py)."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.config import Paths, Settings, device_id
from crm_desktop.domain.context import Context
from crm_desktop.domain.errors import StorageError
from crm_desktop.domain.hooks import latest_stamp
from crm_desktop.domain.services import Services
from crm_desktop.search import filters as search_filters
from crm_desktop.search import index as search_index
from crm_desktop.storage import backups, drafts, encryption, redact, sync_store
from crm_desktop.storage import identity as identities
from crm_desktop.storage.backups import AutoBackup, newest_good_backup
from crm_desktop.storage.database import (
    DamagedDatabaseError,
    Database,
    _check_sqlite_file,
    open_database,
    recover_interrupted,
)
from crm_desktop.storage.encryption import DatabaseKey
from crm_desktop.storage.location import DatabaseLocation
from crm_desktop.storage.lock import READ, REPLACE, WRITE, DatabaseLocks, WriterLock


@dataclass
class Runtime:
    db: Database
    services: Services
    paths: Paths
    settings: Settings
    lock: WriterLock | None = None
    autobackup: AutoBackup | None = None
    checks_pending: bool = False  # opened with deferred checks: run_start_checks is due
    identity: str | None = None  # the database's identity (storage.identity)
    locks: DatabaseLocks | None = None  # taken by open_runtime, released by close

    @property
    def key(self) -> DatabaseKey | None:
        return self.db.key

    @property
    def drafts_dir(self) -> Path:
        """This database's drafts folder (by identity; a file that could not be given
        one, read-only, keeps its drafts apart under its resolved path's name)."""
        ident = self.identity
        if ident is None:
            where = str(self.db.path.resolve()) if self.db.path else "server"
            ident = "unidentified-" + hashlib.sha256(where.encode()).hexdigest()[:16]
        return drafts.drafts_folder(self.paths.data_dir, ident)

    def close(self) -> None:
        try:
            if self.autobackup is not None:
                self.autobackup.run_if_due(force=True)
            self.db.dispose()
        finally:
            if self.locks is not None:
                self.locks.release()


def backups_folder(paths: Paths, settings: Settings) -> Path:
    """The data directory's backups folder, or the one chosen in settings (a USB stick)."""
    chosen = settings.extra.get("backups_dir")
    return Path(chosen) if isinstance(chosen, str) and chosen else paths.backups_dir


def backups_folders(paths: Paths, settings: Settings) -> list[Path]:
    """Every folder this installation has kept backups in: the current one first, then
    the data directory's (backups made there before another folder was chosen). What
    encrypt, decrypt and re-key convert."""
    return list(dict.fromkeys([backups_folder(paths, settings), paths.backups_dir]))


def open_runtime(
    where: str | DatabaseLocation,
    paths: Paths,
    *,
    create: bool = True,
    key: DatabaseKey | None = None,
    writer: bool = False,
    auto_backup: bool = False,
    deferred_checks: bool = False,
    locks: DatabaseLocks | None = None,
) -> Runtime:
    """Open (create, migrate) the database and build the services over it: the steps
    after the key is known. Front ends call ``application.database.open_database``, which
    asks for the passphrase of an encrypted file and then calls this; an encrypted file
    without ``key`` is refused (PassphraseRequiredError). ``key`` also creates a new
    database encrypted. ``writer`` takes the one-writer lock (the GUI does);
    ``auto_backup`` backs up at start and after changes (rotated).

    ``deferred_checks`` (the GUI) keeps only the cheap checks (header, schema, version)
    on the way to the window: the full integrity_check and the start backup are left to
    :func:`run_start_checks`, which the caller runs on a worker thread once the window
    is up. Without it a writer gets the full check here, as the CLI always did.
    """
    settings = Settings.load(paths.settings_file)
    location = where if isinstance(where, DatabaseLocation) else DatabaseLocation.parse(where)
    url, path = location.url, location.path
    if path is not None and key is None and location.encrypted:
        raise encryption.PassphraseRequiredError(path)
    folder = backups_folder(paths, settings)
    own_locks: DatabaseLocks | None = None
    if path is not None and locks is None:
        own_locks = take_locks(path, folder, WRITE if writer else READ)
    held = locks or own_locks
    lock = held.writer if held is not None else None
    try:
        try:
            check: bool | str = "light" if deferred_checks else writer
            if path is not None:
                _private_database_file(path, create)
            db = open_database(
                location, backups_dir=folder, create=create, key=key, full_check=check
            )
        except DamagedDatabaseError as e:
            raise damaged_with_backup(e, folder, key, paths.data_dir) from None
        except StorageError as e:
            masked = redact.mask(str(e), redact.url_password(url))
            if masked == str(e):
                raise
            raise StorageError(masked) from None  # a driver error naming the password
        try:
            ident = find_identity(db, paths, folder)
        except BaseException:
            db.dispose()
            raise
        try:
            search_index.attach(db.engine, db.session_factory)  # index follows every write
            device = (
                identities.writer_id(ident, device_id(paths))
                if db.path is not None
                else device_id(paths)
            )
            ctx = Context(
                db.session_factory,
                device,
                settings.current_member_id,
                encrypted_at_rest=db.key is not None,
                text_index=search_filters.text_index_for(db.engine),
            )
            with ctx.reading() as s:
                latest = latest_stamp(s)
            if latest is not None:
                ctx.clock.observe(latest)  # never stamp below what this replica wrote
            floor = sync_store.clock_floor(db.engine)  # past every stamp a merge brought
            if floor:
                ctx.clock.observe(floor)
            services = Services(ctx)
            services.stages.ensure_defaults()
            autobackup = None
            if auto_backup and db.path is not None:
                autobackup = AutoBackup(db.path, folder, db.key, identity=ident)
                autobackup.attach(db.session_factory)
                if not deferred_checks:
                    autobackup.at_start()
        except BaseException:
            db.dispose()  # the last connection closes: SQLite removes its -wal and -shm
            raise
    except BaseException:
        if own_locks is not None:
            own_locks.release()
        raise
    pending = deferred_checks and db.path is not None
    return Runtime(db, services, paths, settings, lock, autobackup, pending, ident, own_locks)


def take_locks(
    path: Path, folder: Path, access: str = READ, app: str = "crm-desktop"
) -> DatabaseLocks:
    """The locks ``access`` needs on the file (READ, WRITE or REPLACE; see
    storage.lock.DatabaseLocks), taken before anything is read; a refusal names the
    holder (``app``: how this process is named to others). A writer or a whole-file
    operation first finishes or undoes what a killed one left (its backup in ``folder``);
    should that fail, the locks are released again."""
    locks = DatabaseLocks(path, access, app=app).acquire()
    if access in (WRITE, REPLACE):
        try:
            recover_interrupted(path, folder)
        except BaseException:
            locks.release()
            raise
    return locks


def _private_database_file(path: Path, create: bool) -> None:
    """The database and its WAL are owner-only: a new file is made 0600 before SQLite
    opens it (SQLite gives its -wal, -shm and -journal the database's mode); an existing
    one that group or others could read is fixed."""
    if os.name != "posix":
        return
    if not path.exists():
        if create and path.parent.is_dir():
            try:
                backups.create_private(path)
            except OSError:
                pass  # open_database reports what is wrong with the place
        return
    for p in (path, *(Path(str(path) + s) for s in ("-wal", "-shm", "-journal"))):
        backups.make_private(p)


def find_identity(db: Database, paths: Paths, folder: Path) -> str | None:
    """The identity of the database just opened (see :func:`identify_file`)."""
    if db.path is not None:
        found_id, renamed = _identify_file(db.path, db.key, folder, paths.data_dir)
        if db.backup_made in renamed:  # the before-migration backup just made, adopted
            db.backup_made = renamed[db.backup_made]
        return found_id
    found = identities.ensure_server(db.engine)
    if found.created and found.id is not None:
        drafts.adopt_legacy(paths.data_dir, None, found.id)
    return found.id


def identify_file(path: Path, key: DatabaseKey | None, folder: Path, data_dir: Path) -> str | None:
    """The identity of a checked database file: made, kept or split off from the
    original as ``storage.identity`` explains. A database that gets its first identity
    adopts the backups and drafts an older version named after its file stem."""
    return _identify_file(path, key, folder, data_dir)[0]


def _identify_file(
    path: Path, key: DatabaseKey | None, folder: Path, data_dir: Path
) -> tuple[str | None, dict[Path, Path]]:
    found = identities.ensure(path, key)
    if found.id is None:
        return None, {}
    renamed: dict[Path, Path] = {}
    if found.created:
        renamed = backups.adopt_legacy(folder, path.stem, found.id)
        drafts.adopt_legacy(data_dir, path, found.id)
    identities.remember(data_dir, path, found.id)
    _private_copies(folder, data_dir, found.id)
    return found.id, renamed


def _private_copies(folder: Path, data_dir: Path, ident: str) -> None:
    """Backups and drafts an older version (or another umask) left readable by others
    are made owner-only, like the database itself."""
    for b in backups.list_backups(folder, ident):
        backups.make_private(b.path)
    store = drafts.drafts_folder(data_dir, ident)
    if store.is_dir():
        for p in store.iterdir():
            backups.make_private(p)


def damaged_with_backup(
    error: DamagedDatabaseError,
    folder: Path,
    key: DatabaseKey | None,
    data_dir: Path | None = None,
    identity: str | None = None,
) -> DamagedDatabaseError:
    """The same error, naming the newest good backup (``error.backup``) when there is one:
    a backup carrying the identity of the damaged file (read from it when it still can
    be, else the one it had when last opened sound)."""
    ident = identity or identities.read(error.path, key)
    if ident is None and data_dir is not None:
        ident = identities.last_known(data_dir, error.path)
    good = newest_good_backup(folder, ident, key)
    return DamagedDatabaseError(error.path, error.detail, good)


@dataclass
class StartChecks:
    """What :func:`run_start_checks` found."""

    damaged: DamagedDatabaseError | None = None  # .backup: the newest good backup
    backup: Path | None = None  # the verified start backup
    backup_error: str | None = None
    check_seconds: float = 0.0
    backup_seconds: float = 0.0


def run_start_checks(rt: Runtime) -> StartChecks:
    """The full integrity_check, then the start backup, of a runtime opened with
    ``deferred_checks``. Blocking (tens of seconds on a 1 GB file): run it on a worker
    thread. The check reads through a read-only connection of its own. A damaged file
    makes the database refuse every write from then on and stops the automatic backups
    (a copy of a damaged file never counts as a backup, nor rotates a good one away);
    the result names the newest good backup to offer. Never writes to the database."""
    result = StartChecks()
    rt.checks_pending = False
    path = rt.db.path
    if path is None:
        return result
    started = time.perf_counter()
    try:
        _check_sqlite_file(path, rt.db.key, "full")
    except DamagedDatabaseError as e:
        damaged(rt, e.detail)
        folder = rt.autobackup.folder if rt.autobackup else backups_folder(rt.paths, rt.settings)
        result.damaged = damaged_with_backup(e, folder, rt.db.key, rt.paths.data_dir, rt.identity)
        result.check_seconds = time.perf_counter() - started
        return result
    except StorageError as e:  # unreadable now (removed, permissions): no backup of it
        result.backup_error = str(e)
        result.check_seconds = time.perf_counter() - started
        return result
    result.check_seconds = time.perf_counter() - started
    if rt.autobackup is not None:
        started = time.perf_counter()
        result.backup = rt.autobackup.at_start()
        result.backup_error = rt.autobackup.last_error
        result.backup_seconds = time.perf_counter() - started
    return result


def damaged(rt: Runtime, detail: str) -> None:
    """The open database was found damaged: refuse writes, stop automatic backups."""
    reason = (
        f"{rt.db.path} is damaged ({detail}); nothing more is written to it. "
        "Restore a backup (Security > Backups)."
    )
    rt.db.refuse_writes(reason)
    if rt.autobackup is not None:
        rt.autobackup.stop(reason)


def start_checks_in_background(
    rt: Runtime, done: Callable[[StartChecks], object]
) -> threading.Thread:
    """:func:`run_start_checks` on a daemon thread; ``done(result)`` is called on that
    thread (a GUI hands it over to its own thread). A process that ends meanwhile loses
    nothing: the database is only read, and a half-written backup is removed by the next
    start (backups.remove_stale_parts)."""

    def work() -> None:
        try:
            result = run_start_checks(rt)
        except Exception as e:  # noqa: BLE001 - reported to the caller, never lost
            result = StartChecks(backup_error=f"{e.__class__.__name__}: {e}")
        done(result)

    thread = threading.Thread(target=work, name="crm-start-checks", daemon=True)
    thread.start()
    return thread
