"""The one command-line entry: no subcommand opens the GUI; subcommands run headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from crm_desktop import APP_NAME, __version__
from crm_desktop.commands import CliEnv, common_options
from crm_desktop.domain.errors import CrmError


def command_modules() -> list[ModuleType]:
    """Every module that registers subcommands (explicit, so packagers see the imports)."""
    from crm_desktop.commands import core, documents, exchange, report, search, security

    return [core, documents, search, exchange, security, report]


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Offline desktop CRM for investment negotiations. "
                    "Without a command it opens the main window.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    common_options(parser, top_level=True)
    parser.add_argument("--demo", action="store_true",
                        help="open the demo database (created on first use)")
    parser.add_argument("--lang", choices=("ru", "en"), help="interface language")
    if with_commands:
        sub = parser.add_subparsers(dest="command", metavar="COMMAND")
        for module in command_modules():
            module.register(sub)
    else:
        parser.set_defaults(command=None)
    return parser


def _names_a_command(argv: list[str]) -> bool:
    """True when a word other than an option or an option's value is present."""
    takes_value = {"--db", "--lang"}
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in {"-h", "--help", "--version"}:
            return True
        elif token in takes_value:
            skip = True
        elif not token.startswith("-"):
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Starting the GUI must not pay for importing every subcommand's libraries.
    if not _names_a_command(argv):
        gui_args = build_parser(with_commands=False).parse_args(argv)
        from crm_desktop.app import run_gui  # Qt is loaded only for the GUI

        return run_gui(gui_args)
    args = build_parser().parse_args(argv)
    if args.command is None:
        from crm_desktop.app import run_gui

        return run_gui(args)
    env = CliEnv(args)
    try:
        return int(args.handler(args, env) or 0)
    except CrmError as e:
        from crm_desktop.storage.redact import mask  # never a password on the terminal

        print(f"{APP_NAME}: error: {mask(str(e))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{APP_NAME}: interrupted", file=sys.stderr)
        return 130
    finally:
        env.close()


if __name__ == "__main__":
    raise SystemExit(main())
