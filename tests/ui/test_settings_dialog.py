"""File → Settings keeps the auto-lock time, the backup folder, the document language,
who I am and the lock PIN; the first start asks who I am."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from crm_desktop.config import Settings
from crm_desktop.runtime import Runtime
from crm_desktop.ui.security.lock_pin import PinDialog, pin_matches
from crm_desktop.ui.security.security_setup import Protections
from crm_desktop.ui.shell.first_start import WhoAmIDialog, ask_who_am_i
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.shell.settings_dialog import SettingsDialog

pytestmark = pytest.mark.usefixtures("english")


def when_modal(kind: type, act: Callable[[QWidget], None]) -> QTimer:
    """Act on a modal dialog once it runs its own event loop (exec())."""
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind):
            timer.stop()
            act(widget)

    timer.timeout.connect(poll)
    timer.start()
    return timer


def open_settings(qtbot, window: MainWindow) -> SettingsDialog:
    window.findChild(QAction, "action_settings").trigger()  # File → Settings…
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SettingsDialog))
    return QApplication.activeModalWidget()


def click_ok(qtbot, dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox, "", Qt.FindChildOption.FindDirectChildrenOnly)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_settings_are_set_with_keys_and_kept(qtbot, rt: Runtime, tmp_path: Path) -> None:
    window = MainWindow(rt.services, rt.settings, rt.paths, "en")
    qtbot.addWidget(window)
    protections = Protections(rt, lambda: window)
    protections.attach_window(window)
    window.show()
    qtbot.waitExposed(window)
    folder = tmp_path / "stick"
    folder.mkdir()
    dialog = open_settings(qtbot, window)
    language = dialog.findChild(QComboBox, "document_language")
    assert language.currentData() == "ru"
    qtbot.mouseClick(dialog.findChild(QLineEdit, "organisation"), Qt.MouseButton.LeftButton)
    language.setFocus()
    qtbot.keyClick(language, Qt.Key.Key_Down)
    qtbot.keyClick(language, Qt.Key.Key_Down)  # ru → en → zh
    member = dialog.findChild(QComboBox, "current_member")
    member.setFocus()
    qtbot.keyClick(member, Qt.Key.Key_Down)
    chosen_member = member.currentData()
    assert chosen_member is not None
    minutes = dialog.findChild(QSpinBox, "lock_after_minutes")
    assert minutes.value() == 10
    minutes.setFocus()
    qtbot.keyClick(minutes, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(minutes, "25")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "backups_dir"), str(folder))
    qtbot.mouseClick(dialog.findChild(QPushButton, "set_pin"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PinDialog))
    pin = QApplication.activeModalWidget()
    qtbot.keyClicks(pin.findChild(QLineEdit, "pin_field"), "2468")
    qtbot.keyClicks(pin.findChild(QLineEdit, "pin_repeat"), "2468")
    qtbot.keyClick(pin.findChild(QLineEdit, "pin_repeat"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not pin.isVisible())
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    saved = json.loads(rt.paths.settings_file.read_text(encoding="utf-8"))
    assert saved["document_language"] == "zh"
    assert saved["current_member_id"] == chosen_member
    assert saved["extra"]["lock_after_minutes"] == 25
    assert saved["extra"]["backups_dir"] == str(folder)
    assert pin_matches("2468", saved["lock_pin_hash"]) and "2468" not in json.dumps(saved)
    assert protections.lock is not None and protections.lock.watcher.timeout_s == 25 * 60

    reloaded = Settings.load(rt.paths.settings_file)
    again = SettingsDialog(rt.services, reloaded, window)
    qtbot.addWidget(again)
    assert again.findChild(QComboBox, "document_language").currentData() == "zh"
    assert again.findChild(QComboBox, "current_member").currentData() == chosen_member
    assert again.findChild(QSpinBox, "lock_after_minutes").value() == 25
    assert again.findChild(QLineEdit, "backups_dir").text() == str(folder)
    assert again.findChild(QPushButton, "set_pin").text() == "Change the PIN…"
    protections.stop()


def test_a_missing_backup_folder_is_refused_with_a_message(
    qtbot, rt: Runtime, tmp_path: Path
) -> None:
    window = MainWindow(rt.services, rt.settings, rt.paths, "en")
    qtbot.addWidget(window)
    window.show()
    dialog = open_settings(qtbot, window)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "backups_dir"), str(tmp_path / "nowhere"))
    shown: list[str] = []

    def read_and_close(box: QWidget) -> None:
        shown.append(box.text())  # type: ignore[attr-defined]
        box.close()

    timer = when_modal(QMessageBox, read_and_close)
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(shown))
    timer.stop()
    assert "does not exist" in shown[0] and dialog.isVisible()
    assert not rt.paths.settings_file.exists() or "nowhere" not in rt.paths.settings_file.read_text(
        encoding="utf-8"
    )
    dialog.reject()


def test_first_start_asks_who_am_i_once(qtbot, rt: Runtime) -> None:
    settings = Settings()
    members = rt.services.members.list()
    assert members

    def choose_second(dialog: QWidget) -> None:
        combo = dialog.findChild(QComboBox, "who_am_i_member")
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        qtbot.mouseClick(dialog.findChild(QPushButton, "who_am_i_ok"), Qt.MouseButton.LeftButton)

    timer = when_modal(WhoAmIDialog, choose_second)
    assert ask_who_am_i(rt.services, settings)
    timer.stop()
    assert settings.current_member_id == members[1].id == rt.services.ctx.member_id
    assert settings.asked_who_am_i
    assert not ask_who_am_i(rt.services, settings)  # once only


def test_who_am_i_can_be_skipped(qtbot, rt: Runtime) -> None:
    settings = Settings()

    def skip(dialog: QWidget) -> None:
        qtbot.mouseClick(dialog.findChild(QPushButton, "who_am_i_skip"), Qt.MouseButton.LeftButton)

    timer = when_modal(WhoAmIDialog, skip)
    assert ask_who_am_i(rt.services, settings)
    timer.stop()
    assert settings.current_member_id is None and settings.asked_who_am_i


def test_the_region_of_imported_phone_numbers_is_a_setting_the_import_uses(
    qtbot, rt: Runtime
) -> None:
    window = MainWindow(rt.services, rt.settings, rt.paths, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialog = open_settings(qtbot, window)
    region = dialog.findChild(QComboBox, "default_region")
    assert region.currentData() == "CN"  # most partners are in China
    region.setFocus()
    qtbot.keyClicks(region, "Russia")  # a closed combo box selects by typing
    assert region.currentData() == "RU"
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = json.loads(rt.paths.settings_file.read_text(encoding="utf-8"))
    assert saved["extra"]["exchange.default_region"] == "RU"
    assert Settings.load(rt.paths.settings_file).default_region == "RU"

    from crm_desktop.ui.exchange.exchange_import import ImportDialog

    window.start_import()  # File → Import contacts…
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None)
    importer = window.findChild(ImportDialog)
    assert importer.default_region == "RU"
    assert importer.options(dry_run=True).default_region == "RU"
    importer.close()
