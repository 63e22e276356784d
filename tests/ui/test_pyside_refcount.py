"""PySide6 6.12 drops references to None on CPython 3.11; the app pins None's count."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from crm_desktop.ui.common.pyside_refcount import IMMORTAL, pin_none

MANY_CALLS = textwrap.dedent("""
    import sys
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem
    from crm_desktop.ui.common.pyside_refcount import pin_none
    if sys.argv[1] == "pin":
        pin_none()
    app = QApplication([])
    lst = QListWidget()
    for i in range(40000):
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole + 1, {"n": i})
        item.setData(Qt.ItemDataRole.DisplayRole, str(i))
        lst.addItem(item)
        lst.setToolTip(str(i))
    lst.clear()
    print("ok")
""")


def test_pinning_is_idempotent_and_leaves_none_usable():
    pin_none()
    assert pin_none() is False  # already pinned
    if sys.version_info < (3, 12):
        assert sys.getrefcount(None) >= IMMORTAL
    assert None is None and [None][0] is None


@pytest.mark.slow
def test_a_board_sized_burst_of_qt_calls_survives_when_none_is_pinned():
    run = subprocess.run(
        [sys.executable, "-c", MANY_CALLS, "pin"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "ok"
