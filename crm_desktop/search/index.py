"""The search index: kept in step with every write, in the same transaction.

Four tables, created by :func:`ensure_schema` next to the application's own (they are
derived data, rebuilt by ``crm-desktop check --reindex``, never merged or migrated):

``search_doc``   one row per searchable record: its folded name keys and texts.
``search_word``  (kind, two-letter word prefix, doc) for one- and two-character queries,
                 which a trigram index cannot answer: 王, 李, "ли".
``search_channel`` (value, doc, record id) for each live contact's e-mails (stripped,
                 lower case) and phones (as stored): the import finds the contacts an
                 incoming row could duplicate by one index lookup
                 (:func:`contacts_by_channel`) instead of reading every contact's JSON
                 arrays. The record id is kept beside the doc, so the lookup never reads
                 search_doc (a wide row per document, most of the lookup's time).
``search_fts``   SQLite only: an FTS5 trigram index over search_doc (external content),
                 kept in step by triggers. On PostgreSQL the same substring query runs as
                 LIKE over search_doc (pg_trgm, if the server has it, only makes it faster).

Writes arrive through an ``after_flush`` listener on the session factory: whatever a
flush inserted, changed, deleted, tombstoned or restored is re-indexed on the flush's
own connection, so the index commits or rolls back with the data.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, event, select, text
from sqlalchemy import column as column_
from sqlalchemy import table as table_
from sqlalchemy.orm import Session, sessionmaker

from crm_desktop.domain import kinds
from crm_desktop.domain.base import SyncedMixin
from crm_desktop.domain.models import CONTACT_NAME_FIELDS
from crm_desktop.search.documents import (
    CHANNEL_COLUMNS,
    CHANNELS,
    FIELDS,
    KIND_CODES,
    KIND_SHIFT,
    KINDS,
    Document,
    body_text,
    build_document,
    channels_of,
    kind_range,
)
from crm_desktop.search.sorting import sort_key_of

SORTED_KINDS = ("company", "contact")  # the kinds with a stored sort key

# Bump when keys or documents change shape: an index of another version is rebuilt.
INDEX_VERSION = "3"  # 2: phrase readings across Latin letters, Korean keys, sort keys;
# 3: search_channel
# An index of the key (version) becomes the value's by filling search_channel alone: its
# documents are the same (a full rebuild of 200,000 contacts takes minutes, the channels
# seconds). A later version that changes anything else no longer matches, and rebuilds.
_CHANNELS_ADDED = {"2": "3"}

MODELS: dict[str, type[SyncedMixin]] = {k.name: k.model for k in kinds.searchable()}
KIND_OF_MODEL: dict[type, str] = {m: k for k, m in MODELS.items()}

Progress = Callable[[int, int], None]  # (done, total)


# --------------------------------------------------------------------------- schema


def has_fts5(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def _schema_sql(conn: Connection) -> list[str]:
    sqlite = conn.dialect.name == "sqlite"
    doc_pk = "INTEGER PRIMARY KEY" if sqlite else "BIGINT PRIMARY KEY"
    without_rowid = " WITHOUT ROWID" if sqlite else ""
    # byte order on PostgreSQL too, so a prefix is one index range whatever the locale
    collate = "" if sqlite else ' COLLATE "C"'
    stmts = [
        "CREATE TABLE IF NOT EXISTS search_meta (key VARCHAR(40) PRIMARY KEY, value TEXT)",
        (
            f"CREATE TABLE IF NOT EXISTS search_doc (doc_id {doc_pk}, kind SMALLINT NOT NULL, "
            "ref_id VARCHAR(36) NOT NULL, names TEXT NOT NULL, body TEXT NOT NULL)"
        ),
        "CREATE UNIQUE INDEX IF NOT EXISTS ix_search_doc_ref ON search_doc (ref_id, kind)",
        (
            "CREATE TABLE IF NOT EXISTS search_word (kind SMALLINT NOT NULL, word VARCHAR(8)"
            f"{collate} NOT NULL, doc_id BIGINT NOT NULL, PRIMARY KEY (kind, word, doc_id))"
            f"{without_rowid}"
        ),
        "CREATE INDEX IF NOT EXISTS ix_search_word_doc ON search_word (doc_id)",
        (
            f"CREATE TABLE IF NOT EXISTS search_channel (value VARCHAR{collate} NOT NULL, "
            "doc_id BIGINT NOT NULL, ref_id VARCHAR(36) NOT NULL, "
            f"PRIMARY KEY (value, doc_id)){without_rowid}"
        ),
        "CREATE INDEX IF NOT EXISTS ix_search_channel_doc ON search_channel (doc_id)",
    ]
    if sqlite:
        stmts += [
            (
                "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(names, body, "
                "content='search_doc', content_rowid='doc_id', tokenize='trigram')"
            ),
            *_TRIGGERS,
        ]
    return stmts


_FTS_ADD = "INSERT INTO search_fts(rowid, names, body) VALUES (new.doc_id, new.names, new.body);"
_FTS_DEL = (
    "INSERT INTO search_fts(search_fts, rowid, names, body) "
    "VALUES ('delete', old.doc_id, old.names, old.body);"
)
_TRIGGERS = [
    f"CREATE TRIGGER IF NOT EXISTS search_doc_ai AFTER INSERT ON search_doc BEGIN {_FTS_ADD} END",
    f"CREATE TRIGGER IF NOT EXISTS search_doc_ad AFTER DELETE ON search_doc BEGIN {_FTS_DEL} END",
    (
        "CREATE TRIGGER IF NOT EXISTS search_doc_au AFTER UPDATE ON search_doc BEGIN "
        f"{_FTS_DEL} {_FTS_ADD} END"
    ),
]


def _tables(conn: Connection) -> set[str]:
    if conn.dialect.name == "sqlite":
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type IN ('table')"))
        return {r[0] for r in rows}
    from sqlalchemy import inspect

    return set(inspect(conn).get_table_names())


def index_version(conn: Connection) -> str | None:
    if "search_meta" not in _tables(conn):
        return None
    row = conn.execute(text("SELECT value FROM search_meta WHERE key = 'version'")).first()
    return row[0] if row else None


def ensure_schema(conn: Connection) -> bool:
    """Create the index tables if missing. True if the index is current, False if it
    must be rebuilt (just created over existing data, or built by another version)."""
    version = index_version(conn)
    for stmt in _schema_sql(conn):
        conn.execute(text(stmt))
    if version == INDEX_VERSION:
        return True
    if version is not None and _CHANNELS_ADDED.get(version) == INDEX_VERSION:
        fill_channels(conn)
        _set_version(conn)
        return True
    if version is None and not _has_records(conn):
        _set_version(conn)
        return True
    return False


def _has_records(conn: Connection) -> bool:
    for model in MODELS.values():
        if conn.execute(select(model.id).limit(1)).first() is not None:
            return True
    return False


def _set_version(conn: Connection) -> None:
    conn.execute(text("DELETE FROM search_meta WHERE key = 'version'"))
    conn.execute(
        text("INSERT INTO search_meta (key, value) VALUES ('version', :v)"), {"v": INDEX_VERSION}
    )


def drop_schema(conn: Connection) -> None:
    for stmt in (
        "DROP TRIGGER IF EXISTS search_doc_ai",
        "DROP TRIGGER IF EXISTS search_doc_ad",
        "DROP TRIGGER IF EXISTS search_doc_au",
        "DROP TABLE IF EXISTS search_fts",
        "DROP TABLE IF EXISTS search_channel",
        "DROP TABLE IF EXISTS search_word",
        "DROP TABLE IF EXISTS search_doc",
        "DROP TABLE IF EXISTS search_meta",
    ):
        if conn.dialect.name != "sqlite" and ("TRIGGER" in stmt or "search_fts" in stmt):
            continue
        conn.execute(text(stmt))


# --------------------------------------------------------------------------- writing


def _word_rows(doc_id: int, doc: Document) -> list[dict[str, Any]]:
    code = KIND_CODES[doc.kind]
    return [{"k": code, "w": w, "d": doc_id} for w in sorted(doc.words)]


def _channel_rows(doc_id: int, doc: Document) -> list[dict[str, Any]]:
    return [{"v": v, "d": doc_id, "r": doc.ref_id} for v in sorted(doc.channels)]


_INSERT_CHANNEL = text("INSERT INTO search_channel (value, doc_id, ref_id) VALUES (:v, :d, :r)")
_DELETE_CHANNELS = text("DELETE FROM search_channel WHERE doc_id = :d")


def _stored_channels(conn: Connection, doc_ids: list[int]) -> dict[int, frozenset[str]]:
    """The channels the index holds for documents (those without any: absent)."""
    found: dict[int, set[str]] = {}
    lookup = text("SELECT doc_id, value FROM search_channel WHERE doc_id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    for i in range(0, len(doc_ids), _LOOKUP):
        for doc_id, value in conn.execute(lookup, {"ids": doc_ids[i : i + _LOOKUP]}):
            found.setdefault(doc_id, set()).add(value)
    return {d: frozenset(v) for d, v in found.items()}


_INSERT_DOC = text(
    "INSERT INTO search_doc (doc_id, kind, ref_id, names, body) VALUES (:d, :k, :r, :n, :b)"
)
_INSERT_WORD = text("INSERT INTO search_word (kind, word, doc_id) VALUES (:k, :w, :d)")


def _next_doc_id(conn: Connection, kind: str) -> int:
    lo, hi = kind_range(kind)
    row = conn.execute(
        text("SELECT MAX(doc_id) FROM search_doc WHERE doc_id BETWEEN :lo AND :hi"),
        {"lo": lo, "hi": hi},
    ).first()
    return (row[0] + 1) if row and row[0] is not None else lo + 1


def upsert(conn: Connection, doc: Document) -> None:
    code = KIND_CODES[doc.kind]
    row = conn.execute(
        text("SELECT doc_id, names, body FROM search_doc WHERE ref_id = :r AND kind = :k"),
        {"r": doc.ref_id, "k": code},
    ).first()
    if row is not None:
        doc_id = row[0]
        if doc.kind in CHANNELS:
            stored = _stored_channels(conn, [doc_id]).get(doc_id, frozenset())
            if stored != doc.channels:
                conn.execute(_DELETE_CHANNELS, {"d": doc_id})
                channels = _channel_rows(doc_id, doc)
                if channels:
                    conn.execute(_INSERT_CHANNEL, channels)
        if row[1] == doc.names and row[2] == doc.body:
            return
        conn.execute(
            text("UPDATE search_doc SET names = :n, body = :b WHERE doc_id = :d"),
            {"n": doc.names, "b": doc.body, "d": doc_id},
        )
        conn.execute(text("DELETE FROM search_word WHERE doc_id = :d"), {"d": doc_id})
    else:
        doc_id = _next_doc_id(conn, doc.kind)
        conn.execute(
            _INSERT_DOC,
            {"d": doc_id, "k": code, "r": doc.ref_id, "n": doc.names, "b": doc.body},
        )
        channels = _channel_rows(doc_id, doc)
        if channels:
            conn.execute(_INSERT_CHANNEL, channels)
    words = _word_rows(doc_id, doc)
    if words:
        conn.execute(_INSERT_WORD, words)


_LOOKUP = 500  # ref ids per SELECT: far below SQLite's and PostgreSQL's parameter limits

_DOCS_PER_STATEMENT = 400  # 2,000 parameters


@lru_cache(maxsize=16)
def _insert_docs_sql(rows: int, placeholder: str) -> str:
    """``INSERT INTO search_doc ... VALUES (...), (...)`` for ``rows`` documents, in the
    driver's own placeholders (built once per size: compiling a 400-row ``insert().values``
    anew for every statement cost more than the statement)."""
    one = "(" + ", ".join([placeholder] * 5) + ")"
    return "INSERT INTO search_doc (doc_id, kind, ref_id, names, body) VALUES " + ", ".join(
        [one] * rows
    )


_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def _insert_docs(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert documents (``_INSERT_DOC``'s parameters) a few hundred per statement.

    SQLite's full-text trigger writes whatever FTS5 holds in memory to a new segment at
    every statement that fires it: one INSERT per document wrote a segment per document
    and merged them, about 0.3 ms each on the large database, most of an import's index
    time. One statement per chunk writes the same index entries a tenth as slowly."""
    placeholder = _PLACEHOLDERS.get(conn.dialect.paramstyle)
    if placeholder is None:  # a driver with named placeholders only: one row at a time
        conn.execute(_INSERT_DOC, rows)
        return
    for i in range(0, len(rows), _DOCS_PER_STATEMENT):
        part = rows[i : i + _DOCS_PER_STATEMENT]
        params: list[Any] = []
        for r in part:
            params += (r["d"], r["k"], r["r"], r["n"], r["b"])
        conn.exec_driver_sql(_insert_docs_sql(len(part), placeholder), tuple(params))


