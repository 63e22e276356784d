"""Qt-free wiring shared by both composition roots (cli.py and app.py)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.config import Paths, Settings, device_id
from crm_desktop.domain.context import Context
from crm_desktop.domain.errors import StorageError
from crm_desktop.domain.services import Services
from crm_desktop.search import filters as search_filters
from crm_desktop.search import index as search_index
from crm_desktop.storage import encryption
from crm_desktop.storage.backups import AutoBackup, newest_good_backup
from crm_desktop.storage.database import (
    DamagedDatabaseError,
    Database,
    _check_sqlite_file,
    open_database,
    sqlite_path,
)
from crm_desktop.storage.encryption import DatabaseKey, PassphraseSource
from crm_desktop.storage.lock import READ, WRITE, DatabaseLocks, WriterLock


@dataclass
class Runtime:
    db: Database
    services: Services
    paths: Paths
    settings: Settings
    lock: WriterLock | None = None
    autobackup: AutoBackup | None = None
    checks_pending: bool = False  # opened with deferred checks: run_start_checks is due
    locks: DatabaseLocks | None = None  # taken by open_runtime, released by close

    @property
    def key(self) -> DatabaseKey | None:
        return self.db.key

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


def open_runtime(url: str, paths: Paths, *, create: bool = True,
                 passphrase: PassphraseSource | None = None, key: DatabaseKey | None = None,
                 writer: bool = False, auto_backup: bool = False,
                 deferred_checks: bool = False, locks: DatabaseLocks | None = None,
                 ) -> Runtime:
    """Open (create, migrate) the database and build the services over it.

    An encrypted file asks ``passphrase(path)`` once; the key is derived here, once per
    start, and proven with a real read. ``key`` (from a first-start dialog, say) creates
    a new database encrypted. ``writer`` takes the one-writer lock (the GUI does);
    ``auto_backup`` backs up at start and after changes (rotated).

    ``deferred_checks`` (the GUI) keeps only the cheap checks (header, schema, version)
    on the way to the window: the full integrity_check and the start backup are left to
    :func:`run_start_checks`, which the caller runs on a worker thread once the window
    is up. Without it a writer gets the full check here, as the CLI always did.
    """
    settings = Settings.load(paths.settings_file)
    path = sqlite_path(url)
    if path is not None and key is None and encryption.is_encrypted(path):
        if passphrase is None:
            raise encryption.PassphraseRequiredError(path)
        key = encryption.unlock(path, passphrase(path))
    own_locks: DatabaseLocks | None = None
    if path is not None and locks is None:
        own_locks = DatabaseLocks(path, WRITE if writer else READ).acquire()
        if writer:
            from crm_desktop.storage.database import recover_interrupted

            recover_interrupted(path, backups_folder(paths, settings))
    held = locks or own_locks
    lock = held.writer if held is not None else None
    folder = backups_folder(paths, settings)
    try:
        try:
            check: bool | str = "light" if deferred_checks else writer
            db = open_database(url, backups_dir=folder, create=create, key=key,
                               full_check=check)
        except DamagedDatabaseError as e:
            raise damaged_with_backup(e, folder, key) from None
        try:
            search_index.attach(db.engine, db.session_factory)  # index follows every write
            ctx = Context(db.session_factory, device_id(paths), settings.current_member_id)
            ctx.text_index = search_filters.text_index_for(db.engine)  # type: ignore[attr-defined]
            services = Services(ctx)
            services.stages.ensure_defaults()
            autobackup = None
            if auto_backup and db.path is not None:
                autobackup = AutoBackup(db.path, folder, db.key)
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
    return Runtime(db, services, paths, settings, lock, autobackup, pending, own_locks)


def damaged_with_backup(error: DamagedDatabaseError, folder: Path,
                        key: DatabaseKey | None) -> DamagedDatabaseError:
    """The same error, naming the newest good backup (``error.backup``) when there is one."""
    good = newest_good_backup(folder, error.path.stem, key)
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
        folder = rt.autobackup.folder if rt.autobackup else backups_folder(rt.paths,
                                                                           rt.settings)
        result.damaged = damaged_with_backup(e, folder, rt.db.key)
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
    reason = (f"{rt.db.path} is damaged ({detail}); nothing more is written to it. "
              "Restore a backup (Security > Backups).")
    rt.db.refuse_writes(reason)
    if rt.autobackup is not None:
        rt.autobackup.stop(reason)


def start_checks_in_background(rt: Runtime,
                               done: Callable[[StartChecks], object]) -> threading.Thread:
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
