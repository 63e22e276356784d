"""A travel laptop's screen (1024x700, 1366x768): nothing clipped, everything reachable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from crm_desktop.config import Settings
from crm_desktop.runtime import Runtime
from crm_desktop.ui.board.pipeline_board import COLUMN_WIDTH, COMPACT_COLUMN_WIDTH, PipelineBoard
from crm_desktop.ui.editors.meeting_editor import MeetingEditor
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.views.attachments_panel import AttachmentsPanel

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def small_window(qtbot, rt: Runtime) -> MainWindow:
    QSettings().setValue("main/geometry", None)
    w = MainWindow(rt.services, Settings(language="ru"), rt.paths, "ru")
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowState.WindowNoState)
    w.resize(1024, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def _filter_widgets(bar: QWidget) -> list[QWidget]:
    return [
        w
        for w in bar.findChildren(QWidget)
        if isinstance(w, (QComboBox, QLineEdit, QDateEdit))
        and w.isVisible()
        and not isinstance(w.parentWidget(), (QComboBox, QDateEdit))
    ]


def _assert_nothing_clipped(bar: QWidget) -> None:
    widgets = _filter_widgets(bar)
    assert widgets
    for w in widgets:
        hint = w.sizeHint().boundedTo(w.maximumSize()).expandedTo(w.minimumSize())
        assert w.width() >= hint.width(), (w.objectName(), w.width(), hint.width())
        right = w.mapTo(bar, w.rect().topRight()).x()
        assert right < bar.width(), (w.objectName(), right, bar.width())  # inside the bar
        if isinstance(w, QComboBox) and not w.isEditable():
            text = w.currentText()
            # the text fits its box: the combo's hint is the widest item, at full length
            assert w.fontMetrics().horizontalAdvance(text) < w.width(), text


def test_first_start_is_maximised_then_the_geometry_comes_back(qtbot, rt: Runtime):
    first = MainWindow(rt.services, Settings(), rt.paths, "en")
    qtbot.addWidget(first)
    assert first.windowState() & Qt.WindowState.WindowMaximized
    first.setWindowState(Qt.WindowState.WindowNoState)
    first.show()
    first.setGeometry(20, 30, 700, 500)
    first.close()
    second = MainWindow(rt.services, Settings(), rt.paths, "en")
    qtbot.addWidget(second)
    assert not second.windowState() & Qt.WindowState.WindowMaximized
    assert (second.width(), second.height()) == (700, 500)


@pytest.mark.parametrize("section", ["companies", "contacts", "meetings", "tasks"])
def test_list_filters_wrap_instead_of_clipping_at_1024(small_window: MainWindow, section: str):
    view = small_window.nav.select(section) or small_window.nav.view(section)
    bar = getattr(view, "filter_bar", None)
    if bar is None:
        pytest.skip(f"{section} has no shared filter bar here")
    _assert_nothing_clipped(bar)


def test_board_filters_wrap_and_compact_cards(qtbot, small_window: MainWindow, rt: Runtime):
    board = small_window.nav.select("pipeline") or small_window.nav.view("pipeline")
    assert isinstance(board, PipelineBoard)
    _assert_nothing_clipped(board.filter_bar)
    assert board.filter_bar.geometry().right() <= board.width()
    column = next(iter(board.columns.values()))
    assert column.width() == COLUMN_WIDTH
    item = next(c.list.item(0) for c in board.columns.values() if c.list.count())
    lst = item.listWidget()
    tall = lst.visualItemRect(item).height()
    qtbot.mouseClick(board.compact_button, Qt.MouseButton.LeftButton)
    assert board.compact and column.width() == COMPACT_COLUMN_WIDTH
    qtbot.waitUntil(lambda: lst.visualItemRect(item).height() < tall)
    # Kept for the next start.
    again = PipelineBoard(rt.services, Settings(language="en"))
    qtbot.addWidget(again)
    assert again.compact and next(iter(again.columns.values())).width() == COMPACT_COLUMN_WIDTH
    qtbot.mouseClick(board.compact_button, Qt.MouseButton.LeftButton)
    assert not board.compact and column.width() == COLUMN_WIDTH


def test_empty_attachments_take_one_line(qtbot, services, tmp_path):
    from crm_desktop.domain.services.companies import CompanyInput

    company = services.companies.create(CompanyInput(name_native="凯源泵业", country="CN"))
    panel = AttachmentsPanel(services)
    qtbot.addWidget(panel)
    panel.set_record("company", company.id)
    panel.show()
    assert panel.list.isHidden() and panel.save_button.isHidden()
    assert panel.title.text() == "Attachments: none"
    one_line = panel.sizeHint().height()
    assert one_line <= panel.add_button.sizeHint().height() + 12
    source = tmp_path / "plan.pdf"
    source.write_bytes(b"%PDF-1.4")
    panel.add_files([str(source)])
    assert panel.list.isVisible() and panel.title.text() == "Attachments: 1"
    assert panel.sizeHint().height() > one_line + 30


def test_meeting_editor_stacks_its_columns_on_a_narrow_window(qtbot, rt: Runtime):
    editor = MeetingEditor(rt.services, Settings(language="en"))
    qtbot.addWidget(editor)
    meeting = next(m for m in rt.services.meetings.list() if "итоги трёх лет" in m.title)
    editor.resize(1300, 700)
    editor.show()
    editor.load_meeting(meeting.id)
    assert editor.columns_splitter.orientation() == Qt.Orientation.Horizontal
    qtbot.waitUntil(lambda: editor.zone.width() >= editor.zone.sizeHint().width())
    editor.resize(860, 640)  # a 1024x700 screen, less the navigation
    qtbot.waitUntil(lambda: editor.columns_splitter.orientation() == Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: editor.zone.width() >= editor.zone.sizeHint().width())
    assert editor.save_button.isVisible()
    assert editor.save_button.mapTo(editor, editor.save_button.rect().bottomRight()).y() < 640
