"""What a front end does around the sync engine (``application.sync``).

Find and open the other side of a direct sync (a database file under its writer lock, or
a server), choose the key of an encrypted database or packet (this database's own key
when the salts match, else a passphrase the front end asks for), export and import
packets, and show the conflict list as a person reads it: the record's name, the names
behind referenced ids, who changed what on which device, and the record's version, so
that a conflict resolved from a list that is out of date is refused like any stale save.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, select

from crm_desktop.application import sync
from crm_desktop.application.database import Passphrase, open_database
from crm_desktop.domain.base import Base
from crm_desktop.domain.models import Member
from crm_desktop.runtime import Runtime
from crm_desktop.storage import encryption
from crm_desktop.storage.database import sqlite_path
from crm_desktop.storage.encryption import DatabaseKey
from crm_desktop.storage.location import DatabaseLocation
from crm_desktop.storage.lock import WRITE, DatabaseLocks
from crm_desktop.storage.redact import mask

# columns that name a record, in the order they are tried
_NAME_COLUMNS = ("display_name", "title", "name", "filename", "name_ru", "code")


def label_of(url: str) -> str:
    """How a database is named to the other side and in summaries: its file name, or
    the server's database name (the password never)."""
    path = sqlite_path(url)
    if path is not None:
        return path.name
    return mask(url).rsplit("/", 1)[-1] or "server"


@dataclass(frozen=True)
class OtherSide:
    url: str
    path: Path | None  # None: a server
    label: str


def other_side(rt: Runtime, text: str) -> OtherSide:
    """The database ``text`` names (a file or a URL), checked to exist and to be another
    database than this one."""
    text = text.strip()
    if not text:
        raise sync.SyncError.from_code("sync_no_other")
    url = text if "://" in text else "sqlite:///" + str(Path(text).expanduser().resolve())
    path = sqlite_path(url)
    if path is not None:
        if not path.is_file():
            raise sync.SyncError.from_code("sync_missing_file", path=str(path))
        if rt.db.path is not None and path.resolve() == rt.db.path.resolve():
            raise sync.SyncError.from_code("sync_same_database")
    return OtherSide(url, path, label_of(url))


def needs_passphrase(rt: Runtime, path: Path) -> bool:
    """An encrypted database file or packet that this database's key does not open."""
    return encryption.is_encrypted(path) and own_key_for(rt, path) is None


def own_key_for(rt: Runtime, path: Path) -> DatabaseKey | None:
    """This database's key when ``path`` was encrypted with it (a copy of this file, a
    packet made from it or from a replica of it)."""
    key = rt.key
    if (
        key is not None
        and encryption.is_encrypted(path)
        and encryption.file_header(path) == key.salt
    ):
        return key
    return None


def unlock(path: Path, passphrase: str) -> DatabaseKey:
    """The key of an encrypted database or packet; WrongPassphraseError when it does not
    open with ``passphrase``."""
    return encryption.unlock(path, passphrase)


def _writable(rt: Runtime) -> str:
    if rt.identity is None:
        raise sync.SyncError.from_code("sync_read_only")
    return rt.identity


def synchronise_with(
    rt: Runtime,
    other: OtherSide,
    *,
    key: DatabaseKey | None = None,
    passphrase: Passphrase | None = None,
    progress: sync.Progress | None = None,
    cancelled: sync.Cancelled | None = None,
) -> sync.SyncResult:
    """Two-way merge of this database with ``other``, whose writer lock is held for the
    whole merge (a process writing to it is named in DatabaseLockedError). An encrypted
    other file opens with ``key``, this database's own key, or ``passphrase(path)``.
    The caller holds this database's writer lock (the GUI always does)."""
    identity = _writable(rt)
    with ExitStack() as stack:
        locks = None
        if other.path is not None:
            locks = DatabaseLocks(other.path, WRITE, app="crm-desktop sync").acquire()
            stack.callback(locks.release)
            key = key or own_key_for(rt, other.path)
        there: Runtime = open_database(
            DatabaseLocation.parse(other.url),
            rt.paths,
            create=False,
            key=key,
            passphrase=passphrase,
            locks=locks,
        )
        stack.callback(there.close)
        if there.identity is None:
            raise sync.SyncError.from_code("sync_read_only")
        return sync.synchronise(
            sync.Replica(rt.db, identity, label_of(rt.db.url)),
            sync.Replica(there.db, there.identity, other.label),
            rt.services.ctx.device_id,
            progress,
            cancelled,
        )


