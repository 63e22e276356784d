"""The lock screen driven by typed keys, as a user unlocks it: the passphrase of an
encrypted database, or the PIN of a plain one (set on the first Ctrl+L)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from crm_desktop.config import Paths, Settings
from crm_desktop.runtime import Runtime, open_runtime
from crm_desktop.storage import encryption
from crm_desktop.ui.security.lock_pin import PinDialog, hash_pin, pin_matches
from crm_desktop.ui.security.security_setup import Protections
from crm_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("english")

PASSPHRASE = "Correct horse battery staple"
PIN = "4711"


@pytest.fixture
def enc_rt(demo_db: Path, paths: Paths) -> Iterator[Runtime]:
    key = encryption.encrypt_file(demo_db, PASSPHRASE)
    runtime = open_runtime("sqlite:///" + str(demo_db), paths, key=key)
    yield runtime
    runtime.close()


def _window(qtbot, rt: Runtime) -> tuple[MainWindow, Protections]:
    window = MainWindow(rt.services, rt.settings, rt.paths, "en")
    qtbot.addWidget(window)
    protections = Protections(rt, lambda: window)
    protections.attach_window(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, protections


def press(widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the window system delivers it: to the QWindow, which hands it to its
    focus widget (QTest sending to a widget skips that step)."""
    handle = widget.window().windowHandle()
    assert handle is not None
    QTest.keyClick(handle, key, modifier)


def type_on_window(widget: QWidget, text: str) -> None:
    for ch in text:
        key = Qt.Key.Key_Space if ch == " " else Qt.Key(ord(ch.upper()))
        mod = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
        handle = widget.window().windowHandle()
        QTest.sendKeyEvent(QTest.KeyAction.Click, handle, key, ch, mod)


def focused_field() -> QLineEdit:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit), widget
    return widget


