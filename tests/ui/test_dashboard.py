"""The Dashboard over the known pipeline (tests/analytics_data.py), driven by real clicks."""

from __future__ import annotations

from pathlib import Path

import pytest
from analytics_data import SETTINGS_RATES, build
from pypdf import PdfReader
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTableWidget

from crm_desktop.config import Settings
from crm_desktop.ui.shell.navigation import sections
from crm_desktop.ui.views import dashboard_view
from crm_desktop.ui.views.dashboard_view import DashboardView, ProjectListDialog

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def known_rt(tmp_path: Path, paths):
    from crm_desktop.runtime import open_runtime

    rt = open_runtime("sqlite:///" + str(tmp_path / "known.sqlite3"), paths)
    rt.known = build(rt.services)
    yield rt
    rt.close()


@pytest.fixture
def dash(qtbot, known_rt) -> DashboardView:
    stack = QUndoStack()
    settings = Settings(language="en", currency_rates=SETTINGS_RATES)
    w = DashboardView(known_rt.services, settings, undo_stack=stack)
    w.stack = stack
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def row_of(table: QTableWidget, first: str) -> int:
    for i in range(table.rowCount()):
        if table.item(i, 0).text() == first:
            return i
    raise AssertionError(f"no row {first!r}")


def click_row(qtbot, table: QTableWidget, row: int, double: bool = False) -> None:
    table.scrollToItem(table.item(row, 0))
    rect = table.visualItemRect(table.item(row, 0))
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    click(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def opened_dialog(qtbot, dash: DashboardView) -> ProjectListDialog:
    qtbot.waitUntil(lambda: dash.dialog is not None and dash.dialog.isVisible())
    assert dash.dialog is not None
    qtbot.waitExposed(dash.dialog)
    return dash.dialog


def titles(dialog: ProjectListDialog) -> list[str]:
    t = dialog.table
    return [t.item(i, 0).text() for i in range(t.rowCount())]


def test_the_dashboard_is_a_section_of_the_main_window() -> None:
    keys = [s.key for s in sections()]
    assert "dashboard" in keys and keys.index("dashboard") == keys.index("projects") - 1


def test_tables_show_the_hand_computed_figures(dash: DashboardView) -> None:
    funnel = dash.tables["funnel"]
    row = row_of(funnel, "First meeting")
    cells = [funnel.item(row, j).text() for j in range(funnel.columnCount())]
    assert cells[1:3] == ["1", "79,000 RUB"] and cells[3:5] == ["10 %", "7,900 RUB"]
    conv = dash.tables["conversion"]
    lead = row_of(conv, "Lead")
    assert [conv.item(lead, j).text() for j in (2, 3, 4)] == ["5", "4", "80 %"]
    times = dash.tables["stage_times"]
    assert times.item(row_of(times, "First meeting"), 2).text() == "51.0"
    miles = dash.tables["milestones"]
    assert miles.item(row_of(miles, "Protocol of intentions signed"), 2).text() == "2"
    trips = dash.tables["trips"]
    assert [trips.item(0, j).text() for j in (3, 4, 5, 6)] == ["3", "2", "4", "3"]
    assert "No rate for GBP" in dash.summary.text()


def test_a_click_on_a_row_opens_its_projects(qtbot, dash: DashboardView, known_rt) -> None:
    dash.tabs.setCurrentWidget(dash.tables["by_sector"])
    table = dash.tables["by_sector"]
    click_row(qtbot, table, row_of(table, "Electronics"))
    dialog = opened_dialog(qtbot, dash)
    assert titles(dialog) == ["Battery assembly", "Printed circuit boards"]
    assert dialog.windowTitle() == "Electronics"
    # choosing a project (click, then Enter) asks the main window to show it
    with qtbot.waitSignal(dash.open_record) as signal:
        click_row(qtbot, dialog.table, 1)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert signal.args == ["project", known_rt.known.projects["P1"]]
    qtbot.waitUntil(lambda: dash.dialog is None or not dash.dialog.isVisible())


def test_a_stalled_row_opens_the_project(qtbot, dash: DashboardView, known_rt) -> None:
    dash.tabs.setCurrentWidget(dash.tables["stalled"])
    table = dash.tables["stalled"]
    with qtbot.waitSignal(dash.open_record) as signal:
        click_row(qtbot, table, row_of(table, "Paint plant"))
    assert signal.args == ["project", known_rt.known.projects["P2"]]


def test_a_click_on_a_bar_opens_its_projects(qtbot, dash: DashboardView) -> None:
    view = dash.funnel_chart
    chart = view.chart()
    stages = [r.stage.name_en for r in reversed(dash.report.funnel)]
    index = stages.index("First meeting")
    point = chart.mapToPosition(QPointF(0.5, index), dash.funnel_series)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(point))
    dialog = opened_dialog(qtbot, dash)
    assert titles(dialog) == ["Paint plant"]


