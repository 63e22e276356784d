"""Meeting memo, trip report and company dossier: render with the Qt-free renderers and
show the PDF in the preview dialog (print or save from there)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from crm_desktop.domain.services import Services

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\s]+')


@dataclass(frozen=True)
class Document:
    pdf: bytes
    filename: str


def _slug(text: str, fallback: str) -> str:
    return _UNSAFE.sub("-", text).strip("-.")[:60].rstrip("-.") or fallback


def _loader(services: Services):  # noqa: ANN202
    from crm_desktop.documents.loader import DocumentLoader

    return DocumentLoader(services.ctx.session_factory)


def meeting_memo(services: Services, meeting_id: str, lang: str) -> Document:
    from crm_desktop.documents.memo import MemoRenderer

    loader = _loader(services)
    data = loader.memo(meeting_id, prepared_by=loader.member_name(services.ctx.member_id))
    pdf = MemoRenderer(lang, loader.organisation()).render(data)
    m = services.meetings.get(meeting_id)
    return Document(pdf, f"{m.starts_at:%Y-%m-%d}_{_slug(m.title, 'meeting')}.pdf")


def trip_report(services: Services, trip_id: str, lang: str) -> Document:
    from crm_desktop.documents.trip import TripReportRenderer

    loader = _loader(services)
    data = loader.trip(trip_id, prepared_by=loader.member_name(services.ctx.member_id))
    pdf = TripReportRenderer(lang, loader.organisation()).render(data)
    t = services.trips.get(trip_id)
    return Document(pdf, f"{t.start_date:%Y-%m-%d}_{_slug(t.title, 'trip')}.pdf")


def company_dossier(services: Services, company_id: str, lang: str) -> Document:
    from crm_desktop.documents.dossier import DossierRenderer

    loader = _loader(services)
    pdf = DossierRenderer(lang, loader.organisation()).render(loader.dossier(company_id))
    c = services.companies.get(company_id)
    return Document(pdf, f"{_slug(c.name_latin or c.name, 'company')}.pdf")


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
