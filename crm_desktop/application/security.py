"""Encrypt, decrypt and re-key a database file with its backups and drafts.

One implementation for ``crm-desktop encrypt | decrypt | change-passphrase`` and the
Security menu. Each use case takes the writer lock for the whole conversion (the GUI has
closed its runtime first), finds the database's identity (``storage.identity``: a copy
of the file is told apart from the original here, before any backup is touched) and
converts exactly the backups and drafts that carry it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crm_desktop.application.errors import AlreadyEncryptedError, NotEncryptedError
from crm_desktop.runtime import identify_file
from crm_desktop.storage import backups, encryption
from crm_desktop.storage import database as storage
from crm_desktop.storage.drafts import DraftStore, drafts_folder
from crm_desktop.storage.encryption import (
    DatabaseKey,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from crm_desktop.storage.location import DatabaseLocation
from crm_desktop.storage.lock import REPLACE, DatabaseLocks, WriterLock

__all__ = [
    "ENV_PASSPHRASE",
    "MIN_PASSPHRASE",
    "Conversion",
    "DatabaseKey",
    "PassphraseRequiredError",
    "WrongPassphraseError",
    "change_passphrase",
    "check_passphrase_strength",
    "decrypt",
    "encrypt",
    "new_database_key",
    "passphrase_from_env",
    "passphrase_matches",
    "refuse_encrypted",
    "refuse_plain",
    "unlock_file",
]

MIN_PASSPHRASE = encryption.MIN_PASSPHRASE
ENV_PASSPHRASE = encryption.ENV_PASSPHRASE  # scripts give the passphrase here
passphrase_from_env = encryption.passphrase_from_env
check_passphrase_strength = encryption.check_passphrase_strength
unlock_file = encryption.unlock  # the key of an encrypted file, proven with a real read

# progress(step, done, total): step is "database", "backups" or "drafts"
Progress = Callable[[str, int, int], object]


@dataclass(frozen=True)
class Conversion:
    path: Path
    key: DatabaseKey | None = field(repr=False)  # the key to open the database with now
    identity: str | None
    skipped_backups: list[Path]  # backups that do not open with the old key: left as is
    plaintext_left: list[Path]  # damaged copies moved aside earlier, still plain


def _report(progress: Progress | None, step: str, done: int, total: int) -> None:
    if progress is not None:
        progress(step, done, total)


Folders = Path | Sequence[Path]  # the backup folder, or every one (runtime.backups_folders)


def _convert(
    path: Path,
    old_key: DatabaseKey | None,
    backups_folder: Folders,
    data_dir: Path,
    convert_database: Callable[[], DatabaseKey | None],
    progress: Progress | None,
    caller_has_file_alone: bool = False,
) -> Conversion:
    folders = [backups_folder] if isinstance(backups_folder, Path) else list(backups_folder)
    # Alone with the file: no other process may have it open while it is swapped (the
    # CLI already holds that for the whole command; the GUI has closed its own copy).
    alone = contextlib.nullcontext() if caller_has_file_alone else DatabaseLocks(path, REPLACE)
    with alone, WriterLock(path):
        storage._check_sqlite_file(path, old_key)  # ours, sound: never convert a damaged file
        storage.refuse_newer_schema(path, old_key)  # a newer version's file stays as it is
        ident = identify_file(path, old_key, folders[0], data_dir)
        _report(progress, "database", 0, 1)
        new_key = convert_database()
        _report(progress, "database", 1, 1)
        skipped: list[Path] = []
        for folder in folders:
            skipped += backups.convert_backups(
                folder,
                ident,
                old_key,
                new_key,
                lambda done, total: _report(progress, "backups", done, total),
            )
        _report(progress, "drafts", 0, 1)
        if ident is not None:
            DraftStore(drafts_folder(data_dir, ident), old_key, ident).rekey(new_key)
        _report(progress, "drafts", 1, 1)
    return Conversion(path, new_key, ident, skipped, damaged_copies(path) if new_key else [])


def damaged_copies(path: Path) -> list[Path]:
    """Damaged files moved aside beside the database (``<name>.damaged-<time>``): kept for
    a data-recovery attempt, never converted (they fail the check), so still plain."""
    return sorted(
        p
        for p in path.parent.glob(path.name + ".damaged-*")
        if p.is_file() and not encryption.is_encrypted(p)
    )


def refuse_encrypted(path: Path) -> None:
    """Encrypt takes a plain file: refused here before any passphrase is asked."""
    if encryption.is_encrypted(path):
        raise AlreadyEncryptedError(f"{path} is already encrypted; use change-passphrase.")


def refuse_plain(path: Path, hint: str = "") -> None:
    """Decrypt and re-key take an encrypted file: refused here before any passphrase is
    asked (``hint``: what to do instead, after a semicolon)."""
    if not encryption.is_encrypted(path):
        raise NotEncryptedError(f"{path} is not encrypted{'; ' + hint if hint else ''}.")


def new_database_key(passphrase: Callable[[], str]) -> DatabaseKey:
    """The key of a database made encrypted from the start, under ``passphrase()``;
    asked only once encryption is known to work here (a clear error before, if not)."""
    encryption.sqlcipher()
    return DatabaseKey.new(passphrase())


def encrypt(
    path: Path,
    passphrase: str,
    backups_folder: Folders,
    data_dir: Path,
    progress: Progress | None = None,
    *,
    has_file_alone: bool = False,
) -> Conversion:
    """Encrypt a plain database file, its backups and its drafts under ``passphrase``."""
    refuse_encrypted(path)
    encryption.check_passphrase_strength(passphrase)
    return _convert(
        path,
        None,
        backups_folder,
        data_dir,
        lambda: encryption.encrypt_file(path, passphrase),
        progress,
        has_file_alone,
    )


def decrypt(
    path: Path,
    key: DatabaseKey,
    backups_folder: Folders,
    data_dir: Path,
    progress: Progress | None = None,
    *,
    has_file_alone: bool = False,
) -> Conversion:
    """Turn an encrypted database, its backups and drafts back into plain SQLite."""
    refuse_plain(path)

    def convert() -> None:
        encryption.decrypt_file(path, key)

    return _convert(path, key, backups_folder, data_dir, convert, progress, has_file_alone)


def change_passphrase(
    path: Path,
    key: DatabaseKey,
    new_passphrase: str,
    backups_folder: Folders,
    data_dir: Path,
    progress: Progress | None = None,
    *,
    has_file_alone: bool = False,
) -> Conversion:
    """Re-key an encrypted database, its backups and drafts under ``new_passphrase``."""
    refuse_plain(path, "use encrypt")
    encryption.check_passphrase_strength(new_passphrase)
    return _convert(
        path,
        key,
        backups_folder,
        data_dir,
        lambda: encryption.rekey_file(path, key, new_passphrase),
        progress,
        has_file_alone,
    )


def database_file(location: DatabaseLocation) -> Path:
    """The SQLite file of ``location``, which must exist; a server is refused."""
    from crm_desktop.application.errors import NotAFileDatabaseError

    path = location.path
    if path is None:
        raise NotAFileDatabaseError(encryption.SERVER_MESSAGE)
    if not location.exists:
        raise NotAFileDatabaseError(f"{path} does not exist.")
    return path


def passphrase_matches(key: DatabaseKey, passphrase: str) -> bool:
    """Does ``passphrase`` give the key the database was opened with? (The lock screen
    and the current passphrase of a re-key; compared in constant time.)"""
    import hmac

    return hmac.compare_digest(DatabaseKey.derive(passphrase, key.salt).raw, key.raw)
