"""The main window's flows, driven through the real widgets over the demo database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QPushButton

from crm_desktop.config import Settings
from crm_desktop.runtime import Runtime
from crm_desktop.ui.editors.record_form import RecordForm
from crm_desktop.ui.shell.first_start import FirstStartChoice, FirstStartDialog
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.shell.settings_dialog import SettingsChoice
from crm_desktop.ui.views.list_view import EntityListView
from crm_desktop.ui.views.trash_view import TrashView

pytestmark = pytest.mark.usefixtures("english")  # texts checked in the source language


@pytest.fixture
def window(qtbot, rt: Runtime) -> MainWindow:
    w = MainWindow(rt.services, Settings(language="en"), rt.paths, "en")
    qtbot.addWidget(w)
    w.show()
    return w


def list_view(window: MainWindow, key: str) -> EntityListView:
    view = window.nav.select(key) or window.nav.view(key)
    assert isinstance(view, EntityListView)
    return view


def form_of(view: EntityListView) -> RecordForm:
    dialog = view._dialog
    assert isinstance(dialog, RecordForm)
    return dialog


def type_into(form: RecordForm, name: str, text: str) -> None:
    widget = form.field_widget(name)
    assert isinstance(widget, QLineEdit)
    widget.setText(text)


def test_sections_and_shortcuts(window: MainWindow) -> None:
    keys = window.nav.keys()
    for key in ("projects", "companies", "contacts", "meetings", "trips", "reference", "trash"):
        assert key in keys
    shortcut = {
        a.objectName(): a.shortcut()
        for a in window.findChildren(type(window.menuBar().actions()[0]))
    }
    assert shortcut["action_new"] == QKeySequence(QKeySequence.StandardKey.New)
    assert shortcut["action_find"] == QKeySequence("Ctrl+K")
    assert shortcut["action_filter"] == QKeySequence(QKeySequence.StandardKey.Find)
    assert shortcut["action_refresh"] == QKeySequence(QKeySequence.StandardKey.Refresh)
    assert shortcut["action_undo"] == QKeySequence(QKeySequence.StandardKey.Undo)
    assert shortcut["action_delete"] == QKeySequence(QKeySequence.StandardKey.Delete)


def test_create_company_with_inline_validation(qtbot, window: MainWindow, rt: Runtime) -> None:
    view = list_view(window, "companies")
    before = view.model.rowCount()
    window.findChild(type(window.menuBar().actions()[0]), "action_new").trigger()
    form = form_of(view)
    form.save_button.click()  # nothing filled in
    assert form.error_labels["name"].isVisibleTo(form)
    assert "required" in form.error_labels["name"].text()
    type_into(form, "name_native", "北方测试泵业有限公司")
    type_into(form, "name_latin", "Beifang Test Pumps Co., Ltd.")
    type_into(form, "name_ru", "Бэйфан Тест Насосы")
    type_into(form, "revenue_currency", "XYZ")
    type_into(form, "employees", "many")
    form.save_button.click()  # checked in the form before the service is asked
    assert "not a number" in form.error_labels["employees"].text()
    type_into(form, "employees", "250")
    form.save_button.click()  # the service's own checks, shown under the field
    assert "ISO 4217" in form.error_labels["revenue_currency"].text()
    assert not form.error_labels["employees"].isVisibleTo(form)
    assert form.isVisible()
    type_into(form, "revenue_currency", "cny")
    country = form.field_widget("country")  # a combo of names that stores the ISO code
    assert isinstance(country, QComboBox) and country.findText("China") > 0
    country.lineEdit().clear()
    qtbot.keyClicks(country.lineEdit(), "China")
    qtbot.keyClick(country.lineEdit(), Qt.Key.Key_Return)  # picks China, then saves
    assert country.currentData() == "CN"
    assert form.result() == QDialog.DialogCode.Accepted
    assert view.model.rowCount() == before + 1
    company = next(c for c in rt.services.companies.list() if c.name_ru == "Бэйфан Тест Насосы")
    assert company.country == "CN" and company.employees == 250
    assert view.detail.record_id == company.id
    assert "北方测试泵业有限公司" in view.detail.toPlainText()


def test_create_contact_at_a_company_and_edit_it(window: MainWindow, rt: Runtime) -> None:
    company = rt.services.companies.list()[0]
    view = list_view(window, "contacts")
    view.create_record()
    form = form_of(view)
    type_into(form, "family_name_native", "马")
    type_into(form, "given_name_native", "晓东")
    type_into(form, "family_name_latin", "Ma")
    type_into(form, "given_name_latin", "Xiaodong")
    type_into(form, "family_name_ru", "Ма")
    type_into(form, "given_name_ru", "Сяодун")
    combo = form.field_widget("company_id")
    combo.setCurrentIndex(combo.findData(company.id))
    form.field_widget("emails").setPlainText("work: not-an-email")
    form.save_button.click()
    assert "not a valid email" in form.error_labels["emails"].text()
    form.field_widget("emails").setPlainText("work: ma.xd@example.cn")
    form.field_widget("phones").setPlainText("mobile: +86 139 1234 5678")
    form.save_button.click()
    assert form.result() == QDialog.DialogCode.Accepted
    contact = next(c for c in rt.services.contacts.list() if c.given_name_ru == "Сяодун")
    assert contact.company_id == company.id
    assert contact.phones == [{"kind": "mobile", "value": "+8613912345678"}]
    assert "Ma" in view.detail.toPlainText() and "Сяодун" in view.detail.toPlainText()

    view.edit_record(contact.id)
    form = form_of(view)
    type_into(form, "position", "Export manager")
    form.save_button.click()
    assert rt.services.contacts.get(contact.id).position == "Export manager"
    window.undo_stack.undo()
    assert rt.services.contacts.get(contact.id).position == ""


def test_create_project_then_move_stage_and_undo(window: MainWindow, rt: Runtime) -> None:
    from crm_desktop.ui.common.undo import StageMoveCommand, perform

    company = rt.services.companies.list()[0]
    view = list_view(window, "projects")
    view.create_record()
    form = form_of(view)
    type_into(form, "title", "Pump station assembly line")
    form.save_button.click()
    assert form.error_labels["company_id"].isVisibleTo(form)
    combo = form.field_widget("company_id")
    combo.setCurrentIndex(combo.findData(company.id))
    type_into(form, "capex", "1 500 000")
    type_into(form, "capex_currency", "rub")
    form.save_button.click()
    assert form.result() == QDialog.DialogCode.Accepted
    project = next(p for p in rt.services.projects.list() if p.title.startswith("Pump station"))
    stages = rt.services.stages.list()
    assert project.stage_id == stages[0].id and project.capex_currency == "RUB"
    perform(
        window.undo_stack,
        StageMoveCommand(
            rt.services.projects, project.id, stages[2].id, "after the site visit", "move"
        ),
    )
    assert rt.services.projects.get(project.id).stage_id == stages[2].id
    window.undo_stack.undo()
    assert rt.services.projects.get(project.id).stage_id == stages[0].id
    window.undo_stack.redo()
    assert rt.services.projects.get(project.id).stage_id == stages[2].id
    history = rt.services.projects.stage_history(project.id)
    assert [s.stage.id for s in history] == [stages[0].id, stages[2].id]


def test_delete_undo_and_restore_from_trash(window: MainWindow, rt: Runtime) -> None:
    view = list_view(window, "companies")
    view.table.selectRow(0)
    company_id = view.selected_id()
    assert company_id
    contacts = rt.services.contacts.count(rt.services.contacts.query(company_id=company_id))
    window.findChild(type(window.menuBar().actions()[0]), "action_delete").trigger()
    assert rt.services.companies.get(company_id).deleted_at is not None
    assert rt.services.contacts.count(rt.services.contacts.query(company_id=company_id)) == 0
    window.undo_stack.undo()  # Ctrl+Z
    assert rt.services.companies.get(company_id).deleted_at is None
    assert rt.services.contacts.count(rt.services.contacts.query(company_id=company_id)) == contacts

    view.table.selectRow(0)
    view.delete_selected()
    trash = window.nav.select("trash")
    assert isinstance(trash, TrashView)
    row = next(i for i, item in enumerate(trash.items) if item.id == company_id)
    trash.table.selectRow(row)
    trash.restore_button.click()
    assert rt.services.companies.get(company_id).deleted_at is None
    assert all(item.id != company_id for item in trash.items)


def test_related_records_are_one_click_away(window: MainWindow, rt: Runtime) -> None:
    company = next(
        c
        for c in rt.services.companies.list()
        if rt.services.contacts.count(rt.services.contacts.query(company_id=c.id))
    )
    contact = rt.services.contacts.list(rt.services.contacts.query(company_id=company.id))[0]
    view = list_view(window, "companies")
    view.show_record("company", company.id)
    html = view.detail.toHtml()
    assert f"crm:contact/{contact.id}" in html
    view.detail.anchorClicked.emit(QUrl(f"crm:contact/{contact.id}"))
    assert window.nav.current_key() == "contacts"
    contacts_view = window.nav.current_view()
    assert contacts_view.detail.record_id == contact.id
    assert "Meetings attended" in contacts_view.detail.toPlainText()


def test_project_detail_shows_stage_history_with_days(window: MainWindow, rt: Runtime) -> None:
    project = rt.services.projects.list()[0]
    view = list_view(window, "projects")
    view.show_record("project", project.id)
    text = view.detail.toPlainText()
    assert "Stage history" in text and "day(s)" in text


def test_filters_narrow_the_list_in_sql(qtbot, window: MainWindow, rt: Runtime) -> None:
    view = list_view(window, "companies")
    total = view.model.rowCount()
    view.filter_bar.text.setText("Kaiyuan")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.filter_bar.text.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == total)
    combo = view.filter_bar.combos["country"]
    combo.ensure_filled()
    combo.setCurrentIndex(combo.findData("CN"))
    assert 0 < view.model.rowCount() < total
    assert view.model.query.country == "CN"


def test_column_choice_and_widths_are_remembered(qtbot, rt: Runtime) -> None:
    first = MainWindow(rt.services, Settings(), rt.paths, "en")
    qtbot.addWidget(first)
    view = list_view(first, "contacts")
    header = view.table.horizontalHeader()
    view._show_column(1, False)
    header.resizeSection(0, 333)
    second = MainWindow(rt.services, Settings(), rt.paths, "en")
    qtbot.addWidget(second)
    header2 = list_view(second, "contacts").table.horizontalHeader()
    assert header2.isSectionHidden(1)
    assert header2.sectionSize(0) == 333


def test_geometry_is_restored_and_today_is_the_first_screen(qtbot, rt: Runtime) -> None:
    settings = Settings()
    first = MainWindow(rt.services, settings, rt.paths, "en")
    qtbot.addWidget(first)
    first.show()
    first.resize(first.width(), 450)  # the offscreen screen is only 800x600
    first.nav.select("meetings")
    first.close()
    saved = Settings.load(rt.paths.settings_file)
    assert saved.last_view == "meetings"
    second = MainWindow(rt.services, saved, rt.paths, "en")
    qtbot.addWidget(second)
    # the last view is remembered, but every start opens on Today
    assert second.nav.current_key() == "today"
    assert second.nav.list.currentRow() == 0
    assert second.size().height() == 450


def test_find_anything_opens_the_record(qtbot, window: MainWindow, rt: Runtime) -> None:
    window.find_anything()
    dialog = window._dialog
    dialog.input.setText("凯源")
    dialog.search()
    assert dialog.results.count() >= 1
    with qtbot.waitSignal(dialog.open_record):
        dialog._open_current()
    assert window.nav.current_key() == "companies"
    assert "凯源" in window.nav.current_view().detail.toPlainText()


def test_settings_choose_who_i_am_and_language(qtbot, window: MainWindow, rt: Runtime) -> None:
    member = rt.services.members.list()[0]
    with qtbot.waitSignal(window.language_requested) as signal:
        window.apply_settings(SettingsChoice("ru", member.id, "Test organisation"))
    assert signal.args == ["ru"]
    assert rt.services.ctx.member_id == member.id
    assert rt.services.settings.organisation_name == "Test organisation"
    assert Settings.load(rt.paths.settings_file).current_member_id == member.id


def test_switching_language_translates_the_window(qtbot, rt: Runtime) -> None:
    from crm_desktop.app import Gui
    from crm_desktop.ui.common.i18n import Translators

    translators = Translators()
    gui = Gui(QCoreApplication.instance(), rt, translators)
    try:
        translators.install("en")
        window = gui.show_window()
        qtbot.addWidget(window)
        assert window.menuBar().actions()[0].text() == "&File"
        gui.switch_language("ru")
        qtbot.addWidget(gui.window)
        assert gui.window.menuBar().actions()[0].text() == "&Файл"
        assert (
            gui.window.nav.list.item(gui.window.nav.keys().index("companies")).text() == "Компании"
        )
    finally:
        translators.install("en")


def test_first_start_offers_demo_empty_and_import(qtbot) -> None:
    dialog = FirstStartDialog(can_import=True)
    qtbot.addWidget(dialog)
    buttons = {b.objectName(): b for b in dialog.findChildren(QPushButton)}
    assert set(buttons) == {"first_start_demo", "first_start_empty", "first_start_import"}
    buttons["first_start_demo"].click()
    assert dialog.choice == FirstStartChoice.DEMO
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_file_menu_has_the_exchange_actions(window: MainWindow) -> None:
    assert window.import_action is not None
    assert window.import_action.objectName() == "action_import_contacts"


def test_print_memo_of_the_selected_meeting(qtbot, window: MainWindow) -> None:
    from crm_desktop.ui.documents.pdf_preview import PdfPreviewDialog

    action = window.findChild(type(window.menuBar().actions()[0]), "action_memo")
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    view = list_view(window, "meetings")
    view.table.selectRow(0)
    action.trigger()
    previews = window.findChildren(PdfPreviewDialog)
    assert len(previews) == 1
    assert previews[0].pdf_bytes.startswith(b"%PDF")
    previews[0].close()


def test_documents_ask_for_a_selection_first(window: MainWindow) -> None:
    from crm_desktop.ui.documents.pdf_preview import PdfPreviewDialog

    window.nav.select("companies")
    window.trip_report()
    assert "Trips" in window.statusBar().currentMessage()
    assert not window.findChildren(PdfPreviewDialog)


def test_find_anything_understands_other_scripts_and_layouts(window: MainWindow) -> None:
    window.find_anything()
    dialog = window._dialog
    for query in ("rfq.fym", "Кайюань", "kaiyuan"):  # the first is Кайюань on a Latin layout
        dialog.input.setText(query)
        dialog.search()
        texts = [dialog.results.item(i).text() for i in range(dialog.results.count())]
        assert any("Kaiyuan Pump Group" in t for t in texts), (query, texts)
    dialog.input.setText("Wang Jianguo")
    dialog.search()
    assert "王建国" in dialog.results.currentItem().text()  # the first result, under its heading


def test_keyboard_new_delete_undo(qtbot, window: MainWindow, rt: Runtime) -> None:
    from PySide6.QtCore import Qt

    view = list_view(window, "companies")
    with qtbot.waitActive(window):
        window.activateWindow()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = form_of(view)
    assert form.isVisible()
    type_into(form, "name_latin", "Keyboard Test Co.")
    form.save_button.click()  # Ctrl+S: see test_ctrl_s_saves_a_form
    assert form.result() == QDialog.DialogCode.Accepted
    created = view.detail.record_id
    assert rt.services.companies.get(created).name == "Keyboard Test Co."
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert rt.services.companies.get(created).deleted_at is not None
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rt.services.companies.get(created).deleted_at is None


def test_meetings_open_in_the_meeting_editor(qtbot, window: MainWindow, rt: Runtime) -> None:
    from crm_desktop.ui.editors.meeting_dialog import MeetingDialog

    view = list_view(window, "meetings")
    view.table.selectRow(0)
    meeting_id = view.selected_id()
    assert view.edit_selected()
    dialog = view._dialog
    assert isinstance(dialog, MeetingDialog)
    qtbot.addWidget(dialog)
    assert dialog.editor.meeting_id == meeting_id
    dialog.close()
    assert view.create_record()
    assert view._dialog.editor.meeting_id is None
    view._dialog.close()


def test_ctrl_s_saves_a_form(qtbot, rt: Runtime) -> None:
    from PySide6.QtCore import Qt

    from crm_desktop.ui.editors.entity_forms import company_form

    form = RecordForm(company_form(), rt.services)
    qtbot.addWidget(form)
    form.show()
    with qtbot.waitActive(form):
        form.activateWindow()
    type_into(form, "name_latin", "Shortcut Co.")
    form.field_widget("name_latin").setFocus()
    with qtbot.waitSignal(form.submitted) as signal:
        qtbot.keyClick(
            form.field_widget("name_latin"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    assert signal.args[0].name_latin == "Shortcut Co."


def test_history_tab_shows_changes_and_restores_a_value(window: MainWindow, rt: Runtime) -> None:
    view = list_view(window, "companies")
    company = rt.services.companies.list()[0]
    view.show_record("company", company.id)
    view.edit_record(company.id)
    form = form_of(view)
    type_into(form, "city", "Тестоград")
    form.save_button.click()
    assert rt.services.companies.get(company.id).city == "Тестоград"
    view.side_tabs.setCurrentWidget(view.history)
    assert view.history.record_id == company.id
    rows = view.history.model.items
    row = next(i for i, item in enumerate(rows) if item.field == "city")
    view.history.table.selectRow(row)
    view.history.restore_button.click()
    assert rt.services.companies.get(company.id).city == company.city
    assert company.city in view.detail.toPlainText()


def test_tasks_new_with_ctrl_n_and_delete_to_trash(window: MainWindow, rt: Runtime) -> None:
    view = window.nav.select("tasks")
    before = rt.services.tasks.count()
    window.findChild(type(window.menuBar().actions()[0]), "action_new").trigger()
    form = view._form
    form.save_button.click()
    assert "required" in form.error_labels["title"].text()
    type_into(form, "title", "Send the site presentation")
    form.save_button.click()
    assert form.result() == QDialog.DialogCode.Accepted
    assert rt.services.tasks.count() == before + 1
    task = next(t for t in rt.services.tasks.list() if t.title == "Send the site presentation")
    view.reload()
    row = view.model.row_of(task.id)
    assert row >= 0, "the new task is listed"
    view.table.selectRow(row)
    assert view.delete_selected()
    assert rt.services.tasks.get(task.id).deleted_at is not None
    window.undo_stack.undo()
    assert rt.services.tasks.get(task.id).deleted_at is None
