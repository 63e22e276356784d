"""The Conflicts view: the badge, both values side by side, resolving with real clicks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from crm_desktop.application import synchronising
from crm_desktop.application.synchronising import OtherSide
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.runtime import Runtime
from crm_desktop.ui.views.conflicts_view import ConflictsView
from tests.ui.syncgui_help import diverge, edit, make_window

pytestmark = pytest.mark.usefixtures("english")


def _merged(rt: Runtime, template: Path, tmp: Path) -> Any:
    d = diverge(rt, template, tmp, website=True)
    synchronising.synchronise_with(
        rt, OtherSide("sqlite:///" + str(d.other), d.other, d.other.name)
    )
    return d


def _badge(window: Any) -> str:
    return window.nav.list.item(window.nav.keys().index("conflicts")).text()


def _click_row(qtbot: Any, view: ConflictsView, row: int, double: bool = False) -> None:
    rect = view.table.visualRect(view.table.model().index(row, 1))
    viewport = view.table.viewport()
    # a double click is a press and release, then the double-click event (as Qt gets it)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    if double:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())


def _open(qtbot: Any, window: Any) -> ConflictsView:
    row = window.nav.keys().index("conflicts")
    rect = window.nav.list.visualItemRect(window.nav.list.item(row))
    qtbot.mouseClick(window.nav.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = window.nav.current_view()
    assert isinstance(view, ConflictsView)
    return view


def _row_of(view: ConflictsView, field: str) -> int:
    return next(i for i, r in enumerate(view.rows) if r.field == field)


def test_badge_and_both_values_then_keep_theirs(
    qtbot: Any, rt: Runtime, demo_db_template: Path, tmp_path: Path
) -> None:
    d = _merged(rt, demo_db_template, tmp_path)
    window = make_window(qtbot, rt)
    assert _badge(window) == "Conflicts  (2)"
    view = _open(qtbot, window)
    assert view.table.rowCount() == 2
    assert view.heading.text().startswith("2 conflict(s) from synchronisation")

    r = _row_of(view, "city")
    _click_row(qtbot, view, r)
    texts = [view.table.item(r, c).text() for c in range(view.table.columnCount())]
    assert texts[0] == "Company"
    assert texts[2] == "City"
    assert texts[3] == "Wuxi (theirs)"  # the newer edit is in the record
    assert texts[4] == "Suzhou (ours)"  # ours lost and waits here
    assert view.mine_value.text() == "Wuxi (theirs)"
    assert view.theirs_value.text() == "Suzhou (ours)"
    assert "device" in view.mine_who.text()

    qtbot.mouseClick(view.keep_theirs, Qt.MouseButton.LeftButton)
    assert rt.services.companies.get(d.city).city == "Suzhou (ours)"
    assert _badge(window) == "Conflicts  (1)"
    assert view.table.rowCount() == 1

    # show resolved: the settled one comes back, greyed, with no buttons to act
    qtbot.mouseClick(view.show_resolved, Qt.MouseButton.LeftButton)
    assert view.table.rowCount() == 2
    _click_row(qtbot, view, _row_of(view, "city"))
    assert not view.keep_theirs.isEnabled()
    assert "resolved (kept theirs)" in view.detail_title.text()


def test_keep_mine_and_double_click_opens_the_record(
    qtbot: Any, rt: Runtime, demo_db_template: Path, tmp_path: Path
) -> None:
    d = _merged(rt, demo_db_template, tmp_path)
    window = make_window(qtbot, rt)
    view = _open(qtbot, window)
    r = _row_of(view, "website")
    _click_row(qtbot, view, r)
    qtbot.mouseClick(view.keep_mine, Qt.MouseButton.LeftButton)
    assert rt.services.companies.get(d.website).website == "https://theirs.example.cn"
    assert _badge(window) == "Conflicts  (1)"
    _click_row(qtbot, view, 0, double=True)
    companies = window.nav.current_view()
    assert window.nav.current_key() == "companies"
    assert companies.current_id() == d.city  # type: ignore[union-attr]


def test_no_conflicts_plain_badge(qtbot: Any, rt: Runtime) -> None:
    window = make_window(qtbot, rt)
    assert _badge(window) == "Conflicts"
    assert not window.nav.list.item(window.nav.keys().index("conflicts")).font().bold()
    view = _open(qtbot, window)
    assert "No open conflicts" in view.heading.text()
    assert not view.keep_mine.isEnabled()


def test_resolving_a_record_changed_since_the_list_was_read_asks(
    qtbot: Any, rt: Runtime, demo_db_template: Path, tmp_path: Path
) -> None:
    d = _merged(rt, demo_db_template, tmp_path)
    window = make_window(qtbot, rt)
    view = _open(qtbot, window)
    _click_row(qtbot, view, _row_of(view, "city"))
    edit(rt, d.city, city="Nantong")  # someone saved the company meanwhile
    qtbot.mouseClick(view.keep_theirs, Qt.MouseButton.LeftButton)
    dialog = view._stale_dialog
    assert dialog is not None and dialog.isVisible()
    assert rt.services.companies.get(d.city).city == "Nantong"  # nothing written
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert dialog.compared_fields() == [("City", "Suzhou (ours)", "Nantong")]
    qtbot.mouseClick(dialog.overwrite_button, Qt.MouseButton.LeftButton)
    assert rt.services.companies.get(d.city).city == "Suzhou (ours)"
    assert _badge(window) == "Conflicts  (1)"


def test_delete_against_edit_offers_restore(
    qtbot: Any, rt: Runtime, demo_db_template: Path, tmp_path: Path
) -> None:
    import shutil

    from crm_desktop.config import Paths
    from crm_desktop.runtime import open_runtime

    folder = tmp_path / "other"
    folder.mkdir()
    other = folder / "other.sqlite3"
    shutil.copy(demo_db_template, other)
    cid = rt.services.companies.create(CompanyInput(name="Short Lived Valves")).id
    there = open_runtime("sqlite:///" + str(other), Paths(folder / "d", folder / "c"))
    try:
        side = OtherSide("sqlite:///" + str(other), other, other.name)
        there.close()
        synchronising.synchronise_with(rt, side)  # both hold the company now
        there = open_runtime("sqlite:///" + str(other), Paths(folder / "d", folder / "c"))
        edit(rt, cid, city="Ningbo")
        there.services.companies.delete(cid)  # later: the delete wins
    finally:
        there.close()
    synchronising.synchronise_with(rt, side)

    window = make_window(qtbot, rt)
    view = _open(qtbot, window)
    assert view.table.rowCount() == 1
    _click_row(qtbot, view, 0)
    assert view.table.item(0, 3).text() == "In the Trash"
    assert view.restore.isVisible() and view.keep_deleted.isVisible()
    assert not view.keep_mine.isVisible()
    assert view.mine_who.text().startswith("Deleted on device ")
    qtbot.mouseClick(view.restore, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    row = rt.services.companies.get(cid)
    assert row.deleted_at is None and row.city == "Ningbo"
    assert _badge(window) == "Conflicts"


def test_a_typed_value_settles_the_conflict(
    qtbot: Any, rt: Runtime, demo_db_template: Path, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit

    from tests.ui.test_settings_dialog import when_modal

    d = _merged(rt, demo_db_template, tmp_path)
    window = make_window(qtbot, rt)
    view = _open(qtbot, window)
    _click_row(qtbot, view, _row_of(view, "city"))
    asked: list[str] = []

    def type_a_city(dialog: Any) -> None:
        assert isinstance(dialog, QInputDialog)
        asked.append(dialog.labelText())
        line = dialog.findChild(QLineEdit)
        assert line.text() == "Wuxi (theirs)"  # starts from what the record holds
        line.selectAll()
        qtbot.keyClicks(line, "Kunshan")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    timer = when_modal(QInputDialog, type_a_city)
    qtbot.mouseClick(view.edit_value, Qt.MouseButton.LeftButton)
    timer.stop()
    assert asked == ["New value of City:"]
    assert rt.services.companies.get(d.city).city == "Kunshan"
    assert _badge(window) == "Conflicts  (1)"
    assert [r.field for r in view.rows] == ["website"]


def test_in_russian_the_count_takes_the_plural_form(
    qtbot: Any, rt: Runtime, demo_db_template: Path, tmp_path: Path
) -> None:
    from crm_desktop.ui.common.i18n import Translators

    _merged(rt, demo_db_template, tmp_path)
    translators = Translators()
    assert translators.install("ru")
    try:
        window = make_window(qtbot, rt)
        item = window.nav.list.item(window.nav.keys().index("conflicts"))
        assert item.text() == "Конфликты  (2)"
        assert item.toolTip() == "2 конфликта ждут решения"
        view = _open(qtbot, window)
        assert view.heading.text().startswith("2 конфликта синхронизации ждут решения.")
        assert view.keep_theirs.text() == "Взять их"
    finally:
        translators.install("en")
