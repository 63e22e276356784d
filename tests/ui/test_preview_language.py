"""Print memo: the preview opens in the document language of the settings, offers the
others in a combo that renders again, and fits the screen with its buttons visible."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox  # noqa: E402

from crm_desktop.config import Settings  # noqa: E402
from crm_desktop.runtime import Runtime  # noqa: E402
from crm_desktop.ui.documents.pdf_preview import PdfPreviewDialog  # noqa: E402
from crm_desktop.ui.shell.main_window import MainWindow  # noqa: E402
from crm_desktop.ui.views.list_view import EntityListView  # noqa: E402
from tests.documents.pdfcheck import inspect_pdf  # noqa: E402

pytestmark = pytest.mark.usefixtures("english")


def _preview(qtbot, rt: Runtime, document_language: str) -> PdfPreviewDialog:
    window = MainWindow(
        rt.services, Settings(language="en", document_language=document_language), rt.paths, "en"
    )
    qtbot.addWidget(window)
    window.show()
    view = window.nav.select("meetings") or window.nav.view("meetings")
    assert isinstance(view, EntityListView)
    qtbot.keyClicks(view.filter_bar.text, "Kaiyuan Pump:")  # QTest types Latin only
    qtbot.waitUntil(lambda: view.table.model().rowCount() == 1)
    view.table.selectRow(0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    previews = window.findChildren(PdfPreviewDialog)
    assert len(previews) == 1
    dialog = previews[0]
    qtbot.waitExposed(dialog)
    return dialog


def test_preview_opens_in_the_setting_and_renders_again_in_chinese(qtbot, rt: Runtime):
    assert QKeySequence(QKeySequence.StandardKey.Print).toString() == "Ctrl+P"
    dialog = _preview(qtbot, rt, "en")
    combo = dialog.findChild(QComboBox, "document_language")
    assert combo.currentData() == "en"
    assert inspect_pdf(dialog.pdf_bytes).contains("Language Chinese, Russian")
    combo.setFocus()
    with qtbot.waitSignal(dialog.language_changed) as signal:
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # en -> zh
    assert signal.args == ["zh"]
    info = inspect_pdf(dialog.pdf_bytes)
    assert info.contains("语言 中文、俄语") and not info.contains("Chinese, Russian")
    assert dialog.page_count >= 1 and dialog.page_label.text().endswith(str(dialog.page_count))
    with qtbot.waitSignal(dialog.language_changed):
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # zh -> ru+zh, the partner's copy
    assert inspect_pdf(dialog.pdf_bytes).contains("китайский, русский / 中文、俄语")
    dialog.close()


def test_preview_fits_the_screen_with_every_button_visible(qtbot, rt: Runtime):
    dialog = _preview(qtbot, rt, "ru")
    area = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= area.height()
    assert dialog.height() <= area.height() - 40
    for button in (dialog.print_button, dialog.save_button, dialog.page_setup_button):
        assert button.isVisible()
        assert dialog.rect().contains(button.mapTo(dialog, button.rect().bottomRight()))
    assert QApplication.primaryScreen() is not None
    dialog.close()
