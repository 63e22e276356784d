"""Typed errors of the use cases; ``str(error)`` is the one line a user reads."""

from __future__ import annotations

from crm_desktop.domain.errors import CrmError
from crm_desktop.storage.database import DamagedDatabaseError
from crm_desktop.storage.lock import DatabaseLockedError

# Raised by opening a database; the front ends offer a backup, or name the holder.
__all__ = [
    "AlreadyEncryptedError",
    "DamagedDatabaseError",
    "DatabaseLockedError",
    "NotAFileDatabaseError",
    "NotEncryptedError",
    "NotRestoredError",
    "UseCaseError",
]


class UseCaseError(CrmError):
    code = "use_case"


class NotAFileDatabaseError(UseCaseError):
    """Encryption, backups and restore work on SQLite files, not on a server."""

    code = "not_a_file"


class AlreadyEncryptedError(UseCaseError):
    code = "already_encrypted"


class NotEncryptedError(UseCaseError):
    code = "not_encrypted"


class NotRestoredError(UseCaseError):
    code = "not_restored"
