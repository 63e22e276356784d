"""The PIN that unlocks the lock screen of a plain (unencrypted) database.

Only a salted scrypt hash is kept, in the settings file (``Settings.lock_pin_hash``);
the PIN itself is never written anywhere. A PIN does not protect the file on disk (only
encryption does): it keeps a passer-by away from an open window.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

MIN_PIN = 4
SCHEME = "scrypt"
N, R, P = 2**14, 8, 1  # about 16 MB and a few tens of milliseconds per try


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)


def hash_pin(pin: str) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64) for the settings file."""
    salt = os.urandom(16)
    digest = _derive(pin, salt, N, R, P)
    b64 = base64.b64encode
    return f"{SCHEME}${N}${R}${P}${b64(salt).decode()}${b64(digest).decode()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Does ``pin`` give ``stored``? False for an empty or unreadable hash."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != SCHEME:
            return False
        expected = base64.b64decode(digest, validate=True)
        got = _derive(pin, base64.b64decode(salt, validate=True), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


class PinDialog(QDialog):
    """Choose the PIN (typed twice); emits ``pin_chosen`` with it on OK."""

    pin_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, first_lock: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("pin_dialog")
        self.setWindowTitle(self.tr("Lock PIN"))
        self.setModal(True)
        text = self.tr(
            "This database is not encrypted, so the lock screen asks for a PIN instead of "
            "a passphrase. Choose one of at least %1 characters; only a salted hash of it "
            "is kept on this computer."
        ).replace("%1", str(MIN_PIN))
        if first_lock:
            text = self.tr("To lock the screen, choose a PIN first.") + " " + text
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.pin = self._field("pin_field")
        self.repeat = self._field("pin_repeat")
        form = QFormLayout()
        form.addRow(self.tr("PIN:"), self.pin)
        form.addRow(self.tr("Repeat it:"), self.repeat)
        self.error = QLabel("", self)
        self.error.setObjectName("pin_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # Wrapped labels need the height for this width (a top-level window does not
        # ask its layout for it, and the text came out clipped).
        self.resize(460, max(self.sizeHint().height(), layout.heightForWidth(460)))

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _accept(self) -> None:
        pin = self.pin.text()
        if len(pin) < MIN_PIN:
            self.error.setText(
                self.tr("The PIN must be at least %1 characters.").replace("%1", str(MIN_PIN))
            )
            return
        if pin != self.repeat.text():
            self.error.setText(self.tr("The two PINs differ."))
            return
        self.pin.clear()
        self.repeat.clear()
        self.pin_chosen.emit(pin)
        self.accept()
