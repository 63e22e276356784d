"""sync OTHER / sync export / sync import / conflicts [resolve]."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from crm_desktop.application import sync
from crm_desktop.application.database import DatabaseLocation
from crm_desktop.application.security import DatabaseKey, WrongPassphraseError
from crm_desktop.commands import WRITE, CliEnv, out
from crm_desktop.commands.resolve import record_id
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.models import Member, Trip
from crm_desktop.runtime import Runtime

PACKET_PASSPHRASE_ENV = "CRM_PACKET_PASSPHRASE"


def _other_url(text: str) -> str:
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def _print_summary(title: str, summary: sync.Summary) -> None:
    out(title)
    for line in summary.lines():
        out(line)


def cmd_sync(args: argparse.Namespace, env: CliEnv) -> int:
    if args.what == "export":
        return _export(args, env)
    if args.what == "import":
        return _import(args, env)
    if args.file or args.output or args.since_peer or args.trip or args.passphrase:
        raise CrmError("`sync OTHER` takes no FILE, -o, --since-peer, --trip or --passphrase.")
    return _direct(args, env)


def _direct(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.commands.passphrase import terminal_passphrase

    env.hold(WRITE)
    rt = env.runtime()
    where = DatabaseLocation.parse(_other_url(args.what))
    other_path = where.path
    if other_path is not None:
        if not other_path.is_file():
            raise CrmError(f"{other_path} does not exist.")
        if rt.db.path is not None and other_path.resolve() == rt.db.path.resolve():
            raise CrmError("Both names lead to the same database; nothing to synchronise.")
    here, there = sync.replica_label(env.location), sync.replica_label(where)
    with sync.open_other(where, env.paths, terminal_passphrase) as other:
        if rt.identity is None or other.identity is None:
            raise CrmError("A read-only database cannot take part in a sync.")
        result = sync.synchronise(
            sync.Replica(rt.db, rt.identity, here),
            sync.Replica(other.db, other.identity, there),
            rt.services.ctx.device_id,
        )
    out(f"Synchronised with {there}.")
    _print_summary(f"here ({here}):", result.here)
    _print_summary(f"there ({there}):", result.there)
    _conflict_hint(len(result.here.new_conflicts))
    return 0


def _conflict_hint(n: int) -> None:
    if n:
        out(f"{n} new conflict{'s' if n != 1 else ''}: see `crm-desktop conflicts`.")


def _packet_passphrase() -> str:
    from crm_desktop.commands.passphrase import new_passphrase

    return new_passphrase(PACKET_PASSPHRASE_ENV)


def _export(args: argparse.Namespace, env: CliEnv) -> int:
    if not args.output:
        raise CrmError("sync export needs -o FILE.")
    if args.file:
        raise CrmError("sync export takes no FILE; give it with -o.")
    env.hold(WRITE)
    rt = env.runtime()
    if rt.identity is None:
        raise CrmError("A read-only database cannot export a packet.")
    key: DatabaseKey | None = rt.key
    if args.passphrase:
        key = sync.new_packet_key(_packet_passphrase())
    trip_id = (
        record_id(rt.services, Trip, "trip", args.trip, names=(Trip.title,)) if args.trip else None
    )
    done = sync.export_packet(
        rt.db,
        rt.identity,
        sync.replica_label(env.location),
        Path(args.output),
        rt.services.ctx.device_id,
        since_peer=args.since_peer,
        trip_id=trip_id,
        key=key,
    )
    how = "encrypted" if done.encrypted else "not encrypted"
    for_whom = f" for {done.peer}" if done.peer else ""
    out(f"{done.path}: {done.records} records{for_whom} ({how}).")
    return 0


def _import(args: argparse.Namespace, env: CliEnv) -> int:
    if not args.file:
        raise CrmError("sync import needs the packet FILE.")
    if args.output or args.since_peer or args.trip or args.passphrase:
        raise CrmError("sync import takes only the packet FILE.")
    path = Path(args.file)
    if not path.is_file():
        raise CrmError(f"{path} does not exist.")
    env.hold(WRITE)
    rt = env.runtime(create=True)  # a new laptop's first packet makes its database
    if rt.identity is None:
        raise CrmError("A read-only database cannot import a packet.")

    def passphrase() -> str:
        from crm_desktop.commands.passphrase import _prompt

        return os.environ.get(PACKET_PASSPHRASE_ENV) or _prompt(f"Passphrase for {path}: ")

    def key() -> DatabaseKey:
        try:
            return sync.packet_key(path, rt.key, passphrase)
        except WrongPassphraseError:
            raise CrmError(
                f"{path} does not open with that passphrase; nothing was changed."
            ) from None

    done = sync.import_packet(rt.db, rt.identity, path, rt.services.ctx.device_id, key)
    _print_summary(
        f"Applied {path.name} from {done.sender_label or done.sender[:8]}:", done.summary
    )
    _conflict_hint(len(done.summary.new_conflicts))
    return 0


def _member_names(rt: Runtime) -> dict[str, str]:
    from sqlalchemy import select

    with rt.services.ctx.reading() as s:
        return {i: n for i, n in s.execute(select(Member.id, Member.name))}


def _who(names: dict[str, str], member: str | None, device: str) -> str:
    who = names.get(member or "", "")
    return f"{who} on device {device[:8]}" if who else f"device {device[:8]}"


def _show(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def cmd_conflicts(args: argparse.Namespace, env: CliEnv) -> int:
    if args.what == "resolve":
        if not args.id or args.keep is None:
            raise CrmError("conflicts resolve needs ID and --keep mine|theirs|VALUE.")
        env.hold(WRITE)
        rt = env.runtime()
        found = sync.find_conflict(rt.db, args.id)
        done = sync.resolve_conflict(rt.db, rt.services.ctx, found.id, args.keep)
        out(
            f"Resolved {done.id[:8]}: {done.entity_type} {done.entity_id[:8]} "
            f"{done.field or 'deleted or kept'} = {_show(done.mine)}"
        )
        return 0
    if args.id or args.keep is not None:
        raise CrmError("Use `conflicts resolve ID --keep mine|theirs|VALUE`.")
    rt = env.runtime()
    items = sync.conflicts(rt.db, include_resolved=args.all)
    names = _member_names(rt)
    if args.json:
        out(
            json.dumps(
                [
                    {
                        "id": c.id,
                        "kind": c.kind,
                        "entity_type": c.entity_type,
                        "entity_id": c.entity_id,
                        "field": c.field,
                        "mine": c.mine,
                        "theirs": c.theirs,
                        "winner": {
                            "device": c.winner_device,
                            "member": names.get(c.winner_member or ""),
                            "at": c.winner_at.isoformat() if c.winner_at else None,
                        },
                        "loser": {
                            "device": c.loser_device,
                            "member": names.get(c.loser_member or ""),
                            "at": c.loser_at.isoformat() if c.loser_at else None,
                        },
                        "resolved": c.resolved,
                        "resolution": c.resolution,
                    }
                    for c in items
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not items:
        out("No open conflicts.")
        return 0
    for c in items:
        what = c.field if c.kind == "field" else "deleted / edited"
        out(f"{c.id[:8]}  {c.entity_type} {c.entity_id[:8]}  {what}")
        out(
            f"    mine:   {_show(c.mine)}   ({_who(names, c.winner_member, c.winner_device)}, "
            f"{c.winner_at:%Y-%m-%d %H:%M} UTC)"
            if c.winner_at
            else f"    mine:   {_show(c.mine)}"
        )
        out(
            f"    theirs: {_show(c.theirs)}   ({_who(names, c.loser_member, c.loser_device)}, "
            f"{c.loser_at:%Y-%m-%d %H:%M} UTC)"
            if c.loser_at
            else f"    theirs: {_show(c.theirs)}"
        )
    return 0
