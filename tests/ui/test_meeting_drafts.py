"""Meeting drafts end to end: the editor keeps a draft a few seconds after typing, a crash
leaves it, the next start offers it back, it restores every field, saving removes it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QDateEdit, QMessageBox

from crm_desktop.config import Paths, Settings
from crm_desktop.domain.models import Confidentiality, MeetingFormat
from crm_desktop.runtime import Runtime, open_runtime
from crm_desktop.storage.drafts import DraftStore
from crm_desktop.ui.editors.meeting_dialog import MeetingDialog
from crm_desktop.ui.editors.meeting_drafts_dialog import MeetingDraftsDialog, offer_meeting_drafts
from crm_desktop.ui.editors.meeting_editor import IdRole, MeetingEditor
from crm_desktop.ui.security.security_setup import Protections
from crm_desktop.ui.shell.main_window import MainWindow

TITLE = "Переговоры 关于在园区设立组装厂 — этап 2"
DISCUSSION = "Стороны обсудили 土地租赁 и льготы.\nВторая строка: «кавычки» 和 标点。"
AGREEMENTS = "双方同意 — подготовить соглашение к 15 декабря"

pytestmark = pytest.mark.usefixtures("english")  # texts checked in the source language


@pytest.fixture
def url(demo_db: Path) -> str:
    return "sqlite:///" + str(demo_db)


@pytest.fixture
def rt(url: str, paths: Paths) -> Iterator[Runtime]:
    runtime = open_runtime(url, paths)
    yield runtime
    runtime.close()


def _store(rt: Runtime) -> DraftStore:
    return DraftStore(rt.drafts_dir, rt.key, rt.identity)


def _settings(rt: Runtime) -> Settings:
    me = next((m for m in rt.services.members.list() if m.name.startswith("Белов")), None)
    return Settings(language="en", current_member_id=me.id if me else None)


def _editor(qtbot, rt: Runtime, store: DraftStore) -> MeetingEditor:
    editor = MeetingEditor(rt.services, _settings(rt), undo_stack=QUndoStack(), drafts=store)
    qtbot.addWidget(editor)
    editor.resize(1300, 800)
    editor.show()
    return editor


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


def _fill_everything(editor: MeetingEditor, rt: Runtime) -> dict[str, object]:
    S = rt.services
    company = next(c for c in S.companies.list() if c.name_native == "凯源泵业集团有限公司")
    project = next(
        p
        for p in S.projects.list(S.projects.query(company_id=company.id))
        if p.title.startswith("Сервисный")
    )
    zhukov = next(m for m in S.members.list() if m.name.startswith("Жуков"))
    contact = S.contacts.list(S.contacts.query(company_id=company.id))[0]
    stages = S.stages.list()
    target = stages[-1]
    trip = S.trips.list()[0]

    editor.title.setText(TITLE)
    _pick(editor.trip, trip.id)
    _pick(editor.company, company.id)
    _pick(editor.project, project.id)
    editor.zone.set_zone("Asia/Shanghai")
    editor.date.setDate(QDate(2026, 11, 26))
    editor.time.setTime(QTime(14, 30))
    editor.duration.setValue(105)
    _pick(editor.format, MeetingFormat.EVENT)
    _pick(editor.confidentiality, Confidentiality.CONFIDENTIAL)
    editor.place.setText("深圳 · штаб-квартира")
    editor.language.setEditText("китайский, русский")
    editor.interpreter.setText("Ли Мин 李明")
    _check(editor.ours, zhukov.id)
    _check(editor.theirs, contact.id)
    editor.agenda.setPlainText("Повестка: 选址")
    editor.discussion.setPlainText(DISCUSSION)
    editor.agreements.setPlainText(AGREEMENTS)
    editor.add_step.click()
    editor.steps.item(0, 0).setText("Направить проект соглашения 协议草案")
    _pick(editor.steps.cellWidget(0, 1), zhukov.id)
    due: QDateEdit = editor.steps.cellWidget(0, 2)
    due.setDate(QDate(2026, 12, 15))
    editor.add_next_step("Без ответственного", None)
    _pick(editor.steps.cellWidget(1, 1), None)  # explicitly "No owner"
    editor.stage_box.setChecked(True)
    _pick(editor.stage, target.id)
    editor.stage_note.setText("Решение 决定 принято")
    return {
        "company": company,
        "project": project,
        "zhukov": zhukov,
        "contact": contact,
        "stage": target,
        "trip": trip,
    }


def _wait_for_draft(qtbot, editor: MeetingEditor, store: DraftStore) -> dict[str, object]:
    """Until the autosave timer has written exactly what the editor shows."""
    assert editor.autosave is not None

    def current() -> bool:
        draft = store.load("meeting", editor.autosave.record_id)  # type: ignore[union-attr]
        return draft is not None and draft.data == editor.draft_data()

    qtbot.waitUntil(current, timeout=10_000)
    return editor.draft_data()


def _crash(editor: MeetingEditor, rt: Runtime) -> None:
    """The process dies: no save, no close handling, no last flush; the files stay."""
    assert editor.autosave is not None
    editor.autosave.stop()  # its timers die with the process
    rt.close()


def test_a_crashed_new_meeting_is_offered_at_start_and_restores_every_field(
    qtbot, rt: Runtime, url: str, paths: Paths
):
    store = _store(rt)
    editor = _editor(qtbot, rt, store)
    picked = _fill_everything(editor, rt)
    typed = _wait_for_draft(qtbot, editor, store)  # the real timer, default intervals
    assert typed["title"] == TITLE and typed["meeting_id"] is None
    meetings_before = rt.services.meetings.count()
    _crash(editor, rt)

    # The next start: a new runtime and store over the same files, the main window up.
    rt2 = open_runtime(url, paths)
    try:
        window = MainWindow(rt2.services, _settings(rt2), rt2.paths, "en")
        qtbot.addWidget(window)
        window.show()
        protections = Protections(rt2, lambda: window)
        try:
            protections.attach_window(window)  # what app.py does for each window
            qtbot.waitUntil(
                lambda: any(d.isVisible() for d in window.findChildren(MeetingDraftsDialog))
            )
            [offer] = window.findChildren(MeetingDraftsDialog)
            assert offer.table.rowCount() == 1
            assert offer.table.item(0, 0).text() == f"{TITLE} (new meeting)"
            assert offer.table.item(0, 1).text()  # when it was saved

            offer.open_button.click()
            assert not offer.isVisible()  # nothing left to offer
            dialog = window.nav.view("meetings")._dialog
            assert isinstance(dialog, MeetingDialog)
            qtbot.addWidget(dialog)
            restored = dialog.editor
            assert restored.draft_data() == typed  # every field, exactly
            assert restored.title.text() == TITLE
            assert restored.discussion.toPlainText() == DISCUSSION
            assert restored.company_id() == picked["company"].id  # type: ignore[attr-defined]
            assert restored.zone.zone() == "Asia/Shanghai"
            assert restored.time.time() == QTime(14, 30)
            assert restored.stage_box.isChecked()
            assert restored.steps.cellWidget(1, 1).currentData() is None
            assert restored.has_unsaved_changes()
            assert "draft" in restored.status.text()

            assert restored.save()
            assert _store(rt2).pending() == []  # saved in the database: no draft left
            assert rt2.services.meetings.count() == meetings_before + 1
            meeting = rt2.services.meetings.get(restored.meeting_id)  # type: ignore[arg-type]
            assert meeting.title == TITLE and meeting.agreements == AGREEMENTS
            assert meeting.duration_min == 105 and meeting.timezone == "Asia/Shanghai"
            assert meeting.trip_id == picked["trip"].id  # type: ignore[attr-defined]
            assert {c.id for c in meeting.their_participants} == {picked["contact"].id}  # type: ignore[attr-defined]
            assert len(rt2.services.meetings.next_steps(meeting.id)) == 2
            change = rt2.services.meetings.stage_change_of(meeting.id)
            assert change is not None
            assert change.to_stage_id == picked["stage"].id  # type: ignore[attr-defined]
            assert not restored.has_unsaved_changes()
            dialog.close()
        finally:
            protections.stop()
    finally:
        rt2.close()


def test_an_edit_of_an_existing_meeting_keeps_its_draft_under_the_meeting(
    qtbot, rt: Runtime, url: str, paths: Paths
):
    store = _store(rt)
    meeting = rt.services.meetings.list()[0]
    editor = _editor(qtbot, rt, store)
    editor.autosave.idle.setInterval(50)  # type: ignore[union-attr]
    editor.load_meeting(meeting.id)
    editor.discussion.setPlainText(DISCUSSION)
    typed = _wait_for_draft(qtbot, editor, store)
    assert editor.autosave.record_id == meeting.id  # type: ignore[union-attr]
    _crash(editor, rt)

    rt2 = open_runtime(url, paths)
    try:
        [draft] = _store(rt2).pending()
        assert draft.record_id == meeting.id and draft.data == typed
        again = _editor(qtbot, rt2, _store(rt2))
        again.restore_draft(draft)
        assert again.meeting_id == meeting.id
        assert again.draft_data() == typed
        assert rt2.services.meetings.get(meeting.id).discussion != DISCUSSION  # not saved yet
        assert again.save()
        assert rt2.services.meetings.get(meeting.id).discussion == DISCUSSION.strip()
        assert _store(rt2).pending() == []
    finally:
        rt2.close()


def test_going_back_to_what_was_saved_leaves_no_draft(qtbot, rt: Runtime):
    store = _store(rt)
    editor = _editor(qtbot, rt, store)
    editor.autosave.idle.setInterval(50)  # type: ignore[union-attr]
    editor.title.setText("Черновик")
    _wait_for_draft(qtbot, editor, store)
    editor.title.clear()
    qtbot.waitUntil(lambda: store.pending() == [])
    assert not editor.has_unsaved_changes()


def test_closing_asks_and_only_a_confirmed_discard_drops_the_draft(
    qtbot, rt: Runtime, monkeypatch: pytest.MonkeyPatch
):
    store = _store(rt)
    dialog = MeetingDialog(rt.services, _settings(rt), drafts=store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.title.setText("Встреча 会议")
    dialog.editor.autosave.save_if_dirty()  # type: ignore[union-attr]
    assert len(store.pending()) == 1

    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(MeetingDialog, "ask_unsaved", lambda self: answers.pop())
    dialog.close()
    assert dialog.isVisible() and len(store.pending()) == 1  # Cancel: keep editing

    answers.append(QMessageBox.StandardButton.Discard)
    dialog.close()
    assert not dialog.isVisible() and store.pending() == []


def test_closing_with_save_records_the_meeting_and_drops_the_draft(
    qtbot, rt: Runtime, monkeypatch: pytest.MonkeyPatch
):
    store = _store(rt)
    dialog = MeetingDialog(rt.services, _settings(rt), drafts=store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.title.setText("Сохранить при закрытии")
    dialog.editor.autosave.save_if_dirty()  # type: ignore[union-attr]
    monkeypatch.setattr(MeetingDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Save)
    before = rt.services.meetings.count()
    dialog.close()
    assert not dialog.isVisible()
    assert rt.services.meetings.count() == before + 1 and store.pending() == []


def test_an_untouched_editor_closes_without_asking(
    qtbot, rt: Runtime, monkeypatch: pytest.MonkeyPatch
):
    store = _store(rt)
    dialog = MeetingDialog(rt.services, _settings(rt), drafts=store)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(
        MeetingDialog, "ask_unsaved", lambda self: pytest.fail("nothing changed, nothing to ask")
    )
    dialog.close()
    assert not dialog.isVisible() and store.pending() == []


def test_a_draft_discarded_from_the_offer_is_gone(
    qtbot, rt: Runtime, monkeypatch: pytest.MonkeyPatch
):
    store = _store(rt)
    store.save("meeting", "new-1", {"title": "Первый 第一"})
    store.save("meeting", "new-2", {"title": ""})
    opened: list[str] = []
    offer = offer_meeting_drafts(store, lambda d: opened.append(d.record_id) or True)
    assert offer is not None
    qtbot.addWidget(offer)
    assert [offer.table.item(r, 0).text() for r in range(2)] == [
        "(no title) (new meeting)",
        "Первый 第一 (new meeting)",
    ]
    monkeypatch.setattr(MeetingDraftsDialog, "confirm_discard", lambda self, d: False)
    offer.discard_selected()
    assert len(store.pending()) == 2  # not confirmed: kept
    monkeypatch.setattr(MeetingDraftsDialog, "confirm_discard", lambda self, d: True)
    offer.discard_selected()
    assert [d.record_id for d in store.pending()] == ["new-1"]
    offer.open_selected()
    assert opened == ["new-1"] and not offer.isVisible()
    assert offer_meeting_drafts(DraftStore(store.folder / "empty"), lambda d: True) is None


def test_opening_a_meeting_that_has_a_crashed_draft_brings_the_draft_back(
    qtbot, rt: Runtime, monkeypatch: pytest.MonkeyPatch
):
    store = _store(rt)
    meeting = rt.services.meetings.list()[0]
    editor = _editor(qtbot, rt, store)
    editor.autosave.idle.setInterval(50)  # type: ignore[union-attr]
    editor.load_meeting(meeting.id)
    editor.agreements.setPlainText(AGREEMENTS)
    typed = _wait_for_draft(qtbot, editor, store)
    editor.autosave.stop()  # type: ignore[union-attr]

    window = MainWindow(rt.services, _settings(rt), rt.paths, "en")
    qtbot.addWidget(window)
    window.use_drafts(store)
    view = window.nav.select("meetings")
    assert view is not None and view.edit_record(meeting.id)  # type: ignore[attr-defined]
    dialog = view._dialog  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    assert dialog.editor.draft_data() == typed and dialog.editor.has_unsaved_changes()
    # Closing without a decision would lose it: the user is asked, and Cancel keeps it.
    monkeypatch.setattr(
        MeetingDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Cancel
    )
    dialog.close()
    assert store.load("meeting", meeting.id) is not None


def test_drafts_of_an_encrypted_database_are_encrypted_with_its_key(qtbot, paths: Paths):
    from crm_desktop.storage import encryption
    from crm_desktop.storage.encryption import DatabaseKey

    key = DatabaseKey.new("a long test passphrase")
    url = "sqlite:///" + str(paths.data_dir / "secret.sqlite3")
    rt = open_runtime(url, paths, key=key)
    try:
        store = _store(rt)
        assert store.key == key
        editor = _editor(qtbot, rt, store)
        editor.autosave.idle.setInterval(50)  # type: ignore[union-attr]
        editor.discussion.setPlainText(DISCUSSION)
        typed = _wait_for_draft(qtbot, editor, store)
        editor.autosave.stop()  # type: ignore[union-attr]
    finally:
        rt.close()
    assert encryption.is_encrypted(store.path)
    raw = b"".join(p.read_bytes() for p in store.folder.iterdir() if p.is_file())
    for needle in ("土地租赁", "Стороны обсудили"):
        for codec in ("utf-8", "utf-16-le"):
            assert needle.encode(codec) not in raw
    assert DraftStore(store.folder).pending() == []  # no key, nothing offered
    [draft] = DraftStore(store.folder, key).pending()
    assert draft.data == typed


def test_typing_without_a_pause_still_writes_a_draft_every_interval(qtbot, tmp_path: Path):
    from PySide6.QtCore import QTimer

    from crm_desktop.ui.editors.draft_autosave import DraftAutosaver

    store = DraftStore(tmp_path)
    typed = ["Щ"]
    saver = DraftAutosaver(
        store, "meeting", "new-x", lambda: {"text": "".join(typed)}, interval_ms=200, idle_ms=60_000
    )
    saver.start(baseline={"text": ""})
    keys = QTimer()
    keys.setInterval(10)  # a key every 10 ms: the pause timer never runs out

    def key() -> None:
        typed.append("龙")
        saver.mark_dirty()

    keys.timeout.connect(key)
    keys.start()
    try:
        with qtbot.waitSignal(saver.saved, timeout=3000):
            pass
    finally:
        keys.stop()
    draft = store.load("meeting", "new-x")
    assert draft is not None and draft.data["text"].startswith("Щ龙")
