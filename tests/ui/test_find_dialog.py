"""Ctrl+K: results grouped by type under headings, the matched text in bold, Enter opens."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crm_desktop.ui.views.find_dialog import HTML_ROLE, FindAnythingDialog, highlighted_html


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
    # the company named Kaiyuan first; meetings with Kaiyuan in the title before the
    # contacts who only have it in their e-mail addresses
    assert headings[:3] == [
        dialog.type_label("company"),
        dialog.type_label("meeting"),
        dialog.type_label("contact"),
    ]
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
    found = [
        dialog.results.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.results.count())
    ]
    assert any(f and f.entity == "company" for f in found)


def _results(dialog):
    return [
        dialog.results.item(i)
        for i in range(dialog.results.count())
        if dialog.results.item(i).data(Qt.ItemDataRole.UserRole) is not None
    ]


def test_typed_family_name_puts_the_person_first_with_the_spelling_that_matched(qtbot, rt):
    dialog = FindAnythingDialog(rt.services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.input, "wang")
    qtbot.waitUntil(lambda: bool(_results(dialog)))
    rows = _results(dialog)
    first = rows[0].data(Qt.ItemDataRole.UserRole)
    assert first.entity == "contact" and first.text.startswith("王建国")
    html = rows[0].data(HTML_ROLE)
    assert "<b>王</b>建国" in html and "<b>Wang</b> Jianguo" in html
    # the first heading is the contacts', above the company and the meeting that merely
    # contain "ван" in a word
    assert dialog.results.item(0).text() == dialog.type_label("contact")
    entities = [r.data(Qt.ItemDataRole.UserRole).entity for r in rows]
    assert entities.index("company") > 0 and entities.index("meeting") > 0
    with qtbot.waitSignal(dialog.open_record) as signal:
        qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert signal.args == ["contact", first.id]


def test_company_row_shows_its_chinese_name_and_rows_fit_without_scrolling(qtbot, rt):
    dialog = FindAnythingDialog(rt.services)
    qtbot.addWidget(dialog)
    dialog.resize(420, 420)  # narrower than the longest rows
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.input, "kaiyuan")
    qtbot.waitUntil(lambda: bool(_results(dialog)))
    rows = _results(dialog)
    assert "凯源泵业集团有限公司" in rows[0].data(HTML_ROLE)
    viewport = dialog.results.viewport().width()
    assert not dialog.results.horizontalScrollBar().isVisible()
    for row in rows:
        rect = dialog.results.visualItemRect(row)
        assert rect.width() <= viewport
    # a long row wraps onto more lines instead of widening the list
    tall = max(dialog.results.visualItemRect(r).height() for r in rows)
    assert tall > 2 * dialog.results.fontMetrics().height()
    # Down moves to the next result, Enter opens it
    qtbot.keyClick(dialog.input, Qt.Key.Key_Down)
    chosen = dialog.results.currentItem().data(Qt.ItemDataRole.UserRole)
    assert chosen is not None and chosen.id != rows[0].data(Qt.ItemDataRole.UserRole).id
    with qtbot.waitSignal(dialog.open_record) as signal:
        qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert signal.args == [chosen.entity, chosen.id]


def test_the_matched_spelling_is_said_once(qtbot, rt):
    dialog = FindAnythingDialog(rt.services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.input, "dfy")  # ван on the Latin layout
    qtbot.waitUntil(lambda: bool(_results(dialog)))
    html = _results(dialog)[0].data(HTML_ROLE)
    assert "<b>Ван</b> Цзяньго" in html and html.count("Цзяньго") == 1
