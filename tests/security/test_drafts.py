"""Drafts: one SQLite row per record, SQLCipher when the database is encrypted, offered
back at the next start, durable once save() returned."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from crm_desktop.storage import encryption
from crm_desktop.storage.drafts import DraftStore
from crm_desktop.storage.encryption import DatabaseKey

TEXT = "Договорились о площадке 园区 — next visit"


def test_a_plain_draft_round_trips_and_is_offered_back(tmp_path: Path):
    store = DraftStore(tmp_path / "drafts")
    new_id = store.new_record_id()
    store.save("meeting", new_id, {"discussion": TEXT})
    store.save("meeting", new_id, {"discussion": TEXT + "!"})  # replaces, not adds
    again = DraftStore(tmp_path / "drafts")  # the next start
    [draft] = again.pending()
    assert draft.kind == "meeting" and draft.record_id == new_id
    assert draft.data == {"discussion": TEXT + "!"}
    again.discard("meeting", new_id)
    assert again.pending() == [] and again.load("meeting", new_id) is None
    rows = sqlite3.connect(again.path).execute("SELECT count(*) FROM draft").fetchone()
    assert rows == (0,)


def test_pending_lists_newest_first_and_load_finds_one(tmp_path: Path):
    store = DraftStore(tmp_path)
    store.save("meeting", "a", {"n": 1})
    store.save("meeting", "b", {"n": 2})
    assert [d.record_id for d in store.pending()] == ["b", "a"]
    assert store.load("meeting", "a").data == {"n": 1}  # type: ignore[union-attr]
    assert store.load("meeting", "zzz") is None


def test_no_file_means_no_drafts_and_reading_creates_nothing(tmp_path: Path):
    store = DraftStore(tmp_path / "none")
    assert store.pending() == [] and store.load("meeting", "x") is None
    store.discard("meeting", "x")
    assert not (tmp_path / "none").exists()


def test_an_encrypted_store_holds_no_plaintext_and_needs_the_key(tmp_path: Path, key: DatabaseKey):
    store = DraftStore(tmp_path, key)
    path = store.save("meeting", "m1", {"discussion": TEXT})
    assert encryption.is_encrypted(path)
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert TEXT.encode() not in raw and "Договорились".encode("utf-16-le") not in raw
    assert store.load("meeting", "m1").data["discussion"] == TEXT  # type: ignore[union-attr]
    assert DraftStore(tmp_path).pending() == []  # without the key nothing is offered
    other = DatabaseKey.derive("another passphrase", key.salt)
    assert DraftStore(tmp_path, other).pending() == []  # and a wrong key reads nothing


def test_rekey_moves_plain_drafts_under_the_key_and_back(tmp_path: Path, key: DatabaseKey):
    DraftStore(tmp_path).save("meeting", "m2", {"agenda": TEXT})
    store = DraftStore(tmp_path)
    store.rekey(key)
    assert store.key == key and encryption.is_encrypted(store.path)
    assert [p.name for p in tmp_path.iterdir()] == ["drafts.sqlite3"]  # no plain copy left
    assert TEXT.encode() not in store.path.read_bytes()
    assert DraftStore(tmp_path, key).load("meeting", "m2").data == {"agenda": TEXT}  # type: ignore[union-attr]
    new_key = DatabaseKey.new("a brand new passphrase")
    DraftStore(tmp_path, key).rekey(new_key)
    assert DraftStore(tmp_path, key).pending() == []
    assert DraftStore(tmp_path, new_key).load("meeting", "m2") is not None
    DraftStore(tmp_path, new_key).rekey(None)  # decrypt
    assert not encryption.is_encrypted(store.path)
    assert DraftStore(tmp_path).load("meeting", "m2").data == {"agenda": TEXT}  # type: ignore[union-attr]
    DraftStore(tmp_path).rekey(key)  # an interrupted conversion run again is harmless
    DraftStore(tmp_path).rekey(key)
    assert DraftStore(tmp_path, key).load("meeting", "m2") is not None


def test_rekey_without_drafts_creates_nothing(tmp_path: Path, key: DatabaseKey):
    DraftStore(tmp_path / "d").rekey(key)
    assert not (tmp_path / "d").exists()


def test_a_damaged_drafts_file_is_skipped_not_fatal(tmp_path: Path):
    (tmp_path / "drafts.sqlite3").write_bytes(b"\xff{not a database" * 100)
    assert DraftStore(tmp_path).pending() == []


_CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from crm_desktop.storage.drafts import DraftStore
    store = DraftStore(Path(sys.argv[1]))
    for n in range(1, 1_000_000):
        store.save("meeting", "m", {"n": n, "text": "Щука 龙猫 " * 200})
        print(n, flush=True)  # acknowledged: save() returned
""")


def test_a_returned_save_survives_sigkill(tmp_path: Path):
    """The child saves in a loop and reports each returned save; it is killed with
    SIGKILL at once; the last acknowledged draft (or a later one) must be there."""
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert child.stdout is not None
    acknowledged = 0
    for line in child.stdout:
        acknowledged = int(line)
        if acknowledged >= 25:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    draft = DraftStore(tmp_path).load("meeting", "m")
    assert draft is not None and draft.data["n"] >= acknowledged
    assert draft.data["text"] == "Щука 龙猫 " * 200
    check = sqlite3.connect(tmp_path / "drafts.sqlite3")
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    check.close()
