"""Files saved from an encrypted database (a memo, an export, a saved attachment) leave
its encryption behind: they are written owner-only, and the user is told so once per
session, the first time it happens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.domain.services import Services

_told = False  # once per application session


def private(services: Services) -> bool:
    """Write owner-only: the database these bytes come from is encrypted at rest."""
    return services.ctx.encrypted_at_rest


def tell_once(parent: QWidget | None, services: Services, path: str) -> None:
    """After a file is written from an encrypted database: say once that it is not."""
    global _told
    if _told or not services.ctx.encrypted_at_rest:
        return
    _told = True
    title = QCoreApplication.translate("UnencryptedCopy", "File not encrypted")
    text = QCoreApplication.translate(
        "UnencryptedCopy",
        "%1 is not encrypted, unlike the database it comes from. Only your account can "
        "read it; keep it on an encrypted disk or delete it when it is no longer needed.",
    )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        title,
        text.replace("%1", path),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("unencrypted_copy_notice")
    box.open()  # not modal to the caller's flow: the save has succeeded


def reset_for_tests() -> None:
    global _told
    _told = False
