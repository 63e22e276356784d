"""The company and project pickers understand every spelling, as Ctrl+K does: typed with
real keys into the real meeting editor and forms over the demo data, chosen with Down and
Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from crm_desktop.config import Settings
from crm_desktop.runtime import Runtime
from crm_desktop.ui.editors.entity_forms import contact_form, task_form
from crm_desktop.ui.editors.meeting_editor import IdRole, MeetingEditor
from crm_desktop.ui.editors.record_form import RecordForm
from crm_desktop.ui.editors.record_picker import RecordPicker

pytestmark = pytest.mark.usefixtures("english")

KAIYUAN = "凯源泵业集团有限公司"


@pytest.fixture
def editor(qtbot, rt: Runtime) -> MeetingEditor:
    w = MeetingEditor(rt.services, Settings(language="en"), undo_stack=QUndoStack())
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def _kaiyuan_id(rt: Runtime) -> str:
    return next(c.id for c in rt.services.companies.list() if c.name_native == KAIYUAN)


def _offered(picker: RecordPicker) -> list[str]:
    """What the popup on screen lists, top to bottom."""
    model = picker.completer().popup().model()
    return [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def _type_and_choose(qtbot, picker: RecordPicker, text: str) -> None:
    picker.lineEdit().setFocus()
    picker.lineEdit().selectAll()
    qtbot.keyClicks(picker.lineEdit(), text)
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


@pytest.mark.parametrize("typed", ["kai", "Kaiyuan", "kai yuan", "rfq"])  # rfq: Кай on a
def test_meeting_editor_company_picker_finds_kaiyuan_by_pinyin(  # Latin layout
    qtbot, editor: MeetingEditor, rt: Runtime, typed: str
) -> None:
    kaiyuan = _kaiyuan_id(rt)
    picker = editor.company
    assert isinstance(picker, RecordPicker)
    picker.lineEdit().setFocus()
    qtbot.keyClicks(picker.lineEdit(), typed)
    qtbot.waitUntil(picker.completer().popup().isVisible)
    offered = _offered(picker)
    assert offered[0] == kaiyuan  # the best match first
    assert len(offered) < picker.count() - 1  # only what matches, not every company
    qtbot.keyClick(picker.completer().popup(), Qt.Key.Key_Down)
    qtbot.keyClick(picker.completer().popup(), Qt.Key.Key_Return)
    assert editor.company_id() == kaiyuan
    assert picker.currentText().find("凯源") >= 0 or picker.currentText().startswith("Kai")
    # choosing the company brings its people and projects, as picking from the list does
    people = {editor.theirs.item(i).data(IdRole) for i in range(editor.theirs.count())}
    contacts = rt.services.contacts.list(rt.services.contacts.query(company_id=kaiyuan))
    assert people == {c.id for c in contacts} and people


def test_picker_offers_nothing_foreign_and_the_arrow_still_lists_all(
    qtbot, editor: MeetingEditor
) -> None:
    picker = editor.company
    picker.lineEdit().setFocus()
    qtbot.keyClicks(picker.lineEdit(), "zzqx")
    assert picker.offered() == []
    assert not picker.completer().popup().isVisible()
    picker.lineEdit().selectAll()
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Backspace)
    assert picker.offered() == []
    picker.showPopup()  # the drop-down arrow: every company, as before
    assert picker.view().model().rowCount() == picker.count() > 3
    picker.hidePopup()


def test_picking_among_twenty_thousand_stays_quick(qtbot, rt: Runtime) -> None:
    import time

    kaiyuan = _kaiyuan_id(rt)
    picker = RecordPicker(rt.services, "company")
    qtbot.addWidget(picker)
    picker.addItem("", None)
    for n in range(20_000):
        picker.addItem(f"Company {n} Ltd.", f"id-{n}")
    picker.addItem("Kaiyuan Pump Group Co., Ltd. (凯源泵业集团有限公司)", kaiyuan)
    picker.show()
    picker.lineEdit().setFocus()
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_K)  # the first keystroke builds the index
    picker.lineEdit().clear()
    started = time.perf_counter()
    qtbot.keyClicks(picker.lineEdit(), "kai")
    per_key = (time.perf_counter() - started) / 3
    assert picker.offered()[0] == kaiyuan
    assert per_key < 0.1, f"{per_key * 1000:.0f} ms a keystroke"


def test_contact_form_company_picker_by_pinyin(qtbot, rt: Runtime) -> None:
    kaiyuan = _kaiyuan_id(rt)
    form = RecordForm(contact_form(), rt.services)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    picker = form.field_widget("company_id")
    assert isinstance(picker, RecordPicker)
    _type_and_choose(qtbot, picker, "kaiyuan")
    assert form.widgets["company_id"].value() == kaiyuan


def test_task_form_project_picker_by_palladius_on_the_wrong_layout(qtbot, rt: Runtime) -> None:
    S = rt.services
    kaiyuan = _kaiyuan_id(rt)
    project = S.projects.list(S.projects.query(company_id=kaiyuan))[0]
    form = RecordForm(task_form(), S)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    picker = form.field_widget("project_id")
    assert isinstance(picker, RecordPicker)
    word = project.title.split()[0]  # a Russian title, typed on the Latin layout
    from crm_desktop.text.translit import swap_layout

    _type_and_choose(qtbot, picker, swap_layout(word) or word)
    chosen = form.widgets["project_id"].value()
    assert S.projects.get(chosen).title.split()[0] == word


def test_participants_are_picked_by_any_spelling(qtbot, editor: MeetingEditor, rt: Runtime) -> None:
    kaiyuan = _kaiyuan_id(rt)
    editor.company.select_id(kaiyuan)
    wang = next(
        c
        for c in rt.services.contacts.list(rt.services.contacts.query(company_id=kaiyuan))
        if c.family_name_native == "王"
    )

    def checked(lst) -> set[str]:
        return {
            lst.item(i).data(IdRole)
            for i in range(lst.count())
            if lst.item(i).checkState() == Qt.CheckState.Checked
        }

    assert wang.id not in checked(editor.theirs)
    _type_and_choose(qtbot, editor.their_picker, "wang")
    assert wang.id in checked(editor.theirs)
    qtbot.waitUntil(lambda: editor.their_picker.currentText() == "")  # ready for the next
    # our side: a member by the Latin spelling of a Russian name
    zhukov = next(m for m in rt.services.members.list() if m.name.startswith("Жуков"))
    assert zhukov.id not in checked(editor.ours)
    _type_and_choose(qtbot, editor.our_picker, "zhukov")
    assert zhukov.id in checked(editor.ours)
