"""The meeting editor's text for the partner's copy: typed, saved, loaded, printed."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import Qt  # noqa: E402

from crm_desktop.application.memos import MemoService  # noqa: E402
from crm_desktop.runtime import Runtime  # noqa: E402
from crm_desktop.ui.editors.meeting_editor import MeetingEditor  # noqa: E402
from tests.documents.pdfcheck import inspect_pdf  # noqa: E402
from tests.ui import test_meeting_editor as editor_tests  # noqa: E402

editor, me = editor_tests.editor, editor_tests.me  # the meeting editor's fixtures

pytestmark = pytest.mark.usefixtures("english")


def test_partner_text_is_typed_saved_and_printed(editor: MeetingEditor, rt: Runtime, qtbot):
    S = rt.services
    meeting = next(m for m in S.meetings.list() if "Hengtong" in m.title)
    assert not meeting.title_alt
    editor.load_meeting(meeting.id)
    box = editor.partner_text
    assert not box.isChecked() and not box.title_alt.isVisible()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # tick "Text for the partner's copy"
    assert box.isChecked() and box.title_alt.isVisible()
    box.language.setFocus()
    qtbot.keyClick(box.language, Qt.Key.Key_Down)  # Chinese -> English
    assert box.language.currentData() == "en"
    qtbot.keyClicks(box.title_alt, "Agreement on the Hengtong plant")
    qtbot.keyClicks(box.place_alt, "Hengtong headquarters, Suzhou")
    qtbot.keyClicks(box.agreements_alt, "The parties agreed on the site by July.")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    got = S.meetings.get(meeting.id)
    assert (got.second_language, got.title_alt) == ("en", "Agreement on the Hengtong plant")
    assert got.agreements_alt == "The parties agreed on the site by July."
    assert got.place_alt == "Hengtong headquarters, Suzhou"

    pdf = MemoService(S.ctx).render(meeting.id, "ru+en", "partner")
    info = inspect_pdf(pdf.data)
    assert info.contains("Agreement on the Hengtong plant")
    assert info.contains("The parties agreed on the site by July.")
    assert info.contains("Hengtong headquarters, Suzhou")  # the place in both languages
    assert info.contains(meeting.place)

    # loading it again shows the box ticked with the text; unticking clears what is stored
    editor.load_meeting(meeting.id)
    assert box.isChecked() and box.title_alt.text() == "Agreement on the Hengtong plant"
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert S.meetings.get(meeting.id).title_alt == ""
    assert S.meetings.get(meeting.id).place_alt == ""
