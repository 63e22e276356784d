"""Two-way merge of crm-desktop databases: directly (a file or a server) or by packet.

The rows carry what a merge needs (domain/base.py): a UUID, a hybrid-logical-clock stamp
(``hlc``), the device that made them, a tombstone instead of a hard delete; and every
field change is in the history (``audit_entry``), which travels with the record.

**What changed since two replicas last met** is read from the history: an entry one side
holds and the other does not is a change the other has not seen. Per field:

- changed on one side only: that side's value is taken, silently;
- changed on both sides to different values: a **conflict**. The value with the newer
  stamp is applied; the other goes into ``sync_conflict`` with who, which device and when
  for both sides; a ``merge`` entry in the history records which side won;
- changed on neither side but different (rows written without history): the row with the
  newer stamp gives the value.

A delete on one side and an edit on the other is a conflict too ("delete"): the newer of
the two decides whether the record stays in the Trash, and the edits are merged into it
either way, so nothing is lost. Conflict ids and merge entries are derived from the
history entries involved, so two replicas that find the same conflict make the same row.

**What to send** is tracked per peer (``sync_peer``, keyed by the database identity of
``storage.identity``) in the sender's own clock: a row is sent when its stamp, or the
stamp of its last arrival through a merge (``sync_arrival``), is newer than what the peer
is known to hold. Applying is idempotent, so sending too much is harmless; the clocks of
both sides move past everything received (setting ``sync.clock``), so nothing written
later sorts before it.

**Two databases meeting for the first time** have no peer record. When they are copies
of one file (or one is a copy of the other: ``storage.identity`` records a copy's split
point, the newest stamp it held, and starts its clock past it; every SQLite replica's
clock starts past the newest stamp it holds), only rows stamped or arrived after the
split can differ, and those are found through the stamp indexes. Other pairs compare
every row's stamp.

**Organisation.** Replicas of one organisation carry the same ``organisation.id`` setting:
made at the first sync of a database that has none, adopted by a database that has none
when it first syncs with one that has (a new laptop joining), and copied with the file.
Two databases whose ids differ never merge.
"""

from __future__ import annotations

import base64
import enum
import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Column,
    Connection,
    Date,
    Enum,
    Numeric,
    Table,
    and_,
    bindparam,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import sqltypes

from crm_desktop.application.errors import UseCaseError
from crm_desktop.documents.snapshot import memo_from_json, memo_to_json
from crm_desktop.domain.base import Base, HybridLogicalClock, UTCDateTime
from crm_desktop.domain.errors import MESSAGES
from crm_desktop.domain.hooks import note_change
from crm_desktop.domain.models import (
    Contact,
    Meeting,
    Project,
    StageChange,
    Task,
    contact_display_name,
)
from crm_desktop.domain.services.base import stale_error
from crm_desktop.domain.sync_models import SyncConflict
from crm_desktop.exchange.bulk import collector_paused
from crm_desktop.search import index as search_index
from crm_desktop.search.documents import FIELDS as SEARCH_FIELDS
from crm_desktop.search.sorting import sort_key_of
from crm_desktop.storage import identity as identities
from crm_desktop.storage import stamps, sync_store
from crm_desktop.storage.database import Database, head_revision
from crm_desktop.storage.encryption import DatabaseKey

# Replicated tables in the order their rows can be inserted (references first).
TABLES = (
    "member",
    "tag",
    "stage",
    "site",
    "support_measure",
    "company",
    "contact",
    "trip",
    "project",
    "meeting",
    "memo_revision",  # insert-only: an approved memo, frozen (see _place_revisions)
    "stage_change",
    "task",
    "attachment",
    "sync_conflict",
)
META = frozenset({"id", "created_at", "updated_at", "origin", "hlc", "version", "deleted_at"})
DERIVED = frozenset({"sort_key", "display_name"})  # recomputed from the merged names
# fields written together with another one: its conflict says it all (a stage move
# writes stage_id and stage_entered_at with one stamp, so the same side wins both)
QUIET = DERIVED | {"stage_entered_at"}
UNIQUE = {"stage": "code", "tag": "name"}  # one row per value on every replica
CHANGES = ("update", "merge")
_NS = uuid.UUID("6f1c2a54-6c1b-4a55-9b55-2d2f5b8f0c14")
_BATCH = 500
_MARGIN_MS = 10 * 60 * 1000  # on a server, resend ten minutes before the watermark: clocks
# of its clients may lag a little; applying twice is harmless

# progress(step, done, total); step: "reading", "applying"
Progress = Callable[[str, int, int], object]
Cancelled = Callable[[], bool]


class SyncError(UseCaseError):
    code = "sync"


class SyncCancelled(SyncError):
    code = "sync_cancelled"

    def __init__(self) -> None:
        super().__init__(MESSAGES["sync_cancelled"], code="sync_cancelled")


# -- summaries -----------------------------------------------------------------------------


@dataclass
class KindCounts:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.deleted + self.conflicts


@dataclass
class Summary:
    """What a merge changed in one database, per kind of record."""

    kinds: dict[str, KindCounts] = field(default_factory=dict)
    new_conflicts: list[str] = field(default_factory=list)  # ids of conflicts found

    def count(self, kind: str) -> KindCounts:
        return self.kinds.setdefault(kind, KindCounts())

    @property
    def changed(self) -> int:
        return sum(c.created + c.updated + c.deleted for c in self.kinds.values())

    def lines(self) -> list[str]:
        rows = [
            f"  {kind}: {c.created} created, {c.updated} updated, {c.deleted} deleted, "
            f"{c.conflicts} conflicts"
            for kind, c in sorted(self.kinds.items())
            if c.total
        ]
        return rows or ["  no changes"]


@dataclass
class SyncResult:
    here: Summary
    there: Summary
    peer: str  # the other database's identity


# -- tables, columns, values -----------------------------------------------------------------


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _model(name: str) -> Any:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == name:
            return mapper.class_
    raise KeyError(name)


@dataclass(frozen=True)
class Link:
    key: str  # the relationship's name, as the history names the field
    table: Table
    own: Column[Any]
    other: Column[Any]
    # a link table with an order set by hand (meeting participants): its "position" column
    # travels as one more link value, "<key>_order", the ids in that order ([]: none set)
    position: Column[Any] | None = None

    @property
    def order_key(self) -> str:
        return self.key + ORDER_SUFFIX


ORDER_SUFFIX = "_order"


def _links(name: str) -> list[Link]:
    found = []
    for rel in _model(name).__mapper__.relationships:
        if rel.secondary is None or rel.viewonly:
            continue
        sec = rel.secondary
        own = next(c for c in sec.c if any(fk.column.table.name == name for fk in c.foreign_keys))
        other = next(c for c in sec.c if c is not own and c.foreign_keys)
        found.append(Link(rel.key, sec, own, other, sec.c.get("position")))
    return found


LINKS: dict[str, list[Link]] = {t: _links(t) for t in TABLES}


