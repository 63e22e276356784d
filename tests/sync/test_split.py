"""Copies of one file meeting for the first time compare only what was stamped after the
copy was made (its split point); these cases would lose an edit if a clock could stamp
below that point, or if the search index were not kept in step by the faster merge."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from synchelp import Rep, company, edit_company, get_company, open_rep, snapshot, two_way

from crm_desktop.application import sync
from crm_desktop.search.service import SearchService

FUTURE = "4000000000000-00000-fast-laptop"  # year 2096: a laptop whose clock ran ahead


def _path(rep: Rep) -> Path:
    return Path(rep.url.removeprefix("sqlite:///"))


def _setting(rep: Rep, key: str) -> str | None:
    with rep.rt.db.engine.connect() as conn:
        value = conn.execute(text("SELECT value FROM setting WHERE key = :k"), {"k": key})
        return value.scalar()


def _stamp_ahead(rep: Rep, cid: str) -> None:
    """A row stamped by a device whose clock ran ahead (it came in a merge, or an import
    wrote it): later edits at today's time sort below it unless the clock moves past."""
    with rep.rt.db.engine.begin() as conn:
        conn.execute(text("UPDATE company SET hlc = :h WHERE id = :i"), {"h": FUTURE, "i": cid})


def test_a_copy_records_its_split_point_and_writes_after_it(tmp_path: Path) -> None:
    p = open_rep(tmp_path, "p")
    ahead = company(p, "Jinlong Bus")
    other = company(p, "Kaiquan Pumps")
    _stamp_ahead(p, ahead)
    p.close()
    p = open_rep(tmp_path, "p")
    a = open_rep(tmp_path, "a", copy_of=_path(p))
    assert _setting(a, "sync.split_stamp") == FUTURE
    assert _setting(p, "sync.split_stamp") is None  # the original is not a copy
    edit_company(a, other, city="Suzhou")
    assert get_company(a, other).hlc > FUTURE
    p.close()
    a.close()


def test_an_original_with_stamps_ahead_and_its_copy_exchange_every_later_edit(
    tmp_path: Path,
) -> None:
    p = open_rep(tmp_path, "p")
    ahead = company(p, "Jinlong Bus")
    mine = company(p, "Kaiquan Pumps")
    theirs = company(p, "Sany Heavy")
    _stamp_ahead(p, ahead)
    p.close()
    p = open_rep(tmp_path, "p")  # the office database, opened again after the copy
    a = open_rep(tmp_path, "a", copy_of=_path(p))  # the laptop taken on the trip
    edit_company(p, mine, city="Moscow")  # at home, today's clock, below FUTURE
    edit_company(a, theirs, city="Changsha")  # on the trip
    result = two_way(p, a)
    for rep in (p, a):
        assert get_company(rep, mine).city == "Moscow"
        assert get_company(rep, theirs).city == "Changsha"
    assert result.here.count("company").updated == 1
    assert result.there.count("company").updated == 1
    assert snapshot(p) == snapshot(a)
    p.close()
    a.close()


def test_copies_made_at_two_moments_bring_what_the_original_changed_between(
    tmp_path: Path,
) -> None:
    p = open_rep(tmp_path, "p")
    ahead = company(p, "Jinlong Bus")
    cid = company(p, "Kaiquan Pumps", city="Shanghai")
    _stamp_ahead(p, ahead)
    p.close()
    p = open_rep(tmp_path, "p")
    a = open_rep(tmp_path, "a", copy_of=_path(p))  # Monday's copy
    edit_company(p, cid, website="kaiquan.cn")  # changed in the office on Tuesday
    p.close()  # the file is copied closed (an open one may hold writes in its -wal)
    p = open_rep(tmp_path, "p")
    b = open_rep(tmp_path, "b", copy_of=_path(p))  # Tuesday's copy
    edit_company(a, cid, city="Suzhou")
    two_way(a, b)
    for rep in (a, b):
        row = get_company(rep, cid)
        assert (row.city, row.website) == ("Suzhou", "kaiquan.cn")
        assert sync.conflicts(rep.rt.db) == []
    assert snapshot(a) == snapshot(b)
    for rep in (p, a, b):
        rep.close()


def test_search_finds_merged_texts_and_the_index_settings_come_back(tmp_path: Path) -> None:
    p = open_rep(tmp_path, "p")
    cid = company(p, "Kaiquan Pumps", city="Shanghai")
    p.close()
    p = open_rep(tmp_path, "p")
    a = open_rep(tmp_path, "a", copy_of=_path(p))
    p.close()
    b = open_rep(tmp_path, "b", copy_of=_path(a))  # a copy of the copy
    edit_company(a, cid, description="hydraulic turbines for Volgograd")
    edit_company(b, cid, name="Kaiquan Pump Group")
    two_way(a, b)
    for rep in (a, b):
        search = SearchService(rep.rt.db.session_factory)
        assert search.matching_ids("company", "Volgograd") == [cid]
        assert search.matching_ids("company", "Pump Group") == [cid]
        with rep.rt.db.engine.connect() as conn:
            config = dict(conn.execute(text("SELECT k, v FROM search_fts_config")).all())
        assert config.get("automerge", 4) == 4  # merges of the index run as before
        assert config.get("hashsize", 1024 * 1024) == 1024 * 1024
    a.close()
    b.close()
