"""Ctrl+K: results grouped by type under headings, the matched text in bold, Enter opens."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crm_desktop.ui.find_dialog import HTML_ROLE, FindAnythingDialog, highlighted_html


def test_highlighted_html_escapes_and_bolds_the_matches():
    assert highlighted_html("a<b & 凯源泵业", ((6, 8),)) == "a&lt;b &amp; <b>凯源</b>泵业"
    assert highlighted_html("Kaiyuan", ((0, 3), (2, 5))) == "<b>Kai</b><b>yu</b>an"


def test_results_grouped_with_headings_highlighted_and_opened(qtbot, rt):
    dialog = FindAnythingDialog(rt.services)
    qtbot.addWidget(dialog)
    dialog.input.setText("kaiyuan")
    dialog.search()
    items = [dialog.results.item(i) for i in range(dialog.results.count())]
    headings = [i.text() for i in items if i.data(Qt.ItemDataRole.UserRole) is None]
    assert headings[:2] == [dialog.type_label("company"), dialog.type_label("contact")]
    results = [i for i in items if i.data(Qt.ItemDataRole.UserRole) is not None]
    company = results[0].data(Qt.ItemDataRole.UserRole)
    assert company.entity == "company" and "Kaiyuan" in company.text
    assert "<b>" in results[0].data(HTML_ROLE)
    # the first result is selected, headings are skipped by the arrow keys
    assert dialog.results.currentItem() is results[0]
    qtbot.keyClick(dialog.input, Qt.Key.Key_Down)
    assert dialog.results.currentItem().data(Qt.ItemDataRole.UserRole) is not None
    dialog.results.setCurrentItem(results[0])
    with qtbot.waitSignal(dialog.open_record) as signal:
        qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert signal.args == ["company", company.id]


def test_chinese_characters_find_the_company_by_its_native_name(qtbot, rt):
    dialog = FindAnythingDialog(rt.services)
    qtbot.addWidget(dialog)
    dialog.input.setText("凯源")
    dialog.search()
    found = [dialog.results.item(i).data(Qt.ItemDataRole.UserRole)
             for i in range(dialog.results.count())]
    assert any(f and f.entity == "company" for f in found)