def encode(value: Any) -> Any:
    """A JSON value that compares equal on every backend."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return value
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


def _decoder(col: Column[Any]) -> Callable[[Any], Any]:
    t = col.type
    if isinstance(t, UTCDateTime):
        return lambda v: None if v is None else datetime.fromisoformat(v)
    if isinstance(t, Date):
        return lambda v: None if v is None else date.fromisoformat(v)
    if isinstance(t, Numeric):
        return lambda v: None if v is None else Decimal(v)
    if isinstance(t, Enum) and t.enum_class is not None:
        cls = t.enum_class
        return lambda v: None if v is None else cls(v)
    return lambda v: v


_DECODERS: dict[str, dict[str, Callable[[Any], Any]]] = {
    name: {c.name: _decoder(c) for c in _table(name).c} for name in (*TABLES, "audit_entry")
}


def _decode(name: str, row: dict[str, Any]) -> dict[str, Any]:
    """``row``'s columns of the table, each through its ``_decoder`` (only those that
    change values are called: the others give them back)."""
    decoders = _DECODERS[name]
    out = {k: v for k, v in row.items() if k in decoders}
    for k, f in _DECODING[name]:
        if k in out:
            out[k] = f(out[k])
    return out


def _plain(col: Column[Any]) -> bool:
    """A column whose values ``encode`` gives back as they are (text, numbers, flags)."""
    try:
        return col.type.python_type in (str, int, bool)
    except NotImplementedError:
        return False


# the columns whose values ``encode`` changes (dates, decimals, enums, JSON), per table
_ENCODED: dict[str, frozenset[str]] = {
    name: frozenset(c.name for c in _table(name).c if not _plain(c))
    for name in (*TABLES, "audit_entry")
}


def _datetime_text(value: Any) -> Any:
    return value.astimezone(UTC).isoformat() if isinstance(value, datetime) else encode(value)


_ENCODERS: dict[str, dict[str, Callable[[Any], Any]]] = {
    name: {
        c: _datetime_text if isinstance(_table(name).c[c].type, UTCDateTime) else encode
        for c in cols
    }
    for name, cols in _ENCODED.items()
}


def _encoded_rows(name: str, result: Any) -> Iterator[dict[str, Any]]:
    """The rows of a ``select(table)`` as ``encode``d dicts, encoding only the columns
    that need it (most are text)."""
    keys = list(result.keys())
    coders = [_ENCODERS[name].get(k) for k in keys]
    for row in result:
        yield {k: v if f is None else f(v) for k, f, v in zip(keys, coders, row, strict=True)}


def _raw_coder(name: str, col: Column[Any], dialect: Any) -> Callable[[Any], Any] | None:
    """What ``_encoded_rows`` makes of a value of ``col`` as the driver hands it back
    (None: the value as it is): SQLAlchemy's result processing, then the encoding; for
    timestamps and JSON, a shorter way to the same value."""
    proc = col.type.dialect_impl(dialect).result_processor(dialect, None)
    enc = _ENCODERS[name].get(col.name)
    if isinstance(col.type, sqltypes.JSON):
        return proc  # json.loads gives JSON values only, which ``encode`` gives back as equal
    if isinstance(col.type, UTCDateTime) and proc is not None and enc is not None:
        return _sqlite_datetime_text(proc, enc)
    if proc is None:
        return enc
    if enc is None:
        return proc
    return lambda v: enc(proc(v))


# a timestamp as SQLAlchemy stores one on SQLite, and as ``encode`` writes one (UTC)
_SQLITE_DATETIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", re.ASCII)
_ENCODED_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?\+00:00", re.ASCII)


def _sqlite_datetime_text(
    proc: Callable[[Any], Any], enc: Callable[[Any], Any]
) -> Callable[[Any], Any]:
    """A UTC timestamp as SQLAlchemy stores it on SQLite ("2026-12-05 07:02:13.985530",
    naive UTC) to its encoded text ("2026-12-05T07:02:13.985530+00:00", no fraction when
    it is 0, as ``isoformat`` writes it), by moving characters once the text has that
    shape and is a valid time; any other text goes the long way, ``proc`` then ``enc``."""
    shape = _SQLITE_DATETIME.fullmatch
    valid = datetime.fromisoformat

    def coder(value: Any) -> Any:
        if value is None:
            return None
        if type(value) is str and shape(value):
            try:
                valid(value)
            except ValueError:
                pass
            else:
                if value.endswith(".000000"):
                    return value[:10] + "T" + value[11:19] + "+00:00"
                return value[:10] + "T" + value[11:] + "+00:00"
        return enc(proc(value))

    return coder


def _raw_encoded_rows(
    conn: Connection, name: str, where: str, params: Sequence[Any]
) -> Iterator[dict[str, Any]]:
    """``_encoded_rows`` of ``SELECT <every column> FROM <name> WHERE <where>`` (``?``
    parameters), read through the driver: on SQLite most values are stored as they are
    encoded (text, numbers), so only the others are converted, each the short way."""
    t = _table(name)
    dialect = conn.dialect
    coders = [_raw_coder(name, c, dialect) for c in t.c]
    keys = [c.name for c in t.c]
    quote = dialect.identifier_preparer.quote
    sql = f"SELECT {', '.join(quote(k) for k in keys)} FROM {quote(name)} WHERE {where}"
    coded = [(k, f) for k, f in zip(keys, coders, strict=True) if f is not None]
    for raw in conn.exec_driver_sql(sql, tuple(params)):
        row = dict(zip(keys, raw, strict=True))
        for k, f in coded:
            row[k] = f(row[k])
        yield row


def _decodes(col: Column[Any]) -> bool:
    """Whether ``_decoder`` changes the values of ``col`` (else it gives them back)."""
    t = col.type
    return isinstance(t, UTCDateTime | Date | Numeric) or (
        isinstance(t, Enum) and t.enum_class is not None
    )


# the columns whose ``_decoder`` changes values, with it, per table
_DECODING: dict[str, list[tuple[str, Callable[[Any], Any]]]] = {
    name: [(c.name, _DECODERS[name][c.name]) for c in _table(name).c if _decodes(c)]
    for name in _DECODERS
}
# the column names of each table (``in`` a frozenset: cheaper than ``in table.c``)
_COLUMNS: dict[str, frozenset[str]] = {name: frozenset(_table(name).c.keys()) for name in TABLES}


def _raw_binder(name: str, col: Column[Any], dialect: Any) -> Callable[[Any], Any] | None:
    """What an INSERT of SQLAlchemy's gives the driver for an encoded value of ``col``
    (None: the value as it is): ``_decoder``, then SQLAlchemy's bind processing; for
    timestamps a shorter way to the same text."""
    bind = col.type.dialect_impl(dialect).bind_processor(dialect)
    dec = _DECODERS[name][col.name] if _decodes(col) else None
    if isinstance(col.type, UTCDateTime) and bind is not None and dec is not None:
        return _sqlite_datetime_bind(dec, bind)
    if bind is None:
        return dec
    if dec is None:
        return bind
    return lambda v: bind(dec(v))


def _sqlite_datetime_bind(
    dec: Callable[[Any], Any], bind: Callable[[Any], Any]
) -> Callable[[Any], Any]:
    """An encoded UTC timestamp ("2026-12-05T07:02:13.985530+00:00") to the text
    SQLAlchemy stores on SQLite ("2026-12-05 07:02:13.985530"), by moving characters
    once the text has that shape and is a valid time; any other value goes the long way,
    through ``dec`` and ``bind`` (which refuse what they must)."""
    shape = _ENCODED_DATETIME.fullmatch
    valid = datetime.fromisoformat

    def coder(value: Any) -> Any:
        if value is None:
            return None
        if type(value) is str and shape(value):
            try:
                valid(value)
            except ValueError:
                pass
            else:
                fraction = value[19:26] if len(value) == 32 else ".000000"
                return value[:10] + " " + value[11:19] + fraction
        return bind(dec(value))

    return coder


def _raw_insert(conn: Connection, name: str, rows: Sequence[dict[str, Any]]) -> bool:
    """Insert encoded rows that give every column of the table (no defaults to fill in)
    through the driver, converting each value as an ``insert`` of their ``_decode``d
    form would. False, and nothing written, when that is not so (another backend, a
    row without some column): the caller inserts them the usual way."""
    t = _table(name)
    keys = [c.name for c in t.c]
    every = set(keys)
    if not _raw_reads(conn) or not all(r.keys() >= every for r in rows):
        return False
    dialect = conn.dialect
    coders = [_raw_binder(name, c, dialect) for c in t.c]
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(name)} ({', '.join(quote(k) for k in keys)}) "
        f"VALUES ({', '.join('?' * len(keys))})"
    )
    pairs = list(zip(keys, coders, strict=True))
    for start in range(0, len(rows), _BATCH):
        conn.exec_driver_sql(
            sql,
            [
                tuple(r[k] if f is None else f(r[k]) for k, f in pairs)
                for r in rows[start : start + _BATCH]
            ],
        )
    return True


def _raw_reads(conn: Connection) -> bool:
    """Whether rows are read through the driver (``_raw_encoded_rows``): SQLite only."""
    return conn.dialect.name == "sqlite" and conn.dialect.paramstyle == "qmark"


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _BATCH):
        yield items[i : i + _BATCH]


def _stamp_minus(stamp: str, ms: int) -> str:
    if not stamp:
        return ""
    head = stamp.split("-", 1)[0]
    try:
        return f"{max(int(head) - ms, 0):013d}"
    except ValueError:
        return ""


# -- reading one side ------------------------------------------------------------------------


@dataclass
class Change:
    """One record as one replica holds it: its row, link sets and whole history."""

    table: str
    row: dict[str, Any]
    links: dict[str, list[str]]
    history: list[dict[str, Any]]
    content: str | None = None  # an attachment's bytes, base64

    @property
    def id(self) -> str:
        return str(self.row["id"])

    def to_json(self) -> str:
        return json.dumps(
            {"t": self.table, "r": self.row, "l": self.links, "h": self.history, "c": self.content},
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Change:
        raw = json.loads(text)
        if raw["t"] not in TABLES:
            raise ValueError(f"unknown kind {raw['t']}")
        return cls(raw["t"], raw["r"], raw["l"], raw["h"], raw.get("c"))


def _rows(conn: Connection, name: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    t = _table(name)
    out: dict[str, dict[str, Any]] = {}
    raw = _raw_reads(conn)
    for part in _chunks(ids):
        if raw:
            rows = _raw_encoded_rows(conn, name, f"id IN ({', '.join('?' * len(part))})", part)
        else:
            rows = _encoded_rows(name, conn.execute(select(t).where(t.c.id.in_(part))))
        for row in rows:
            out[row["id"]] = row
    return out


def _link_sets(conn: Connection, name: str, ids: Sequence[str]) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {i: {} for i in ids}
    for link in LINKS[name]:
        for i in ids:
            out[i][link.key] = []
        for part in _chunks(ids):
            for own, other in conn.execute(select(link.own, link.other).where(link.own.in_(part))):
                out[own][link.key].append(other)
        for i in ids:
            out[i][link.key].sort()
        if link.position is not None:
            for i in ids:
                out[i][link.order_key] = []
            for part in _chunks(ids):
                for own, other in conn.execute(
                    select(link.own, link.other)
                    .where(link.own.in_(part), link.position.is_not(None))
                    .order_by(link.own, link.position, link.other)
                ):
                    out[own][link.order_key].append(other)
    return out


def _histories(conn: Connection, name: str, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    t = _table("audit_entry")
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    raw = _raw_reads(conn)
    for part in _chunks(ids):
        if raw:
            where = f"entity_id IN ({', '.join('?' * len(part))}) AND entity_type = ?"
            rows = _raw_encoded_rows(conn, "audit_entry", where, [*part, name])
        else:
            rows = _encoded_rows(
                "audit_entry",
                conn.execute(select(t).where(t.c.entity_id.in_(part), t.c.entity_type == name)),
            )
        for row in rows:
            out[row["entity_id"]].append(row)
    for entries in out.values():
        entries.sort(key=lambda e: (e["hlc"], e["id"]))
    return out


def _contents(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    t = _table("attachment_content")
    out: dict[str, str] = {}
    for part in _chunks(ids):
        for aid, data in conn.execute(
            select(t.c.attachment_id, t.c.data).where(t.c.attachment_id.in_(part))
        ):
            out[aid] = base64.b64encode(bytes(data)).decode("ascii")
    return out


def changed_ids(conn: Connection, name: str, since: str) -> list[str]:
    t = _table(name)
    if not since:
        return list(conn.scalars(select(t.c.id)))
    # a shared server's clients write with clocks of their own: resend a margin
    low = since if conn.dialect.name == "sqlite" else _stamp_minus(since, _MARGIN_MS)
    arrivals = _table("sync_arrival")
    arrived = select(arrivals.c.entity_id).where(
        arrivals.c.entity_type == name, arrivals.c.stamp > low
    )
    return list(conn.scalars(select(t.c.id).where(or_(t.c.hlc > low, t.c.id.in_(arrived)))))


def collect(
    conn: Connection,
    since: str = "",
    only: dict[str, set[str]] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Iterator[Change]:
    """The records changed after ``since`` (this database's stamp; "" for all), each with
    its links and whole history; ``only`` limits them to the given ids per table."""
    for n, name in enumerate(TABLES):
        if cancelled is not None and cancelled():
            raise SyncCancelled()
        if progress is not None:
            progress("reading", n, len(TABLES))
        if only is not None and not since:
            ids = sorted(only.get(name, ()))  # rows no longer there are skipped below
        else:
            ids = changed_ids(conn, name, since)
            if only is not None:
                wanted = only.get(name, set())
                ids = [i for i in ids if i in wanted]
        for part in _chunks(ids):
            rows = _rows(conn, name, part)
            links = _link_sets(conn, name, part)
            hist = _histories(conn, name, part)
            content = _contents(conn, part) if name == "attachment" else {}
            for i in part:
                if i in rows:
                    yield Change(name, rows[i], links[i], hist[i], content.get(i))


# -- clocks and watermarks -------------------------------------------------------------------


def local_floor(conn: Connection) -> str:
    """The newest stamp in this database: rows, arrivals and the stored floor."""
    best = sync_store.get_setting(conn, stamps.CLOCK_KEY) or ""
    for name in (*TABLES, "audit_entry"):
        t = _table(name)
        value = conn.execute(select(t.c.hlc).order_by(t.c.hlc.desc()).limit(1)).scalar()
        if value and value > best:
            best = value
    arrivals = _table("sync_arrival")
    value = conn.execute(
        select(arrivals.c.stamp).order_by(arrivals.c.stamp.desc()).limit(1)
    ).scalar()
    if value and value > best:
        best = value
    return best


def _observe(clock: HybridLogicalClock, stamp: str) -> None:
    if stamp and stamp.count("-") >= 2:
        try:
            clock.observe(stamp)
        except ValueError:
            pass


def watermark(conn: Connection, device: str) -> str:
    """A stamp after everything in this database, stored as its floor: every write after
    it (this process or a later one, runtime seeds its clock from the floor) sorts later."""
    clock = HybridLogicalClock(device)
    _observe(clock, local_floor(conn))
    stamp = clock.now()
    sync_store.set_setting(conn, stamps.CLOCK_KEY, stamp)
    return stamp


# -- merging one record ------------------------------------------------------------------------


@dataclass
class Merged:
    row: dict[str, Any]
    links: dict[str, list[str]]
    conflicts: list[dict[str, Any]]
    entries: list[dict[str, Any]]  # merge entries for the history
    same: bool = False  # the content (all but the bookkeeping) is what mine held


def _content(row: dict[str, Any], links: dict[str, list[str]]) -> tuple[Any, ...]:
    return (
        json.dumps(
            {k: v for k, v in row.items() if k not in META or k == "deleted_at"},
            sort_keys=True,
            ensure_ascii=False,
        ),
        json.dumps(links, sort_keys=True),
    )


_BOOKKEEPING = META - {"deleted_at"}


def _same_content(
    row: dict[str, Any],
    links: dict[str, list[str]],
    other_row: dict[str, Any],
    other_links: dict[str, list[str]],
) -> bool:
    """``_content`` of both is equal: told apart by comparing values (cheap) first, and
    only rows that compare equal are written out (1 and True compare equal, not as JSON)."""
    if links != other_links or row.keys() - _BOOKKEEPING != other_row.keys() - _BOOKKEEPING:
        return _content(row, links) == _content(other_row, other_links)
    if any(v != other_row[k] for k, v in row.items() if k not in _BOOKKEEPING):
        return False
    return _content(row, links) == _content(other_row, other_links)


def _newest(entries: list[dict[str, Any]]) -> dict[str, Any]:
    return max(entries, key=lambda e: (e["hlc"], e["id"]))


def _conflict(
    name: str,
    rec: str,
    fld: str,
    kind: str,
    win: dict[str, Any],
    lose: dict[str, Any],
    win_value: Any,
    lose_value: Any,
) -> tuple[dict[str, Any], dict[str, Any]]:
    cid = str(uuid.uuid5(_NS, f"{rec}|{fld}|{kind}|{win['id']}|{lose['id']}"))
    at = win["at"]
    conflict = {
        "id": cid,
        "kind": kind,
        "entity_type": name,
        "entity_id": rec,
        "field": fld,
        "winner_value": win_value,
        "loser_value": lose_value,
        "winner_hlc": win["hlc"],
        "winner_origin": win["origin"],
        "winner_member": win.get("member_id"),
        "winner_at": win["at"],
        "loser_hlc": lose["hlc"],
        "loser_origin": lose["origin"],
        "loser_member": lose.get("member_id"),
        "loser_at": lose["at"],
        "resolved_at": None,
        "resolution": "",
        "resolved_value": None,
        "created_at": at,
        "updated_at": at,
        "origin": win["origin"],
        "hlc": win["hlc"],
        "version": 1,
        "deleted_at": None,
    }
    entry = {
        "id": str(uuid.uuid5(_NS, "merge|" + cid)),
        "entity_type": name,
        "entity_id": rec,
        "action": "merge",
        "field": fld,
        "old_value": lose_value,
        "new_value": win_value,
        "member_id": win.get("member_id"),
        "at": at,
        "created_at": at,
        "updated_at": at,
        "origin": win["origin"],
        "hlc": win["hlc"],
        "version": 1,
        "deleted_at": None,
    }
    return conflict, entry


def merge_record(name: str, mine: Change, theirs: Change) -> Merged:
    """The one result both replicas compute for a record each of them holds (symmetric:
    merging A into B gives what merging B into A gives)."""
    ids_mine = {e["id"] for e in mine.history}
    ids_theirs = {e["id"] for e in theirs.history}
    new_mine = [e for e in mine.history if e["id"] not in ids_theirs]
    new_theirs = [e for e in theirs.history if e["id"] not in ids_mine]
    if mine.row["hlc"] != theirs.row["hlc"]:
        mine_newer = mine.row["hlc"] > theirs.row["hlc"]
    else:  # the same stamp: the content decides, the same way on both sides
        mine_newer = json.dumps(_content(mine.row, mine.links)) >= json.dumps(
            _content(theirs.row, theirs.links)
        )
    rec = mine.id
    row = dict(mine.row)
    links = dict(mine.links)
    conflicts: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []

    def pick(fld: str, mv: Any, tv: Any) -> Any:
        cm = [e for e in new_mine if e["field"] == fld and e["action"] in CHANGES]
        ct = [e for e in new_theirs if e["field"] == fld and e["action"] in CHANGES]
        if cm and not ct:
            return mv
        if ct and not cm:
            return tv
        if cm and ct:
            wm, wt = _newest(cm), _newest(ct)
            mine_wins = (wm["hlc"], wm["id"]) >= (wt["hlc"], wt["id"])
            win, lose = (wm, wt) if mine_wins else (wt, wm)
            wv, lv = (mv, tv) if mine_wins else (tv, mv)
            if fld not in QUIET:
                c, e = _conflict(name, rec, fld, "field", win, lose, wv, lv)
                conflicts.append(c)
                entries.append(e)
            return wv
        return mv if mine_newer else tv

    for key, tv in theirs.row.items():
        if key in META or key not in row:
            continue
        mv = row[key]
        if mv != tv:
            row[key] = pick(key, mv, tv)
    for key, tv in theirs.links.items():
        mv = links.get(key, [])
        if key.endswith(ORDER_SUFFIX):  # an order: a list, not a set
            if mv != tv:
                links[key] = list(pick(key, mv, tv))
        elif sorted(mv) != sorted(tv):
            links[key] = sorted(pick(key, mv, tv))

    md, td = mine.row.get("deleted_at"), theirs.row.get("deleted_at")
    if (md is None) != (td is None):
        dm = [e for e in new_mine if e["action"] in ("delete", "restore")]
        dt = [e for e in new_theirs if e["action"] in ("delete", "restore")]
        if dm and dt:
            wm, wt = _newest(dm), _newest(dt)
            row["deleted_at"] = md if (wm["hlc"], wm["id"]) >= (wt["hlc"], wt["id"]) else td
        elif dm or dt:
            side_del, side_entries, other_new = (md, dm, new_theirs) if dm else (td, dt, new_mine)
            row["deleted_at"] = side_del
            edits = [e for e in other_new if e["action"] in CHANGES]
            last = _newest(side_entries)
            if side_del is not None and edits:
                edit = _newest(edits)
                delete_wins = (last["hlc"], last["id"]) >= (edit["hlc"], edit["id"])
                win, lose = (last, edit) if delete_wins else (edit, last)
                wv, lv = ("deleted", "edited") if delete_wins else ("edited", "deleted")
                c, e = _conflict(name, rec, "", "delete", win, lose, wv, lv)
                conflicts.append(c)
                entries.append(e)
                if not delete_wins:
                    row["deleted_at"] = None
        else:
            row["deleted_at"] = md if mine_newer else td
    elif md is not None and md != td:
        row["deleted_at"] = max(md, td)

    row["hlc"] = max(mine.row["hlc"], theirs.row["hlc"])
    row["updated_at"] = max(mine.row["updated_at"], theirs.row["updated_at"])
    row["created_at"] = min(mine.row["created_at"], theirs.row["created_at"])
    row["origin"] = min(mine.row["origin"], theirs.row["origin"])
    same = _same_content(row, links, mine.row, mine.links)
    if same:
        row["version"] = mine.row["version"]  # nothing changed here: a loaded form stays fresh
    else:
        row["version"] = max(int(mine.row["version"]), int(theirs.row["version"])) + 1
    return Merged(row, links, conflicts, entries, same)


# -- applying changes to one side --------------------------------------------------------------


@dataclass
class _Apply:
    conn: Connection
    stamp: str  # this database's arrival stamp for everything this merge changes
    summary: Summary
    remap: dict[str, str] = field(default_factory=dict)  # duplicate stage/tag ids
    arrivals: dict[tuple[str, str], None] = field(default_factory=dict)
    conflicts: dict[str, dict[str, Any]] = field(default_factory=dict)
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    touched: dict[str, set[str]] = field(default_factory=dict)
    replaced: list[tuple[str, str, str, str, Any]] = field(default_factory=list)
    reindex: dict[str, list[tuple[Any, Any]]] = field(default_factory=dict)


def _fk_columns(name: str) -> list[Column[Any]]:
    cols = []
    for t in Base.metadata.sorted_tables:
        for c in t.c:
            if any(fk.column.table.name == name for fk in c.foreign_keys):
                cols.append(c)
    return cols


def _remap_row(
    name: str, row: dict[str, Any], links: dict[str, list[str]], remap: dict[str, str]
) -> None:
    if not remap:
        return
    t = _table(name)
    for c in t.c:
        if c.foreign_keys and row.get(c.name) in remap:
            row[c.name] = remap[row[c.name]]
    for key, ids in links.items():
        if key.endswith(ORDER_SUFFIX):
            links[key] = list(dict.fromkeys(remap.get(i, i) for i in ids))
        else:
            links[key] = sorted({remap.get(i, i) for i in ids})


def _unify(
    ap: _Apply,
    name: str,
    changes: list[Change],
    local: dict[str, dict[str, Any]],
) -> list[Change]:
    """Stages are one per code and tags one per name on every replica: two databases that
    made the default stages apart keep the one with the smaller id, everywhere."""
    col = UNIQUE[name]
    t = _table(name)
    kept = []
    for ch in changes:
        if ch.id in local or ch.id in ap.remap:
            kept.append(ch)
            continue
        other = ap.conn.execute(
            select(t.c.id).where(t.c[col] == ch.row.get(col), t.c.id != ch.id)
        ).scalar()
        if other is None:
            kept.append(ch)
        elif other < ch.id:
            ap.remap[ch.id] = other  # ours stays; references to theirs point to ours
        else:
            # theirs stays: ours gives up the value now and is replaced once theirs is in
            ap.conn.execute(update(t).where(t.c.id == other).values({col: f"~{other}"}))
            ap.remap[other] = ch.id
            ap.replaced.append((name, other, ch.id, col, ch.row.get(col)))
            kept.append(ch)
    return kept


def _replace_duplicates(ap: _Apply, name: str) -> None:
    t = _table(name)
    arrivals = _table("sync_arrival")
    for table, old, new, _col, _value in [r for r in ap.replaced if r[0] == name]:
        for c in _fk_columns(table):
            ap.conn.execute(update(c.table).where(c == old).values({c.name: new}))
        audit = _table("audit_entry")  # its history goes with it, to travel with the winner
        ap.conn.execute(
            update(audit)
            .where(audit.c.entity_type == table, audit.c.entity_id == old)
            .values(entity_id=new)
        )
        ap.conn.execute(delete(t).where(t.c.id == old))
        ap.conn.execute(delete(arrivals).where(arrivals.c.entity_id == old))
        ap.arrivals[(table, new)] = None


def _write_links(
    conn: Connection, name: str, rec: str, before: dict[str, list[str]], after: dict[str, list[str]]
) -> None:
    for link in LINKS[name]:
        old, new = set(before.get(link.key, [])), set(after.get(link.key, []))
        if old == new:
            continue
        gone, added = old - new, new - old
        if gone:
            conn.execute(delete(link.table).where(link.own == rec, link.other.in_(gone)))
        if added:
            conn.execute(
                insert(link.table),
                [{link.own.name: rec, link.other.name: o} for o in sorted(added)],
            )
    for link in LINKS[name]:
        order = after.get(link.order_key)
        if link.position is None or order is None or order == before.get(link.order_key):
            continue
        conn.execute(update(link.table).where(link.own == rec).values({link.position.name: None}))
        for i, o in enumerate(order):
            conn.execute(
                update(link.table)
                .where(link.own == rec, link.other == o)
                .values({link.position.name: i})
            )


# what the derived columns (DERIVED) are made of, per table
_DERIVED_FROM = {
    "contact": (
        "family_name_native",
        "given_name_native",
        "given_name_latin",
        "family_name_latin",
        "family_name_ru",
        "given_name_ru",
    ),
    "company": ("name",),
}


def _derive(name: str, row: dict[str, Any]) -> None:
    if name == "contact":
        row["display_name"] = contact_display_name(
            row.get("family_name_native") or "",
            row.get("given_name_native") or "",
            row.get("given_name_latin") or "",
            row.get("family_name_latin") or "",
            row.get("family_name_ru") or "",
            row.get("given_name_ru") or "",
        )
    if name in ("contact", "company") and "sort_key" in row:
        key = sort_key_of(name, SimpleNamespace(**row))
        if key is not None:
            row["sort_key"] = key


def _apply_table(ap: _Apply, name: str, changes: list[Change]) -> None:
    conn = ap.conn
    t = _table(name)
    columns = _COLUMNS[name]
    ids = [c.id for c in changes]
    local = _rows(conn, name, ids)
    if name in UNIQUE:
        changes = _unify(ap, name, changes, local)
    known = set(local)
    if name == "memo_revision":
        _place_revisions(conn, [c for c in changes if c.id not in known])
        local = _rows(conn, name, ids)  # with the indexes placed
    local_links = _link_sets(conn, name, [i for i in ids if i in known])
    local_hist = _histories(conn, name, [i for i in ids if i in known])
    count = ap.summary.count(name)
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for ch in changes:
        if ch.id in ap.remap:
            continue
        row = dict(ch.row)
        links = {k: list(v) for k, v in ch.links.items()}
        _remap_row(name, row, links, ap.remap)
        if ch.id not in known:
            row = {k: v for k, v in row.items() if k in columns}
            inserts.append(_decode(name, row))
            ap.touched.setdefault(name, set()).add(ch.id)
            if name in SEARCH_FIELDS:
                ap.reindex.setdefault(name, []).append((SimpleNamespace(**inserts[-1]), None))
            ap.arrivals[(name, ch.id)] = None
            _queue_history(ap, ch.history, set())
            if row.get("deleted_at") is None:
                count.created += 1
            else:
                count.deleted += 1
            continue
        mine = Change(name, local[ch.id], local_links.get(ch.id, {}), local_hist.get(ch.id, []))
        theirs = Change(name, row, links, ch.history)
        merged = merge_record(name, mine, theirs)
        if merged.row != mine.row:
            names = _DERIVED_FROM.get(name, ())
            if names and all(merged.row.get(k) == mine.row.get(k) for k in names):
                # the same names: the derived values stay (the costly part of a merge)
                merged.row.update({k: mine.row[k] for k in DERIVED if k in mine.row})
            else:
                _derive(name, merged.row)
        mine_ids = {e["id"] for e in mine.history}
        new_hist = _queue_history(ap, ch.history, mine_ids)
        for c in merged.conflicts:
            ap.conflicts.setdefault(c["id"], c)
        for e in merged.entries:
            if e["id"] not in mine_ids:
                ap.entries.setdefault(e["id"], e)
                new_hist = True
        changed = merged.row != mine.row or merged.links != mine.links
        if changed:
            # only the columns that change: an unchanged indexed one costs index writes
            values = {
                k: v
                for k, v in merged.row.items()
                if k in columns and k != "id" and (k not in mine.row or mine.row[k] != v)
            }
            decoded = _decode(name, values)
            updates.append({"_id": ch.id, **decoded})
            _write_links(conn, name, ch.id, mine.links, merged.links)
            ap.touched.setdefault(name, set()).add(ch.id)
            if name in SEARCH_FIELDS:
                before = _decode(name, mine.row)
                ap.reindex.setdefault(name, []).append(
                    (SimpleNamespace(**{**before, **decoded}), SimpleNamespace(**before))
                )
            was_deleted = mine.row.get("deleted_at") is not None
            now_deleted = merged.row.get("deleted_at") is not None
            if now_deleted and not was_deleted:
                count.deleted += 1
            elif not merged.same:
                count.updated += 1
        if changed or new_hist:
            ap.arrivals[(name, ch.id)] = None
    _update_rows(conn, t, updates)
    if inserts:
        for start in range(0, len(inserts), _BATCH):
            conn.execute(insert(t), inserts[start : start + _BATCH])
        for ch in changes:
            if ch.id in known or ch.id in ap.remap:
                continue
            links = {k: list(v) for k, v in ch.links.items()}
            _remap_row(name, {}, links, ap.remap)
            _write_links(conn, name, ch.id, {}, links)
            if ch.content is not None and name == "attachment":
                conn.execute(
                    insert(_table("attachment_content")),
                    {"attachment_id": ch.id, "data": base64.b64decode(ch.content)},
                )
    _replace_duplicates(ap, name)


def _place_revisions(conn: Connection, incoming: list[Change]) -> None:
    """Approved memos are never edited, so their rows merge by union. One meeting approved
    on two laptops before they met gives two revisions with the same index: both are kept,
    the earlier approval (approved_at, then id) keeps its index and the later one takes
    the meeting's next, on every replica alike. Each keeps its registration number and its
    frozen text; only the revision index in it follows. Rows are changed in place, before
    the incoming ones are inserted (the index is unique per meeting)."""
    t = _table("memo_revision")
    for meeting_id in sorted({str(c.row["meeting_id"]) for c in incoming}):
        rows = [
            {"id": r.id, "revision": r.revision, "approved_at": encode(r.approved_at), "new": False}
            for r in conn.execute(
                select(t.c.id, t.c.revision, t.c.approved_at).where(t.c.meeting_id == meeting_id)
            )
        ]
        arriving = [c for c in incoming if c.row["meeting_id"] == meeting_id]
        rows += [
            {
                "id": c.id,
                "revision": int(c.row["revision"]),
                "approved_at": c.row["approved_at"],
                "new": True,
            }
            for c in arriving
        ]
        rows.sort(key=lambda r: (r["revision"], r["approved_at"], r["id"]))
        taken: set[int] = set()
        top = max(r["revision"] for r in rows)
        moved: dict[str, int] = {}
        for r in rows:
            if r["revision"] in taken:
                top += 1
                moved[r["id"]] = top
                taken.add(top)
            else:
                taken.add(r["revision"])
        for c in arriving:
            if c.id in moved:
                c.row["revision"] = moved[c.id]
                c.row["content"] = _with_revision(c.row["content"], moved[c.id])
        for r in rows:
            if not r["new"] and r["id"] in moved:
                content = conn.execute(select(t.c.content).where(t.c.id == r["id"])).scalar_one()
                conn.execute(
                    update(t)
                    .where(t.c.id == r["id"])
                    .values(
                        revision=moved[r["id"]], content=_with_revision(content, moved[r["id"]])
                    )
                )


def _with_revision(content: str, revision: int) -> str:
    data = memo_from_json(content)
    requisites = replace(data.requisites, revision=revision)
    return memo_to_json(replace(data, requisites=requisites))


def _update_rows(conn: Connection, t: Table, updates: list[dict[str, Any]]) -> None:
    """One prepared UPDATE per set of columns, run for many rows (executemany)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for u in updates:
        groups.setdefault(tuple(sorted(k for k in u if k != "_id")), []).append(u)
    if _raw_reads(conn) and all(groups) and not any(c.onupdate is not None for c in t.c):
        # through the driver, each value bound as SQLAlchemy binds it (nothing else
        # differs: no column of ours has an onupdate default)
        dialect = conn.dialect
        quote = dialect.identifier_preparer.quote
        for cols, rows in groups.items():
            binds = [t.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in cols]
            pairs = list(zip(cols, binds, strict=True))
            sets = ", ".join(f"{quote(c)} = ?" for c in cols)
            conn.exec_driver_sql(
                f"UPDATE {quote(t.name)} SET {sets} WHERE id = ?",
                [(*(r[c] if f is None else f(r[c]) for c, f in pairs), r["_id"]) for r in rows],
            )
        return
    for cols, rows in groups.items():
        stmt = (
            update(t)
            .where(t.c.id == bindparam("b__id"))
            .values({c: bindparam("b_" + c) for c in cols})
        )
        conn.execute(stmt, [{"b_" + k: v for k, v in r.items()} for r in rows])


def _queue_history(ap: _Apply, history: list[dict[str, Any]], have: set[str]) -> bool:
    queued = False
    for e in history:
        if e["id"] not in have:
            ap.entries.setdefault(e["id"], e)
            queued = True
    return queued


def _flush_history(ap: _Apply) -> None:
    t = _table("audit_entry")
    ids = list(ap.entries)
    present: set[str] = set()
    for part in _chunks(ids):
        present.update(ap.conn.scalars(select(t.c.id).where(t.c.id.in_(part))))
    new = [e for i, e in ap.entries.items() if i not in present]
    if _raw_insert(ap.conn, "audit_entry", new):
        return
    rows = [_decode("audit_entry", e) for e in new]
    for start in range(0, len(rows), _BATCH):
        ap.conn.execute(insert(t), rows[start : start + _BATCH])


def _flush_conflicts(ap: _Apply) -> None:
    t = _table("sync_conflict")
    ids = list(ap.conflicts)
    present: set[str] = set()
    for part in _chunks(ids):
        present.update(ap.conn.scalars(select(t.c.id).where(t.c.id.in_(part))))
    for cid, c in ap.conflicts.items():
        if cid in present:
            continue
        ap.conn.execute(insert(t), _decode("sync_conflict", c))
        ap.arrivals[("sync_conflict", cid)] = None
        ap.summary.count(c["entity_type"]).conflicts += 1
        ap.summary.new_conflicts.append(cid)


def _flush_arrivals(ap: _Apply) -> None:
    t = _table("sync_arrival")
    keys = list(ap.arrivals)
    for name in {k[0] for k in keys}:
        ids = [k[1] for k in keys if k[0] == name]
        for part in _chunks(ids):
            ap.conn.execute(delete(t).where(t.c.entity_type == name, t.c.entity_id.in_(part)))
    rows = [{"entity_type": n, "entity_id": i, "stamp": ap.stamp} for n, i in keys]
    for start in range(0, len(rows), _BATCH):
        ap.conn.execute(insert(t), rows[start : start + _BATCH])


def _reindex(ap: _Apply) -> None:
    """Keep the search index in step with what the merge wrote."""
    for name, pairs in ap.reindex.items():
        search_index.index_rows(ap.conn, name, pairs)


def apply_changes(
    conn: Connection,
    changes: Iterable[Change],
    device: str,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Summary:
    """Merge the records of another replica into this database (inside the caller's
    transaction). Returns what changed here."""
    by_table: dict[str, list[Change]] = {name: [] for name in TABLES}
    clock = HybridLogicalClock(device)
    _observe(clock, local_floor(conn))
    for ch in changes:
        by_table[ch.table].append(ch)
        _observe(clock, str(ch.row.get("hlc") or ""))
        for e in ch.history:
            _observe(clock, str(e.get("hlc") or ""))
    stamp = clock.now()
    ap = _Apply(conn, stamp, Summary())
    total = sum(len(v) for v in by_table.values())
    done = 0
    for name in TABLES:
        if cancelled is not None and cancelled():
            raise SyncCancelled()
        if progress is not None:
            progress("applying", done, total)
        chunk = by_table[name]
        for start in range(0, len(chunk), 2000):
            _apply_table(ap, name, chunk[start : start + 2000])
        done += len(chunk)
    _flush_conflicts(ap)
    _flush_history(ap)
    _flush_arrivals(ap)
    _reindex(ap)
    sync_store.set_setting(conn, stamps.CLOCK_KEY, clock.now())
    if progress is not None:
        progress("applying", total, total)
    return ap.summary


# -- peers and organisation --------------------------------------------------------------------


def _peer(conn: Connection, peer_id: str) -> dict[str, Any]:
    t = _table("sync_peer")
    row = conn.execute(select(t).where(t.c.peer_id == peer_id)).first()
    return (
        dict(row._mapping)
        if row
        else {"peer_id": peer_id, "label": "", "received": "", "acked": "", "last_at": None}
    )


def _save_peer(conn: Connection, peer: dict[str, Any]) -> None:
    t = _table("sync_peer")
    peer = {**peer, "last_at": datetime.now(UTC)}
    if conn.execute(update(t).where(t.c.peer_id == peer["peer_id"]).values(peer)).rowcount == 0:
        conn.execute(insert(t).values(peer))


@dataclass(frozen=True)
class PeerInfo:
    peer_id: str
    label: str
    received: str
    acked: str
    last_at: datetime | None


def peers(db: Database) -> list[PeerInfo]:
    t = _table("sync_peer")
    with db.engine.connect() as conn:
        return [
            PeerInfo(r.peer_id, r.label, r.received, r.acked, r.last_at)
            for r in conn.execute(select(t).order_by(t.c.label, t.c.peer_id))
        ]


def find_peer(db: Database, text: str) -> PeerInfo:
    wanted = text.strip().lower()
    found = [p for p in peers(db) if p.peer_id.startswith(wanted) or p.label.lower() == wanted]
    if not found:
        raise SyncError.from_code("sync_no_peer", text=text)
    if len(found) > 1:
        raise SyncError.from_code("sync_several_peers", text=text)
    return found[0]


def _organisation(conn: Connection) -> str | None:
    return sync_store.get_setting(conn, sync_store.ORGANISATION_KEY)


def _is_empty(conn: Connection) -> bool:
    """No records of its own yet (the default stages aside): a new laptop's database."""
    for name in TABLES:
        if name in ("stage", "sync_conflict"):
            continue
        t = _table(name)
        if conn.execute(select(t.c.id).limit(1)).first() is not None:
            return False
    return True


def _joined_organisation(
    own: str | None, own_empty: bool, theirs: str | None, theirs_empty: bool, other_name: str
) -> str:
    if own and theirs and own != theirs:
        if own_empty:
            return theirs  # a new database joins the organisation it first syncs with
        if theirs_empty:
            return own
        raise SyncError.from_code("sync_foreign", name=other_name)
    return own or theirs or uuid.uuid4().hex


def _set_organisation(conn: Connection, org: str) -> None:
    if _organisation(conn) != org:
        sync_store.set_setting(conn, sync_store.ORGANISATION_KEY, org)


# -- direct sync --------------------------------------------------------------------------------


@dataclass
class Replica:
    """One open database taking part: the caller opens it and holds its writer lock."""

    db: Database
    identity: str
    label: str


def synchronise(
    mine: Replica,
    other: Replica,
    device: str,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> SyncResult:
    """Two-way merge: afterwards both hold the same records, Trash, history and conflict
    list. One transaction per side; the other side commits first, so a failure between
    the commits leaves at worst changes to send again, never a gap."""
    if mine.identity == other.identity:
        raise SyncError.from_code("sync_same_database")
    with ExitStack() as stack:
        stack.enter_context(collector_paused())
        a = stack.enter_context(mine.db.engine.connect())
        b = stack.enter_context(other.db.engine.connect())
        ta, tb = a.begin(), b.begin()
        try:
            org = _joined_organisation(
                _organisation(a), _is_empty(a), _organisation(b), _is_empty(b), other.label
            )
            _set_organisation(a, org)
            _set_organisation(b, org)
            pa, pb = _peer(a, other.identity), _peer(b, mine.identity)
            wa, wb = watermark(a, device), watermark(b, device)
            since_b, since_a = pa["received"], pb["received"]
            only_b = only_a = None
            split = _split_point(a, b) if not (since_a and since_b) else ""
            if not since_b:
                since_b = split
                only_b = None if split else _differing(b, a)
            if not since_a:
                since_a = split
                only_a = None if split else _differing(a, b)
            from_b = list(collect(b, since_b, only_b, _scaled(progress, 0), cancelled))
            from_a = list(collect(a, since_a, only_a, _scaled(progress, 1), cancelled))
            here = apply_changes(a, from_b, device, _scaled(progress, 2), cancelled)
            there = apply_changes(b, from_a, device, _scaled(progress, 3), cancelled)
            if cancelled is not None and cancelled():
                raise SyncCancelled()
            _save_peer(a, {**pa, "label": other.label, "received": wb, "acked": wa})
            _save_peer(b, {**pb, "label": mine.label, "received": wa, "acked": wb})
            tb.commit()
        except BaseException:
            if tb.is_active:
                tb.rollback()
            ta.rollback()
            raise
        ta.commit()
    return SyncResult(here, there, other.identity)


def _lineage(conn: Connection) -> tuple[str | None, str | None, str | None]:
    """(identity, the identity it was copied from, its newest stamp then) of a file."""
    if conn.dialect.name != "sqlite":
        return None, None, None
    return (
        sync_store.get_setting(conn, identities.ID_KEY),
        sync_store.get_setting(conn, identities.PARENT_KEY),
        sync_store.get_setting(conn, stamps.SPLIT_KEY),
    )


def _split_point(a: Connection, b: Connection) -> str:
    """Two databases meeting for the first time that are copies of one file (or one a
    copy of the other) held the same rows up to the copy's split stamp; every clock
    writing to either starts past the newest stamp its database holds (the copy's at
    the split, storage.identity; any file's when opened, runtime), so rows stamped or
    arrived after the split are all they can differ in. "" when nothing is known."""
    id_a, parent_a, split_a = _lineage(a)
    id_b, parent_b, split_b = _lineage(b)
    if parent_a and split_a and parent_a == id_b:
        return split_a  # a was copied from b
    if parent_b and split_b and parent_b == id_a:
        return split_b  # b was copied from a
    if parent_a and parent_a == parent_b and split_a and split_b:
        return min(split_a, split_b)  # both copied from one file, maybe at two moments
    return ""


def _differing(src: Connection, dest: Connection) -> dict[str, set[str]]:
    """Two databases meeting for the first time (two copies of one file, typically) hold
    mostly the same rows: only those whose stamp differs, that the other lacks, or that
    changed here through a merge (their history may have grown) need to go."""
    out: dict[str, set[str]] = {}
    arrivals = _table("sync_arrival")
    for name in TABLES:
        t = _table(name)
        theirs = {i: stamp for i, stamp in dest.execute(select(t.c.id, t.c.hlc))}
        wanted = {i for i, stamp in src.execute(select(t.c.id, t.c.hlc)) if theirs.get(i) != stamp}
        wanted.update(
            src.scalars(select(arrivals.c.entity_id).where(arrivals.c.entity_type == name))
        )
        out[name] = wanted
    return out


def _scaled(progress: Progress | None, phase: int) -> Progress | None:
    """Four phases (read there, read here, apply here, apply there) as one 0..100 bar."""
    if progress is None:
        return None

    def report(step: str, done: int, total: int) -> None:
        frac = done / total if total else 1.0
        progress(step, int(phase * 25 + frac * 25), 100)

    return report


# -- packets ------------------------------------------------------------------------------------


def trip_selection(conn: Connection, trip_id: str) -> dict[str, set[str]]:
    """A trip's records and everything they refer to: its meetings, their companies and
    projects, those companies' contacts and projects, the meetings' participants, the
    tasks and stage changes of it all, and the reference lists (team, stages, tags,
    sites, support measures)."""
    sel: dict[str, set[str]] = {name: set() for name in TABLES}
    for name in ("member", "tag", "stage", "site", "support_measure"):
        sel[name] = set(conn.scalars(select(_table(name).c.id)))
    sel["trip"] = {trip_id}
    revisions = _table("memo_revision")
    meetings = list(
        conn.execute(
            select(Meeting.id, Meeting.company_id, Meeting.project_id).where(
                Meeting.trip_id == trip_id
            )
        )
    )
    sel["meeting"] = {m.id for m in meetings}
    sel["company"] = {m.company_id for m in meetings if m.company_id}
    projects = {m.project_id for m in meetings if m.project_id}
    for part in _chunks(sorted(projects)):
        sel["company"].update(conn.scalars(select(Project.company_id).where(Project.id.in_(part))))
    companies = sorted(sel["company"])
    for part in _chunks(companies):
        projects.update(conn.scalars(select(Project.id).where(Project.company_id.in_(part))))
        sel["contact"].update(conn.scalars(select(Contact.id).where(Contact.company_id.in_(part))))
    sel["project"] = projects
    links = {lk.key: lk for lk in LINKS["meeting"]}
    mids = sorted(sel["meeting"])
    for part in _chunks(mids):
        lk = links["their_participants"]
        sel["contact"].update(conn.scalars(select(lk.other).where(lk.own.in_(part))))
    for part in _chunks(sorted(sel["contact"])):
        sel["company"].update(
            c for c in conn.scalars(select(Contact.company_id).where(Contact.id.in_(part))) if c
        )
    pids = sorted(projects)
    for part in _chunks(pids):
        sel["stage_change"].update(
            conn.scalars(select(StageChange.id).where(StageChange.project_id.in_(part)))
        )
        sel["task"].update(conn.scalars(select(Task.id).where(Task.project_id.in_(part))))
    for part in _chunks(mids):
        sel["task"].update(conn.scalars(select(Task.id).where(Task.meeting_id.in_(part))))
    _close_references(conn, sel)
    for part in _chunks(sorted(sel["meeting"])):
        sel["memo_revision"].update(
            conn.scalars(select(revisions.c.id).where(revisions.c.meeting_id.in_(part)))
        )
    att = _table("attachment")
    for name in ("company", "contact", "project", "meeting", "task", "trip"):
        for part in _chunks(sorted(sel[name])):
            sel["attachment"].update(
                conn.scalars(
                    select(att.c.id).where(
                        and_(att.c.entity_type == name, att.c.entity_id.in_(part))
                    )
                )
            )
    return sel


def _column_refs(t: Table, col: Column[Any]) -> Callable[[Sequence[str]], Any]:
    return lambda part: select(col).where(t.c.id.in_(part))


def _link_refs(lk: Link) -> Callable[[Sequence[str]], Any]:
    return lambda part: select(lk.other).where(lk.own.in_(part))


def _close_references(conn: Connection, sel: dict[str, set[str]]) -> None:
    """Add every row a selected row refers to, until nothing is missing (a meeting's
    project, a task's company ...), so the receiving database keeps its references."""
    changed = True
    while changed:
        changed = False
        for name in TABLES:
            t = _table(name)
            fks = [(c, next(iter(c.foreign_keys)).column.table.name) for c in t.c if c.foreign_keys]
            ids = sorted(sel.get(name, ()))
            refs: list[tuple[Any, str]] = [(_column_refs(t, col), target) for col, target in fks]
            refs += [
                (_link_refs(lk), next(iter(lk.other.foreign_keys)).column.table.name)
                for lk in LINKS[name]
            ]
            for query, target in refs:
                if target not in sel:
                    continue
                for part in _chunks(ids):
                    for ref in conn.scalars(query(part)):
                        if ref and ref not in sel[target]:
                            sel[target].add(ref)
                            changed = True


@dataclass(frozen=True)
class Exported:
    path: Path
    records: int
    encrypted: bool
    peer: str  # the peer's label or id ("" without --since-peer)


def export_packet(
    db: Database,
    identity: str,
    label: str,
    dest: Path,
    device: str,
    *,
    since_peer: str | None = None,
    trip_id: str | None = None,
    key: DatabaseKey | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Exported:
    """Write what the peer has not seen (everything without ``since_peer``) to ``dest``.
    ``key``: encrypt the packet (the database's key, or one made from a passphrase)."""
    with db.engine.connect() as conn, conn.begin():
        org = _organisation(conn) or uuid.uuid4().hex
        _set_organisation(conn, org)
        peer = find_peer(db, since_peer) if since_peer else None
        since = peer.acked if peer else ""
        hi = watermark(conn, device)
        only = trip_selection(conn, trip_id) if trip_id else None
        bodies = [ch.to_json() for ch in collect(conn, since, only, progress, cancelled)]
        t = _table("sync_peer")
        received = {r.peer_id: r.received for r in conn.execute(select(t))}
        header = sync_store.PacketHeader(
            identity,
            label,
            org,
            head_revision(),
            since,
            hi,
            trip_id or "",
            received,
            datetime.now(UTC).isoformat(timespec="seconds"),
        )
        sync_store.write_packet(dest, header, bodies, key)
    return Exported(
        dest, len(bodies), key is not None, (peer.label or peer.peer_id) if peer else ""
    )


@dataclass
class Imported:
    summary: Summary
    sender: str
    sender_label: str


def import_packet(
    db: Database,
    identity: str,
    path: Path,
    device: str,
    key: Callable[[], DatabaseKey] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Imported:
    """Apply a packet in one transaction; a packet that is damaged, from another
    organisation or for a newer schema is refused before anything is written."""
    header, bodies = sync_store.read_packet(path, key)
    if header.schema not in _known_revisions():
        raise SyncError.from_code("sync_newer_schema", path=str(path), schema=header.schema)
    if header.sender == identity:
        raise SyncError.from_code("sync_own_packet", path=str(path))
    try:
        changes = [Change.from_json(b) for b in bodies]
    except (ValueError, KeyError, TypeError):
        raise SyncError.from_code("sync_packet_damaged", path=str(path)) from None
    with db.engine.connect() as conn, conn.begin():
        _set_organisation(
            conn,
            _joined_organisation(
                _organisation(conn), _is_empty(conn), header.organisation, False, str(path)
            ),
        )
        summary = apply_changes(conn, changes, device, progress, cancelled)
        peer = _peer(conn, header.sender)
        if header.lo <= peer["received"] and header.hi > peer["received"] and not header.trip:
            peer["received"] = header.hi
        acked = header.received.get(identity, "")
        if acked > peer["acked"]:
            peer["acked"] = acked
        peer["label"] = header.sender_label or peer["label"]
        _save_peer(conn, peer)
    return Imported(summary, header.sender, header.sender_label)


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from crm_desktop.storage.database import _alembic_config

    return {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


# -- the conflict list --------------------------------------------------------------------------


@dataclass(frozen=True)
class ConflictItem:
    id: str
    kind: str  # field, delete
    entity_type: str
    entity_id: str
    field: str
    mine: Any  # what the record holds now
    theirs: Any  # the value that lost
    winner_device: str
    winner_member: str | None
    winner_at: datetime | None
    loser_device: str
    loser_member: str | None
    loser_at: datetime | None
    resolved: bool
    resolution: str


def _current_value(conn: Connection, c: Any) -> Any:
    name = c.entity_type
    if name not in TABLES:
        return c.winner_value
    t = _table(name)
    if c.kind == "delete":
        deleted = conn.execute(select(t.c.deleted_at).where(t.c.id == c.entity_id)).first()
        if deleted is None:
            return c.winner_value
        return "deleted" if deleted[0] is not None else "edited"
    if c.field in t.c:
        row = conn.execute(select(t.c[c.field]).where(t.c.id == c.entity_id)).first()
        return encode(row[0]) if row is not None else c.winner_value
    for link in LINKS[name]:
        if link.key == c.field:
            return sorted(conn.scalars(select(link.other).where(link.own == c.entity_id)))
    return c.winner_value


def conflicts(db: Database, include_resolved: bool = False) -> list[ConflictItem]:
    t = _table("sync_conflict")
    stmt = select(t).where(t.c.deleted_at.is_(None)).order_by(t.c.winner_at, t.c.id)
    if not include_resolved:
        stmt = stmt.where(t.c.resolved_at.is_(None))
    with db.engine.connect() as conn:
        items = []
        for c in conn.execute(stmt):
            items.append(
                ConflictItem(
                    c.id,
                    c.kind,
                    c.entity_type,
                    c.entity_id,
                    c.field,
                    _current_value(conn, c),
                    c.loser_value,
                    c.winner_origin,
                    c.winner_member,
                    c.winner_at,
                    c.loser_origin,
                    c.loser_member,
                    c.loser_at,
                    c.resolved_at is not None,
                    c.resolution,
                )
            )
        return items


def open_conflict_count(db: Database) -> int:
    return len(conflicts(db))


def find_conflict(db: Database, text: str) -> ConflictItem:
    wanted = text.strip().lower()
    if len(wanted) < 4:
        raise SyncError.from_code("sync_short_id")
    found = [c for c in conflicts(db, include_resolved=True) if c.id.startswith(wanted)]
    if not found:
        raise SyncError.from_code("sync_no_conflict", text=text)
    if len(found) > 1:
        raise SyncError.from_code("sync_several_conflicts", text=text)
    return found[0]


def resolve_conflict(
    db: Database, ctx: Any, conflict_id: str, keep: str, *, expected_version: int | None = None
) -> ConflictItem:
    """Settle a conflict: ``keep`` is "mine" (the value the record holds), "theirs" (the
    value that lost) or a new value for the field. The change goes through the session
    hooks like any edit, so it is in the history and reaches the other replicas.
    ``expected_version``: the record's version the caller saw; a record changed since
    raises ConflictError (who, where, when) and nothing is written."""
    session = db.session_factory()
    session.info["ctx"] = ctx
    try:
        c = session.get(SyncConflict, conflict_id)
        if c is None:
            raise SyncError(f"No conflict {conflict_id}.")
        if c.resolved_at is not None:
            raise SyncError.from_code("sync_resolved", id=conflict_id[:8])
        if c.entity_type not in TABLES:
            raise SyncError(f"Cannot resolve a conflict on {c.entity_type}.")
        model = _model(c.entity_type)
        obj = session.get(model, c.entity_id)
        if obj is None:
            raise SyncError(f"The {c.entity_type} {c.entity_id[:8]} is not in this database.")
        if expected_version is not None and obj.version != expected_version:
            raise stale_error(session, obj, expected_version)
        if keep == "theirs":
            _set_value(session, obj, c, c.loser_value)
        elif keep != "mine":
            if c.kind == "delete":
                raise SyncError("A delete conflict is settled with --keep mine or theirs.")
            _set_value(session, obj, c, _parse_value(model, c.field, keep))
        c.resolved_at = datetime.now(UTC)
        c.resolution = keep if keep in ("mine", "theirs") else "value"
        if keep == "theirs":
            c.resolved_value = c.loser_value
        elif keep != "mine":
            c.resolved_value = encode(getattr(obj, c.field, None))
        session.commit()
        cid = c.id
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    return find_conflict(db, cid)


def _parse_value(model: Any, fld: str, text: str) -> Any:
    t = model.__table__
    if fld not in t.c:
        raise SyncError(f"{fld} takes --keep mine or theirs only.")
    col = t.c[fld]
    try:
        if isinstance(col.type, Enum) and col.type.enum_class is not None:
            return col.type.enum_class(text).value
        py = col.type.python_type
        if py is bool:
            if text.lower() not in ("true", "false", "yes", "no", "1", "0"):
                raise ValueError(text)
            return text.lower() in ("true", "yes", "1")
        if py in (int, Decimal):
            return encode(py(text))
        if py in (list, dict):
            return json.loads(text)
        if py is date:
            return date.fromisoformat(text).isoformat()
        if py is datetime:
            return datetime.fromisoformat(text).astimezone(UTC).isoformat()
        length = getattr(col.type, "length", None)
        if length is not None and len(text) > length:
            raise SyncError(f"{fld} takes at most {length} characters.")
        return text
    except (ValueError, ArithmeticError, NotImplementedError):
        raise SyncError(f"“{text}” is not a valid value for {fld}.") from None


def _set_value(session: Session, obj: Any, c: Any, value: Any) -> None:
    if c.kind == "delete":
        if value == "deleted":
            obj.deleted_at = obj.deleted_at or datetime.now(UTC)
        else:
            obj.deleted_at = None
        return
    t = obj.__table__
    if c.field in t.c:
        setattr(obj, c.field, _DECODERS[c.entity_type][c.field](value))
        return
    for link in LINKS[c.entity_type]:
        if link.position is not None and link.order_key == c.field:
            order = [str(i) for i in value or []]
            now = _link_sets(session.connection(), c.entity_type, [obj.id])[obj.id]
            note_change(session, obj, c.field, now.get(c.field, []), order)
            _write_links(session.connection(), c.entity_type, obj.id, now, {**now, c.field: order})
            return
        if link.key == c.field:
            rel = obj.__mapper__.relationships[c.field]
            target = rel.mapper.class_
            ids = list(value or [])
            setattr(obj, c.field, list(session.scalars(select(target).where(target.id.in_(ids)))))
            return
    raise SyncError(f"Cannot set {c.field}.")


# -- the front ends' entry points (the CLI's `sync OTHER`, `sync import`, `sync export`) ----

if TYPE_CHECKING:
    from crm_desktop.application.database import DatabaseLocation, Passphrase
    from crm_desktop.config import Paths
    from crm_desktop.runtime import Runtime


def replica_label(location: DatabaseLocation) -> str:
    """How a database is named to its peers and in summaries: the file's name, or a
    server's database name (never its password)."""
    if location.path is not None:
        return location.path.name
    return location.shown.rsplit("/", 1)[-1] or "server"


@contextmanager
def open_other(
    location: DatabaseLocation, paths: Paths, passphrase: Passphrase
) -> Iterator[Runtime]:
    """The other database of a direct sync, opened as a writer (a file: its locks taken
    and an interrupted operation finished, as for the database at hand; its passphrase
    asked once); closed and its locks released on leaving."""
    from crm_desktop.application.database import WRITE, lock, open_database

    with ExitStack() as stack:
        locks = lock(location, paths, WRITE, app="crm-desktop sync")
        if locks is not None:
            stack.callback(locks.release)
        other = open_database(location, paths, create=False, passphrase=passphrase, locks=locks)
        stack.callback(other.close)
        yield other


def new_packet_key(passphrase: str) -> DatabaseKey:
    """The key of a packet encrypted under a passphrase of its own."""
    return DatabaseKey.new(passphrase)


def packet_key(path: Path, own: DatabaseKey | None, passphrase: Callable[[], str]) -> DatabaseKey:
    """The key of an encrypted packet: this database's own key when the packet was
    written with it (the same salt), else the key ``passphrase()`` gives. Raises
    WrongPassphraseError when that passphrase does not open the packet."""
    if own is not None and sync_store.packet_salt(path) == own.salt:
        return own
    from crm_desktop.storage import encryption

    return encryption.unlock(path, passphrase())
