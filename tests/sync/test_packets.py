"""Packets: idempotent, order-independent, selective, encrypted, refused when foreign,
damaged or newer — and refused packets change nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from synchelp import company, edit_company, get_company, open_rep, snapshot

from crm_desktop.application import sync
from crm_desktop.domain.errors import CrmError, NotFoundError
from crm_desktop.domain.services.meetings import MeetingInput
from crm_desktop.domain.services.trips import TripInput
from crm_desktop.storage import sync_store
from crm_desktop.storage.encryption import DatabaseKey


def _export(rep, dest: Path, **kw) -> sync.Exported:
    return sync.export_packet(rep.rt.db, rep.rt.identity, rep.name, dest, rep.device, **kw)


def _import(rep, path: Path, key=None) -> sync.Imported:
    return sync.import_packet(rep.rt.db, rep.rt.identity, path, rep.device, key)


@pytest.fixture
def trio(tmp_path: Path):
    a = open_rep(tmp_path, "a")
    cid = company(a, "Kaiquan Pumps", city="Shanghai")
    src = Path(a.url.removeprefix("sqlite:///"))
    a.close()
    a = open_rep(tmp_path, "a")
    b = open_rep(tmp_path, "b", copy_of=src)
    yield a, b, cid, tmp_path
    a.close()
    b.close()


def test_packets_applied_twice_or_out_of_order_give_the_same_result(trio) -> None:
    a, b, cid, tmp = trio
    sync.synchronise(a.replica(), b.replica(), a.device)
    edit_company(a, cid, city="Suzhou")
    p1 = _export(a, tmp / "1.crmsync", since_peer="b").path
    edit_company(a, cid, website="kaiquan.cn")
    second = company(a, "Huawei")
    p2 = _export(a, tmp / "2.crmsync", since_peer="b").path
    _import(b, p2)
    _import(b, p1)  # older, after the newer one
    _import(b, p2)  # again
    _import(b, p1)
    row = get_company(b, cid)
    assert (row.city, row.website) == ("Suzhou", "kaiquan.cn")
    assert get_company(b, second).name == "Huawei"
    assert snapshot(a) == snapshot(b)


def test_a_replayed_packet_does_not_undo_a_later_edit(trio) -> None:
    a, b, cid, tmp = trio
    edit_company(a, cid, city="Suzhou")
    p1 = _export(a, tmp / "1.crmsync").path
    _import(b, p1)
    edit_company(b, cid, city="Wuxi")
    again = _import(b, p1)
    assert again.summary.changed == 0
    assert get_company(b, cid).city == "Wuxi"
    assert sync.conflicts(b.rt.db) == []


def test_a_packet_conflict_is_found_on_either_side_the_same(trio) -> None:
    a, b, cid, tmp = trio
    edit_company(a, cid, city="Suzhou")
    edit_company(b, cid, city="Wuxi")
    pa = _export(a, tmp / "a.crmsync").path
    pb = _export(b, tmp / "b.crmsync").path
    _import(a, pb)
    _import(b, pa)
    assert snapshot(a) == snapshot(b)
    [ca] = sync.conflicts(a.rt.db)
    [cb] = sync.conflicts(b.rt.db)
    assert ca.id == cb.id and (ca.mine, ca.theirs) == ("Wuxi", "Suzhou")


def test_trip_packet_and_merge_back_never_delete_what_the_member_never_had(trio) -> None:
    a, b, cid, tmp = trio
    other = company(a, "Not on the trip")
    trip = a.services.trips.create(
        TripInput(title="Suzhou", start_date=_d("2026-05-18"), end_date=_d("2026-05-25"))
    )
    from datetime import UTC, datetime

    meeting = a.services.meetings.create(
        MeetingInput(
            title="Visit",
            trip_id=trip.id,
            company_id=cid,
            timezone="Asia/Shanghai",
            starts_at=datetime(2026, 5, 19, 2, 0, tzinfo=UTC),
        )
    )
    packet = _export(a, tmp / "trip.crmsync", trip_id=trip.id).path
    member = open_rep(tmp, "member")  # a new laptop: an empty database
    _import(member, packet)
    assert get_company(member, cid).name == "Kaiquan Pumps"
    with pytest.raises(NotFoundError):
        member.services.companies.get(other)
    edit_company(member, cid, city="Suzhou")
    back = _export(member, tmp / "back.crmsync").path
    result = _import(a, back)
    assert result.summary.count("company").deleted == 0
    assert get_company(a, cid).city == "Suzhou"
    assert get_company(a, other).deleted_at is None
    assert a.services.meetings.get(meeting.id).deleted_at is None
    member.close()


def _d(text: str):
    from datetime import date

    return date.fromisoformat(text)


def test_encrypted_packet_needs_its_key(trio) -> None:
    a, b, cid, tmp = trio
    edit_company(a, cid, city="Suzhou")
    key = DatabaseKey.new("correct horse battery")
    path = _export(a, tmp / "e.crmsync", key=key).path
    assert b"Kaiquan" not in path.read_bytes() and sync_store.packet_is_encrypted(path)
    with pytest.raises(sync_store.PacketError):
        _import(b, path)
    wrong = DatabaseKey.derive("wrong passphrase!!", sync_store.packet_salt(path))
    with pytest.raises(sync_store.PacketError, match="does not open"):
        _import(b, path, key=lambda: wrong)
    _import(
        b,
        path,
        key=lambda: DatabaseKey.derive("correct horse battery", sync_store.packet_salt(path)),
    )
    assert get_company(b, cid).city == "Suzhou"


def _unchanged(rep, fn) -> None:
    before = snapshot(rep)
    with pytest.raises(CrmError):  # one line for the user (SyncError, PacketError)
        fn()
    assert snapshot(rep) == before


def test_refused_packets_change_nothing(trio) -> None:
    a, b, cid, tmp = trio
    edit_company(a, cid, city="Suzhou")
    good = _export(a, tmp / "good.crmsync").path
    data = good.read_bytes()
    cut = tmp / "cut.crmsync"
    cut.write_bytes(data[: len(data) // 2])
    _unchanged(b, lambda: _import(b, cut))
    flipped = tmp / "flipped.crmsync"
    with sqlite3.connect(good) as conn:
        body = conn.execute("SELECT body FROM item LIMIT 1").fetchone()[0]
    raw = bytearray(data)
    at = raw.find(body[:40].encode())
    raw[at + 10] ^= 0x01
    flipped.write_bytes(bytes(raw))
    _unchanged(b, lambda: _import(b, flipped))
    newer = tmp / "newer.crmsync"
    newer.write_bytes(data)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE meta SET value = '9999' WHERE key = 'schema'")
    _unchanged(b, lambda: _import(b, newer))
    foreign = open_rep(tmp, "foreign")
    company(foreign, "Someone else's")
    sync.export_packet(foreign.rt.db, foreign.rt.identity, "f", tmp / "f.crmsync", foreign.device)
    sync.synchronise(a.replica(), b.replica(), a.device)  # a and b: one organisation
    _unchanged(b, lambda: _import(b, tmp / "f.crmsync"))
    foreign.close()
