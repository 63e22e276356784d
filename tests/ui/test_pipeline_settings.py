"""Settings → Pipeline: stage limits and probabilities typed with the keyboard, saved in the
database, and read by the Dashboard (over the known pipeline of tests/analytics_data.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from analytics_data import SETTINGS_RATES, build
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QSpinBox, QWidget

from crm_desktop.config import Settings
from crm_desktop.domain.services.pipeline_settings import PipelineSettingsService
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.shell.settings_dialog import SettingsDialog
from crm_desktop.ui.views.dashboard_view import DashboardView

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def window(qtbot, tmp_path: Path, paths):
    from crm_desktop.runtime import open_runtime

    rt = open_runtime("sqlite:///" + str(tmp_path / "known.sqlite3"), paths)
    build(rt.services)
    w = MainWindow(
        rt.services, Settings(language="en", currency_rates=SETTINGS_RATES), rt.paths, "en"
    )
    qtbot.addWidget(w)
    w.resize(1366, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    rt.close()


def dashboard(qtbot, window: MainWindow) -> DashboardView:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.nav.current_view(), DashboardView))
    view = window.nav.current_view()
    assert isinstance(view, DashboardView)
    return view


def stalled_titles(view: DashboardView) -> list[str]:
    t = view.tables["stalled"]
    return [t.item(i, 0).text() for i in range(t.rowCount())]


def open_settings(qtbot, window: MainWindow) -> SettingsDialog:
    window.findChild(QAction, "action_settings").trigger()  # File → Settings…
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SettingsDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitExposed(dialog)
    return dialog


def type_into(qtbot, spin: QSpinBox, text: str) -> None:
    qtbot.mouseClick(spin.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(spin.lineEdit(), text)


def click_ok(qtbot, dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox, "", Qt.FindChildOption.FindDirectChildrenOnly)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_a_longer_limit_takes_a_project_off_the_dashboard_s_stalled_list(qtbot, window):
    view = dashboard(qtbot, window)
    # Paint plant has been in "First meeting" since 21 February 2026 (limit 45 days)
    assert "Paint plant" in stalled_titles(view)
    dialog = open_settings(qtbot, window)
    limit = dialog.findChild(QSpinBox, "limit_first_meeting")
    assert limit.value() == 45 and limit.suffix() == " days"
    assert dialog.findChild(QSpinBox, "probability_first_meeting").value() == 10
    type_into(qtbot, limit, "3000")
    type_into(qtbot, dialog.findChild(QSpinBox, "probability_lead"), "7")
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: "Paint plant" not in stalled_titles(view))
    assert "Resin warehouse" in stalled_titles(view)  # the lead limit did not change
    saved = PipelineSettingsService(window.services.ctx).get()
    assert saved.limits["first_meeting"] == 3000 and saved.probabilities["lead"] == 7
    funnel = view.tables["funnel"]
    lead = next(i for i in range(funnel.rowCount()) if funnel.item(i, 0).text() == "Lead")
    assert funnel.item(lead, 3).text() == "7 %"
    # and the dialog opens again with the saved values
    again = open_settings(qtbot, window)
    assert again.findChild(QSpinBox, "limit_first_meeting").value() == 3000
    again.reject()


def test_an_empty_value_is_refused_with_a_message_and_nothing_is_saved(qtbot, window, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text)
    )
    dialog = open_settings(qtbot, window)
    type_into(qtbot, dialog.findChild(QSpinBox, "limit_lead"), "90")
    type_into(qtbot, dialog.findChild(QSpinBox, "probability_offer"), "")
    click_ok(qtbot, dialog)
    assert warnings == ["The probability for Offer and support measures must be from 0 to 100 %."]
    assert dialog.isVisible()
    assert PipelineSettingsService(window.services.ctx).get().limits["lead"] == 30
    # the stage without a default limit offers "no limit", and Restore the defaults works
    launched = dialog.findChild(QSpinBox, "limit_launched")
    assert launched.text() == "no limit"
    restore = next(b for b in dialog.findChildren(QWidget, "pipeline_defaults"))
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert dialog.findChild(QSpinBox, "limit_lead").value() == 30
    assert dialog.findChild(QSpinBox, "probability_offer").hasAcceptableInput()
    dialog.reject()
