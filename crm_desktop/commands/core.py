"""demo, list, check, backup, restore."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crm_desktop.commands import REPLACE, WRITE, CliEnv, out
from crm_desktop.commands.plural import count, lang_of
from crm_desktop.config import database_url
from crm_desktop.domain import kinds, serialize
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.kinds import Kind
from crm_desktop.files import refuse_special

# kind -> (serializer, column headings for the text table); `list` names kinds by plural
LISTS: dict[Kind, tuple[Callable[[Any], dict[str, Any]], tuple[str, ...]]] = {
    kinds.COMPANY: (serialize.company, ("name_native", "name_latin", "name_ru", "country", "city")),
    kinds.CONTACT: (serialize.contact, ("display_name", "name_latin", "name_ru", "position")),
    kinds.PROJECT: (serialize.project, ("title", "status", "capex", "capex_currency")),
    kinds.MEETING: (serialize.meeting, ("local_start", "timezone", "title")),
    kinds.TASK: (serialize.task, ("due_date", "status", "title")),
    kinds.TRIP: (serialize.trip, ("start_date", "end_date", "title")),
    kinds.SITE: (serialize.site, ("kind", "name", "name_en")),
    kinds.SUPPORT_MEASURE: (serialize.measure, ("kind", "name", "name_en")),
    kinds.MEMBER: (serialize.member, ("name", "position")),
}


def _confirm_replacing(path: Path, args: argparse.Namespace) -> None:
    if args.replace_my_data:
        return
    refusal = (
        f"{path} is not a demo database; nothing was changed. To replace it with "
        "demo data anyway, add --yes-replace-my-data (a backup is made first)."
    )
    if not sys.stdin or not sys.stdin.isatty():
        raise CrmError(refusal)
    try:
        answer = input(
            f"{path} holds your own data, not a demo. Replace it with demo data "
            "(a backup is made first)? Type yes to go on: "
        )
    except EOFError:
        raise CrmError(refusal) from None
    if answer.strip().lower() != "yes":
        raise CrmError("Nothing was changed.")


def cmd_init(args: argparse.Namespace, env: CliEnv) -> int:
    """An empty database: migrated, with its identity; never over an existing one."""
    location = env.location
    path = location.path
    if path is not None:
        env.hold(WRITE)  # a second init of the same file is refused here or just below
        if path.exists() and (not path.is_file() or path.stat().st_size > 0):
            raise CrmError(
                f"{path} already exists; nothing was changed. Open it with --db, "
                "or give init another file."
            )
    elif _server_has_schema(location.url):
        raise CrmError(
            f"{location.shown} already holds a crm-desktop database; nothing was changed."
        )
    key = None
    if args.encrypt:
        if path is None:
            raise CrmError(
                "--encrypt encrypts an SQLite file; a server database is protected by the server."
            )
        from crm_desktop.application.security import new_database_key
        from crm_desktop.commands.passphrase import new_passphrase

        key = new_database_key(new_passphrase)
    rt = env.runtime(create=True, key=key)
    state = "encrypted, " if rt.key is not None else ""
    out(f"Empty database ready: {location.shown} ({state}schema {rt.db.schema_version()})")
    return 0


def _server_has_schema(url: str) -> bool:
    from sqlalchemy import create_engine, inspect

    engine = create_engine(url)
    try:
        return "alembic_version" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def cmd_demo(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.application import demo
    from crm_desktop.commands.passphrase import terminal_passphrase

    location = env.location
    path = location.path
    if path is not None and location.exists:
        if not args.force:
            raise CrmError(f"{path} already exists; use --force to replace it.")
        env.hold(REPLACE)  # nobody else may have it open while it is replaced
        saved = demo.set_aside(
            location, env.paths, terminal_passphrase, lambda p: _confirm_replacing(p, args)
        )
        out(f"The previous database was saved to {saved}")
    else:
        env.hold(WRITE)
    rt = env.runtime(create=True)
    large = None
    if args.size == "large" or any((args.companies, args.contacts, args.meetings)):
        large = demo.LargeDemo(args.companies, args.contacts, args.meetings)
    counts = demo.fill(rt, large, progress=_terminal_progress())
    out(f"Demo database ready: {location.shown}")
    out(", ".join(count(n, k, lang_of(args)) for k, n in counts.items()))
    return 0


def _terminal_progress() -> Callable[[str, int, int], None]:
    """Progress of a long fill on a terminal's stderr (nothing when not a terminal)."""
    started = time.monotonic()
    shown = [0.0]

    def progress(what: str, done: int, total: int) -> None:
        now = time.monotonic()
        if sys.stderr.isatty() and (now - shown[0] > 0.5 or done == total):
            shown[0] = now
            end = "\n" if done == total else ""
            print(
                f"\r{what}: {done}/{total}  ({now - started:.0f} s)   ",
                end=end,
                file=sys.stderr,
                flush=True,
            )

    return progress


