"""File → Synchronise…: two laptops' databases merged from the window, with real events."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.application import synchronising
from crm_desktop.runtime import Runtime, open_runtime
from tests.sync.synchelp import snapshot
from tests.ui.syncgui_help import diverge, make_window, open_sync_dialog

pytestmark = pytest.mark.usefixtures("english")


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(qtbot: Any, radio: Any) -> None:
    """Click a radio button on its circle: the row is wider than its text, and a click
    past the text (the centre) does not hit it, as for a user."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def _snap(url: str, paths: Any) -> dict[str, Any]:
    class R:  # the shape synchelp.snapshot reads
        pass

    r = R()
    r.rt = open_runtime(url, paths)  # type: ignore[attr-defined]
    try:
        return snapshot(r)  # type: ignore[arg-type]
    finally:
        r.rt.close()  # type: ignore[attr-defined]


def test_synchronise_with_another_file_shows_the_summary_and_the_merged_records(
    qtbot: Any, rt: Runtime, demo_db_template: Path, tmp_path: Path
) -> None:
    d = diverge(rt, demo_db_template, tmp_path)
    window = make_window(qtbot, rt)
    companies = window.nav.select("companies")
    assert companies is not None
    assert "Their New Motors" not in [
        companies.model.index(r, 0).data() for r in range(companies.model.rowCount())
    ]
    dialog = open_sync_dialog(qtbot, window)
    assert dialog.modes["file"].isChecked()
    dialog.file_edit.clear()
    qtbot.keyClicks(dialog.file_edit, str(d.other))
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=30000)

    here = dialog.summary_table(0)
    there = dialog.summary_table(1)
    assert here is not None and there is not None
    # the other laptop's new company came here, and its newer city won (one conflict)
    assert here.counts()["Companies"] == (1, 1, 0, 1)
    assert there.counts()["Companies"][0] == 1  # our new company went there
    assert "1 new conflict" in dialog.summary_label.text()

    # the window's lists show the merged records, the badge counts the conflict
    names = {companies.model.index(r, 0).data() for r in range(companies.model.rowCount())}
    assert {"Their New Motors", "Mine Only Pumps"} <= names
    assert rt.services.companies.get(d.city).city == "Wuxi (theirs)"
    item = window.nav.list.item(window.nav.keys().index("conflicts"))
    assert item.text() == "Conflicts  (1)"
    # the other database is remembered for next time
    click(qtbot, dialog.close_button)
    again = open_sync_dialog(qtbot, window)
    assert again.file_edit.text() == str(d.other)


def test_cancel_during_the_merge_leaves_both_databases_unchanged(
    qtbot: Any, rt: Runtime, demo_db_template: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    d = diverge(rt, demo_db_template, tmp_path)
    other_url = "sqlite:///" + str(d.other)
    before_here = snapshot_of(rt)
    before_there = _snap(other_url, d.other_paths)

    # deterministic: the merge waits after its first progress report until Cancel is
    # clicked (the engine then checks the flag at its next row)
    real = synchronising.synchronise_with
    first = threading.Event()

    def paused(*args: Any, progress: Any = None, cancelled: Any = None, **kw: Any) -> Any:
        def report(step: str, done: int, total: int) -> None:
            progress(step, done, total)
            if not first.is_set():
                first.set()
                for _ in range(1000):
                    if cancelled():
                        break
                    threading.Event().wait(0.01)

        return real(*args, progress=report, cancelled=cancelled, **kw)

    monkeypatch.setattr(synchronising, "synchronise_with", paused)
    window = make_window(qtbot, rt)
    dialog = open_sync_dialog(qtbot, window)
    dialog.file_edit.setText(str(d.other))
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(first.is_set, timeout=30000)
    assert dialog.cancel_button.isVisible()
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: dialog.was_cancelled, timeout=30000)
    box = dialog.notice_box
    assert box.isVisible() and "nothing was changed on either side" in box.text()
    click(qtbot, box.button(QMessageBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dialog.pages.currentIndex() == 0  # back to the choice, nothing to summarise
    assert snapshot_of(rt) == before_here
    assert _snap(other_url, d.other_paths) == before_there
    assert synchronising.open_conflict_count(rt) == 0


def snapshot_of(rt: Runtime) -> dict[str, Any]:
    class R:
        pass

    r = R()
    r.rt = rt  # type: ignore[attr-defined]
    return snapshot(r)  # type: ignore[arg-type]


def test_a_damaged_packet_shows_an_error_and_changes_nothing(
    qtbot: Any, rt: Runtime, demo_db_template: Path, tmp_path: Path
) -> None:
    d = diverge(rt, demo_db_template, tmp_path)
    there = open_runtime("sqlite:///" + str(d.other), d.other_paths)
    packet = tmp_path / "changes.crmsync"
    try:
        synchronising.export_changes(there, packet)
    finally:
        there.close()
    data = packet.read_bytes()
    packet.write_bytes(data[: len(data) // 2])  # cut short on the USB stick
    before = snapshot_of(rt)

    window = make_window(qtbot, rt)
    dialog = open_sync_dialog(qtbot, window)
    choose(qtbot, dialog.modes["import"])
    assert dialog.start_button.text() == "Import"
    qtbot.keyClicks(dialog.import_edit, str(packet))
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: dialog.error is not None, timeout=30000)
    box = dialog.error_box
    assert box.isVisible()
    assert "not a complete crm-desktop sync packet" in box.text()
    assert "nothing was changed" in box.text()
    assert snapshot_of(rt) == before


def test_export_then_import_a_packet_from_the_dialog(
    qtbot: Any, rt: Runtime, demo_db_template: Path, tmp_path: Path
) -> None:
    d = diverge(rt, demo_db_template, tmp_path)
    there = open_runtime("sqlite:///" + str(d.other), d.other_paths)
    try:
        window = make_window(qtbot, there)
        dialog = open_sync_dialog(qtbot, window)
        choose(qtbot, dialog.modes["export"])
        packet = tmp_path / "from-other.crmsync"
        qtbot.keyClicks(dialog.export_edit, str(packet))
        click(qtbot, dialog.start_button)
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=30000)
        assert str(packet) in dialog.summary_label.text()
        assert packet.is_file()
        window.close()
    finally:
        there.close()

    window = make_window(qtbot, rt)
    dialog = open_sync_dialog(qtbot, window)
    choose(qtbot, dialog.modes["import"])
    qtbot.keyClicks(dialog.import_edit, str(packet))
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=30000)
    table = dialog.summary_table(0)
    assert table is not None and table.counts()["Companies"] == (1, 1, 0, 1)
    assert any(c.name == "Their New Motors" for c in rt.services.companies.list())


def test_the_other_database_held_by_another_program_is_named(
    qtbot: Any, rt: Runtime, demo_db_template: Path, tmp_path: Path
) -> None:
    d = diverge(rt, demo_db_template, tmp_path)
    holder = open_runtime("sqlite:///" + str(d.other), d.other_paths, writer=True)
    try:
        window = make_window(qtbot, rt)
        dialog = open_sync_dialog(qtbot, window)
        dialog.file_edit.setText(str(d.other))
        click(qtbot, dialog.start_button)
        qtbot.waitUntil(lambda: dialog.error is not None, timeout=30000)
        assert "is open for writing" in dialog.error_box.text()
        assert "Nothing was changed" in dialog.error_box.text()
    finally:
        holder.close()
    assert synchronising.open_conflict_count(rt) == 0
