"""The meeting editor over the demo database: record a meeting the way a delegate would."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QDateEdit

from crm_desktop.config import Settings
from crm_desktop.domain.models import MeetingFormat
from crm_desktop.runtime import Runtime
from crm_desktop.ui.editors.meeting_editor import IdRole, MeetingEditor

pytestmark = pytest.mark.usefixtures("english")  # texts checked in the source language


@pytest.fixture
def me(rt: Runtime):
    return next(m for m in rt.services.members.list() if m.name.startswith("Белов"))


@pytest.fixture
def editor(qtbot, rt: Runtime, me) -> MeetingEditor:
    stack = QUndoStack()
    w = MeetingEditor(
        rt.services, Settings(language="en", current_member_id=me.id), undo_stack=stack
    )
    w.stack = stack
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    return w


def _pick(combo: QComboBox, value: object) -> None:
    i = combo.findData(value)
    assert i >= 0, value
    combo.setCurrentIndex(i)


def _check(lst, record_id: str) -> None:
    for i in range(lst.count()):
        if lst.item(i).data(IdRole) == record_id:
            lst.item(i).setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(record_id)


def _kaiyuan(rt: Runtime):
    company = next(
        c for c in rt.services.companies.list() if c.name_native == "凯源泵业集团有限公司"
    )
    project = next(
        p
        for p in rt.services.projects.list(rt.services.projects.query(company_id=company.id))
        if p.title.startswith("Сервисный")
    )
    return company, project


def test_record_a_meeting_with_both_sides_a_new_contact_a_next_step_and_a_stage_move(
    editor: MeetingEditor, rt: Runtime, me, qtbot
):
    S = rt.services
    company, project = _kaiyuan(rt)
    stages = S.stages.list()
    old_stage = project.stage_id
    new_stage = next(
        s for s in stages if s.position == next(x for x in stages if x.id == old_stage).position + 1
    )
    zhukov = next(m for m in S.members.list() if m.name.startswith("Жуков"))

    editor.title.setText("Сервисный центр: выбор площадки")  # keyClicks types ASCII only
    _pick(editor.company, company.id)
    _pick(editor.project, project.id)
    assert editor.stage.currentData() == new_stage.id  # the next stage is proposed
    editor.zone.set_zone("Asia/Shanghai")
    editor.date.setDate(QDate(2026, 11, 25))
    editor.time.setTime(QTime(10, 0))
    assert editor.moscow.text().startswith("25.11.2026 at 05:00")
    _pick(editor.format, MeetingFormat.VIDEO)
    editor.place.setText("Zoom")
    editor.agenda.setPlainText("Площадки для сервисного центра")
    editor.agreements.setPlainText("双方同意在«Индастриал сити»设立服务中心。")
    _check(editor.ours, zhukov.id)  # "me" is checked already
    contact = S.contacts.list(S.contacts.query(company_id=company.id))[0]
    _check(editor.theirs, contact.id)

    editor.add_contact.click()
    assert editor.new_contact.isVisible()
    editor.new_contact.family_native.setText("赵")
    editor.new_contact.given_native.setText("磊")
    editor.new_contact.family_latin.setText("Zhao")
    editor.new_contact.given_latin.setText("Lei")
    editor.new_contact.family_ru.setText("Чжао")
    editor.new_contact.given_ru.setText("Лэй")
    editor.new_contact.position.setText("Service director")
    editor.new_contact.create_button.click()
    zhao = next(
        c
        for c in S.contacts.list(S.contacts.query(company_id=company.id))
        if c.name_native == "赵磊"
    )
    assert zhao.name_ru == "Чжао Лэй" and zhao.name_latin == "Lei Zhao"
    assert not editor.new_contact.isVisible()

    editor.add_step.click()
    row = editor.steps.rowCount() - 1
    editor.steps.item(row, 0).setText("Направить три варианта площадей")
    _pick(editor.steps.cellWidget(row, 1), zhukov.id)
    due: QDateEdit = editor.steps.cellWidget(row, 2)
    due.setDate(QDate(2026, 12, 10))
    editor.stage_box.setChecked(True)
    editor.stage_note.setText("Площадка выбрана")

    with qtbot.waitSignal(editor.saved) as sig:
        qtbot.keyClick(editor.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    meeting = S.meetings.get(sig.args[0])
    assert meeting.title == "Сервисный центр: выбор площадки"
    assert meeting.company_id == company.id and meeting.project_id == project.id
    assert meeting.timezone == "Asia/Shanghai"
    assert meeting.starts_at == datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    assert meeting.format == MeetingFormat.VIDEO and meeting.place == "Zoom"
    assert {m.id for m in meeting.our_participants} == {me.id, zhukov.id}
    assert {c.id for c in meeting.their_participants} == {contact.id, zhao.id}
    assert "服务中心" in meeting.agreements
    [task] = S.meetings.next_steps(meeting.id)
    assert task.title == "Направить три варианта площадей"
    assert task.owner_id == zhukov.id and task.due_date == date(2026, 12, 10)
    assert task.project_id == project.id and task.company_id == company.id
    change = S.meetings.stage_change_of(meeting.id)
    assert change.from_stage_id == old_stage and change.to_stage_id == new_stage.id
    assert change.note == "Площадка выбрана"
    assert S.projects.get(project.id).stage_id == new_stage.id
    # After saving, the editor holds the saved meeting; the steps are listed as recorded.
    assert editor.meeting_id == meeting.id and editor.steps.rowCount() == 0
    assert "Направить три варианта площадей" in editor.recorded_steps.text()

    editor.undo_stack.undo()  # the whole record goes back, stage move included
    assert S.meetings.get(meeting.id).deleted_at is not None
    assert S.projects.get(project.id).stage_id == old_stage
    assert S.meetings.next_steps(meeting.id) == []
    assert editor.meeting_id is None  # the form starts a new meeting
    editor.undo_stack.redo()
    assert S.meetings.get(meeting.id).deleted_at is None
    assert S.projects.get(project.id).stage_id == new_stage.id
    assert len(S.meetings.next_steps(meeting.id)) == 1


def test_errors_are_shown_next_to_the_fields_and_nothing_is_saved(editor, rt: Runtime):
    S = rt.services
    before = (S.meetings.count(), S.tasks.count())
    editor.add_next_step()  # a step without a title
    assert editor.save() is False
    assert editor._errors["title"].isVisible()
    assert editor._errors["title"].text() == "Title is required."
    steps_error = editor._errors["next_steps"]
    assert steps_error.isVisible() and "Next step 1" in steps_error.text()
    assert (S.meetings.count(), S.tasks.count()) == before
    editor.title.setText("Короткая встреча")
    editor.steps.item(0, 0).setText("Позвонить")
    assert editor.save() is True
    assert not editor._errors["title"].isVisible()


def test_edit_an_existing_meeting(editor: MeetingEditor, rt: Runtime, qtbot):
    S = rt.services
    meeting = next(m for m in S.meetings.list() if "Kaiyuan" in m.title)
    editor.load_meeting(meeting.id)
    assert editor.title.text() == meeting.title
    assert editor.company_id() == meeting.company_id
    assert editor.project_id() == meeting.project_id
    assert editor.zone.zone() == meeting.timezone
    assert editor.time.time().toPython() == meeting.local_start.time()
    checked = {
        editor.theirs.item(i).data(IdRole)
        for i in range(editor.theirs.count())
        if editor.theirs.item(i).checkState() == Qt.CheckState.Checked
    }
    assert checked == {c.id for c in meeting.their_participants}
    editor.agreements.setPlainText("Обновлённые договорённости")
    with qtbot.waitSignal(editor.saved) as sig:
        editor.save_button.click()
    assert sig.args == [meeting.id]
    got = S.meetings.get(meeting.id)
    assert got.agreements == "Обновлённые договорённости"
    assert got.starts_at == meeting.starts_at
    assert {c.id for c in got.their_participants} == checked
    editor.undo_stack.undo()
    assert S.meetings.get(meeting.id).agreements == meeting.agreements


def test_picking_a_project_first_fills_in_its_company(editor: MeetingEditor, rt: Runtime):
    company, project = _kaiyuan(rt)
    assert editor.company_id() is None
    _pick(editor.project, project.id)
    assert editor.company_id() == company.id
    assert editor.project_id() == project.id
    assert editor.theirs.count() == len(
        rt.services.contacts.list(rt.services.contacts.query(company_id=company.id))
    )
    # Only the company's projects are offered now.
    offered = {editor.project.itemData(i) for i in range(1, editor.project.count())}
    assert offered == {
        p.id for p in rt.services.projects.list(rt.services.projects.query(company_id=company.id))
    }


def test_moscow_time_follows_the_venue_zone(editor: MeetingEditor):
    editor.date.setDate(QDate(2026, 5, 18))
    editor.time.setTime(QTime(10, 0))
    editor.zone.set_zone("Asia/Shanghai")
    assert editor.moscow.text() == "18.05.2026 at 05:00 (venue is 5 h ahead)"
    editor.zone.set_zone("Europe/Moscow")
    assert editor.moscow.text() == "18.05.2026 at 10:00"
    editor.zone.set_zone("Europe/London")
    assert editor.moscow.text() == "18.05.2026 at 12:00 (venue is 2 h behind)"
    assert editor.meeting_input().starts_at.time() == time(10, 0)


def test_every_service_error_template_is_offered_for_translation():
    from crm_desktop.domain.errors import MESSAGES
    from crm_desktop.ui.common.widgets_errors import _TEMPLATES

    assert set(MESSAGES.values()) <= set(_TEMPLATES)


def test_a_stage_move_to_the_current_stage_is_refused_inline(editor: MeetingEditor, rt: Runtime):
    company, project = _kaiyuan(rt)
    _pick(editor.company, company.id)
    _pick(editor.project, project.id)
    editor.title.setText("Встреча без движения")
    editor.stage_box.setChecked(True)
    _pick(editor.stage, project.stage_id)
    assert editor.save() is False
    assert editor._errors["stage_id"].text() == "The project is already at this stage."
    assert rt.services.meetings.count(rt.services.meetings.query(text="Встреча без движения")) == 0