def export_changes(
    rt: Runtime,
    dest: Path,
    *,
    since_peer: str | None = None,
    trip_id: str | None = None,
    passphrase: str | None = None,
    progress: sync.Progress | None = None,
    cancelled: sync.Cancelled | None = None,
) -> sync.Exported:
    """Write a packet of what the peer has not seen (everything without ``since_peer``),
    encrypted with ``passphrase`` when given, else with this database's key (if any)."""
    identity = _writable(rt)
    key = DatabaseKey.new(passphrase) if passphrase else rt.key
    return sync.export_packet(
        rt.db,
        identity,
        label_of(rt.db.url),
        dest,
        rt.services.ctx.device_id,
        since_peer=since_peer,
        trip_id=trip_id,
        key=key,
        progress=progress,
        cancelled=cancelled,
    )


def import_changes(
    rt: Runtime,
    path: Path,
    *,
    key: DatabaseKey | None = None,
    progress: sync.Progress | None = None,
    cancelled: sync.Cancelled | None = None,
) -> sync.Imported:
    """Apply a packet in one transaction; an encrypted one opens with ``key`` or this
    database's own key."""
    identity = _writable(rt)
    if not path.is_file():
        raise sync.SyncError.from_code("sync_missing_file", path=str(path))
    chosen = key or own_key_for(rt, path)
    return sync.import_packet(
        rt.db,
        identity,
        path,
        rt.services.ctx.device_id,
        (lambda: chosen) if chosen is not None else None,
        progress,
        cancelled,
    )


def peers(rt: Runtime) -> list[sync.PeerInfo]:
    return sync.peers(rt.db)


# -- the conflict list as a person reads it -------------------------------------------------


@dataclass(frozen=True)
class Side:
    value: Any  # the stored (JSON) value
    names: list[str] | None  # the records a reference value names, None: not a reference
    member: str  # who changed it ("" when nobody was chosen on that device)
    device: str
    at: Any  # datetime | None (UTC)


@dataclass(frozen=True)
class ConflictRow:
    id: str
    kind: str  # "field" or "delete"
    entity_type: str
    entity_id: str
    field: str
    record: str  # the record's name
    version: int | None  # the record's version now; None: the record is gone
    mine: Side  # what the record holds now (a delete conflict: "deleted" or "edited")
    theirs: Side  # the value that lost
    resolved: bool
    resolution: str

    @property
    def deleted_side(self) -> Side | None:
        """For a delete conflict: the side that moved the record to the Trash."""
        if self.kind != "delete":
            return None
        return self.mine if self.mine.value == "deleted" else self.theirs

    @property
    def record_deleted(self) -> bool:
        return self.kind == "delete" and self.mine.value == "deleted"


def open_conflict_count(rt: Runtime) -> int:
    """How many conflicts wait to be resolved (one cheap query, for the badge)."""
    t = Base.metadata.tables["sync_conflict"]
    with rt.db.engine.connect() as conn:
        n = conn.scalar(
            select(func.count())
            .select_from(t)
            .where(t.c.resolved_at.is_(None), t.c.deleted_at.is_(None))
        )
    return int(n or 0)


def _name_column(t: Table) -> Any:
    return next((t.c[n] for n in _NAME_COLUMNS if n in t.c), None)