def _insert_words(conn: Connection, words: list[dict[str, Any]]) -> None:
    """``_INSERT_WORD`` for many rows, handed to the driver as tuples: SQLAlchemy's own
    processing of tens of thousands of parameter sets cost more than the inserts."""
    _insert_tuples(conn, _INSERT_WORD, "search_word", ("kind", "word", "doc_id"), "kwd", words)


def _insert_channels(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """``_INSERT_CHANNEL`` for many rows, as driver tuples (as ``_insert_words``)."""
    _insert_tuples(
        conn, _INSERT_CHANNEL, "search_channel", ("value", "doc_id", "ref_id"), "vdr", rows
    )


def _insert_tuples(
    conn: Connection,
    statement: Any,
    table: str,
    columns: tuple[str, ...],
    keys: str,
    rows: list[dict[str, Any]],
) -> None:
    """``statement`` (named parameters ``keys``, one letter per column) for many rows:
    through the driver as tuples where its placeholders are known, else through it."""
    placeholder = _PLACEHOLDERS.get(conn.dialect.paramstyle)
    if placeholder is None:
        conn.execute(statement, rows)
        return
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({', '.join(columns)}) "
        f"VALUES ({', '.join(placeholder for _ in columns)})",
        list(map(itemgetter(*keys), rows)),  # a tuple per row (more than one key)
    )


