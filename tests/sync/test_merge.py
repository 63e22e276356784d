"""The merge rules, each on two or three small replicas (in process)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from synchelp import (
    Rep,
    company,
    edit_company,
    get_company,
    open_rep,
    snapshot,
    two_way,
)

from crm_desktop.application import sync
from crm_desktop.domain.models import AuditEntry, Project
from crm_desktop.domain.services.projects import ProjectInput
from crm_desktop.domain.services.reference import TagInput


@pytest.fixture
def pair(tmp_path: Path):
    a = open_rep(tmp_path, "a")
    cid = company(a, "Kaiquan Pumps", city="Shanghai")
    b_src = Path(a.url.removeprefix("sqlite:///"))
    a.close()
    a = open_rep(tmp_path, "a")
    b = open_rep(tmp_path, "b", copy_of=b_src)
    assert a.rt.identity != b.rt.identity  # a copy is a replica of its own
    yield a, b, cid
    a.close()
    b.close()


def history(rep: Rep, cid: str) -> list[AuditEntry]:
    with rep.rt.services.ctx.reading() as s:
        return list(
            s.scalars(
                select(AuditEntry).where(AuditEntry.entity_id == cid).order_by(AuditEntry.hlc)
            )
        )


def test_different_fields_merge_without_a_conflict(pair: tuple[Rep, Rep, str]) -> None:
    a, b, cid = pair
    edit_company(a, cid, city="Suzhou")
    edit_company(b, cid, website="kaiquan.cn")
    result = two_way(a, b)
    for rep in (a, b):
        row = get_company(rep, cid)
        assert (row.city, row.website) == ("Suzhou", "kaiquan.cn")
        assert sync.conflicts(rep.rt.db) == []
    assert result.here.count("company").updated == 1
    assert result.there.count("company").updated == 1
    assert snapshot(a) == snapshot(b)


def test_same_field_is_a_conflict_newer_wins_and_the_loser_is_kept(pair) -> None:
    a, b, cid = pair
    edit_company(a, cid, city="Suzhou")
    edit_company(b, cid, city="Wuxi")  # later: wins
    result = two_way(a, b)
    assert result.here.count("company").conflicts == 1
    for rep in (a, b):
        assert get_company(rep, cid).city == "Wuxi"
        [c] = sync.conflicts(rep.rt.db)
        assert (c.field, c.mine, c.theirs) == ("city", "Wuxi", "Suzhou")
        assert c.winner_device == b.device and c.loser_device == a.device
        assert c.winner_at is not None and c.loser_at is not None
        merges = [e for e in history(rep, cid) if e.action == "merge"]
        assert [(e.field, e.old_value, e.new_value, e.origin) for e in merges] == [
            ("city", "Suzhou", "Wuxi", b.device)
        ]
    assert snapshot(a) == snapshot(b)


def test_the_same_value_on_both_sides_is_no_conflict(pair) -> None:
    a, b, cid = pair
    edit_company(a, cid, city="Suzhou")
    edit_company(b, cid, city="Suzhou")
    two_way(a, b)
    assert sync.conflicts(a.rt.db) == [] and sync.conflicts(b.rt.db) == []


@pytest.mark.parametrize("delete_last", [False, True])
def test_delete_against_edit_is_a_conflict_and_nothing_is_lost(pair, delete_last) -> None:
    a, b, cid = pair
    if delete_last:
        edit_company(b, cid, city="Wuxi")
        a.services.companies.delete(cid)
    else:
        a.services.companies.delete(cid)
        edit_company(b, cid, city="Wuxi")
    two_way(a, b)
    for rep in (a, b):
        row = get_company(rep, cid)
        assert row.city == "Wuxi"  # the edit is in the record, live or in the Trash
        assert (row.deleted_at is not None) is delete_last
        [c] = sync.conflicts(rep.rt.db)
        assert c.kind == "delete"
        assert c.theirs == ("edited" if delete_last else "deleted")
    assert snapshot(a) == snapshot(b)


def test_a_second_sync_changes_nothing_and_sends_only_the_news(pair, tmp_path) -> None:
    a, b, cid = pair
    edit_company(a, cid, city="Suzhou")
    two_way(a, b)
    again = two_way(a, b)
    assert again.here.changed == 0 and again.there.changed == 0
    [peer] = sync.peers(a.rt.db)
    assert peer.peer_id == b.rt.identity and peer.label == "b"
    edit_company(a, cid, website="kaiquan.cn")
    out = sync.export_packet(
        a.rt.db, a.rt.identity, "a", tmp_path / "p.crmsync", a.device, since_peer="b"
    )
    assert out.records == 1  # only the company edited since the last sync


def test_stage_moves_and_tags_merge(pair) -> None:
    a, b, cid = pair
    stages = a.services.stages.list()
    pid = a.services.projects.create(
        ProjectInput(title="Pump plant", company_id=cid, stage_id=stages[0].id)
    ).id
    two_way(a, b)
    a.services.projects.move_to_stage(pid, stages[2].id)
    b.services.projects.move_to_stage(pid, stages[4].id)  # later: wins
    tag = b.services.tags.create(TagInput("pumps"))
    row = b.services.companies.get(cid)
    from dataclasses import replace

    from crm_desktop.domain.services.companies import CompanyInput

    b.services.companies.update(cid, replace(CompanyInput.from_row(row), tag_ids=[tag.id]))
    two_way(a, b)
    for rep in (a, b):
        with rep.rt.services.ctx.reading() as s:
            assert s.get(Project, pid).stage_id == stages[4].id
        assert [t.name for t in get_company(rep, cid).tags] == ["pumps"]
        assert [c.field for c in sync.conflicts(rep.rt.db)] == ["stage_id"]
    assert snapshot(a) == snapshot(b)


def test_clock_moves_past_what_was_received(pair, tmp_path) -> None:
    a, b, cid = pair
    from crm_desktop.domain.base import HybridLogicalClock

    future = HybridLogicalClock(a.device, wall=lambda: 4_000_000_000.0)  # year 2096
    a.rt.services.ctx.clock = future
    edit_company(a, cid, city="Suzhou")
    two_way(a, b)
    stamp = get_company(b, cid).hlc
    b.close()
    b2 = open_rep(tmp_path, "b")  # a new process: its clock starts from the stored floor
    edit_company(b2, cid, website="late.example")
    assert get_company(b2, cid).hlc > stamp
    b2.close()
