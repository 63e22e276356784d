"""The memo preview: internal memo or partner's copy, Approve, the revision indicator."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton  # noqa: E402

from crm_desktop.domain.models import Meeting  # noqa: E402
from crm_desktop.runtime import Runtime  # noqa: E402
from tests.documents.pdfcheck import inspect_pdf  # noqa: E402
from tests.ui.test_preview_language import _preview  # noqa: E402

pytestmark = pytest.mark.usefixtures("english")


def test_partner_copy_approve_and_revision(qtbot, rt: Runtime):
    dialog = _preview(qtbot, rt, "ru")
    copy = dialog.findChild(QComboBox, "memo_copy")
    approve = dialog.findChild(QPushButton, "memo_approve")
    revision = dialog.findChild(QLabel, "memo_revision")
    assert copy.currentData() == "internal"
    assert revision.text() == "Draft: not approved" and approve.isEnabled()
    assert inspect_pdf(dialog.pdf_bytes).contains("КОНФИДЕНЦИАЛЬНО")  # that meeting's level

    copy.setFocus()
    qtbot.keyClick(copy, Qt.Key.Key_Down)  # internal -> partner
    qtbot.waitUntil(lambda: dialog.copy == "partner")
    partner = inspect_pdf(dialog.pdf_bytes)
    assert partner.contains("Руководитель делегации")
    assert not partner.contains("КОНФИДЕНЦИАЛЬНО") and not partner.contains("Стадия")

    qtbot.keyClick(copy, Qt.Key.Key_Up)  # back to the internal memo
    qtbot.waitUntil(lambda: dialog.copy == "internal")
    qtbot.mouseClick(approve, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: revision.text().startswith("Approved: No. "))
    assert revision.text().endswith("revision 1")
    assert not approve.isEnabled()
    number = revision.text().split("No. ")[1].split(",")[0]
    assert inspect_pdf(dialog.pdf_bytes).contains(f"Рег. № {number}")

    # an edit of the meeting: the indicator says so and Approve makes revision 2
    meeting_id = dialog.memo.meeting_id
    with rt.services.ctx.unit_of_work() as s:
        s.get(Meeting, meeting_id).agreements = "Новая редакция."
    qtbot.keyClick(copy, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: "revision 2" in revision.text())
    assert approve.isEnabled()
    qtbot.mouseClick(approve, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: revision.text().endswith("revision 2"))
    assert inspect_pdf(dialog.pdf_bytes).contains("Новая редакция.")
    dialog.close()