def write_documents(conn: Connection, docs: Iterable[Document]) -> None:
    """``upsert`` for many documents, in a few statements per kind and batch.

    An import of thousands of contacts wrote its index one document at a time: four
    statements each, most of the import's time."""
    by_kind: dict[str, dict[str, Document]] = {}
    for doc in docs:
        by_kind.setdefault(doc.kind, {})[doc.ref_id] = doc  # the last version of each
    for kind, batch in by_kind.items():
        code = KIND_CODES[kind]
        found: dict[str, tuple[int, str, str]] = {}
        refs = list(batch)
        lookup = text(
            "SELECT ref_id, doc_id, names, body FROM search_doc WHERE kind = :k AND ref_id IN :refs"
        ).bindparams(bindparam("refs", expanding=True))
        for i in range(0, len(refs), _LOOKUP):
            for ref_id, doc_id, names, body in conn.execute(
                lookup, {"k": code, "refs": refs[i : i + _LOOKUP]}
            ):
                found[ref_id] = (doc_id, names, body)
        # a document found keeps its channel rows unless they change (names and body
        # alike do not tell: an e-mail moved to the notes leaves the body as it was)
        stored: dict[int, frozenset[str]] = {}
        if kind in CHANNELS and found:
            stored = _stored_channels(conn, [f[0] for f in found.values()])
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        words: list[dict[str, Any]] = []
        channels: list[dict[str, Any]] = []
        replaced: list[dict[str, Any]] = []  # documents whose channel rows are rewritten
        next_id: int | None = None
        for ref_id, doc in batch.items():
            old = found.get(ref_id)
            if old is not None:
                doc_id = old[0]
                if stored.get(doc_id, frozenset()) != doc.channels:
                    replaced.append({"d": doc_id})
                    channels.extend(_channel_rows(doc_id, doc))
                if old[1] == doc.names and old[2] == doc.body:
                    continue
                updates.append({"n": doc.names, "b": doc.body, "d": doc_id})
            else:
                if next_id is None:
                    next_id = _next_doc_id(conn, kind)
                doc_id, next_id = next_id, next_id + 1
                inserts.append({"d": doc_id, "k": code, "r": ref_id, "n": doc.names, "b": doc.body})
                channels.extend(_channel_rows(doc_id, doc))
            words.extend(_word_rows(doc_id, doc))
        if replaced:
            conn.execute(_DELETE_CHANNELS, replaced)
        if channels:
            _insert_channels(conn, channels)
        if updates:
            conn.execute(
                text("UPDATE search_doc SET names = :n, body = :b WHERE doc_id = :d"), updates
            )
            conn.execute(
                text("DELETE FROM search_word WHERE doc_id = :d"), [{"d": u["d"]} for u in updates]
            )
        if inserts:
            _insert_docs(conn, inserts)
        if words:
            _insert_words(conn, words)


