"""GUI protections (pytest-qt, offscreen): second instance, lock screen, history tab,
backup dialog, passphrase dialog, draft autosave."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget
from secutil import PASSPHRASE, identity_of

from crm_desktop.config import Paths
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.runtime import open_runtime
from crm_desktop.storage import backups
from crm_desktop.storage.drafts import DraftStore
from crm_desktop.storage.encryption import DatabaseKey
from crm_desktop.ui.common.single_instance import SingleInstance, server_name
from crm_desktop.ui.editors.draft_autosave import DraftAutosaver, pending_drafts
from crm_desktop.ui.security.backup_dialog import BackupDialog
from crm_desktop.ui.security.lock_screen import LockController
from crm_desktop.ui.security.passphrase_dialog import Mode, PassphraseDialog, verifier
from crm_desktop.ui.views.history_view import HistoryView


def test_a_second_start_brings_the_first_window_forward(qtbot):
    name = "crm-desktop-test-" + uuid.uuid4().hex[:12]
    first = SingleInstance(name)
    assert not first.notify_running()  # nobody there yet
    assert first.listen()
    try:
        second = SingleInstance(name)
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert second.notify_running()
    finally:
        first.close()
    assert not SingleInstance(name).notify_running()  # gone with the first instance


def test_the_instance_name_follows_the_database_file(tmp_path: Path):
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert server_name(a) == server_name(tmp_path / "." / "a.sqlite3")
    assert server_name(a) != server_name(b)


def _window_with_unsaved_text(qtbot, title: str, text: str) -> tuple[QWidget, QLineEdit]:
    w = QWidget()
    w.setWindowTitle(title)
    edit = QLineEdit(w)
    edit.setText(text)
    QVBoxLayout(w).addWidget(edit)
    qtbot.addWidget(w)
    w.resize(400, 300)
    w.show()
    return w, edit


def test_locking_covers_every_window_and_keeps_unsaved_edits(qtbot):
    main, main_edit = _window_with_unsaved_text(qtbot, "Qiming — Project Lotus", "unsaved 1")
    editor, editor_edit = _window_with_unsaved_text(qtbot, "Meeting: Lotus", "unsaved 2")
    lock = LockController(lambda p: p == PASSPHRASE, idle_s=600)
    lock.start()
    try:
        lock.lock()
        assert lock.locked and len(lock.covers) == 2
        assert main.windowTitle() == editor.windowTitle() == "Locked — CRM Desktop"
        for cover in lock.covers:
            assert cover.isVisible() and cover.geometry() == cover.parentWidget().rect()
        main.resize(500, 350)  # covers follow the window
        assert all(c.geometry() == c.parentWidget().rect() for c in lock.covers)
        qtbot.keyClicks(main_edit, "typed while locked")
        assert main_edit.text() == "unsaved 1"  # keys reach only the unlock form
        assert not lock.try_unlock("wrong passphrase")
        assert lock.locked and "Wrong" in lock.form.error.text()  # type: ignore[union-attr]
        assert lock.try_unlock(PASSPHRASE)
        assert not lock.locked
        assert main.windowTitle() == "Qiming — Project Lotus"
        assert main_edit.text() == "unsaved 1" and editor_edit.text() == "unsaved 2"
        assert editor.isVisible() and main.isVisible()
    finally:
        lock.stop()


def test_locking_a_main_window_disables_its_menu_bar(qtbot):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    window.menuBar().addMenu("File")
    qtbot.addWidget(window)
    window.show()
    lock = LockController(lambda p: p == PASSPHRASE)
    lock.lock()
    assert not window.menuBar().isEnabled()
    assert lock.try_unlock(PASSPHRASE) and window.menuBar().isEnabled()


def test_ctrl_l_locks_from_any_window(qtbot):
    main, edit = _window_with_unsaved_text(qtbot, "Main", "text")
    lock = LockController(lambda p: False, idle_s=600)
    lock.start()
    try:
        qtbot.keyClick(edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert lock.locked
    finally:
        lock.unlock()
        lock.stop()


def test_idle_time_is_wall_clock_time_so_sleep_counts(qtbot):
    window, _ = _window_with_unsaved_text(qtbot, "Main", "text")
    now = [1_000_000.0]
    lock = LockController(lambda p: True, idle_s=300, clock=lambda: now[0])
    lock.watcher.check()
    assert not lock.locked
    now[0] += 299
    lock.watcher.check()
    assert not lock.locked
    now[0] += 3600  # the lid was closed for an hour: the wall clock moved on
    lock.watcher.check()
    assert lock.locked and lock.covers[0].parentWidget() is window
    lock.unlock()


def test_the_lock_verifier_uses_the_key_derived_at_start(key: DatabaseKey):
    verify = verifier(key)
    assert verify(PASSPHRASE)
    assert not verify(PASSPHRASE + "!")


@pytest.fixture
def plain_runtime(paths: Paths):
    rt = open_runtime("sqlite:///" + str(paths.data_dir / "crm.sqlite3"), paths)
    yield rt
    rt.close()


def test_history_tab_shows_changes_and_restores_an_old_value(qtbot, plain_runtime):
    s = plain_runtime.services
    c = s.companies.create(CompanyInput(name="Qiming", city="Beijing"))
    data = CompanyInput.from_row(s.companies.get(c.id))
    data.name = "Qiming New Energy"
    s.companies.update(c.id, data)
    view = HistoryView(s, "company")
    qtbot.addWidget(view)
    view.set_record(c.id)
    fields = [(i.action, i.field) for i in view.model.items]
    assert ("update", "name") in fields and ("create", "") in fields
    row = next(n for n, i in enumerate(view.model.items) if i.field == "name")
    assert view.model.index(row, 2).data() == "Qiming"
    assert view.model.index(row, 3).data() == "Qiming New Energy"
    view.table.selectRow(row)
    assert view.restore_button.isEnabled()
    with qtbot.waitSignal(view.value_restored) as signal:
        view.restore_button.click()
    assert signal.args == ["name", c.id]
    assert s.companies.get(c.id).name == "Qiming"
    assert view.model.items[0].field == "name" and view.model.items[0].new_value == "Qiming"
    created = next(n for n, i in enumerate(view.model.items) if i.action == "create")
    view.table.selectRow(created)
    assert not view.restore_button.isEnabled()


def test_restoring_a_company_from_the_trash_restores_its_links(plain_runtime):
    from crm_desktop.domain.services.contacts import ContactInput

    s = plain_runtime.services
    c = s.companies.create(CompanyInput(name="Linked Co"))
    person = s.contacts.create(ContactInput(company_id=c.id, family_name_latin="Wang"))
    s.companies.delete(c.id)
    assert s.contacts.get(person.id).deleted_at is not None
    s.companies.restore(c.id)
    assert s.contacts.get(person.id).deleted_at is None
    assert s.contacts.get(person.id).company_id == c.id


def test_backup_dialog_lists_checks_makes_and_asks_to_restore(qtbot, plain_runtime, paths: Paths):
    path = plain_runtime.db.path
    backups.make_backup(path, paths.backups_dir, "start")
    dialog = BackupDialog(path, paths.backups_dir, None)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 1
    assert dialog.tree.topLevelItem(0).text(4) == "ok"
    assert dialog.backup_now() is not None
    assert dialog.tree.topLevelItemCount() == 2
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    assert dialog.restore_button.isEnabled()


def test_passphrase_dialog_checks_length_and_repetition(qtbot):
    d = PassphraseDialog(Mode.NEW)
    qtbot.addWidget(d)
    d.new.setText("short")
    d.repeat.setText("short")
    d._accept()
    assert d.result() != QDialog.DialogCode.Accepted and "at least" in d.error.text()
    d.new.setText("long enough passphrase")
    d.repeat.setText("long enough passphrasE")
    d._accept()
    assert "differ" in d.error.text()
    d.repeat.setText("long enough passphrase")
    d._accept()
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.new_passphrase() == "long enough passphrase"


def test_draft_autosave_keeps_typing_and_forgets_it_after_a_save(
    qtbot, tmp_path: Path, key: DatabaseKey
):
    store = DraftStore(tmp_path / "drafts", key)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    saver = DraftAutosaver(
        store, "meeting", "m-1", lambda: {"discussion": edit.text()}, interval_ms=50
    )
    edit.textChanged.connect(saver.mark_dirty)
    saver.start()
    with qtbot.waitSignal(saver.saved, timeout=2000):
        edit.setText("Договорились о площадке")
    [draft] = pending_drafts(DraftStore(tmp_path / "drafts", key), "meeting")
    assert draft.data == {"discussion": "Договорились о площадке"}
    saver.discard()
    assert pending_drafts(store) == []


def test_a_second_gui_start_on_the_same_database_returns_at_once(qtbot, paths: Paths):
    from crm_desktop.app import run_gui
    from crm_desktop.cli import build_parser

    db = paths.data_dir / "crm.sqlite3"
    first = SingleInstance(server_name(db))
    assert first.listen()
    try:
        args = build_parser().parse_args(["--db", str(db), "--lang", "en"])
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert run_gui(args) == 0
        assert not db.exists()  # the second start opened nothing
    finally:
        first.close()


def test_a_cancelled_passphrase_at_start_opens_nothing(
    qtbot, paths: Paths, key: DatabaseKey, monkeypatch
):
    from crm_desktop.app import run_gui
    from crm_desktop.cli import build_parser
    from crm_desktop.ui.security import security_setup

    db = paths.data_dir / "crm.sqlite3"
    open_runtime("sqlite:///" + str(db), paths, key=key).close()
    asked: list[Path] = []
    monkeypatch.setattr(
        security_setup, "unlock_at_start", lambda path, parent=None: asked.append(path)
    )
    args = build_parser().parse_args(["--db", str(db), "--lang", "en"])
    assert run_gui(args) == 1
    assert asked == [db]


def test_security_menu_encrypts_the_open_database_and_reopens_it(qtbot, paths: Paths, monkeypatch):
    from PySide6.QtWidgets import QMainWindow

    from crm_desktop.storage import encryption
    from crm_desktop.ui.security import passphrase_dialog
    from crm_desktop.ui.security.security_setup import Protections

    db = paths.data_dir / "crm.sqlite3"
    rt = open_runtime("sqlite:///" + str(db), paths, writer=True, auto_backup=True)
    cid = rt.services.companies.create(CompanyInput(name="Before encryption")).id
    window = QMainWindow()
    qtbot.addWidget(window)
    reopened: list[object] = []
    protections = Protections(rt, lambda: window, None, reopened.append)
    menu = protections.attach_window(window)
    texts = [a.text() for a in menu.actions()]
    # A plain database locks too (with a PIN), so "Lock now" is not greyed out.
    assert "&Encrypt this database…" in texts and menu.actions()[0].isEnabled()
    assert protections.lock is not None and protections.lock.pin

    ident = identity_of(db)

    def encrypt_without_dialog(path, backups_folder, data_dir, parent=None):
        from crm_desktop.application import security

        return security.encrypt(path, PASSPHRASE, backups_folder, data_dir).key

    monkeypatch.setattr(passphrase_dialog, "encrypt_database", encrypt_without_dialog)
    protections.encrypt()
    try:
        assert len(reopened) == 1 and protections.rt is reopened[0]
        assert protections.rt.key is not None and encryption.is_encrypted(db)
        assert protections.rt.lock is not None and protections.rt.lock.held
        assert protections.lock is not None and not protections.lock.pin  # the passphrase now
        assert protections.rt.services.companies.get(cid).name == "Before encryption"
        found = backups.list_backups(paths.backups_dir, ident)
        assert found and all(b.encrypted for b in found)
    finally:
        protections.stop()
        protections.rt.close()