def test_filters_rebuild_the_report(qtbot, dash: DashboardView) -> None:
    combo = dash.filters.combos["country"]
    combo.ensure_filled()
    qtbot.keyClicks(combo, "KZ")
    qtbot.waitUntil(lambda: dash.report.filter.country == "KZ")
    funnel = dash.tables["funnel"]
    counts = {funnel.item(i, 0).text(): funnel.item(i, 1).text() for i in range(funnel.rowCount())}
    assert counts["Implementation"] == "1" and counts["First meeting"] == "0"


def test_a_reversed_period_shows_a_dialog(qtbot, dash: DashboardView, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        dashboard_view.QMessageBox, "warning", lambda parent, title, text: shown.append(text)
    )
    start, end = dash.filters.dates["date_from"]
    # the arrow keys step the year: the period ends in 1901 but starts in 1902
    end.setFocus()
    qtbot.keyClick(end, Qt.Key.Key_Up)
    start.setFocus()
    qtbot.keyClick(start, Qt.Key.Key_Up)
    qtbot.keyClick(start, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: bool(shown))
    assert "before the start date" in shown[0]


def test_save_buttons_write_pdf_and_xlsx(
    qtbot, dash: DashboardView, tmp_path: Path, monkeypatch
) -> None:
    target = {"pdf": tmp_path / "report.pdf", "xlsx": tmp_path / "report.xlsx"}
    monkeypatch.setattr(
        dashboard_view.QFileDialog,
        "getSaveFileName",
        lambda parent, caption, name, pattern: (str(target[name.rsplit(".", 1)[1]]), pattern),
    )
    with qtbot.waitSignal(dash.status_message):
        qtbot.mouseClick(dash.pdf_button, Qt.MouseButton.LeftButton)
    text = "".join(p.extract_text() for p in PdfReader(target["pdf"]).pages)
    assert "Investment project pipeline" in text and "Paint plant" in text
    with qtbot.waitSignal(dash.status_message):
        qtbot.mouseClick(dash.xlsx_button, Qt.MouseButton.LeftButton)
    from openpyxl import load_workbook

    assert load_workbook(target["xlsx"]).sheetnames[0] == "Funnel"


def test_a_long_stalled_list_ends_in_a_row_that_lists_them_all(
    qtbot, known_rt, monkeypatch
) -> None:
    monkeypatch.setattr(dashboard_view, "SHOWN_STALLED", 1)
    w = DashboardView(known_rt.services, Settings(language="en", currency_rates=SETTINGS_RATES))
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    qtbot.waitExposed(w)
    w.tabs.setCurrentWidget(w.tables["stalled"])
    table = w.tables["stalled"]
    # today (not the tests' fixed date) decides how many are stalled: at least P2 and P5
    stalled = sorted(s.title for s in w.report.stalled)
    assert {"Paint plant", "Resin warehouse"} <= set(stalled)
    assert table.rowCount() == 2
    assert table.item(1, 0).text() == f"… {len(stalled) - 1} more: click to list all"
    click_row(qtbot, table, 1)
    dialog = opened_dialog(qtbot, w)
    assert titles(dialog) == stalled
