"""Headless subcommands. Each module registers its parsers; cli.py collects them."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from crm_desktop.config import Paths, database_url, resolve_paths
from crm_desktop.domain.errors import CrmError
from crm_desktop.runtime import Runtime, open_runtime


def common_options(parser: argparse.ArgumentParser, top_level: bool = False) -> None:
    """--db and --portable work before or after the subcommand."""
    default = None if top_level else argparse.SUPPRESS
    parser.add_argument("--db", metavar="PATH", default=default,
                        help="database file or URL (default: the user data directory, "
                             "or $CRM_DATABASE_URL)")
    parser.add_argument("--portable", action="store_true", default=False if top_level
                        else argparse.SUPPRESS,
                        help="keep database, settings and backups next to the application")


def add_command(sub: argparse._SubParsersAction, name: str, help: str,
                handler: object) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help, description=help)
    common_options(p)
    p.set_defaults(handler=handler)
    return p


class CliEnv:
    """What a command needs, opened lazily: paths, and the database with its services."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.paths: Paths = resolve_paths(portable=getattr(args, "portable", False))
        self._runtime: Runtime | None = None

    @property
    def url(self) -> str:
        return database_url(getattr(self.args, "db", None), self.paths,
                            demo=getattr(self.args, "demo", False))

    def runtime(self, create: bool = False) -> Runtime:
        if self._runtime is None:
            from crm_desktop.commands.security import terminal_passphrase

            self._runtime = open_runtime(self.url, self.paths, create=create,
                                         passphrase=terminal_passphrase)
        return self._runtime

    def close(self) -> None:
        if self._runtime is not None:
            self._runtime.close()
            self._runtime = None


@contextmanager
def atomic_output(path: str | os.PathLike[str], mode: str = "wb",
                  encoding: str | None = None, newline: str | None = None) -> Iterator[IO]:
    """Write to a temporary file beside the target, rename it into place on success.

    A failure (disk full, permission, an exception while writing) leaves no half-written
    file and the previous file, if any, untouched.
    """
    target = Path(path)
    if target.is_dir():
        raise CrmError(f"{target} is a folder; give a file name.")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as e:
        raise CrmError(f"Cannot write {target}: {e.strerror}.") from None
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as e:
        _unlink(tmp)
        raise CrmError(f"Cannot write {target}: {e.strerror or e}.") from None
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_output(path) as f:
        f.write(data)


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")
