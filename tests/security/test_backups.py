"""Rotating verified backups, damaged databases, restore."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from secutil import digest, folder_state, identity_of

from crm_desktop import cli
from crm_desktop.config import Paths
from crm_desktop.domain.errors import StorageError
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.runtime import open_runtime
from crm_desktop.storage import backups, encryption
from crm_desktop.storage.backups import AutoBackup, BackupPolicy
from crm_desktop.storage.database import DamagedDatabaseError
from crm_desktop.storage.encryption import DatabaseKey


def _db(paths: Paths, key: DatabaseKey | None = None, companies: int = 30) -> Path:
    path = paths.data_dir / "crm.sqlite3"
    rt = open_runtime("sqlite:///" + str(path), paths, key=key)
    for i in range(companies):
        rt.services.companies.create(CompanyInput(name=f"Company {i}", description="d" * 500))
    rt.close()
    return path


def test_rotation_keeps_the_last_few_and_one_per_day_for_a_month(tmp_path: Path):
    now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    made = []
    for hours in range(0, 24 * 45, 6):  # four a day for 45 days
        when = now - timedelta(hours=hours)
        p = tmp_path / backups.backup_name("crm", "auto", when, "ab" * 16)
        p.write_bytes(b"")
        made.append((when, p))
    other = tmp_path / "crm-notes.txt"
    other.write_text("not a backup")
    policy = BackupPolicy(keep_last=5, daily_days=30)
    backups.rotate(tmp_path, "ab" * 16, policy, now)
    left = {b.made_at for b in backups.list_backups(tmp_path, "ab" * 16)}
    newest = sorted((w for w, _ in made), reverse=True)
    assert set(newest[:5]) <= left
    days = {w.date() for w in left}
    assert days == {(now - timedelta(days=d)).date() for d in range(31)}
    assert len(left) == 5 + 30 - 1  # today's newest is among the last five
    assert other.exists()  # never deletes a file it did not name


def test_automatic_backups_at_start_and_after_changes(paths: Paths):
    path = _db(paths, companies=1)
    t = [datetime(2026, 11, 27, 9, 0, tzinfo=UTC)]
    auto = AutoBackup(path, paths.backups_dir, None, BackupPolicy(keep_last=3), lambda: t[0])
    assert auto.at_start() is not None
    assert auto.run_if_due() is None  # nothing changed
    auto.note_change()
    t[0] += timedelta(minutes=1)
    assert auto.run_if_due() is None  # too soon after the last one
    t[0] += timedelta(minutes=15)
    made = auto.run_if_due()
    assert made is not None and backups.verify_backup(made, None) == []
    for _ in range(5):
        t[0] += timedelta(minutes=30)
        auto.note_change()
        auto.run_if_due()
    assert len(backups.list_backups(paths.backups_dir, identity_of(path))) == 3


def test_the_runtime_backs_up_at_start_and_after_a_change(paths: Paths):
    path = _db(paths, companies=1)
    rt = open_runtime("sqlite:///" + str(path), paths, auto_backup=True)
    try:
        found = backups.list_backups(paths.backups_dir, identity_of(path))
        assert [b.reason for b in found] == ["start"]
        rt.services.companies.create(CompanyInput(name="After start"))
    finally:
        rt.close()
    reasons = [b.reason for b in backups.list_backups(paths.backups_dir, identity_of(path))]
    assert reasons == ["auto", "start"]


def test_backups_of_an_encrypted_database_are_encrypted(paths: Paths, key: DatabaseKey):
    path = _db(paths, key, companies=3)
    made = backups.make_backup(path, paths.backups_dir, "manual", key)
    assert encryption.is_encrypted(made)
    assert b"Company 1" not in made.read_bytes()
    assert backups.verify_backup(made, key) == []
    assert backups.verify_backup(made, None) != []


def test_a_backup_that_cannot_be_written_leaves_no_file_and_says_why(paths: Paths, monkeypatch):
    path = _db(paths, companies=1)
    blocker = paths.data_dir / "blocked"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(StorageError, match="backup folder"):
        backups.make_backup(path, blocker / "sub", "manual")
    target = paths.data_dir / "out"

    def disk_full(path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "fsync_path", disk_full)
    with pytest.raises(StorageError, match="No space left on device"):
        backups.make_backup(path, target, "manual")
    assert list(target.iterdir()) == []


def _damage(path: Path) -> None:
    """Overwrite the middle of the file, as a bad sector or a torn copy would."""
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2 // 4096 * 4096)
        f.write(b"\xde\xad\xbe\xef" * 256)


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_damaged_database_is_never_overwritten_and_the_newest_good_backup_is_offered(
    paths: Paths, key: DatabaseKey, encrypted: bool, monkeypatch, capsys
):
    k = key if encrypted else None
    path = _db(paths, k, companies=60)
    good = backups.make_backup(path, paths.backups_dir, "manual", k)
    _damage(path)
    before = folder_state(paths.data_dir)
    with pytest.raises(DamagedDatabaseError) as e:
        open_runtime("sqlite:///" + str(path), paths, key=k, writer=True)
    assert e.value.backup is not None and e.value.backup.path == good
    assert "damaged" in str(e.value) and str(good) in str(e.value)
    assert folder_state(paths.data_dir) == before  # nothing was written, nothing replaced

    damaged_digest = digest(path)
    if encrypted:
        monkeypatch.setenv("CRM_PASSPHRASE", "Correct horse battery staple")
    assert cli.main(["--db", str(path), "restore", str(good)]) == 0
    out = capsys.readouterr().out
    aside = [p for p in paths.data_dir.iterdir() if ".damaged-" in p.name and p.name[-1] == "Z"]
    assert len(aside) == 1 and digest(aside[0]) == damaged_digest  # kept, not overwritten
    assert "saved to" in out
    rt = open_runtime("sqlite:///" + str(path), paths, key=k)
    try:
        assert rt.services.companies.count() == 60
    finally:
        rt.close()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(paths: Paths, capsys):
    path = _db(paths, companies=40)
    bad = backups.make_backup(path, paths.backups_dir, "manual")
    _damage(bad)
    before = folder_state(paths.data_dir)
    assert cli.main(["--db", str(path), "restore", str(bad)]) == 1
    assert "Not restored" in capsys.readouterr().err
    assert folder_state(paths.data_dir) == before


def test_a_backup_is_verified_before_it_replaces_anything(paths: Paths, tmp_path: Path):
    path = _db(paths, companies=2)
    not_ours = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(not_ours)
    conn.execute("CREATE TABLE notes(x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StorageError, match="not a crm-desktop database"):
        backups.restore_backup(not_ours, path, paths.backups_dir)
    assert digest(path) == before


def test_backup_and_lock_options_are_harmless_on_every_database(db_url: str, paths: Paths):
    """On PostgreSQL there is no file to lock or copy: the options do nothing there."""
    rt = open_runtime(db_url, paths, writer=True, auto_backup=True)
    try:
        rt.services.companies.create(CompanyInput(name="Either database"))
        assert rt.services.companies.count() == 1
        if rt.db.path is None:
            assert rt.lock is None and rt.autobackup is None
    finally:
        rt.close()
