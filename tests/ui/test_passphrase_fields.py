"""The passphrase dialog shows only the fields of its mode, none over the file path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from crm_desktop.ui.security.passphrase_dialog import Mode, PassphraseDialog

pytestmark = pytest.mark.usefixtures("english")


def _shown(qtbot, mode: Mode, path: Path) -> PassphraseDialog:
    dialog = PassphraseDialog(mode, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _visible_fields(dialog: QDialog) -> list[QLineEdit]:
    return [f for f in dialog.findChildren(QLineEdit) if f.isVisible()]


def _rect(widget) -> QRect:  # noqa: ANN001
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


def test_unlock_shows_one_field_and_nothing_over_the_path(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite3"
    dialog = _shown(qtbot, Mode.UNLOCK, path)
    fields = _visible_fields(dialog)
    assert fields == [dialog.current]
    assert len(dialog.findChildren(QLineEdit)) == 1  # no hidden spare ones either
    label = next(lb for lb in dialog.findChildren(QLabel) if lb.text() == str(path))
    assert not any(_rect(f).intersects(_rect(label)) for f in fields)
    qtbot.keyClicks(dialog.current, "a passphrase")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.current, Qt.Key.Key_Return)
    assert dialog.passphrase() == "a passphrase"


@pytest.mark.parametrize(("mode", "count"), [(Mode.NEW, 2), (Mode.CHANGE, 3)])
def test_other_modes_show_their_fields_in_the_form(
    qtbot, tmp_path: Path, mode: Mode, count: int
) -> None:
    dialog = _shown(qtbot, mode, tmp_path / "crm.sqlite3")
    fields = _visible_fields(dialog)
    assert len(fields) == len(dialog.findChildren(QLineEdit)) == count
    rects = [_rect(f) for f in fields]
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    assert all(r.top() > 0 and r.left() > 0 for r in rects)  # laid out, not at 0,0