def test_typed_passphrase_unlocks_the_window(qtbot, enc_rt: Runtime) -> None:
    window, protections = _window(qtbot, enc_rt)
    press(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock = protections.lock
    assert lock is not None and lock.locked
    assert window.windowTitle() == "Locked — CRM Desktop"
    heading = [label.text() for label in lock.form.findChildren(QLabel)]  # type: ignore[union-attr]
    assert "CRM Desktop — locked" in heading and "crm-desktop is locked" not in heading
    field = focused_field()
    assert field is lock.form.field  # type: ignore[union-attr]
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not lock.locked
    assert window.windowTitle() == "CRM Desktop" and window.menuBar().isEnabled()
    protections.stop()


def test_keys_from_the_window_system_reach_the_unlock_field(qtbot, enc_rt: Runtime) -> None:
    """The X11 defect: every key went to the QWindow first and was eaten there."""
    window, protections = _window(qtbot, enc_rt)
    press(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock = protections.lock
    assert lock is not None and lock.locked
    type_on_window(window, PASSPHRASE)
    assert lock.form is not None and lock.form.field.text() == PASSPHRASE
    press(window, Qt.Key.Key_Return)
    assert not lock.locked
    protections.stop()


def test_a_wrong_passphrase_keeps_it_locked_with_a_message(qtbot, enc_rt: Runtime) -> None:
    window, protections = _window(qtbot, enc_rt)
    press(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock = protections.lock
    assert lock is not None and lock.form is not None
    type_on_window(window, "wrong horse battery")
    press(window, Qt.Key.Key_Return)
    assert lock.locked and lock.form.error.text() == "Wrong passphrase."
    assert lock.form.field.text() == ""  # nothing of it stays in the widget
    assert focused_field() is lock.form.field  # ready for the next try
    assert not any("wrong" in e.text() for e in window.findChildren(QLineEdit))
    qtbot.keyClicks(lock.form.field, PASSPHRASE)
    qtbot.keyClick(lock.form.field, Qt.Key.Key_Enter)
    assert not lock.locked
    protections.stop()


def test_ctrl_l_on_a_plain_database_sets_a_pin_then_locks(qtbot, rt: Runtime) -> None:
    window, protections = _window(qtbot, rt)
    lock = protections.lock
    assert lock is not None
    lock_action = window.findChild(type(window.menuBar().actions()[0]), "action_lock")
    assert lock_action is not None and lock_action.isEnabled()
    press(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PinDialog))
    dialog = QApplication.activeModalWidget()
    assert not lock.locked  # nothing to unlock with yet
    press(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # again: no second one
    assert [
        w for w in QApplication.topLevelWidgets() if isinstance(w, PinDialog) and w.isVisible()
    ] == [dialog]
    qtbot.keyClicks(focused_field(), "12")  # too short
    qtbot.keyClick(focused_field(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused_field(), "12")
    qtbot.keyClick(focused_field(), Qt.Key.Key_Return)
    assert dialog.isVisible() and "at least 4" in dialog.findChild(QLabel, "pin_error").text()
    dialog.findChild(QLineEdit, "pin_field").clear()
    dialog.findChild(QLineEdit, "pin_repeat").clear()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "pin_field"), PIN)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "pin_repeat"), PIN)
    qtbot.keyClick(dialog.findChild(QLineEdit, "pin_repeat"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lock.locked)
    assert lock.form is not None and lock.form.field.placeholderText() == "PIN"
    stored = json.loads(rt.paths.settings_file.read_text(encoding="utf-8"))
    assert PIN not in json.dumps(stored)  # only the salted hash is kept
    assert stored["lock_pin_hash"].startswith("scrypt$") and pin_matches(
        PIN, stored["lock_pin_hash"]
    )
    qtbot.waitUntil(lambda: QApplication.focusWidget() is lock.form.field)  # type: ignore
    type_on_window(window, "0000")
    press(window, Qt.Key.Key_Return)
    assert lock.locked and lock.form.error.text() == "Wrong PIN."
    type_on_window(window, PIN)
    press(window, Qt.Key.Key_Return)
    assert not lock.locked
    # The second Ctrl+L locks at once with the PIN kept.
    press(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.locked and QApplication.activeModalWidget() is None
    qtbot.keyClicks(focused_field(), PIN)
    qtbot.keyClick(focused_field(), Qt.Key.Key_Return)
    assert not lock.locked
    protections.stop()


def test_cancelling_the_pin_leaves_the_window_unlocked(qtbot, rt: Runtime) -> None:
    window, protections = _window(qtbot, rt)
    press(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PinDialog))
    qtbot.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert protections.lock is not None and not protections.lock.locked
    assert rt.settings.lock_pin_hash == ""
    protections.stop()


def test_auto_lock_of_a_plain_database_waits_for_a_pin(qtbot, rt: Runtime) -> None:
    window, protections = _window(qtbot, rt)
    lock = protections.lock
    assert lock is not None
    now = [1000.0]
    lock.watcher.clock = lambda: now[0]
    lock.watcher.touch()
    now[0] += 3600
    lock.watcher.check()
    assert not lock.locked and QApplication.activeModalWidget() is None  # never asks
    rt.settings.lock_pin_hash = hash_pin(PIN)
    lock.watcher.touch()
    now[0] += 3600
    lock.watcher.check()
    assert lock.locked
    qtbot.keyClicks(focused_field(), PIN)
    qtbot.keyClick(focused_field(), Qt.Key.Key_Return)
    assert not lock.locked
    protections.stop()


def test_the_pin_hash_is_salted(tmp_path: Path) -> None:
    a, b = hash_pin(PIN), hash_pin(PIN)
    assert a != b and pin_matches(PIN, a) and pin_matches(PIN, b)
    assert (
        not pin_matches("4712", a) and not pin_matches(PIN, "") and not pin_matches(PIN, "scrypt$x")
    )
    settings = Settings(lock_pin_hash=a)
    settings.save(tmp_path / "s.json")
    assert Settings.load(tmp_path / "s.json").lock_pin_hash == a
