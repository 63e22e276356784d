"""The GUI's start: the window first, then the full integrity check and the start backup
on a worker thread; a damaged file found there is never written to again."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from secutil import digest, identity_of
from sqlalchemy import text

from crm_desktop import runtime
from crm_desktop.config import Paths
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.runtime import open_runtime, run_start_checks
from crm_desktop.storage import backups
from crm_desktop.storage.backups import AutoBackup
from crm_desktop.storage.database import DamagedDatabaseError, ReadOnlyDatabaseError


def _db(paths: Paths, companies: int = 400) -> Path:
    path = paths.data_dir / "crm.sqlite3"
    rt = open_runtime("sqlite:///" + str(path), paths)
    for i in range(companies):
        rt.services.companies.create(CompanyInput(name=f"Company {i}", description="d" * 500))
    rt.close()
    return path


def _damage_data_pages(path: Path) -> None:
    """Overwrite the search index's leaf pages, as a bad sector would: records the
    first screen does not read, so only the full check can find the damage."""
    conn = sqlite3.connect(path)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        r[0]
        for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'search_doc' AND pagetype = 'leaf'"
        )
    ]
    conn.close()
    assert pages
    with path.open("r+b") as f:
        for page in pages:
            f.seek((page - 1) * size)
            f.write(b"\xde\xad\xbe\xef" * (size // 4))


def _gui(qtbot, qapp, rt):
    from crm_desktop.app import AfterFirstPaint, Gui
    from crm_desktop.ui.common.i18n import Translators
    from crm_desktop.ui.security.security_setup import Protections

    translators = Translators()
    translators.install("en")
    gui = Gui(qapp, rt, translators)
    window = gui.show_window()
    qtbot.addWidget(window)  # closed after the test: no window left for other tests
    protections = Protections(rt, lambda: gui.window, None, gui.replace_runtime)
    protections.attach_window(window)
    gui.window_hooks.append(protections.attach_window)
    AfterFirstPaint(window, protections.start_checks)
    return gui, window, protections


def test_the_window_is_up_before_the_integrity_check_ends_and_the_start_backup_follows(
    qtbot, qapp, paths: Paths, monkeypatch
):
    from crm_desktop.ui.security.security_setup import open_secure_runtime

    path = _db(paths, companies=5)
    started, release = threading.Event(), threading.Event()
    modes: list[object] = []
    real_check = runtime._check_sqlite_file

    def slow_full_check(p, key=None, full=False):
        modes.append(full)
        started.set()
        assert release.wait(30), "the test never released the check"
        return real_check(p, key, full)

    monkeypatch.setattr(runtime, "_check_sqlite_file", slow_full_check)
    rt = open_secure_runtime("sqlite:///" + str(path), paths)
    assert rt is not None and rt.checks_pending
    assert _ours(paths, path) == []  # nothing before the window
    gui, window, protections = _gui(qtbot, qapp, rt)
    try:
        qtbot.waitExposed(window)
        qtbot.waitUntil(started.is_set, timeout=10_000)  # began after the first paint ...
        assert window.isVisible() and protections.start_result is None  # ... and runs on
        assert _ours(paths, path) == []  # backup after check
        release.set()
        qtbot.waitUntil(lambda: protections.start_result is not None, timeout=30_000)
        result = protections.start_result
        assert modes == ["full"] and result.damaged is None and result.backup_error is None
        made = _ours(paths, path)
        assert [b.reason for b in made] == ["start"] and made[0].path == result.backup
        assert backups.verify_backup(result.backup, None) == []
        rt.services.companies.create(CompanyInput(name="Written after the check"))
    finally:
        release.set()
        protections.stop()
        gui.rt.close()
        if gui.window is not None:
            qtbot.addWidget(gui.window)


def test_damage_found_after_start_offers_the_backup_and_nothing_is_written_again(
    qtbot, qapp, paths: Paths, monkeypatch
):
    from crm_desktop.ui.security import security_setup

    path = _db(paths)
    good = backups.make_backup(path, paths.backups_dir, "manual")
    _damage_data_pages(path)
    offered: list[DamagedDatabaseError] = []

    def decline(error, folder, key, parent=None, before_restore=None):
        offered.append(error)
        return False

    monkeypatch.setattr(security_setup, "offer_backup_for_damaged", decline)
    rt = security_setup.open_secure_runtime("sqlite:///" + str(path), paths)
    assert rt is not None  # the cheap checks pass: the damage is in the records
    damaged_digest = digest(path)
    gui, window, protections = _gui(qtbot, qapp, rt)
    try:
        qtbot.waitUntil(lambda: protections.start_result is not None, timeout=60_000)
        assert protections.start_result.damaged is not None
        assert len(offered) == 1 and offered[0].backup is not None
        assert offered[0].backup.path == good  # the newest good backup is offered
        with pytest.raises(ReadOnlyDatabaseError):
            rt.services.companies.create(CompanyInput(name="Typed after the damage"))
        with pytest.raises(Exception, match="readonly|read-only|read only"):
            with rt.db.engine.begin() as conn:  # no other path writes either
                conn.execute(text("DELETE FROM company"))
        assert "read only" in window.windowTitle()
        protections._backup_if_due()
    finally:
        protections.stop()
        gui.rt.close()
        if gui.window is not None:
            qtbot.addWidget(gui.window)  # the backup at close is not made of a damaged file
    assert digest(path) == damaged_digest  # never overwritten
    assert [b.path for b in _ours(paths, path)] == [good]


def test_accepting_the_offered_backup_moves_the_damaged_file_aside_and_reopens(
    qtbot, qapp, paths: Paths, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.ui.security import security_setup

    path = _db(paths)
    good = backups.make_backup(path, paths.backups_dir, "manual")
    _damage_data_pages(path)
    damaged_digest = digest(path)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    rt = security_setup.open_secure_runtime("sqlite:///" + str(path), paths)
    gui, window, protections = _gui(qtbot, qapp, rt)
    try:
        qtbot.waitUntil(lambda: protections.rt is not rt, timeout=60_000)
        qtbot.waitUntil(
            lambda: (
                protections.start_result is not None and protections.start_result.damaged is None
            ),
            timeout=60_000,
        )
        assert gui.rt is protections.rt and gui.rt.services.companies.count() == 400
        gui.rt.services.companies.create(CompanyInput(name="After the restore"))
    finally:
        protections.stop()
        gui.rt.close()
        if gui.window is not None:
            qtbot.addWidget(gui.window)
    aside = [p for p in paths.data_dir.iterdir() if ".damaged-" in p.name and p.name[-1] == "Z"]
    assert len(aside) == 1 and digest(aside[0]) == damaged_digest
    assert good.exists()


def test_a_damaged_source_never_rotates_good_backups_away(paths: Paths):
    path = _db(paths, companies=50)
    auto = AutoBackup(
        path, paths.backups_dir, None, backups.BackupPolicy(keep_last=1, daily_days=0)
    )
    first = auto.at_start()
    assert first is not None
    _damage_data_pages(path)
    assert auto.backup_now("auto") is None and auto.last_error  # not verified: not kept
    assert [b.path for b in _ours(paths, path)] == [first]
    rt = open_runtime("sqlite:///" + str(path), paths, deferred_checks=True, auto_backup=True)
    try:
        result = run_start_checks(rt)
        assert result.damaged is not None and result.damaged.backup.path == first
        assert result.backup is None and rt.autobackup.stopped
        rt.autobackup.note_change()
        assert rt.autobackup.run_if_due(force=True) is None
    finally:
        rt.close()
    assert [b.path for b in _ours(paths, path)] == [first]


def test_a_half_written_backup_left_by_a_killed_start_is_removed(paths: Paths):
    path = _db(paths, companies=1)
    paths.backups_dir.mkdir(parents=True, exist_ok=True)
    part = paths.backups_dir / (
        backups.backup_name(
            "crm", "start", datetime(2026, 11, 27, 9, tzinfo=UTC), identity_of(path)
        )
        + ".part"
    )
    part.write_bytes(b"half")
    other = paths.backups_dir / (
        backups.backup_name(  # another database's, same stem
            "crm", "start", datetime(2026, 11, 27, 9, tzinfo=UTC), "ab" * 16
        )
        + ".part"
    )
    other.write_bytes(b"someone else's")
    made = AutoBackup(path, paths.backups_dir).at_start()
    assert made is not None and not part.exists() and other.exists()


def _ours(paths: Paths, path: Path) -> list[backups.BackupInfo]:
    """The backups of the database at ``path`` (its identity is remembered per path, so
    this works on a file damaged since)."""
    from crm_desktop.storage import identity

    return backups.list_backups(
        paths.backups_dir, identity_of(path) or identity.last_known(paths.data_dir, path)
    )
