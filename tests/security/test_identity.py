"""Backups and drafts belong to one database, by the identity stored inside it.

The CLI runs in a subprocess (``python -m crm_desktop``) the way a user runs it; the
files are then read byte for byte.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from secutil import PASSPHRASE, digest, identity_of

from crm_desktop.config import Paths
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.runtime import open_runtime
from crm_desktop.storage import backups, encryption
from crm_desktop.storage import identity as identities
from crm_desktop.storage.backups import BackupPolicy
from crm_desktop.storage.drafts import DraftStore, drafts_folder

FIXTURE_0001 = Path(__file__).resolve().parents[1] / "fixtures" / "schema_0001.sqlite3"
CANARIES = ("Quoxcanaryold", "Quoxcanarylive", "Quoxcanarydraft")


def crm(
    data_dir: Path, *args: str, passphrase: str | None = None, new: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DATA_DIR": str(data_dir)}
    for name in ("CRM_DATABASE_URL", "CRM_PASSPHRASE", "CRM_NEW_PASSPHRASE"):
        env.pop(name, None)
    if passphrase is not None:
        env["CRM_PASSPHRASE"] = passphrase
    if new is not None:
        env["CRM_NEW_PASSPHRASE"] = new
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


def _hits(*folders: Path) -> list[str]:
    found = []
    for folder in folders:
        for p in folder.rglob("*"):
            if p.is_file():
                data = p.read_bytes()
                found += [f"{p.name}: {c}" for c in CANARIES if c.encode() in data]
    return found


def _db_with_canary(paths: Paths, name: str = "crm.sqlite3", folder: Path | None = None) -> Path:
    path = (folder or paths.data_dir) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    rt = open_runtime("sqlite:///" + str(path), paths, auto_backup=True)
    try:
        rt.services.companies.create(CompanyInput(name=f"{CANARIES[1]} Ltd"))
        DraftStore(rt.drafts_dir, rt.key, rt.identity).save(
            "meeting", "new-1", {"discussion": f"{CANARIES[2]} typed"}
        )
    finally:
        rt.close()
    return path


def test_after_encrypt_no_readable_copy_of_any_record_is_left_anywhere(paths: Paths):
    """An older version's database (schema 0001) is migrated (a before-migration backup,
    named for the newest revision), used (start and automatic backups, a draft), backed up
    from the CLI, restored (a before-restore backup), then encrypted: every file under the
    data directory and the backup folder is then searched for the records' text."""
    db = paths.data_dir / "crm.sqlite3"
    shutil.copy(FIXTURE_0001, db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE company SET description = ?", (CANARIES[0],))
    conn.commit()
    conn.close()
    assert crm(paths.data_dir, "check").returncode == 0  # migrates, behind a backup
    _db_with_canary(paths)
    made = crm(paths.data_dir, "backup")
    assert made.returncode == 0, made.stderr
    restore_from = next(paths.backups_dir.glob("*-cli.*.sqlite3"))
    r = crm(paths.data_dir, "restore", str(restore_from))
    assert r.returncode == 0, r.stderr

    listed = crm(paths.data_dir, "backups").stdout
    from crm_desktop.storage.database import head_revision

    for reason in (f"before-{head_revision()}", "start", "auto", "cli", "before-restore"):
        assert f" {reason}" in listed, listed  # each kind is this database's
    assert _hits(paths.data_dir)  # the search finds the text while it is plain

    r = crm(paths.data_dir, "encrypt", passphrase=PASSPHRASE)
    assert r.returncode == 0, r.stderr
    assert _hits(paths.data_dir, paths.backups_dir) == []
    listed = crm(paths.data_dir, "backups", passphrase=PASSPHRASE).stdout.splitlines()[1:]
    assert len(listed) == 5 and all(" encrypted  ok  " in line for line in listed), listed


def test_backup_names_split_one_way_whatever_the_stem(paths: Paths):
    """'crm-before' is a database of its own, not the before-… backups of 'crm'."""
    crm_db = _db_with_canary(paths, "crm.sqlite3")
    other = _db_with_canary(paths, "crm-before.sqlite3")
    a = backups.make_backup(crm_db, paths.backups_dir, "before-restore")
    b = backups.make_backup(crm_db, paths.backups_dir, "before-0003_contact_live_name_index")
    c = backups.make_backup(other, paths.backups_dir, "restore")
    ours = {x.path: x.reason for x in backups.list_backups(paths.backups_dir, identity_of(crm_db))}
    assert ours[a] == "before-restore" and ours[b] == "before-0003_contact_live_name_index"
    assert c not in ours
    theirs = [x.path for x in backups.list_backups(paths.backups_dir, identity_of(other))]
    assert c in theirs and a not in theirs and b not in theirs


def test_an_older_versions_backups_and_drafts_are_adopted_once(paths: Paths):
    db = paths.data_dir / "crm.sqlite3"
    shutil.copy(FIXTURE_0001, db)
    paths.backups_dir.mkdir(parents=True)
    stamp = "20261101T090000000000Z"
    for reason in ("start", "before-restore", "before-0002_attachment_content"):
        shutil.copy(FIXTURE_0001, paths.backups_dir / f"crm-{reason}-{stamp}.sqlite3")
    foreign = paths.backups_dir / f"crm-before-auto-{stamp}.sqlite3"  # "crm-before"'s
    shutil.copy(FIXTURE_0001, foreign)
    old_drafts = paths.data_dir / "drafts" / "crm"
    DraftStore(old_drafts).save("meeting", "new-1", {"discussion": "kept"})

    rt = open_runtime("sqlite:///" + str(db), paths)
    try:
        reasons = sorted(b.reason for b in backups.list_backups(paths.backups_dir, rt.identity))
        from crm_desktop.storage.database import head_revision

        assert reasons == sorted(
            [
                "before-0002_attachment_content",
                f"before-{head_revision()}",
                "before-restore",
                "start",
            ]
        )
        assert foreign.exists()  # never claimed: not a name this database's stem wrote
        store = DraftStore(rt.drafts_dir, rt.key, rt.identity)
        assert [d.data["discussion"] for d in store.pending()] == ["kept"]
    finally:
        rt.close()


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_copy_never_acts_on_the_originals_backups_and_drafts(
    paths: Paths, tmp_path: Path, encrypted: bool
):
    original = _db_with_canary(paths)
    if encrypted:
        assert crm(paths.data_dir, "encrypt", passphrase=PASSPHRASE).returncode == 0
    key = encryption.unlock(original, PASSPHRASE) if encrypted else None
    ident = identity_of(original, key)
    drafts = drafts_folder(paths.data_dir, ident) / "drafts.sqlite3"
    theirs = {p: digest(p) for p in [*paths.backups_dir.iterdir(), drafts]}
    assert len(theirs) >= 3

    copy_dir = tmp_path / "usb"
    copy_dir.mkdir()
    copy = copy_dir / "crm.sqlite3"  # the same file name, another folder
    shutil.copy2(original, copy)
    if encrypted:
        r = crm(paths.data_dir, "--db", str(copy), "decrypt", passphrase=PASSPHRASE)
    else:
        r = crm(paths.data_dir, "--db", str(copy), "encrypt", passphrase="another passphrase")
    assert r.returncode == 0, r.stderr
    assert {p: digest(p) for p in theirs} == theirs  # not one byte of the original's
    assert encryption.is_encrypted(copy) != encrypted
    copy_key = None if encrypted else encryption.unlock(copy, "another passphrase")
    copy_id = identity_of(copy, copy_key)
    assert copy_id is not None and copy_id != ident  # the copy is a database of its own
    assert backups.list_backups(paths.backups_dir, copy_id) == []
    # ... and the original still has all of its backups.
    listed = crm(paths.data_dir, "backups", passphrase=PASSPHRASE).stdout
    assert listed.count(" ok ") == len(theirs) - 1


def test_a_moved_database_keeps_its_identity_and_backups(paths: Paths, tmp_path: Path):
    first = _db_with_canary(paths, folder=tmp_path / "old place")
    ident = identity_of(first)
    moved = tmp_path / "new place" / "renamed.sqlite3"
    moved.parent.mkdir()
    shutil.move(first, moved)
    r = crm(paths.data_dir, "--db", str(moved), "backups")
    assert r.returncode == 0, r.stderr
    assert identity_of(moved) == ident
    assert r.stdout.count(" ok ") == len(backups.list_backups(paths.backups_dir, ident)) == 2


def test_a_file_carried_to_another_computer_is_a_new_replica(paths: Paths, monkeypatch):
    db = _db_with_canary(paths)
    ident = identity_of(db)
    monkeypatch.setattr(identities, "this_host", lambda: "another-laptop")
    rt = open_runtime("sqlite:///" + str(db), paths)
    try:
        assert rt.identity not in (None, ident)
    finally:
        rt.close()
    conn = sqlite3.connect(db)
    parent = conn.execute("SELECT value FROM setting WHERE key = 'database.parent_id'").fetchone()
    conn.close()
    assert parent == (ident,)  # the lineage sync will need


def test_cli_backups_rotate_like_the_automatic_ones(paths: Paths):
    db = _db_with_canary(paths)
    ident = identity_of(db)
    for b in backups.list_backups(paths.backups_dir, ident):
        b.path.unlink()
    now = datetime.now(UTC)
    for minutes in range(1, 12):  # eleven older ones today
        name = backups.backup_name("crm", "manual", now - timedelta(minutes=minutes), ident)
        shutil.copy(db, paths.backups_dir / name)
    r = crm(paths.data_dir, "backup")
    assert r.returncode == 0, r.stderr
    left = backups.list_backups(paths.backups_dir, ident)
    assert len(left) == BackupPolicy().keep_last
    assert left[0].reason == "cli"


def test_every_database_has_one_identity_that_its_drafts_follow(db_url: str, paths: Paths):
    """On an SQLite file and on a PostgreSQL schema alike."""
    rt = open_runtime(db_url, paths)
    try:
        first = rt.identity
        DraftStore(rt.drafts_dir, rt.key, rt.identity).save("meeting", "new-1", {"x": 1})
    finally:
        rt.close()
    rt = open_runtime(db_url, paths)
    try:
        assert first is not None and rt.identity == first
        assert rt.drafts_dir == drafts_folder(paths.data_dir, first)
        assert [d.record_id for d in DraftStore(rt.drafts_dir, rt.key, rt.identity).pending()] == [
            "new-1"
        ]
        # A drafts file made for another database offers nothing here.
        assert DraftStore(rt.drafts_dir, rt.key, "0" * 32).pending() == []
    finally:
        rt.close()


def test_encrypt_also_converts_backups_left_in_the_folder_used_before(paths: Paths, tmp_path: Path):
    """Backups went to the data directory, then the user chose a USB stick: after encrypt
    neither folder holds a readable record."""
    from crm_desktop.config import Settings

    db = _db_with_canary(paths)  # backups in the data directory's folder
    usb = tmp_path / "usb"
    settings = Settings.load(paths.settings_file)
    settings.extra["backups_dir"] = str(usb)
    settings.save(paths.settings_file)
    rt = open_runtime("sqlite:///" + str(db), paths, auto_backup=True)  # a start backup there
    rt.close()
    assert list(usb.iterdir()) and list(paths.backups_dir.iterdir())
    assert _hits(usb) and _hits(paths.backups_dir)
    r = crm(paths.data_dir, "encrypt", passphrase=PASSPHRASE)
    assert r.returncode == 0, r.stderr
    assert _hits(paths.data_dir, usb) == []


def test_backups_of_a_database_damaged_since_are_still_listed(paths: Paths):
    db = _db_with_canary(paths)
    ident = identity_of(db)
    with db.open("r+b") as f:  # the header page: not even its identity can be read now
        f.seek(100)
        f.write(b"\xde\xad\xbe\xef" * 256)
    assert identity_of(db) is None
    r = crm(paths.data_dir, "backups")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count(" ok ") == len(backups.list_backups(paths.backups_dir, ident)) == 2
