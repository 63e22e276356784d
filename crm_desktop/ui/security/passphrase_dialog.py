"""Passphrase dialogs: unlock at start, encrypt this database, change the passphrase.

The conversions themselves are Qt-free (crm_desktop.application.security, shared with
the CLI); the caller closes the runtime before a conversion and reopens it with the
returned key.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.application import security
from crm_desktop.application.security import DatabaseKey
from crm_desktop.domain.errors import CrmError

MAX_TRIES = 5


class Mode(enum.Enum):
    UNLOCK = "unlock"  # ask for the passphrase of an encrypted database
    NEW = "new"  # choose a passphrase (encrypt this database, a new encrypted database)
    CHANGE = "change"  # current passphrase, then a new one twice


class PassphraseDialog(QDialog):
    def __init__(self, mode: Mode, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.setModal(True)
        titles = {
            Mode.UNLOCK: self.tr("Unlock the database"),
            Mode.NEW: self.tr("Encrypt this database"),
            Mode.CHANGE: self.tr("Change the passphrase"),
        }
        self.setWindowTitle(titles[mode])
        layout = QVBoxLayout(self)
        if path is not None:
            where = QLabel(str(path), self)
            where.setWordWrap(True)
            layout.addWidget(where)
        if mode != Mode.UNLOCK:
            warn = QLabel(
                self.tr(
                    "Without the passphrase nobody can read the data, not even you: "
                    "there is no way to recover a forgotten passphrase. Write it down and keep "
                    "it apart from the laptop. At least %1 characters."
                ).replace("%1", str(security.MIN_PASSPHRASE)),
                self,
            )
            warn.setWordWrap(True)
            layout.addWidget(warn)
        form = QFormLayout()
        # Only the fields this mode uses exist: a field created without a layout shows
        # up as a stray box in the dialog's top-left corner (over the database path).
        self.current: QLineEdit | None = None
        self.new: QLineEdit | None = None
        self.repeat: QLineEdit | None = None
        if mode in (Mode.UNLOCK, Mode.CHANGE):
            self.current = self._field("current")
            form.addRow(
                self.tr("Passphrase:") if mode == Mode.UNLOCK else self.tr("Current passphrase:"),
                self.current,
            )
        if mode in (Mode.NEW, Mode.CHANGE):
            self.new, self.repeat = self._field("new"), self._field("repeat")
            form.addRow(self.tr("New passphrase:"), self.new)
            form.addRow(self.tr("Repeat it:"), self.repeat)
        layout.addLayout(form)
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _field(self, name: str) -> QLineEdit:
        f = QLineEdit(self)
        f.setObjectName(name)
        f.setEchoMode(QLineEdit.EchoMode.Password)
        f.setMinimumWidth(260)
        return f

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def _accept(self) -> None:
        if self.mode in (Mode.NEW, Mode.CHANGE):
            try:
                security.check_passphrase_strength(self.new_passphrase())
            except CrmError:
                self.show_error(
                    self.tr("The passphrase must be at least %1 characters.").replace(
                        "%1", str(security.MIN_PASSPHRASE)
                    )
                )
                return
            if self.repeat is None or self.new_passphrase() != self.repeat.text():
                self.show_error(self.tr("The two passphrases differ."))
                return
        elif not self.passphrase():
            self.show_error(self.tr("Enter the passphrase."))
            return
        self.accept()

    def passphrase(self) -> str:
        return self.current.text() if self.current is not None else ""

    def new_passphrase(self) -> str:
        return self.new.text() if self.new is not None else ""


def unlock_at_start(path: Path, parent: QWidget | None = None) -> DatabaseKey | None:
    """Ask until the passphrase opens ``path``; None when the user cancels."""
    dialog = PassphraseDialog(Mode.UNLOCK, path, parent)
    for _ in range(MAX_TRIES):
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            return security.unlock_file(path, dialog.passphrase())
        except security.WrongPassphraseError:
            if dialog.current is not None:
                dialog.current.clear()
            dialog.show_error(
                PassphraseDialog.tr("Wrong passphrase. Nothing was changed; try again.")
            )
        except CrmError as e:
            dialog.show_error(str(e))
    return None


def encrypt_database(
    path: Path, backups_folder: security.Folders, data_dir: Path, parent: QWidget | None = None
) -> DatabaseKey | None:
    """Encrypt a plain database file (and its backups and drafts). The caller has closed
    every connection to it. Returns the key to reopen it with, None if cancelled."""
    dialog = PassphraseDialog(Mode.NEW, path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        done = security.encrypt(path, dialog.new_passphrase(), backups_folder, data_dir)
    except CrmError as e:
        QMessageBox.warning(parent, dialog.windowTitle(), str(e))
        return None
    return done.key


def change_passphrase(
    path: Path,
    key: DatabaseKey,
    backups_folder: security.Folders,
    data_dir: Path,
    parent: QWidget | None = None,
) -> DatabaseKey | None:
    """Re-key an encrypted database (and its backups and drafts); None if cancelled."""
    dialog = PassphraseDialog(Mode.CHANGE, path, parent)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        if not security.passphrase_matches(key, dialog.passphrase()):
            dialog.show_error(PassphraseDialog.tr("The current passphrase is wrong."))
            continue
        try:
            done = security.change_passphrase(
                path, key, dialog.new_passphrase(), backups_folder, data_dir
            )
        except CrmError as e:
            QMessageBox.warning(parent, dialog.windowTitle(), str(e))
            return None
        return done.key
    return None


def verifier(key: DatabaseKey) -> Callable[[str], bool]:
    """For the lock screen: does this passphrase give the key derived at start?"""
    return lambda passphrase: security.passphrase_matches(key, passphrase)
