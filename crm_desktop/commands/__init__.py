"""Headless subcommands: their arguments in ``arguments`` (imported before parsing, so
kept light), their handlers in one module per area, imported once a command is chosen."""

from __future__ import annotations

import argparse
import os
import sys
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crm_desktop.application.database import DatabaseLocation, DatabaseLocks
    from crm_desktop.application.security import DatabaseKey
    from crm_desktop.config import Paths
    from crm_desktop.runtime import Runtime

__all__ = ["READ", "REPLACE", "WRITE", "CliEnv", "out"]

# = crm_desktop.application.database.READ, WRITE, REPLACE (tests/test_cli_parsing.py holds
# them equal): this package is imported before the command line is parsed, and --version
# must not import the storage layer.
READ, WRITE, REPLACE = "read", "write", "replace"


class CliEnv:
    """What a command needs, opened lazily: paths, and the database with its services."""

    def __init__(self, args: argparse.Namespace) -> None:
        from crm_desktop.config import resolve_paths

        self.args = args
        self.paths: Paths = resolve_paths(portable=getattr(args, "portable", False))
        self._runtime: Runtime | None = None
        self._locks: DatabaseLocks | None = None
        self._noted = False  # the note on unencrypted copies was printed

    @cached_property
    def location(self) -> DatabaseLocation:
        """The database this command works on, parsed once from --db, $CRM_DATABASE_URL
        or the default; everything after reads it from here."""
        from crm_desktop.application.database import locate

        return locate(
            getattr(self.args, "db", None), self.paths, demo=getattr(self.args, "demo", False)
        )

    @property
    def url(self) -> str:
        return self.location.url

    def hold(self, access: str = READ) -> Path | None:
        """Take the locks ``access`` needs on the SQLite file (READ, WRITE or REPLACE; see
        application.database.DatabaseLocks) for the rest of the command, before anything is read;
        a refusal is one line naming the holder. Returns the file (None for a server).
        Writers and whole-file operations also finish or undo what a killed one left."""
        from crm_desktop.application.database import lock

        path = self.location.path
        if path is None or self._locks is not None:
            return path
        command = " ".join(
            w for w in (getattr(self.args, "command", None), getattr(self.args, "what", None)) if w
        )
        self._locks = lock(self.location, self.paths, access, app=f"crm-desktop {command}".strip())
        return path

    def runtime(self, create: bool = False, key: DatabaseKey | None = None) -> Runtime:
        """The database and its services; ``create`` makes a missing database (``key``:
        encrypted from the start)."""
        if self._runtime is None:
            from crm_desktop.application.database import open_database
            from crm_desktop.commands.passphrase import terminal_passphrase

            self.hold(READ)
            self._runtime = open_database(
                self.location,
                self.paths,
                create=create,
                key=key,
                passphrase=terminal_passphrase,
                locks=self._locks,
            )
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
            out(
                f"note: {path} is not encrypted (the database is); it is readable by your "
                "account only: keep it on an encrypted disk or delete it after use."
            )

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
