"""Drafts: saved atomically, sealed when the database is encrypted, offered back."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.storage.drafts import DraftStore
from crm_desktop.storage.encryption import DatabaseKey

TEXT = "Договорились о площадке 园区 — next visit"


def test_a_plain_draft_round_trips_and_is_offered_back(tmp_path: Path):
    store = DraftStore(tmp_path / "drafts")
    new_id = store.new_record_id()
    store.save("meeting", new_id, {"discussion": TEXT})
    again = DraftStore(tmp_path / "drafts")  # the next start
    [draft] = again.pending()
    assert draft.kind == "meeting" and draft.record_id == new_id
    assert draft.data == {"discussion": TEXT}
    again.discard("meeting", new_id)
    assert again.pending() == [] and list((tmp_path / "drafts").iterdir()) == []


def test_a_sealed_draft_holds_no_plaintext_and_needs_the_key(tmp_path: Path, key: DatabaseKey):
    store = DraftStore(tmp_path, key)
    path = store.save("meeting", "m1", {"discussion": TEXT})
    raw = path.read_bytes()
    assert TEXT.encode() not in raw and "Договорились".encode("utf-16-le") not in raw
    assert store.load("meeting", "m1").data["discussion"] == TEXT  # type: ignore[union-attr]
    assert DraftStore(tmp_path).pending() == []  # without the key nothing is offered
    other = DatabaseKey.derive("another passphrase", key.salt)
    assert DraftStore(tmp_path, other).pending() == []  # and a wrong key reads nothing


def test_rekey_moves_plain_drafts_under_the_new_key(tmp_path: Path, key: DatabaseKey):
    DraftStore(tmp_path).save("meeting", "m2", {"agenda": TEXT})
    DraftStore(tmp_path).rekey(key)
    names = [p.name for p in tmp_path.iterdir()]
    assert names == ["meeting--m2.draft.enc"]
    assert DraftStore(tmp_path, key).load("meeting", "m2").data == {"agenda": TEXT}  # type: ignore[union-attr]


def test_a_damaged_draft_is_skipped_not_fatal(tmp_path: Path):
    (tmp_path / "meeting--x.draft.json").write_bytes(b"\xff{not json")
    assert DraftStore(tmp_path).pending() == []
