"""The GUI composition root: application identity, fonts, demo database, storage errors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop import APP_ID
from crm_desktop.app import make_application, run_gui
from crm_desktop.application.demo import is_empty, open_demo
from crm_desktop.cli import build_parser
from crm_desktop.config import Paths
from crm_desktop.runtime import open_runtime


def test_application_identity_and_bundled_fonts(qapp, paths: Paths) -> None:
    app = make_application([], paths)
    assert app is QApplication.instance()
    assert app.desktopFileName() == APP_ID
    families = QFontDatabase.families()
    assert "Droid Sans Fallback" in families  # Chinese without system CJK fonts
    assert "DejaVu Sans" in families


def test_demo_database_is_created_on_first_use(paths: Paths) -> None:
    rt = open_demo(paths)
    try:
        assert not is_empty(rt.services)
        assert paths.demo_database.exists()
        companies = rt.services.companies.count()
    finally:
        rt.close()
    again = open_demo(paths)  # the second start opens it, without loading the story twice
    try:
        assert again.services.companies.count() == companies
    finally:
        again.close()


def test_an_empty_database_is_recognised(paths: Paths, tmp_path: Path) -> None:
    rt = open_runtime("sqlite:///" + str(tmp_path / "empty.sqlite3"), paths)
    try:
        assert is_empty(rt.services)
    finally:
        rt.close()


def test_a_file_that_is_no_database_shows_an_error(
    qapp, paths: Paths, tmp_path: Path, monkeypatch
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 10, encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda parent, title, message: shown.append(message))
    )
    args = build_parser().parse_args(["--db", str(text), "--lang", "en"])
    assert run_gui(args) == 1
    assert len(shown) == 1 and shown[0].strip()
    assert text.read_text(encoding="utf-8") == "not a database\n" * 10


def test_errors_escaping_a_slot_are_shown(qapp, monkeypatch) -> None:
    import sys

    from crm_desktop.app import install_error_hook
    from crm_desktop.domain.errors import StorageError

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda p, t, m: shown.append(("warning", m)))
    )
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda p, t, m: shown.append(("critical", m)))
    )
    monkeypatch.setattr(sys, "excepthook", lambda *a: None)
    install_error_hook()
    sys.excepthook(StorageError, StorageError("The disk is full."), None)
    sys.excepthook(KeyError, KeyError("boom"), None)
    assert shown[0] == ("warning", "The disk is full.")
    assert shown[1][0] == "critical" and "KeyError" in shown[1][1]


def test_planner_statistics_are_made_in_the_background(paths: Paths, demo_db: Path) -> None:
    import sqlite3

    from PySide6.QtCore import QThreadPool

    from crm_desktop.app import optimize_in_background

    conn = sqlite3.connect(demo_db)
    conn.execute("DROP TABLE IF EXISTS sqlite_stat1")
    conn.commit()
    conn.close()
    rt = open_runtime("sqlite:///" + str(demo_db), paths)
    try:
        optimize_in_background(rt)
        assert QThreadPool.globalInstance().waitForDone(30_000)
    finally:
        rt.close()
    conn = sqlite3.connect(demo_db)
    try:
        assert conn.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0
    finally:
        conn.close()
