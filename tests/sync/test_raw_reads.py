"""On SQLite the merge reads rows and histories through the driver, converting only the
values not stored as they are encoded (application.sync._raw_encoded_rows): it must read
exactly what the straightforward way (SQLAlchemy's result processing, then ``encode``)
reads, value for value and type for type, for every replicated table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from synchelp import company, edit_company, open_rep, two_way

from crm_desktop.application import sync
from crm_desktop.demo import load_demo
from crm_desktop.domain.base import Base


def _typed(value: Any) -> Any:
    """The value with the type of every part (1 and True, 1 and 1.0 compare equal)."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, value)


def _read_all(conn: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in sync.TABLES:
        ids = sorted(conn.scalars(select(Base.metadata.tables[name].c.id)))
        out[name] = _typed(sync._rows(conn, name, ids))
        out["history " + name] = _typed(sync._histories(conn, name, ids))
    return out


def test_rows_read_through_the_driver_are_the_encoded_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = open_rep(tmp_path, "a")
    b = open_rep(tmp_path, "b")
    cid = company(b, "Kaiquan Pumps", city="Shanghai")
    two_way(a, b)
    load_demo(a.services)
    edit_company(a, cid, city="Suzhou")
    edit_company(b, cid, city="Wuxi")  # a conflict: sync_conflict rows and merge entries
    two_way(a, b)
    with a.rt.db.engine.begin() as conn:
        # timestamps SQLAlchemy would not write but reads: whole seconds, no fraction,
        # a date only, a "T" (they go the long way and must still read the same)
        conn.execute(
            text("UPDATE company SET created_at = :v WHERE id = :i"),
            {"v": "2026-01-02 03:04:05.000000", "i": cid},
        )
        others = list(conn.scalars(text("SELECT id FROM contact ORDER BY id LIMIT 4")))
        for value, rid in zip(
            [
                "2026-01-02 03:04:05",
                "2026-01-02",
                "2026-01-02T03:04:05.123456",
                "2026-01-02 03:04:05.9+0000",  # 26 characters, read as 03:04:05
            ],
            others,
            strict=True,
        ):
            conn.execute(
                text("UPDATE contact SET updated_at = :v WHERE id = :i"), {"v": value, "i": rid}
            )
    with a.rt.db.engine.connect() as conn:
        assert sync._raw_reads(conn)
        fast = _read_all(conn)
        monkeypatch.setattr(sync, "_raw_reads", lambda conn: False)
        plain = _read_all(conn)
    assert fast == plain
    filled = [name for name in sync.TABLES if fast[name]]
    assert {"company", "contact", "meeting", "project", "sync_conflict"} <= set(filled)
    assert any(fast["history " + name] for name in sync.TABLES)
    json.dumps(fast)  # encoded values only
    a.close()
    b.close()


def _stored(conn: Any, name: str) -> list[Any]:
    """A table's rows as the driver gives them back (the stored values, typed)."""
    return sorted(_typed(list(r)) for r in conn.exec_driver_sql(f"SELECT * FROM {name}"))


def test_history_inserted_through_the_driver_is_what_an_insert_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = open_rep(tmp_path, "a")
    b = open_rep(tmp_path, "b")
    cid = company(b, "Kaiquan Pumps", city="Shanghai")
    two_way(a, b)
    load_demo(a.services)
    edit_company(a, cid, city="Suzhou")
    edit_company(b, cid, city="Wuxi")
    two_way(a, b)
    with a.rt.db.engine.connect() as conn:
        entries = [
            e
            for name in sync.TABLES
            for es in sync._histories(
                conn, name, list(conn.scalars(select(Base.metadata.tables[name].c.id)))
            ).values()
            for e in es
        ]
    assert len(entries) > 20
    odd = [  # values no merge of ours writes, which must still be stored alike
        {"at": "2026-01-02T03:04:05+00:00", "old_value": None, "new_value": {"a": [1, 2.5]}},
        {"at": "2026-01-02T03:04:05.000001+05:00", "old_value": True, "new_value": "x"},
        {"at": "2026-01-02T03:04:05.5+00:00", "old_value": 3, "new_value": ["y", None]},
        {"at": "2026-01-02T03:04:05.000000+00:00", "updated_at": "2026-01-02T03:04:05Z"},
        {"at": "2026-01-02 03:04:05+00:00", "updated_at": "2026-01-02T03:04:05.123+00:00"},
        {
            "created_at": "2026-01-02T00:00:00+00:00",
            "deleted_at": "2026-01-02T03:04:05.123456+00:00",
        },
    ]
    for n, change in enumerate(odd):
        entries.append({**entries[n], **change, "id": f"odd-{n}"})

    def write(fast: bool) -> list[Any]:
        with a.rt.db.engine.connect() as conn, conn.begin() as tx:
            conn.exec_driver_sql("DELETE FROM audit_entry")
            ap = sync._Apply(conn, "", sync.Summary())
            for e in entries:
                ap.entries[e["id"]] = dict(e)
            if not fast:
                monkeypatch.setattr(sync, "_raw_reads", lambda conn: False)
            sync._flush_history(ap)
            monkeypatch.undo()
            stored = _stored(conn, "audit_entry")
            tx.rollback()
        return stored

    fast, plain = write(True), write(False)
    assert fast == plain
    assert len(fast) == len(entries)
    with a.rt.db.engine.connect() as conn:  # a row without some column: the usual way
        assert not sync._raw_insert(conn, "audit_entry", [{"id": "x"}])
    a.close()
    b.close()


def test_updates_through_the_driver_store_what_an_update_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = open_rep(tmp_path, "a")
    load_demo(a.services)
    tables = ("company", "contact", "project", "meeting", "site", "task", "member")

    def write(fast: bool) -> dict[str, list[Any]]:
        out = {}
        with a.rt.db.engine.connect() as conn, conn.begin() as tx:
            for name in tables:
                ids = sorted(conn.scalars(select(Base.metadata.tables[name].c.id)))[:8]
                assert len(ids) >= 2, name
                rows = sync._rows(conn, name, ids)
                updates = []
                for n, rid in enumerate(ids):  # each row takes the next one's values
                    values = {k: v for k, v in rows[ids[(n + 1) % len(ids)]].items() if k != "id"}
                    if n % 2:  # another set of columns: a second statement
                        values = {k: v for k, v in values.items() if k in sync._ENCODED[name]}
                    updates.append({"_id": rid, **sync._decode(name, values)})
                if not fast:
                    monkeypatch.setattr(sync, "_raw_reads", lambda conn: False)
                sync._update_rows(conn, Base.metadata.tables[name], updates)
                monkeypatch.undo()
                out[name] = _stored(conn, name)
            tx.rollback()
        return out

    fast, plain = write(True), write(False)
    assert fast == plain
    a.close()


def test_decode_calls_only_the_decoders_that_change_values(tmp_path: Path) -> None:
    a = open_rep(tmp_path, "a")
    load_demo(a.services)
    with a.rt.db.engine.connect() as conn:
        for name in sync.TABLES:
            ids = sorted(conn.scalars(select(Base.metadata.tables[name].c.id)))
            for row in sync._rows(conn, name, ids).values():
                row = {"not a column": 1, **row}
                every = sync._DECODERS[name]
                straight = {k: every[k](v) for k, v in row.items() if k in every}
                assert _typed(sync._decode(name, row)) == _typed(straight)
                assert list(sync._decode(name, row)) == list(straight)
    a.close()


def test_the_collector_is_paused_during_a_merge_and_as_it_was_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    a = open_rep(tmp_path, "a")
    b = open_rep(tmp_path, "b")
    company(b, "Kaiquan Pumps")
    seen = []
    apply = sync.apply_changes

    def watched(*args: Any, **kwargs: Any) -> sync.Summary:
        seen.append(gc.isenabled())
        return apply(*args, **kwargs)

    monkeypatch.setattr(sync, "apply_changes", watched)
    assert gc.isenabled()
    two_way(a, b)
    assert seen == [False, False] and gc.isenabled()

    def failing(*args: Any, **kwargs: Any) -> sync.Summary:
        raise sync.SyncCancelled()

    monkeypatch.setattr(sync, "apply_changes", failing)
    with pytest.raises(sync.SyncCancelled):
        two_way(a, b)
    assert gc.isenabled()
    gc.disable()
    try:
        monkeypatch.setattr(sync, "apply_changes", watched)
        two_way(a, b)
        assert not gc.isenabled()  # left off when it was off
    finally:
        gc.enable()
    a.close()
    b.close()
