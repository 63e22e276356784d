"""Exchange dialogs (pytest-qt, offscreen): mapping, duplicate choices, progress and cancel."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import pytest
from exchange_samples import FIXTURES

pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget  # noqa: E402

from crm_desktop.domain.services.contacts import Channel, ContactInput  # noqa: E402
from crm_desktop.exchange.columns import Field  # noqa: E402
from crm_desktop.exchange.db_import import OnDuplicate, Outcome  # noqa: E402
from crm_desktop.exchange.progress import Progress  # noqa: E402
from crm_desktop.ui.exchange.exchange_dialogs import (  # noqa: E402
    ExportContactsDialog,
    ExportMeetingsDialog,
    filter_from_query,
)
from crm_desktop.ui.exchange.exchange_import import ImportDialog  # noqa: E402
from crm_desktop.ui.exchange.exchange_worker import ExchangeJob  # noqa: E402
from crm_desktop.ui.exchange.file_menu import add_file_menu_actions  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path: Path):
    folder = tmp_path / "qsettings"
    folder.mkdir()
    QCoreApplication.setOrganizationName("crm-desktop-tests")
    QCoreApplication.setApplicationName("crm-desktop-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def no_message_boxes(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


def _wait_job(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.job is not None, timeout=5000)
    job = dialog.job
    with qtbot.waitSignal(job.ended, timeout=60000):
        pass


def test_import_preview_mapping_dry_run_and_per_row_choice(qtbot, services, no_message_boxes):
    services.contacts.create(
        ContactInput(
            family_name_ru="Смирнова",
            given_name_ru="Ольга",
            emails=[Channel("work", "o.smirnova@esipovo.example")],
        )
    )
    dialog = ImportDialog(services, path=str(FIXTURES / "google_contacts.csv"))
    qtbot.addWidget(dialog)
    assert "Google Contacts" in dialog.info.text()
    assert dialog.preview.rowCount() == 4  # the mapping row and three contacts
    headers = dialog.table.headers
    notes = headers.index("Notes")
    dialog.set_mapping(notes, Field.IGNORE)
    assert dialog.table.mapping[notes].field == Field.IGNORE

    dialog.check()
    _wait_job(qtbot, dialog)
    report = dialog.dry_report
    assert report is not None and not report.written
    assert report.created == 2 and report.skipped == 1
    dup = report.duplicates[0]
    assert dup.matched_by == "email" and dup.line == 4
    assert dialog.results.rowCount() == 1
    dialog.choose(dup.line, OnDuplicate.MERGE)

    with qtbot.waitSignal(dialog.imported, timeout=60000) as blocker:
        dialog.run_import()
    final = blocker.args[0]
    assert final.written and final.created == 2 and final.merged == 1
    olga = next(c for c in services.contacts.list() if c.family_name_ru == "Смирнова")
    assert len(olga.emails) == 2  # merged: the home address was added
    zhang = next(c for c in services.contacts.list() if c.family_name_native == "张")
    assert zhang.notes == ""  # the Notes column was left out by the mapping
    assert no_message_boxes == []


def test_import_of_a_broken_file_shows_the_line_and_disables_import(qtbot, services):
    dialog = ImportDialog(services, path=str(FIXTURES / "broken_unclosed.vcf"))
    qtbot.addWidget(dialog)
    assert "line 6" in dialog.info.text()
    assert not dialog.import_button.isEnabled()


def _click_import(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    _wait_job(qtbot, dialog)


def test_import_writes_the_valid_rows_and_lists_rejected_and_warned_lines(
    qtbot, services, no_message_boxes
):
    dialog = ImportDialog(services, path=str(FIXTURES / "google_contacts_national.csv"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.strict.isChecked()  # partial by default
    _click_import(qtbot, dialog)
    assert dialog.report is not None and dialog.report.written
    assert services.contacts.count() == 3
    rows = {
        dialog.results.item(r, 0).text(): dialog.results.item(r, 2).text()
        for r in range(dialog.results.rowCount())
    }
    assert set(rows) == {"3", "4"}
    assert "ext. 12-34" in rows["3"] and "notes" in rows["3"]
    assert rows["4"].startswith("rejected") and "not-an-email@" in rows["4"]
    assert "rejected: 1" in dialog.summary.text() and "listed" in dialog.summary.text()
    zhang = next(c for c in services.contacts.list() if c.family_name_native == "张")
    assert [p["value"] for p in zhang.phones] == ["+8613901234567"]  # read in CN
    assert no_message_boxes == []


def test_strict_import_writes_nothing_when_a_row_is_rejected(qtbot, services, no_message_boxes):
    dialog = ImportDialog(services, path=str(FIXTURES / "broken_bad_email.csv"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # on the box itself (the widget is as wide as the form; its middle is empty space)
    box = QPoint(8, dialog.strict.height() // 2)
    qtbot.mouseClick(dialog.strict, Qt.MouseButton.LeftButton, pos=box)
    assert dialog.strict.isChecked()
    _click_import(qtbot, dialog)
    assert dialog.report is not None and not dialog.report.written
    assert services.contacts.count() == 0
    assert dialog.results.item(0, 0).text() == "3"
    assert no_message_boxes and "Strict" in no_message_boxes[0]  # told nothing was imported


def test_the_import_dialog_reads_national_numbers_in_the_region_it_is_given(
    qtbot, services, no_message_boxes
):
    dialog = ImportDialog(
        services, path=str(FIXTURES / "google_contacts_national.csv"), default_region="RU"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _click_import(qtbot, dialog)
    zhang = next(c for c in services.contacts.list() if c.family_name_native == "张")
    assert zhang.phones == [] and "13901234567" in zhang.notes


def test_export_dialog_scopes_and_writes_a_file(qtbot, services, tmp_path):
    for i in range(5):
        services.contacts.create(
            ContactInput(
                family_name_latin=f"Li{i}",
                given_name_latin="Na",
                phones=[Channel("mobile", f"+8613800000{i:03d}")],
            )
        )
    some = [c.id for c in services.contacts.list()][:2]
    query = services.contacts.query(ids=some)
    dialog = ExportContactsDialog(services, query=query, selected_ids=some[:1])
    qtbot.addWidget(dialog)
    assert dialog.scope_selected.isChecked()
    assert dialog.count_label.text().endswith("1")
    dialog.scope_list.setChecked(True)
    assert dialog.count_label.text().endswith("2")
    dialog.scope_all.setChecked(True)
    assert dialog.count_label.text().endswith("5")
    dialog.format.setCurrentIndex(dialog.format.findData("csv-excel-ru"))
    out = tmp_path / "list.csv"
    dialog.path_row.edit.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=60000) as blocker:
        dialog.run_export()
    assert blocker.args == [5, str(out)]
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 6 and rows[1][rows[0].index("Мобильный телефон")].startswith("+86 ")


def test_filter_from_query_keeps_the_list_filters(services):
    q = services.contacts.query(country="CN", tag_id="t1", stage_id="s1", trip_id="x", text="li")
    f = filter_from_query(q)
    assert (f.country, f.tag, f.stage, f.trip_id, f.text) == ("CN", "t1", "s1", "x", "li")


def test_export_meetings_dialog(qtbot, demo_db, paths, tmp_path):
    from crm_desktop.runtime import open_runtime

    rt = open_runtime("sqlite:///" + str(demo_db), paths)
    try:
        trip = rt.services.trips.list()[0]
        dialog = ExportMeetingsDialog(rt.services, trip_id=trip.id)
        qtbot.addWidget(dialog)
        out = tmp_path / "trip.ics"
        dialog.path_row.edit.setText(str(out))
        with qtbot.waitSignal(dialog.exported, timeout=60000) as blocker:
            dialog.run_export()
        n = len(rt.services.meetings.list(rt.services.meetings.query(trip_id=trip.id)))
        assert blocker.args[0] == n and out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    finally:
        rt.close()


def test_job_progress_and_cancel_leave_nothing_behind(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    release = threading.Event()
    seen: list[int] = []

    def work(progress: Progress) -> int:
        progress.start(100)
        for i in range(100):
            if i == 10:
                started.set()
                release.wait(10)
            progress.advance()
        return 100

    job = ExchangeJob(parent, "Working", work)
    job.signals.progress.connect(lambda done, total: seen.append(done))
    job.start()
    qtbot.waitUntil(started.is_set, timeout=5000)
    job.dialog.canceled.emit()  # what the Cancel button emits
    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    assert job.was_cancelled and job.result is None and job.error is None


def test_menu_actions(qtbot, services):
    window = QWidget()
    qtbot.addWidget(window)
    menu = QMenu(window)
    action = add_file_menu_actions(menu, services, window)
    names = [a.objectName() for a in menu.actions()]
    assert names == ["action_import_contacts", "action_export_contacts", "action_export_meetings"]
    assert action.objectName() == "action_import_contacts"
    _ = Outcome
