"""Qt-free wiring shared by both composition roots (cli.py and app.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crm_desktop.config import Paths, Settings, device_id
from crm_desktop.domain.context import Context
from crm_desktop.domain.services import Services
from crm_desktop.search import filters as search_filters
from crm_desktop.search import index as search_index
from crm_desktop.storage import encryption
from crm_desktop.storage.backups import AutoBackup, newest_good_backup
from crm_desktop.storage.database import (
    DamagedDatabaseError,
    Database,
    open_database,
    sqlite_path,
)
from crm_desktop.storage.encryption import DatabaseKey, PassphraseSource
from crm_desktop.storage.lock import WriterLock


@dataclass
class Runtime:
    db: Database
    services: Services
    paths: Paths
    settings: Settings
    lock: WriterLock | None = None
    autobackup: AutoBackup | None = None

    @property
    def key(self) -> DatabaseKey | None:
        return self.db.key

    def close(self) -> None:
        try:
            if self.autobackup is not None:
                self.autobackup.run_if_due(force=True)
            self.db.dispose()
        finally:
            if self.lock is not None:
                self.lock.release()


def backups_folder(paths: Paths, settings: Settings) -> Path:
    """The data directory's backups folder, or the one chosen in settings (a USB stick)."""
    chosen = settings.extra.get("backups_dir")
    return Path(chosen) if isinstance(chosen, str) and chosen else paths.backups_dir


def open_runtime(url: str, paths: Paths, *, create: bool = True,
                 passphrase: PassphraseSource | None = None, key: DatabaseKey | None = None,
                 writer: bool = False, auto_backup: bool = False) -> Runtime:
    """Open (create, migrate) the database and build the services over it.

    An encrypted file asks ``passphrase(path)`` once; the key is derived here, once per
    start, and proven with a real read. ``key`` (from a first-start dialog, say) creates
    a new database encrypted. ``writer`` takes the one-writer lock (the GUI does);
    ``auto_backup`` backs up at start and after changes (rotated).
    """
    settings = Settings.load(paths.settings_file)
    path = sqlite_path(url)
    if path is not None and key is None and encryption.is_encrypted(path):
        if passphrase is None:
            raise encryption.PassphraseRequiredError(path)
        key = encryption.unlock(path, passphrase(path))
    lock = WriterLock(path).acquire() if writer and path is not None else None
    folder = backups_folder(paths, settings)
    try:
        try:
            db = open_database(url, backups_dir=folder, create=create, key=key,
                               full_check=writer)  # the GUI's start: full integrity_check
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
                autobackup.at_start()
        except BaseException:
            db.dispose()  # the last connection closes: SQLite removes its -wal and -shm
            raise
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return Runtime(db, services, paths, settings, lock, autobackup)


def damaged_with_backup(error: DamagedDatabaseError, folder: Path,
                        key: DatabaseKey | None) -> DamagedDatabaseError:
    """The same error, naming the newest good backup (``error.backup``) when there is one."""
    good = newest_good_backup(folder, error.path.stem, key)
    return DamagedDatabaseError(error.path, error.detail, good)
