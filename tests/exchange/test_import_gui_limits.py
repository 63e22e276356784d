"""The import dialog with hostile and big files, driven by real key and mouse events: a
workbook over the limits is refused in the dialog naming the limit; a long import shows
progress and Cancel leaves the database unchanged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QProgressDialog, QPushButton  # noqa: E402

from crm_desktop.ui.exchange.exchange_import import ImportDialog  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_import_limits import shared_strings_bomb  # noqa: E402


def test_a_hostile_workbook_is_refused_in_the_dialog(qtbot, services, tmp_path):
    bomb = tmp_path / "contacts.xlsx"
    bomb.write_bytes(shared_strings_bomb(2_000_000))
    dialog = ImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.path_edit, str(bomb))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)  # reads the file, opens no chooser
    assert "shared strings; the limit is 1,000,000" in dialog.info.text()
    assert not dialog.import_button.isEnabled()


def test_cancel_during_a_long_import_leaves_the_database_unchanged(qtbot, services, tmp_path):
    rows = ["Family name,Given name,Email"] + [
        f"王{i},建国,gui{i}@example.com" for i in range(20000)
    ]
    big = tmp_path / "big.csv"
    big.write_text("\n".join(rows) + "\n", encoding="utf-8")
    before = services.contacts.count()
    dialog = ImportDialog(services, path=str(big))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.import_button.isEnabled(), dialog.info.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    job = dialog.job
    progress: QProgressDialog = job.dialog
    qtbot.waitUntil(lambda: progress.isVisible() and progress.value() > 0, timeout=60000)
    cancel = progress.findChild(QPushButton)
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    assert job.was_cancelled and job.result is None
    assert services.contacts.count() == before
