"""The project form edits the title in English and Chinese (for the memo's partner copy)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent

from crm_desktop.runtime import Runtime
from crm_desktop.ui.shell.main_window import MainWindow
from tests.ui import test_main_window as main_window_tests

window = main_window_tests.window  # the main window's fixture

pytestmark = pytest.mark.usefixtures("english")


def test_project_form_saves_the_title_in_english_and_chinese(
    qtbot, window: MainWindow, rt: Runtime
) -> None:
    view = main_window_tests.list_view(window, "projects")
    project = next(p for p in rt.services.projects.list() if p.title.startswith("Сервисный"))
    view.show_record("project", project.id)
    view.edit_record(project.id)
    form = main_window_tests.form_of(view)
    zh, en = form.field_widget("title_zh"), form.field_widget("title_en")
    assert zh.text() == "服务中心及备件仓库"  # the demo's
    zh.clear()
    zh.setFocus()
    # Chinese comes from the input method as a committed string (QTest types ASCII only)
    commit = QInputMethodEvent()
    commit.setCommitString("备件仓库")
    QCoreApplication.sendEvent(zh, commit)
    en.clear()
    qtbot.keyClicks(en, "Spare parts warehouse")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    got = rt.services.projects.get(project.id)
    assert (got.title_zh, got.title_en) == ("备件仓库", "Spare parts warehouse")
    assert got.title == project.title
