"""Headless subcommands: their arguments in ``arguments`` (imported before parsing, so
kept light), their handlers in one module per area, imported once a command is chosen."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crm_desktop.config import Paths
    from crm_desktop.runtime import Runtime
    from crm_desktop.storage.encryption import DatabaseKey
    from crm_desktop.storage.lock import DatabaseLocks

__all__ = ["READ", "REPLACE", "WRITE", "CliEnv", "out"]

# = crm_desktop.storage.lock.READ, WRITE, REPLACE (tests/test_cli_parsing.py holds them
# equal): this package is imported before the command line is parsed, and --version
# must not import the storage layer.
READ, WRITE, REPLACE = "read", "write", "replace"


class CliEnv:
    """What a command needs, opened lazily: paths, and the database with its services."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        from crm_desktop.config import resolve_paths

        self.paths: Paths = resolve_paths(portable=getattr(args, "portable", False))
        self._runtime: Runtime | None = None
        self._locks: DatabaseLocks | None = None
        self._noted = False  # the note on unencrypted copies was printed

    @property
    def url(self) -> str:
        from crm_desktop.config import database_url

        return database_url(getattr(self.args, "db", None), self.paths,
                            demo=getattr(self.args, "demo", False))

    def hold(self, access: str = READ) -> Path | None:
        """Take the locks ``access`` needs on the SQLite file (READ, WRITE or REPLACE; see
        storage.lock.DatabaseLocks) for the rest of the command, before anything is read;
        a refusal is one line naming the holder. Returns the file (None for a server).
        Writers and whole-file operations also finish or undo what a killed one left."""
        from crm_desktop.storage.database import check_location, recover_interrupted, sqlite_path
        from crm_desktop.storage.lock import DatabaseLocks

        path = sqlite_path(self.url)
        if path is None or self._locks is not None:
            return path
        check_location(path, write=access != READ)
        command = " ".join(w for w in (getattr(self.args, "command", None),
                                       getattr(self.args, "what", None)) if w)
        self._locks = DatabaseLocks(path, access, app=f"crm-desktop {command}".strip())
        self._locks.acquire()
        if access in (WRITE, REPLACE):
            from crm_desktop.config import Settings
            from crm_desktop.runtime import backups_folder

            recover_interrupted(path, backups_folder(self.paths,
                                                     Settings.load(self.paths.settings_file)))
        return path

    def runtime(self, create: bool = False, key: DatabaseKey | None = None) -> Runtime:
        """The database and its services; ``create`` makes a missing database (``key``:
        encrypted from the start)."""
        if self._runtime is None:
            from crm_desktop.commands.passphrase import terminal_passphrase
            from crm_desktop.runtime import open_runtime

            self.hold(READ)
            self._runtime = open_runtime(self.url, self.paths, create=create, key=key,
                                         passphrase=terminal_passphrase, locks=self._locks)
        return self._runtime

    @property
    def private(self) -> bool:
        """Files written from this database are owner-only: it is encrypted at rest."""
        return self.runtime().key is not None

    def written(self, path: str | os.PathLike[str]) -> None:
        """Print the file just written; the first one written from an encrypted database
        comes with one note that the copy is not encrypted."""
        out(str(path))
        self.note_unencrypted(path)

    def note_unencrypted(self, path: str | os.PathLike[str]) -> None:
        if self.private and not self._noted:
            self._noted = True
            out(f"note: {path} is not encrypted (the database is); it is readable by your "
                "account only: keep it on an encrypted disk or delete it after use.")

    def close_runtime(self) -> None:
        """Close the database but keep the locks (a whole-file operation closes every
        connection before it replaces the file)."""
        if self._runtime is not None:
            self._runtime.close()
            self._runtime = None

    def close(self) -> None:
        try:
            self.close_runtime()
        finally:
            if self._locks is not None:
                self._locks.release()
                self._locks = None


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")
