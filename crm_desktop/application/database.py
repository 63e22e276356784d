"""Open a database: the one use case both front ends call.

The location is parsed once (:func:`locate`: ``--db`` beats ``CRM_DATABASE_URL`` beats
the default file) into a :class:`DatabaseLocation`; :func:`open_database` takes it from
there in a straight line: the header says whether the file is encrypted, the
passphrase is asked once (the front end supplies how: a terminal prompt or a dialog),
then the runtime opens it (locks, checks, backup-then-migrate, services).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.application.location import locate
from crm_desktop.config import Paths, Settings
from crm_desktop.runtime import Runtime, backups_folder, open_runtime, take_locks
from crm_desktop.storage import database as storage
from crm_desktop.storage import encryption
from crm_desktop.storage.encryption import DatabaseKey
from crm_desktop.storage.location import DatabaseLocation
from crm_desktop.storage.lock import READ, REPLACE, WRITE, DatabaseLocks

__all__ = [
    "READ",
    "REPLACE",
    "WRITE",
    "DatabaseCheck",
    "DatabaseLocation",
    "DatabaseLocks",
    "check",
    "locate",
    "lock",
    "open_database",
    "unlock",
]

# The passphrase of an existing encrypted file (None: the user cancelled).
Passphrase = Callable[[Path], str | None]


def unlock(location: DatabaseLocation, passphrase: Passphrase) -> DatabaseKey | None:
    """The key of an encrypted file (None for a plain file or a server). Raises
    PassphraseRequiredError when ``passphrase`` gives none, WrongPassphraseError when
    the one given does not open the file."""
    path = location.path
    if path is None or not location.encrypted:
        return None
    given = passphrase(path)
    if given is None:
        raise encryption.PassphraseRequiredError(path)
    return encryption.unlock(path, given)


def open_database(
    location: DatabaseLocation,
    paths: Paths,
    *,
    passphrase: Passphrase | None = None,
    key: DatabaseKey | None = None,
    create: bool = True,
    writer: bool = False,
    auto_backup: bool = False,
    deferred_checks: bool = False,
    locks: DatabaseLocks | None = None,
) -> Runtime:
    """Open the database at ``location`` and build the services over it.

    An encrypted file is unlocked with ``key`` when given, else with what
    ``passphrase(path)`` returns (asked once, before any lock or engine). ``create``
    makes a missing file; ``writer`` takes the one-writer lock (the GUI; a CLI command
    holds its locks already and passes them as ``locks``); ``auto_backup`` backs up at
    start and after changes; ``deferred_checks`` leaves the full integrity check and the
    start backup to ``runtime.run_start_checks`` (the GUI runs it once the window is up).
    """
    if key is None and passphrase is not None:
        key = unlock(location, passphrase)
    return open_runtime(
        location,
        paths,
        create=create,
        key=key,
        writer=writer,
        auto_backup=auto_backup,
        deferred_checks=deferred_checks,
        locks=locks,
    )


def lock(
    location: DatabaseLocation, paths: Paths, access: str = READ, app: str = "crm-desktop"
) -> DatabaseLocks | None:
    """Take the locks ``access`` needs on the file (READ, WRITE or REPLACE; see
    storage.lock.DatabaseLocks), before anything is read; a refusal names the holder
    (``app`` is how this process is named to others). A writer or a whole-file operation
    also finishes or undoes what a killed one left. None for a server."""
    path = location.path
    if path is None:
        return None
    storage.check_location(path, write=access != READ)
    return take_locks(path, backups_folder(paths, Settings.load(paths.settings_file)), access, app)


@dataclass(frozen=True)
class DatabaseCheck:
    shown: str  # the file, or the server URL without its password
    schema: str | None
    current_schema: str
    problems: list[str]  # empty: sound

    @property
    def ok(self) -> bool:
        return not self.problems


def check(rt: Runtime) -> DatabaseCheck:
    """The full integrity check of an open database, with its schema version."""
    problems = storage.integrity_check(rt.db)
    return DatabaseCheck(
        rt.db.location.shown, rt.db.schema_version(), storage.head_revision(), problems
    )
