"""The PDF preview dialog: shows the pages, prints (all or a range) and saves atomically."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

pytest.importorskip("PySide6.QtPdf")

from document_samples import sample_memo, sample_trip  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from crm_desktop.documents.memo import MemoRenderer  # noqa: E402
from crm_desktop.documents.trip import TripReportRenderer  # noqa: E402
from crm_desktop.ui.documents.pdf_preview import PdfPreviewDialog  # noqa: E402


@pytest.fixture(scope="module")
def trip_pdf() -> bytes:
    return TripReportRenderer("ru", "Министерство").render(sample_trip())


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def _pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(96)
    return printer


def test_shows_every_page_and_navigates(qtbot, trip_pdf):
    dialog = PdfPreviewDialog(trip_pdf, "Отчёт о командировке", None)
    qtbot.addWidget(dialog)
    total = _pages(trip_pdf)
    assert dialog.page_count == total > 3
    assert dialog.page_label.text() == f"Page 1 of {total}"
    assert not dialog.previous_button.isEnabled()
    dialog.next_page()
    assert dialog.current_page == 1
    assert dialog.page_label.text() == f"Page 2 of {total}"
    dialog.previous_page()
    assert dialog.current_page == 0
    dialog.zoom_in()
    dialog.fit_width()
    assert dialog.suggested_filename == "Отчёт о командировке.pdf"


def test_print_all_pages_and_a_range(qtbot, tmp_path, trip_pdf):
    dialog = PdfPreviewDialog(trip_pdf, "trip.pdf", None)
    qtbot.addWidget(dialog)
    everything = tmp_path / "all.pdf"
    with qtbot.waitSignal(dialog.printed):
        assert dialog.print_to(_pdf_printer(everything))
    assert _pages(everything.read_bytes()) == dialog.page_count

    printer = _pdf_printer(tmp_path / "range.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert dialog.pages_to_print(printer) == [1, 2]
    assert dialog.print_to(printer)
    assert _pages((tmp_path / "range.pdf").read_bytes()) == 2


def test_save_as_writes_the_bytes(qtbot, tmp_path, monkeypatch):
    data = MemoRenderer("ru+zh", "Министерство").render(sample_memo())
    dialog = PdfPreviewDialog(data, "memo.pdf", None)
    qtbot.addWidget(dialog)
    target = tmp_path / "Протокол"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(target), "PDF documents (*.pdf)")),
    )
    with qtbot.waitSignal(dialog.saved) as signal:
        assert dialog.save_as() == str(target) + ".pdf"
    assert signal.args == [str(target) + ".pdf"]
    assert (tmp_path / "Протокол.pdf").read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["Протокол.pdf"]


def test_save_cancelled(qtbot, monkeypatch):
    dialog = PdfPreviewDialog(b"%PDF-1.4 broken", "x.pdf", None)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert dialog.save_as() is None
    assert dialog.page_count == 0
    assert dialog.print_to(QPrinter()) is False
