"""The one command-line entry: no subcommand opens the GUI; subcommands run headless."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from crm_desktop import APP_NAME, __version__
from crm_desktop.commands.arguments import (
    OneLineParser,
    common_options,
    environment_epilog,
    register_all,
)

# Nothing heavy above this line: --version and --help answer before SQLAlchemy, the
# models or the services are imported (tests/test_cli_parsing.py checks it). A command's
# module is imported once the command line names it.


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog=APP_NAME,
        description="Offline desktop CRM for investment negotiations.\n"
        "Without a command it opens the main window.",
        epilog=environment_epilog() + "\n\n`crm-desktop COMMAND --help` describes a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help="print the version and exit",
    )
    common_options(parser, top_level=True)
    parser.add_argument(
        "--demo", action="store_true", help="open the demo database (created on first use)"
    )
    parser.add_argument(
        "--lang",
        choices=("ru", "en"),
        help="interface language; before a command, also the language of "
        "the documents and sheets it writes",
    )
    if with_commands:
        sub = parser.add_subparsers(dest="command", metavar="COMMAND")
        register_all(sub)
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


def handler_of(args: argparse.Namespace) -> Callable[..., int | None]:
    """The function a parsed command names as ``"module:function"``, imported now."""
    module, _, name = str(args.handler).partition(":")
    handler: Callable[..., int | None] = getattr(import_module(module), name)
    return handler


def _languages(args: argparse.Namespace) -> None:
    """``--lang`` before the command is the language of what the command writes, unless
    the command's own ``--lang`` says otherwise."""
    top = getattr(args, "lang", None)
    if top is None:
        return
    for dest in ("doc_lang", "sheet_lang"):
        if dest in args and getattr(args, dest) is None:
            setattr(args, dest, top)


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
    _languages(args)
    from crm_desktop.commands import CliEnv
    from crm_desktop.domain.errors import CrmError

    env = CliEnv(args)
    try:
        try:
            return int(handler_of(args)(args, env) or 0)
        finally:
            env.close()
    except CrmError as e:
        return _fail(str(e))
    except KeyboardInterrupt:
        print(f"{APP_NAME}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except Exception as e:  # noqa: BLE001 - the one place a headless error becomes one line
        return _fail(known_error_text(e), e)


def _fail(text: str, error: BaseException | None = None) -> int:
    from crm_desktop.storage.redact import mask  # never a password on the terminal

    try:
        print(f"{APP_NAME}: error: {mask(text)}", file=sys.stderr)
        if error is not None and os.environ.get("CRM_DEBUG"):
            import traceback

            traceback.print_exception(error, file=sys.stderr)
    except BrokenPipeError:
        pass
    return 1


def _quiet_broken_pipe() -> int:
    """The reader of our output went away (``| head``): stop quietly, as Unix tools do,
    and keep Python from complaining again when it flushes stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 141  # 128 + SIGPIPE, what a shell reports for a tool stopped by a closed pipe


def known_error_text(e: BaseException) -> str:
    """One line for errors that reach the top without a message of our own."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    cause: BaseException = e.orig if isinstance(e, DBAPIError) and e.orig is not None else e
    detail = str(cause).splitlines()[0] if str(cause) else cause.__class__.__name__
    if isinstance(cause, sqlite3.Error) or cause.__class__.__name__ in (
        "OperationalError",
        "DatabaseError",
        "IntegrityError",
    ):
        if "readonly" in detail:
            return (
                "the database cannot be written: the file or its folder is read-only. "
                "Nothing was changed."
            )
        if "locked" in detail or "busy" in detail:
            return (
                "the database is busy in another process; nothing was changed. "
                "Try again when it has finished."
            )
        if "disk I/O" in detail or "full" in detail:
            return f"the database could not be written ({detail}); nothing was changed."
        return f"database error: {detail}"
    if isinstance(cause, OSError):
        where = f" {cause.filename}" if cause.filename else ""
        return f"cannot use{where}: {cause.strerror or detail}."
    if isinstance(cause, MemoryError):
        return "out of memory; nothing was changed."
    return f"{cause.__class__.__name__}: {detail} (set CRM_DEBUG=1 to see where)"


if __name__ == "__main__":
    raise SystemExit(main())