def remove(conn: Connection, kind: str, ref_id: str) -> None:
    code = KIND_CODES[kind]
    row = conn.execute(
        text("SELECT doc_id FROM search_doc WHERE ref_id = :r AND kind = :k"),
        {"r": ref_id, "k": code},
    ).first()
    if row is None:
        return
    conn.execute(text("DELETE FROM search_word WHERE doc_id = :d"), {"d": row[0]})
    conn.execute(_DELETE_CHANNELS, {"d": row[0]})
    conn.execute(text("DELETE FROM search_doc WHERE doc_id = :d"), {"d": row[0]})


def index_object(conn: Connection, obj: Any) -> None:
    """Bring the index in line with one record (tombstoned records leave it)."""
    kind = KIND_OF_MODEL.get(type(obj))
    if kind is None:
        return
    if getattr(obj, "deleted_at", None) is not None:
        remove(conn, kind, obj.id)
    else:
        upsert(conn, build_document(kind, obj))


# --------------------------------------------------------------------------- lookups


def contacts_by_channel(conn: Connection, values: Iterable[str]) -> list[str]:
    """For each of ``values`` (an e-mail stripped and in lower case, or a phone as
    stored) that a live contact has, the smallest id of such a contact: one lookup of
    ``search_channel`` by its primary key per value, whatever the number of contacts.

    The values travel as one parameter (a JSON array on SQLite, an array on
    PostgreSQL), so no number of them meets a bound-parameter limit."""
    wanted = sorted(set(values))
    if not wanted:
        return []
    if conn.dialect.name == "sqlite":
        match = "c.value IN (SELECT value FROM json_each(:wanted))"
        param: Any = json.dumps(wanted, ensure_ascii=False)
    else:
        match = "c.value = ANY(CAST(:wanted AS TEXT[]))"
        param = wanted
    lo, hi = kind_range("contact")  # a kind is a range of doc ids
    stmt = text(
        "SELECT MIN(c.ref_id) FROM search_channel c "
        f"WHERE {match} AND c.doc_id BETWEEN :lo AND :hi GROUP BY c.value"
    )
    return list(conn.scalars(stmt, {"wanted": param, "lo": lo, "hi": hi}))


