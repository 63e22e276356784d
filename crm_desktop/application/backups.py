"""Back up now, copy out, list with checks, restore: one implementation for the CLI
(``backup``, ``backups``, ``restore``) and the Backups dialog.

Backups are matched to their database by the identity stored inside it
(``storage.identity``), never by file name. Backups made here rotate like the automatic
ones (the newest ten plus one a day for a month).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from crm_desktop.application.errors import NotRestoredError, UseCaseError
from crm_desktop.domain.errors import StorageError
from crm_desktop.storage import backups, encryption
from crm_desktop.storage import identity as identities
from crm_desktop.storage.backups import BackupInfo, BackupPolicy
from crm_desktop.storage.encryption import DatabaseKey
from crm_desktop.storage.lock import WriterLock

__all__ = [
    "BackupInfo",
    "BackupPolicy",
    "CheckedBackup",
    "Copy",
    "Restored",
    "back_up_now",
    "copy_to",
    "database_identity",
    "list_checked",
    "restore",
    "restore_key",
    "last_identity",
]


@dataclass(frozen=True)
class CheckedBackup:
    info: BackupInfo
    problems: list[str]  # empty: a sound backup of this database

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Copy:
    path: Path
    encrypted: bool  # the copy is encrypted (under the database's key)
    private: bool  # owner-only (0600)


def database_identity(db_path: Path, key: DatabaseKey | None) -> str | None:
    return identities.read(db_path, key if encryption.is_encrypted(db_path) else None)


def list_checked(
    db_path: Path, folder: Path, key: DatabaseKey | None, identity: str | None = None
) -> list[CheckedBackup]:
    """The backups of this database in ``folder``, newest first, each checked. The
    identity is read from the database unless given (a damaged file's last known one)."""
    found = backups.list_backups(folder, identity or database_identity(db_path, key))
    return [
        CheckedBackup(b, backups.verify_backup(b.path, key if b.encrypted else None)) for b in found
    ]


def back_up_now(
    db_path: Path,
    folder: Path,
    key: DatabaseKey | None,
    reason: str = "manual",
    policy: BackupPolicy | None = None,
) -> Path:
    """A verified backup into the backup folder, then rotation as for automatic ones."""
    ident = database_identity(db_path, key)
    made = backups.make_backup(db_path, folder, reason, key, identity=ident)
    backups.rotate(folder, ident, policy or BackupPolicy())
    return made


def copy_to(db_path: Path, dest: Path, key: DatabaseKey | None) -> Copy:
    """A consistent, verified copy of the database at ``dest`` (encrypted under the same
    key when the database is), owner-only."""
    if dest.resolve() == db_path.resolve():
        raise UseCaseError("The backup file cannot be the database itself.")
    if dest.is_dir():
        raise UseCaseError(f"{dest} is a folder; give a file name.")
    if dest.exists() and not dest.is_file():
        raise UseCaseError(f"{dest} is not a regular file; it is not replaced.")
    try:
        backups.online_backup(db_path, dest, key)
    except StorageError as e:
        raise UseCaseError(str(e)) from None
    return Copy(
        dest, encryption.is_encrypted(dest), os.name != "posix" or not dest.stat().st_mode & 0o077
    )


@dataclass(frozen=True)
class Restored:
    previous: Path | None  # where the database that was replaced went
    key: DatabaseKey | None = field(repr=False)  # the key the restored file opens with


def restore(backup: Path, target: Path, folder: Path, key: DatabaseKey | None) -> Restored:
    """Replace ``target`` with a checked ``backup`` under the writer lock. A sound current
    database is backed up first (``before-restore``, under its identity), a damaged one
    moved aside. ``key`` opens the backup and/or the current file when encrypted."""
    if not backup.is_file():
        raise NotRestoredError(f"Not restored: {backup} does not exist.")
    target.parent.mkdir(parents=True, exist_ok=True)
    with WriterLock(target):
        try:
            previous = backups.restore_backup(backup, target, folder, key)
        except StorageError as e:
            text = str(e)
            raise NotRestoredError(
                text if text.startswith("Not restored") else f"Not restored: {text}"
            ) from None
    return Restored(previous, key if encryption.is_encrypted(target) else None)


def restore_key(
    backup: Path, target: Path, passphrase: Callable[[Path], str]
) -> DatabaseKey | None:
    """The key a restore of ``backup`` over ``target`` works with: the backup's when it
    is encrypted (the current file, when encrypted too, must open with the same one: a
    file under another passphrase is not damaged and is never moved aside), else the
    current file's when that one is encrypted. ``passphrase(path)`` is asked per file."""
    if encryption.is_encrypted(backup):
        key = encryption.unlock(backup, passphrase(backup))
        if target.exists() and encryption.is_encrypted(target):
            try:
                encryption.connect(target, key, readonly=True).close()
            except encryption.WrongPassphraseError:
                raise NotRestoredError(
                    f"{target} is encrypted under another passphrase than {backup}; "
                    "nothing was changed. Restore into another file (--db), or give both "
                    "the same passphrase first."
                ) from None
        return key
    if target.exists() and encryption.is_encrypted(target):
        return encryption.unlock(target, passphrase(target))
    return None


def last_identity(db_path: Path, key: DatabaseKey | None, data_dir: Path) -> str | None:
    """The identity of a database that may be damaged: read from it when it still can
    be, else the one it had when last opened sound (to find its backups)."""
    return identities.read(db_path, key) or identities.last_known(data_dir, db_path)