def _record_names(conn: Connection, table: str, ids: set[str]) -> dict[str, str]:
    t = Base.metadata.tables.get(table)
    if t is None or not ids:
        return {}
    col = _name_column(t)
    if col is None:
        return {}
    return {
        str(i): str(n or "") for i, n in conn.execute(select(t.c.id, col).where(t.c.id.in_(ids)))
    }


def _referenced_table(entity_type: str, field: str) -> str | None:
    """The table a field's ids point to (a foreign key or a link), None for a plain field."""
    t = Base.metadata.tables.get(entity_type)
    if t is None:
        return None
    if field in t.c:
        fks = list(t.c[field].foreign_keys)
        return fks[0].column.table.name if fks else None
    for link in sync.LINKS.get(entity_type, []):
        if link.key == field:
            return next(iter(link.other.foreign_keys)).column.table.name
    return None


def _ids(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)] if isinstance(value, str) and value else []


def conflict_rows(rt: Runtime, include_resolved: bool = False) -> list[ConflictRow]:
    """The conflict list with names: the record, referenced records, members."""
    items = sync.conflicts(rt.db, include_resolved=include_resolved)
    with rt.db.engine.connect() as conn:
        members = {str(i): str(n) for i, n in conn.execute(select(Member.id, Member.name))}
        wanted: dict[str, set[str]] = {}
        for c in items:
            wanted.setdefault(c.entity_type, set()).add(c.entity_id)
            ref = _referenced_table(c.entity_type, c.field) if c.kind == "field" else None
            if ref is not None:
                wanted.setdefault(ref, set()).update(_ids(c.mine) + _ids(c.theirs))
        names = {table: _record_names(conn, table, ids) for table, ids in wanted.items()}
        versions: dict[tuple[str, str], int] = {}
        for table in {c.entity_type for c in items}:
            t = Base.metadata.tables.get(table)
            if t is None or "version" not in t.c:
                continue
            ids = [c.entity_id for c in items if c.entity_type == table]
            for i, v in conn.execute(select(t.c.id, t.c.version).where(t.c.id.in_(ids))):
                versions[(table, str(i))] = int(v)

    def side(c: sync.ConflictItem, value: Any, member: str | None, device: str, at: Any) -> Side:
        ref = _referenced_table(c.entity_type, c.field) if c.kind == "field" else None
        shown = None
        if ref is not None:
            table = names.get(ref, {})
            shown = [table.get(i) or i[:8] for i in _ids(value)]
        return Side(value, shown, members.get(member or "", ""), device, at)

    return [
        ConflictRow(
            c.id,
            c.kind,
            c.entity_type,
            c.entity_id,
            c.field,
            names.get(c.entity_type, {}).get(c.entity_id) or c.entity_id[:8],
            versions.get((c.entity_type, c.entity_id)),
            side(c, c.mine, c.winner_member, c.winner_device, c.winner_at),
            side(c, c.theirs, c.loser_member, c.loser_device, c.loser_at),
            c.resolved,
            c.resolution,
        )
        for c in items
    ]


def resolve(
    rt: Runtime, conflict_id: str, keep: str, *, expected_version: int | None = None
) -> sync.ConflictItem:
    """Settle a conflict as ``conflicts resolve`` does: ``keep`` is "mine", "theirs" or
    a new value. ``expected_version``: the record's version when the list was read; a
    record changed since raises ConflictError and nothing is written."""
    _writable(rt)
    return sync.resolve_conflict(
        rt.db, rt.services.ctx, conflict_id, keep, expected_version=expected_version
    )


def settle_delete(
    rt: Runtime, row: ConflictRow, restore: bool, *, expected_version: int | None = None
) -> sync.ConflictItem:
    """A delete-versus-edit conflict: bring the record back from the Trash (``restore``)
    or leave it deleted, whichever side that was."""
    wanted = "edited" if restore else "deleted"
    keep = "theirs" if row.theirs.value == wanted and row.mine.value != wanted else "mine"
    return resolve(rt, row.id, keep, expected_version=expected_version)
