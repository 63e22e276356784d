"""Meeting memo, trip report and company dossier: rendered by the Qt-free DocumentService
(the same as the CLI's, file names in the venue's date) and shown in the preview dialog
(print or save from there)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from crm_desktop.domain.services import Services


@dataclass(frozen=True)
class Document:
    pdf: bytes
    filename: str


def _documents(services: Services):  # noqa: ANN202
    from crm_desktop.documents.service import DocumentService  # reportlab on first use

    return DocumentService.from_context(services.ctx)


def meeting_memo(services: Services, meeting_id: str, lang: str) -> Document:
    pdf = _documents(services).memo(meeting_id, lang)
    return Document(pdf.data, pdf.filename)


def trip_report(services: Services, trip_id: str, lang: str) -> Document:
    pdf = _documents(services).trip_report(trip_id, lang)
    return Document(pdf.data, pdf.filename)


def company_dossier(services: Services, company_id: str, lang: str) -> Document:
    pdf = _documents(services).dossier(company_id, lang)
    return Document(pdf.data, pdf.filename)


def preview(document: Document, parent: QWidget) -> None:
    from crm_desktop.ui.pdf_preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(document.pdf, document.filename, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()


def with_wait_cursor(fn, *args):  # noqa: ANN001, ANN002, ANN201
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return fn(*args)
    finally:
        QApplication.restoreOverrideCursor()
