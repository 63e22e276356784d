"""The Backups dialog shows exactly this database's backups (by identity), including the
before-restore copy, and a copy of the file shows none of the original's."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from crm_desktop.application import backups as app_backups
from crm_desktop.config import Paths
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.runtime import open_runtime
from crm_desktop.ui.security.backup_dialog import BackupDialog


def _reasons(dialog: BackupDialog) -> list[str]:
    return [dialog.tree.topLevelItem(i).text(1) for i in range(dialog.tree.topLevelItemCount())]


def test_backups_dialog_lists_this_databases_backups_and_a_copy_lists_none(
    qtbot, paths: Paths, tmp_path: Path
):
    db = paths.data_dir / "crm.sqlite3"
    rt = open_runtime("sqlite:///" + str(db), paths, auto_backup=True)  # a start backup
    rt.services.companies.create(CompanyInput(name="Qiming"))
    rt.close()  # an automatic backup after the change
    start = min(app_backups.list_checked(db, paths.backups_dir, None), key=lambda b: b.info.made_at)
    app_backups.restore(start.info.path, db, paths.backups_dir, None)  # before-restore

    dialog = BackupDialog(db, paths.backups_dir, None)
    qtbot.addWidget(dialog)
    assert sorted(_reasons(dialog)) == ["auto", "before-restore", "start"]
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.tree.topLevelItemCount() == 4 and "manual" in _reasons(dialog)
    assert all(dialog.tree.topLevelItem(i).text(4) == "ok" for i in range(4))

    usb = tmp_path / "usb"
    usb.mkdir()
    copy = usb / "crm.sqlite3"
    shutil.copy2(db, copy)
    open_runtime("sqlite:///" + str(copy), paths).close()  # opened: found to be a copy
    other = BackupDialog(copy, paths.backups_dir, None)
    qtbot.addWidget(other)
    assert other.tree.topLevelItemCount() == 0
    dialog.refresh()
    assert dialog.tree.topLevelItemCount() == 4  # the original keeps every one


def test_encrypting_from_the_dialog_encrypts_exactly_this_databases_backups_and_drafts(
    qtbot, paths: Paths, tmp_path: Path
):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox
    from secutil import PASSPHRASE
    from test_identity import _db_with_canary, _hits

    from crm_desktop.storage import encryption
    from crm_desktop.ui.security.passphrase_dialog import PassphraseDialog, encrypt_database

    db = _db_with_canary(paths)  # start and automatic backups, a draft
    usb = tmp_path / "usb"
    usb.mkdir()
    copy = usb / "crm.sqlite3"
    shutil.copy2(db, copy)
    rt = open_runtime("sqlite:///" + str(copy), paths, auto_backup=True)  # its own backups
    rt.close()
    copy_backups = app_backups.list_checked(copy, paths.backups_dir, None)
    assert copy_backups

    typed: list[bool] = []

    def type_passphrase() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(20, type_passphrase)
            return
        qtbot.keyClicks(dialog.new, PASSPHRASE)
        qtbot.keyClicks(dialog.repeat, PASSPHRASE)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        typed.append(True)

    QTimer.singleShot(0, type_passphrase)
    key = encrypt_database(db, [paths.backups_dir], paths.data_dir)
    assert typed and key is not None and encryption.is_encrypted(db)
    ours = app_backups.list_checked(db, paths.backups_dir, key)
    assert len(ours) == 2 and all(b.ok and b.info.encrypted for b in ours)
    # Not one readable record of this database is left ...
    theirs = {b.info.path.name for b in copy_backups}
    hits = _hits(paths.data_dir)
    assert hits and all(h.split(":")[0] in theirs for h in hits)
    # ... and the copy's backups were not put under this database's passphrase.
    assert all(not encryption.is_encrypted(b.info.path) for b in copy_backups)