# --------------------------------------------------------------------------- rebuild


def fill_channels(conn: Connection, batch: int = 5000) -> int:
    """Write ``search_channel`` anew from the records, for documents already in the index
    (an index of the version before the table). Returns the rows written."""
    conn.execute(text("DELETE FROM search_channel"))
    written = 0
    for kind, columns in CHANNEL_COLUMNS.items():
        table = MODELS[kind].__table__  # type: ignore[attr-defined]
        doc = table_("search_doc", column_("doc_id"), column_("ref_id"), column_("kind"))
        stmt = (
            select(doc.c.doc_id, table.c.id, *(table.c[c] for c in columns))
            .select_from(table)
            .join(doc, (doc.c.ref_id == table.c.id) & (doc.c.kind == KIND_CODES[kind]))
            .where(table.c.deleted_at.is_(None))
        )
        result = conn.execute(stmt, execution_options={"yield_per": batch})
        for part in result.partitions(batch):
            rows = [
                {"v": v, "d": row.doc_id, "r": row.id}
                for row in part
                for v in sorted(channels_of(kind, row))
            ]
            if rows:
                _insert_channels(conn, rows)
                written += len(rows)
    return written


# --------------------------------------------------------------------------- rebuild


def _iter_rows(conn: Connection, kind: str, batch: int) -> Iterator[Any]:
    model = MODELS[kind]
    table = model.__table__  # type: ignore[attr-defined]
    stmt = select(table).where(table.c.deleted_at.is_(None)).order_by(table.c.id)
    # per statement: Connection.execution_options() would change the connection itself,
    # and every later INSERT would run through a server-side cursor on PostgreSQL
    result = conn.execute(stmt, execution_options={"yield_per": batch})
    for part in result.partitions(batch):
        yield from part


