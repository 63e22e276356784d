"""Settings → Memo requisites: typed with keys, kept in the database, a bad number format
refused with a message and nothing stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton, QWidget

from crm_desktop.domain.services.settings import (
    MEMO_APPROVER,
    MEMO_NUMBER_FORMAT,
    MEMO_PLACE,
)
from crm_desktop.runtime import Runtime
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.shell.memo_settings import MemoSettingsDialog
from tests.ui.test_settings_dialog import click_ok, open_settings, when_modal


def _requisites(qtbot, rt: Runtime) -> tuple[MainWindow, MemoSettingsDialog]:
    window = MainWindow(rt.services, rt.settings, rt.paths, "en")
    qtbot.addWidget(window)
    window.show()
    settings = open_settings(qtbot, window)
    qtbot.mouseClick(settings.findChild(QPushButton, "memo_requisites"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), MemoSettingsDialog))
    return window, QApplication.activeModalWidget()


def test_memo_requisites_are_kept_and_a_bad_format_is_refused(qtbot, rt: Runtime) -> None:
    _, dialog = _requisites(qtbot, rt)
    number = dialog.findChild(QLineEdit, MEMO_NUMBER_FORMAT)
    qtbot.keyClicks(number, "{year}")  # no {seq}: every memo would get the same number
    qtbot.keyClicks(dialog.findChild(QLineEdit, MEMO_PLACE), "Shanghai")
    shown: list[str] = []

    def read_and_close(box: QWidget) -> None:
        shown.append(box.text())  # type: ignore[attr-defined]
        box.close()

    timer = when_modal(QMessageBox, read_and_close)
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(shown))
    timer.stop()
    assert "must contain {seq}" in shown[0] and dialog.isVisible()
    assert rt.services.settings.get(MEMO_PLACE) == ""  # nothing half-stored

    number.selectAll()
    qtbot.keyClicks(number, "MI-{seq}/{year}")
    approver = dialog.findChild(QLineEdit, MEMO_APPROVER)
    assert approver.text() == "А. В. Соколов"  # the demo's, from the database
    approver.selectAll()
    qtbot.keyClicks(approver, "A. V. Sokolov")
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert rt.services.settings.get(MEMO_NUMBER_FORMAT) == "MI-{seq}/{year}"
    assert rt.services.settings.get(MEMO_PLACE) == "Shanghai"
    assert rt.services.settings.get(MEMO_APPROVER) == "A. V. Sokolov"
