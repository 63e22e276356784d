"""Values read in the interface language: names for codes, grouped numbers, money, areas,
phones and one date format per language, in the formatters and in the lists and panes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

from crm_desktop.config import Settings
from crm_desktop.runtime import Runtime
from crm_desktop.ui.common.i18n import Translators
from crm_desktop.ui.common.labels import (
    NARROW_NBSP,
    country_name,
    format_area,
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_phone,
    language_names,
    stage_name,
)
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.views.list_view import EntityListView

NB = NARROW_NBSP


# -- the formatters (plain functions, no QApplication) ------------------------------------------


def test_numbers_group_with_narrow_no_break_spaces_in_russian() -> None:
    assert format_number(18000, "ru") == f"18{NB}000"
    assert format_number(1234567, "en") == "1,234,567"
    assert format_number(Decimal("12.50"), "ru") == "12,5"
    assert format_number(12.5, "en") == "12.5"
    assert format_number(None, "ru") == ""


def test_one_stage_name_for_lists_forms_board_and_dashboard() -> None:
    from crm_desktop.analytics.model import StageInfo
    from crm_desktop.domain.models import Stage

    stage = Stage(
        position=2,
        code="first_meeting",
        name_ru="Первая встреча",
        name_en="First meeting",
        name_zh="首次会面",
    )
    assert stage_name(stage, "ru") == "Первая встреча"
    assert stage_name(stage, "en") == "First meeting"
    assert stage_name(stage, "zh") == "首次会面"
    info = StageInfo("id", "first_meeting", 2, "Первая встреча", "First meeting")
    assert stage_name(info, "ru") == "Первая встреча"
    assert stage_name(info, "en") == "First meeting"
    assert stage_name(None, "ru") == ""


def test_areas_carry_their_unit() -> None:
    assert format_area(18000, lang="ru") == f"18{NB}000\u00a0м²"
    assert format_area(18000, lang="en") == "18,000\u00a0m²"
    assert format_area(Decimal("85"), "ha", "ru") == "85\u00a0га"
    assert format_area(None, lang="ru") == ""


def test_money_is_short_and_in_the_interface_language() -> None:
    assert format_money(Decimal("9800000000"), "CNY", "ru") == "9,8 млрд CNY"
    assert format_money(Decimal("9800000000"), "CNY", "en") == "9.8 bn CNY"
    assert format_money(Decimal("15000000"), "USD", "ru") == "15 млн USD"
    assert format_money(800000, "CNY", "ru") == f"800{NB}000 CNY"
    assert format_money(None, "CNY", "ru") == ""


def test_phones_in_international_format() -> None:
    assert format_phone("+862159881001") == "+86 21 5988 1001"
    assert format_phone("+79165551234") == "+7 916 555-12-34"
    assert format_phone("доб. 123") == "доб. 123"  # not a number: shown as written


def test_one_date_format_per_language() -> None:
    day = dt.date(2026, 12, 4)
    assert format_date(day, "ru") == "04.12.2026"
    assert format_date(day, "en") == "4 Dec 2026"
    moment = dt.datetime(2026, 12, 4, 9, 5, tzinfo=dt.UTC)
    assert format_datetime(moment, "ru") == "04.12.2026 09:05"
    assert format_datetime(moment, "en") == "4 Dec 2026 09:05"


def test_codes_read_as_names() -> None:
    assert country_name("CN", "ru") == "Китай"
    assert country_name("cn", "en") == "China"
    assert country_name("MN", "ru") == "MN"  # no name known: the code itself
    assert language_names("zh, ru", "ru") == "китайский, русский"
    assert language_names("zh, en, ru", "en") == "Chinese, English, Russian"
    # meetings written before codes: "китайский, русский" reads in English too
    assert language_names("китайский, русский", "en") == "Chinese, Russian"
    assert language_names("хакка", "en") == "хакка"  # unknown: as written


# -- in the window -------------------------------------------------------------------------------


@pytest.fixture
def russian(qapp) -> Iterator[None]:
    translators = Translators()
    assert translators.install("ru")
    yield
    translators.install("en")


@pytest.fixture
def window(qtbot, rt: Runtime, russian: None) -> MainWindow:
    w = MainWindow(rt.services, Settings(language="ru"), rt.paths, "ru")
    qtbot.addWidget(w)
    w.show()
    return w


def _view(window: MainWindow, key: str) -> EntityListView:
    view = window.nav.select(key) or window.nav.view(key)
    assert isinstance(view, EntityListView)
    return view


def _column(view: EntityListView, key: str) -> int:
    return [c.key for c in view.model.columns].index(key)


def _click_row(qtbot, view: EntityListView, row: int) -> None:
    rect = view.table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _row_of(view: EntityListView, column: str, text: str) -> int:
    col = _column(view, column)
    for row in range(view.model.rowCount()):
        if text in (view.model.index(row, col).data() or ""):
            return row
    raise AssertionError(f"no row with {text!r}")


def test_people_lists_are_headed_fio_and_show_formatted_phones(qtbot, window: MainWindow) -> None:
    view = _view(window, "contacts")
    header = view.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "ФИО"
    members = _view(window, "members")
    assert members.model.headerData(0, Qt.Orientation.Horizontal) == "ФИО"
    companies = _view(window, "companies")
    assert companies.model.headerData(0, Qt.Orientation.Horizontal) == "Название"
    view = _view(window, "contacts")
    row = _row_of(view, "phone", "+86 21 5988 1001")
    _click_row(qtbot, view, row)
    qtbot.waitUntil(lambda: "+86 21 5988 1001" in view.detail.toPlainText())
    assert "китайский" in view.detail.toPlainText()  # languages by name, not "zh"


def test_companies_show_the_country_by_name_in_list_filter_and_pane(
    qtbot, window: MainWindow
) -> None:
    view = _view(window, "companies")
    row = _row_of(view, "name", "Kaiyuan")
    assert view.model.index(row, _column(view, "country")).data() == "Китай"
    combo = view.filter_bar.combos["country"]
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)  # its options load when it opens
    assert combo.itemText(combo.findData("CN")) == "Китай"
    combo.hidePopup()
    _click_row(qtbot, view, row)
    qtbot.waitUntil(lambda: "Китай" in view.detail.toPlainText())
    updated = view.model.index(row, _column(view, "updated")).data()
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4}", updated)


def test_sites_show_grouped_areas_with_units(qtbot, window: MainWindow) -> None:
    view = window.nav.select("reference").sites
    row = _row_of(view, "area", f"120{NB}000")
    assert view.model.index(row, _column(view, "area")).data() == f"120{NB}000\u00a0м²"
    _click_row(qtbot, view, row)
    qtbot.waitUntil(lambda: "Есипово" in view.detail.toPlainText())
    text = view.detail.toPlainText()  # (the pane's HTML turns no-break spaces into spaces)
    assert re.search(r"Свободная площадь\n120\s000\sм²\n", text), text
    assert re.search(r"Площадь участка\n85\sга\n", text), text


def test_dates_in_lists_use_the_one_russian_format(window: MainWindow) -> None:
    view = _view(window, "trips")
    start = view.model.index(0, _column(view, "start")).data()
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4}", start)
    meetings = _view(window, "meetings")
    assert re.fullmatch(
        r"\d\d\.\d\d\.\d{4} \d\d:\d\d", meetings.model.index(0, _column(meetings, "start")).data()
    )


# -- Qt's own dialogs ------------------------------------------------------------------------------


def test_qt_file_dialog_and_buttons_speak_russian(qtbot, russian: None) -> None:
    dialog = QFileDialog(None, "", "", "CSV (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "&Папка:" in labels and "&Тип файлов:" in labels
    assert all(not re.search("[A-Za-z]{2}", text) for text in labels), labels
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"
    assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "&Тип файлов:"


def test_form_dates_are_entered_in_the_same_format(window: MainWindow) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit

    view = _view(window, "trips")
    view.create_record()
    edit = view._dialog.field_widget("start_date")
    assert isinstance(edit, QDateEdit)
    edit.setDate(QDate(2026, 12, 4))
    assert edit.text() == "04.12.2026"
    view._dialog.reject()


def test_trip_form_offers_countries_by_name_and_keeps_codes(
    qtbot, window: MainWindow, rt: Runtime
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QListWidget

    view = _view(window, "trips")
    trip = rt.services.trips.list()[0]
    view.edit_record(trip.id)
    form = view._dialog
    countries = form.field_widget("countries")
    assert isinstance(countries, QListWidget)
    texts = [countries.item(i).text() for i in range(countries.count())]
    china = countries.item(texts.index("Китай"))
    assert china.checkState() == Qt.CheckState.Checked
    japan = countries.item(texts.index("Япония"))
    countries.scrollToItem(japan)
    rect = countries.visualItemRect(japan)
    box = QPoint(rect.left() + rect.height() // 2, rect.center().y())  # the row's check box
    qtbot.mouseClick(countries.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert japan.checkState() == Qt.CheckState.Checked
    form.save_button.click()
    assert sorted(rt.services.trips.get(trip.id).countries) == ["CN", "JP"]