def rebuild(conn: Connection, progress: Progress | None = None, batch: int = 2000) -> int:
    """Drop and rebuild the whole index from the records. Returns the documents indexed."""
    drop_schema(conn)
    sqlite = conn.dialect.name == "sqlite"
    for stmt in _schema_sql(conn):
        if sqlite and ("TRIGGER" in stmt or "search_fts" in stmt):
            continue  # the FTS index is built in one pass at the end, much faster
        conn.execute(text(stmt))
    totals = {
        k: conn.execute(
            select(text("COUNT(*)"))
            .select_from(MODELS[k].__table__)  # type: ignore[attr-defined]
            .where(MODELS[k].deleted_at.is_(None))
        ).scalar_one()
        for k in KINDS
    }
    total = sum(totals.values())
    done = 0
    for kind in KINDS:
        doc_id = (KIND_CODES[kind] << KIND_SHIFT) + 1
        docs: list[dict[str, Any]] = []
        words: list[dict[str, Any]] = []
        channels: list[dict[str, Any]] = []
        for row in _iter_rows(conn, kind, batch):
            doc = build_document(kind, row)
            docs.append(
                {
                    "d": doc_id,
                    "k": KIND_CODES[kind],
                    "r": doc.ref_id,
                    "n": doc.names,
                    "b": doc.body,
                }
            )
            words.extend(_word_rows(doc_id, doc))
            channels.extend(_channel_rows(doc_id, doc))
            doc_id += 1
            if len(docs) >= batch:
                conn.execute(_INSERT_DOC, docs)
                conn.execute(_INSERT_WORD, words)
                if channels:
                    _insert_channels(conn, channels)
                done += len(docs)
                docs, words, channels = [], [], []
                if progress:
                    progress(done, total)
        if docs:
            conn.execute(_INSERT_DOC, docs)
            if words:
                conn.execute(_INSERT_WORD, words)
            if channels:
                _insert_channels(conn, channels)
            done += len(docs)
            if progress:
                progress(done, total)
    for kind in SORTED_KINDS:
        _fill_sort_keys(conn, kind, batch)
    if sqlite:
        for stmt in _schema_sql(conn):
            if "search_fts" in stmt and "TRIGGER" not in stmt:
                conn.execute(text(stmt))
        conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('rebuild')"))
        for stmt in _TRIGGERS:
            conn.execute(text(stmt))
    _set_version(conn)
    return done


# --------------------------------------------------------------------------- sort keys