def cmd_list(args: argparse.Namespace, env: CliEnv) -> int:
    kind = kinds.BY_PLURAL[args.entity]
    to_dict, columns = LISTS[kind]
    service = getattr(env.runtime().services, kind.service)
    rows = service.list(service.query(deleted=args.deleted, limit=args.limit))
    # the version is what `update --if-version` checks
    records = [{**to_dict(r), "version": r.version} for r in rows]
    if args.json:
        out(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    for rec in records:
        out("  ".join([rec["id"][:8]] + [_cell(rec.get(c)) for c in columns]))
    return 0


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return str(value)


def cmd_check(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.application.database import check

    if args.reindex:
        env.hold(WRITE)
    rt = env.runtime()
    if args.reindex:
        from crm_desktop.commands.search import reindex_database

        reindex_database(rt)
    found = check(rt)
    out(f"database: {found.shown}")
    out(f"schema: {found.schema} (current: {found.current_schema})")
    counts = {k.plural: getattr(rt.services, k.service).count() for k in LISTS}
    lang = lang_of(args)
    out("records: " + ", ".join(count(n, k, lang) for k, n in counts.items()))
    if not found.ok:
        for p in found.problems:
            out(f"problem: {p}")
        raise CrmError(f"{count(len(found.problems), 'problem')} found.")
    out("integrity: ok")
    return 0


def cmd_backup(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.application import backups as app_backups
    from crm_desktop.runtime import backups_folder

    rt = env.runtime()
    if rt.db.path is None:
        raise CrmError(
            "Backups of a server database are made with the server's tools "
            "(pg_dump); this command copies SQLite files."
        )
    if args.output is None:
        made = app_backups.back_up_now(
            rt.db.path, backups_folder(rt.paths, rt.settings), rt.key, reason="cli"
        )
        out(f"Backup written: {made}")
        return 0
    dest = Path(args.output)
    refuse_special(dest)
    copy = app_backups.copy_to(rt.db.path, dest, rt.key)
    out(f"Backup written: {copy.path}")
    return 0


def cmd_restore(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.application import backups as app_backups
    from crm_desktop.commands.passphrase import terminal_passphrase
    from crm_desktop.config import Settings
    from crm_desktop.runtime import backups_folder

    src = Path(args.file)
    if not src.is_file():
        raise CrmError(f"{src} does not exist.")
    target = env.location.path
    if target is None:
        raise CrmError("Restore replaces an SQLite file; the current database is a server.")
    env.hold(REPLACE)  # no other process may have the file open while it is replaced
    key = app_backups.restore_key(src, target, terminal_passphrase)
    # The backup must be a sound crm-desktop database before it replaces anything; a
    # sound current database is backed up first, a damaged one is moved aside.
    folder = backups_folder(env.paths, Settings.load(env.paths.settings_file))
    done = app_backups.restore(src, target, folder, key)
    if done.previous is not None:
        out(f"The current database was saved to {done.previous}")
    if key is not None and done.key is None:
        out("note: the restored backup is not encrypted; run `crm-desktop encrypt` again.")
    rt = env.runtime()  # migrates an older backup to the current schema
    out(f"Restored {src} into {target} (schema {rt.db.schema_version()}).")
    return 0


__all__ = ["LISTS", "database_url"]
