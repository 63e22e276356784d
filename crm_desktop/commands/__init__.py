"""Headless subcommands. Each module registers its parsers; cli.py collects them."""

from __future__ import annotations

import argparse
import sys

from crm_desktop.config import Paths, database_url, resolve_paths
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


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")