def _fill_sort_keys(conn: Connection, kind: str, batch: int) -> None:
    """Write every live record's sort key (the rebuild's pass; writes go by the hook)."""
    model = MODELS[kind]
    table = model.__table__  # type: ignore[attr-defined]
    update = table.update().where(table.c.id == bindparam("rid")).values(sort_key=bindparam("key"))
    names = ("name",) if kind == "company" else (*CONTACT_NAME_FIELDS, "display_name")
    # only the names, a batch at a time in id order, each read before its writes
    # (SQLite cannot update a table under an open read of it)
    cols = select(table.c.id, table.c.sort_key, *(table.c[n] for n in names)).where(
        table.c.deleted_at.is_(None)
    )
    last = ""
    while True:
        rows = conn.execute(cols.where(table.c.id > last).order_by(table.c.id).limit(batch)).all()
        if not rows:
            return
        changes = [
            {"rid": row.id, "key": key}
            for row in rows
            if (key := sort_key_of(kind, row)) is not None and key != row.sort_key
        ]
        if changes:
            conn.execute(update, changes)
        last = rows[-1].id


def _before_flush(session: Session, flush_context: object, instances: object) -> None:
    """Keep the sort keys of what is about to be written in step with its names."""
    for obj in (*session.new, *session.dirty):
        kind = KIND_OF_MODEL.get(type(obj))
        if kind not in SORTED_KINDS:
            continue
        key = sort_key_of(kind, obj)
        if key is not None and getattr(obj, "sort_key", None) != key:
            obj.sort_key = key


# --------------------------------------------------------------------------- session hook


def _after_flush(session: Session, flush_context: object) -> None:
    touched: list[Any] = []
    for obj in session.new:
        if type(obj) in KIND_OF_MODEL:
            touched.append(obj)
    for obj in session.dirty:
        if type(obj) in KIND_OF_MODEL and session.is_modified(obj, include_collections=False):
            touched.append(obj)
    gone = [obj for obj in session.deleted if type(obj) in KIND_OF_MODEL]
    if not touched and not gone:
        return
    conn = session.connection()
    docs: list[Document] = []
    for obj in touched:
        kind = KIND_OF_MODEL[type(obj)]
        if getattr(obj, "deleted_at", None) is not None:
            remove(conn, kind, obj.id)
        else:
            docs.append(build_document(kind, obj))
    write_documents(conn, docs)
    for obj in gone:
        remove(conn, KIND_OF_MODEL[type(obj)], obj.id)


def install(factory: sessionmaker[Session]) -> None:
    """Keep the index in step with every session the factory makes."""
    if not event.contains(factory, "before_flush", _before_flush):
        event.listen(factory, "before_flush", _before_flush)
    if not event.contains(factory, "after_flush", _after_flush):
        event.listen(factory, "after_flush", _after_flush)


def attach(
    engine: Engine, factory: sessionmaker[Session], progress: Progress | None = None
) -> bool:
    """Make sure the index exists and is current, then follow every write.

    Called once by the composition root after the database is opened and migrated.
    Returns True if the index had to be (re)built from the records.
    """
    with engine.begin() as conn:
        current = ensure_schema(conn)
        if not current:
            rebuild(conn, progress)
    install(factory)
    return not current


def reindex(engine: Engine, progress: Progress | None = None) -> int:
    with engine.begin() as conn:
        return rebuild(conn, progress)


def index_counts(conn: Connection) -> dict[str, int]:
    """Documents in the index per kind (for `check`)."""
    out = dict.fromkeys(KINDS, 0)
    if "search_doc" not in _tables(conn):
        return out
    for code, n in conn.execute(text("SELECT kind, COUNT(*) FROM search_doc GROUP BY kind")):
        for k, c in KIND_CODES.items():
            if c == code:
                out[k] = n
    return out


# FTS5 settings for one bulk write: no merging of segments while it runs (automerge 0,
# crisis merges only far out) and one in-memory buffer for all of it, so thousands of
# documents become one new segment; the values before are put back in the same
# transaction (absent ones as FTS5's defaults), so later writes merge as usual.
_FTS_BULK = {"automerge": 0, "crisismerge": 64, "hashsize": 16 * 1024 * 1024}
_FTS_DEFAULTS = {"automerge": 4, "crisismerge": 16, "hashsize": 1024 * 1024}
_FTS_SET = text("INSERT INTO search_fts(search_fts, rank) VALUES (:k, :v)")


