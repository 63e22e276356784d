"""The board's total in one currency, with rates typed into Settings → Currency."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QDoubleSpinBox

from crm_desktop.config import Settings
from crm_desktop.runtime import Runtime
from crm_desktop.ui.board.pipeline_board import PipelineBoard
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.shell.settings_dialog import SettingsDialog

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def window(qtbot, rt: Runtime) -> MainWindow:
    w = MainWindow(rt.services, Settings(language="en"), rt.paths, "en")
    qtbot.addWidget(w)
    w.show()
    return w


def _type_rate(qtbot, dialog: SettingsDialog, code: str, text: str) -> None:
    spin = dialog.findChild(QDoubleSpinBox, f"rate_{code}")
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Tab)


def test_total_in_one_currency_after_typing_rates(qtbot, window: MainWindow, rt: Runtime):
    board = window.nav.select("pipeline") or window.nav.view("pipeline")
    assert isinstance(board, PipelineBoard)
    # Before the user sets any, the dated starting rates add it up in one currency:
    # 10.6 bn RUB + 300 M CNY × 11 + 175 M USD × 79 = 27.7 bn RUB
    before = board.summary.text()
    assert "capex ≈ 27.7 bn RUB" in before and "USD" not in before
    assert "at the rates of 2026-12-01" in board.summary.toolTip()

    window.open_settings()
    dialog = window._dialog
    assert isinstance(dialog, SettingsDialog)
    _type_rate(qtbot, dialog, "CNY", "11.5")
    _type_rate(qtbot, dialog, "USD", "80")
    assert dialog.currency.dates["CNY"].text() == f"set on {dt.date.today().isoformat()}"
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    board = window.nav.current_view()
    text = board.summary.text()
    # 10.6 bn RUB + 300 M CNY × 11.5 + 175 M USD × 80 = 28.05 bn RUB
    assert "capex ≈ 28" in text and text.endswith("bn RUB")
    assert "USD" not in text and "CNY" not in text and "+" not in text
    tip = board.summary.toolTip()
    assert "Capex by currency:" in tip and "175 M USD" in tip and "300 M CNY" in tip
    assert "10.6 bn RUB" in tip
    assert f"at the rates of {dt.date.today().isoformat()}" in tip
    # Kept on this computer, with their dates.
    saved = Settings.load(rt.paths.settings_file)
    assert saved.currency_rates["rates"]["USD"]["value"] == "80"
    assert saved.currency_rates["rates"]["CNY"]["date"] == dt.date.today().isoformat()


def test_total_follows_the_chosen_currency(qtbot, rt: Runtime):
    rates = {
        "base": "RUB",
        "rates": {
            "CNY": {"value": "10", "date": "2026-11-01"},
            "USD": {"value": "80", "date": "2026-11-20"},
        },
    }
    board = PipelineBoard(
        rt.services, Settings(language="en", currency_rates=rates, total_currency="CNY")
    )
    qtbot.addWidget(board)
    text = board.summary.text()
    assert text.endswith("CNY") and "RUB" not in text and "USD" not in text
    assert "at the rates of 2026-11-01" in board.summary.toolTip()  # the oldest one used
