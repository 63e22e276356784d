"""The Today screen, the trip agenda and the facts on cards, rows and panes, driven by real
mouse and key events over the demo database plus a trip under way."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt

from crm_desktop.config import Settings
from crm_desktop.domain.services.meetings import MeetingInput
from crm_desktop.domain.services.tasks import TaskInput
from crm_desktop.domain.services.trips import TripInput
from crm_desktop.runtime import Runtime
from crm_desktop.ui.editors.record_form import RecordForm
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.views.tasks_view import TasksView
from crm_desktop.ui.views.today_view import SectionTable, TodayView
from crm_desktop.ui.views.trip_agenda import TripAgendaDialog

pytestmark = pytest.mark.usefixtures("english")  # texts checked in the source language


@dataclass
class Story:
    meeting: str
    late: str
    trip: str
    kaiyuan: str


@pytest.fixture
def story(rt: Runtime) -> Story:
    """A trip under way with a meeting tomorrow in Shanghai, and a task overdue since
    yesterday, added to the demo data."""
    s = rt.services
    belov = next(m for m in s.members.list() if m.name.startswith("Белов"))
    kaiyuan = next(c for c in s.companies.list() if "Kaiyuan" in c.name)
    project = next(
        p for p in s.projects.list() if p.company_id == kaiyuan.id and p.status.value == "active"
    )
    wang = next(
        c for c in s.contacts.list() if c.family_name_native == "王" and c.company_id == kaiyuan.id
    )
    today = date.today()
    trip = s.trips.create(
        TripInput(
            "Шанхай, декабрь",
            today,
            today + timedelta(days=2),
            ["CN"],
            "Шанхай",
            member_ids=[belov.id],
        )
    )
    start = MeetingInput.local_time(today + timedelta(days=1), time(10), "Asia/Shanghai")
    meeting = s.meetings.record(
        MeetingInput(
            title="Kaiyuan: service centre",
            starts_at=start,
            timezone="Asia/Shanghai",
            project_id=project.id,
            trip_id=trip.id,
            place="Shanghai, Jiading",
            member_ids=[belov.id],
            contact_ids=[wang.id],
        )
    )
    late = s.tasks.create(
        TaskInput(
            "Send the draft agreement",
            owner_id=belov.id,
            due_date=today - timedelta(days=1),
            project_id=project.id,
        )
    )
    return Story(meeting.id, late.id, trip.id, kaiyuan.id)


@pytest.fixture
def window(qtbot, rt: Runtime, story: Story) -> MainWindow:
    w = MainWindow(rt.services, Settings(language="en"), rt.paths, "en")
    qtbot.addWidget(w)
    w.resize(1366, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def today_view(window: MainWindow) -> TodayView:
    view = window.nav.current_view()
    assert isinstance(view, TodayView)
    return view


def row_center(table: SectionTable, row: int):  # noqa: ANN201
    return table.visualItemRect(table.topLevelItem(row)).center()


def test_today_is_the_first_screen_with_venue_and_moscow_time(window: MainWindow, story):
    assert window.nav.current_key() == "today"
    assert window.nav.list.currentRow() == 0
    view = today_view(window)
    item = view.meetings.topLevelItem(0)
    assert item.text(2) == "Kaiyuan: service centre"
    assert item.text(0).endswith("10:00 UTC+8")
    assert item.toolTip(0) == "Venue time, Asia/Shanghai"
    assert item.text(1).endswith("05:00")  # the same moment in Moscow
    assert view.trip_frame.isVisible() and "Шанхай, декабрь" in view.trip_label.text()
    # the whole section fits: no row hidden behind a scroll bar of its own
    assert view.meetings.visualItemRect(item).bottom() < view.meetings.viewport().height()


def test_double_click_on_a_meeting_row_opens_the_meeting(qtbot, window: MainWindow, story):
    view = today_view(window)
    table = view.meetings
    opened = []
    view.open_record.connect(lambda *args: opened.append(args))
    # a real double click: the press of the first click, then the double click
    qtbot.mousePress(table.viewport(), Qt.MouseButton.LeftButton, pos=row_center(table, 0))
    qtbot.mouseRelease(table.viewport(), Qt.MouseButton.LeftButton, pos=row_center(table, 0))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_center(table, 0))
    assert opened == [("meeting", story.meeting)]  # once, not once per click
    assert window.nav.current_key() == "meetings"
    meetings = window.nav.current_view()
    assert meetings.detail.record_id == story.meeting
    assert "Kaiyuan: service centre" in meetings.detail.toPlainText()


def test_overdue_task_is_marked_and_keys_walk_from_section_to_section(
    qtbot, window: MainWindow, story
):
    view = today_view(window)
    late = view.overdue.topLevelItem(0)
    assert late.text(1) == "Send the draft agreement"
    assert not late.icon(0).isNull()  # not colour alone: an icon and words too
    assert late.toolTip(0) == "Overdue by 1 d"
    assert "Kaiyuan" in late.text(2)  # linked to the project only, named by its company
    view.meetings.setFocus()
    view.meetings.setCurrentItem(view.meetings.topLevelItem(0))
    qtbot.keyClick(view.meetings, Qt.Key.Key_Down)  # past the last meeting: overdue tasks
    assert view.overdue.hasFocus()
    assert view.overdue.currentItem() is late
    qtbot.keyClick(view.overdue, Qt.Key.Key_Up)  # and back
    assert view.meetings.hasFocus()
    qtbot.keyClick(view.meetings, Qt.Key.Key_Down)
    qtbot.keyClick(view.overdue, Qt.Key.Key_Return)
    assert window.nav.current_key() == "tasks"
    tasks = window.nav.current_view()
    assert isinstance(tasks, TasksView)
    assert tasks.detail.record_id == story.late
    assert "Send the draft agreement" in tasks.detail.toPlainText()


def test_stalled_projects_and_next_steps(window: MainWindow):
    view = today_view(window)
    stalled = [view.stalled.topLevelItem(i) for i in range(view.stalled.topLevelItemCount())]
    # each over its own stage's limit (Settings -> Pipeline), which the tooltip names
    limits = [int(re.search(r"the limit is (\d+)", i.toolTip(0)).group(1)) for i in stalled]
    assert stalled and all(int(i.text(0)) > n for i, n in zip(stalled, limits, strict=True))
    assert len(set(limits)) > 1
    steps = {
        view.next_steps.topLevelItem(i).text(0): view.next_steps.topLevelItem(i).text(2)
        for i in range(view.next_steps.topLevelItemCount())
    }
    assert steps["Сервисный центр и склад запчастей"].startswith("Send the draft agreement")
    assert "No next step planned" in steps.values()


def test_trip_agenda_from_today_lists_both_sides(qtbot, window: MainWindow, story):
    view = today_view(window)
    qtbot.mouseClick(view.trip_button, Qt.MouseButton.LeftButton)
    dialog = view._dialog
    assert isinstance(dialog, TripAgendaDialog)
    text = dialog.view.toPlainText()
    assert "Kaiyuan: service centre" in text and "10:00–11:00" in text
    assert "Dmitry Belov" in text
    assert "王建国 · Jianguo Wang — Председатель совета директоров" in text
    assert text.count("No meetings.") == 2  # the trip's other two days
    dialog.close()


def test_trips_view_has_an_agenda_tab(qtbot, window: MainWindow, story):
    trips = window.nav.select("trips")
    trips.show_record("trip", story.trip)
    tabs = trips.side_tabs
    tabs.setCurrentIndex(tabs.indexOf(trips.agenda))
    assert "Kaiyuan: service centre" in trips.agenda.toPlainText()


def test_company_pane_lists_open_tasks_of_its_projects(window: MainWindow, story):
    companies = window.nav.select("companies")
    companies.show_record("company", story.kaiyuan)
    text = companies.detail.toPlainText()
    open_part = text.split("Open tasks")[1].split("Finished tasks")[0]
    assert "Ежеквартальный визит на завод Kaiyuan в Есипово" in open_part
    assert "Send the draft agreement" in open_part and "overdue by 1 d" in open_part
    assert "Finished tasks (4)" in text


def test_company_rows_show_stage_owner_next_step_meeting_and_tasks(window: MainWindow, rt, story):
    companies = window.nav.select("companies")
    model = companies.model
    keys = [c.key for c in model.columns]
    header = companies.table.horizontalHeader()
    for key in ("stage", "owner", "next_step", "next_meeting", "open_tasks"):
        assert not header.isSectionHidden(keys.index(key))
    row = next(
        r
        for r in range(model.rowCount())
        if model.data(model.index(r, 0), model.IdRole) == story.kaiyuan
    )

    def cell(key: str) -> str:
        return model.data(model.index(row, keys.index(key)))

    # the stage of Kaiyuan's active project (its other one is won)
    project = rt.services.projects.get(rt.services.meetings.get(story.meeting).project_id)
    assert cell("stage") == project.stage.name_en
    assert cell("owner") == "Ilya Zhukov" or cell("owner").startswith("Жуков")
    assert "Send the draft agreement" in cell("next_step") and "⚠" in cell("next_step")
    assert cell("next_meeting") == (date.today() + timedelta(days=1)).isoformat()
    assert cell("open_tasks") == "2 (1 overdue)"


def test_pipeline_card_shows_next_meeting_and_open_tasks(window: MainWindow, rt, story):
    board = window.nav.select("pipeline")
    project = rt.services.meetings.get(story.meeting).project_id
    card = board.card_of(project)
    facts = " · ".join(card.facts_parts)
    assert "meeting" in facts and "open tasks: 1" in facts and "overdue: 1" in facts
    assert card.facts_late


def test_tasks_view_detail_pane_new_button_and_overdue_marker(qtbot, window: MainWindow, story):
    tasks = window.nav.select("tasks")
    assert isinstance(tasks, TasksView)
    tasks.owner.setCurrentIndex(0)  # all owners
    model = tasks.model
    row = model.row_of(story.late)
    assert row == 0  # overdue first
    due = model.index(row, 2)
    assert model.data(due, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(due, Qt.ItemDataRole.ToolTipRole) == "Overdue by 1 d"
    assert model.data(model.index(row + 1, 2), Qt.ItemDataRole.DecorationRole) is None
    tasks.table.setFocus()
    qtbot.mouseClick(
        tasks.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tasks.table.visualRect(model.index(row + 1, 1)).center(),
    )
    qtbot.keyClick(tasks.table, Qt.Key.Key_Up)
    pane = tasks.detail.toPlainText()
    assert tasks.detail.record_id == story.late
    assert "Сервисный центр и склад запчастей" in pane  # its project
    assert "Kaiyuan" in pane  # and the company through the project
    with qtbot.waitSignal(tasks.detail.open_record) as opened:
        tasks.detail.anchorClicked.emit(
            next(u for u in _links(tasks.detail) if "project/" in u.toString())
        )
    assert opened.args[0] == "project"
    window.nav.select("tasks")
    qtbot.mouseClick(tasks.new_button, Qt.MouseButton.LeftButton)
    form = tasks._form
    assert isinstance(form, RecordForm) and form.isVisible()
    form.reject()


def _links(browser):  # noqa: ANN001, ANN202
    from PySide6.QtCore import QUrl

    doc = browser.document()
    urls = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                urls.append(QUrl(fmt.anchorHref()))
            it += 1
        block = block.next()
    return urls


def test_today_view_reads_without_main_window(qtbot, rt: Runtime, story):
    view = TodayView(rt.services, Settings(language="en"))
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    with qtbot.waitSignal(view.open_record) as opened:
        view.stalled.setFocus()
        view.stalled.setCurrentItem(view.stalled.topLevelItem(0))
        qtbot.keyClick(view.stalled, Qt.Key.Key_Enter)
    assert opened.args == ["project", view.summary.stalled[0].id]