@contextmanager
def bulk_writes(conn: Connection) -> Iterator[None]:
    """Write many documents at once: on SQLite the FTS5 index takes them as one segment
    instead of merging segments again and again (a merge of 5,000 contacts: 3 s -> 0.8 s).
    Nothing changes for searching; on PostgreSQL this does nothing."""
    if conn.dialect.name != "sqlite" or "search_fts" not in _tables(conn):
        yield
        return
    before = dict(_FTS_DEFAULTS)
    keys = text("SELECT k, v FROM search_fts_config WHERE k IN :keys").bindparams(
        bindparam("keys", expanding=True)
    )
    for k, v in conn.execute(keys, {"keys": list(_FTS_BULK)}):
        before[str(k)] = int(v)
    conn.execute(_FTS_SET, [{"k": k, "v": v} for k, v in _FTS_BULK.items()])
    try:
        yield
    finally:
        conn.execute(_FTS_SET, [{"k": k, "v": v} for k, v in before.items()])


_UPDATE_BODY = text("UPDATE search_doc SET body = :b WHERE ref_id = :r AND kind = :k")
_BODIES_PER_STATEMENT = 1000  # 3,000 parameters


def update_bodies(conn: Connection, bodies: list[dict[str, Any]]) -> None:
    """Set the body text of documents: ``bodies`` gives ``_UPDATE_BODY``'s parameters
    (b: body, r: ref id, k: kind code); for a document given twice the last one counts.

    On SQLite a thousand documents per statement (UPDATE ... FROM VALUES): the full-text
    trigger's work is paid per statement as well as per document, and one statement per
    document (executemany) cost four times as much on the large database."""
    last = {(b["r"], b["k"]): b["b"] for b in bodies}
    if conn.dialect.name != "sqlite":
        conn.execute(_UPDATE_BODY, [{"b": b, "r": r, "k": k} for (r, k), b in last.items()])
        return
    items = list(last.items())
    for i in range(0, len(items), _BODIES_PER_STATEMENT):
        part = items[i : i + _BODIES_PER_STATEMENT]
        conn.exec_driver_sql(  # the driver's own "?" parameters: nothing to compile
            "UPDATE search_doc SET body = v.column3 FROM (VALUES "
            + ", ".join(["(?, ?, ?)"] * len(part))
            + ") AS v WHERE search_doc.ref_id = v.column1 AND search_doc.kind = v.column2",
            tuple(x for (r, k), b in part for x in (r, k, b)),
        )


def index_rows(conn: Connection, kind: str, rows: Iterable[tuple[Any, Any | None]]) -> None:
    """Bring the index in line with records written without a session (a sync merge):
    ``rows`` gives (the record now, the record before or None), each any object with
    the record's attributes. A record whose names did not change keeps its name keys
    (the costly part) and only gets its body text rewritten, in one statement for all;
    the others are written as in an import (:func:`write_documents`)."""
    if kind not in FIELDS:
        return
    fields = FIELDS[kind]
    bodies: list[dict[str, Any]] = []
    docs: list[Document] = []
    gone: list[str] = []
    for now, before in rows:
        if getattr(now, "deleted_at", None) is not None:
            gone.append(str(now.id))
            continue
        if before is None or getattr(before, "deleted_at", None) is not None:
            docs.append(build_document(kind, now))
            continue
        names_before, body_before = fields(before)
        names_now, body_now = fields(now)
        if names_before != names_now or channels_of(kind, before) != channels_of(kind, now):
            docs.append(build_document(kind, now))
        elif body_before != body_now:
            bodies.append({"b": body_text(body_now), "r": str(now.id), "k": KIND_CODES[kind]})
    if not (gone or docs or bodies):
        return
    with bulk_writes(conn):
        for ref_id in gone:
            remove(conn, kind, ref_id)
        write_documents(conn, docs)
        if bodies:
            update_bodies(conn, bodies)
