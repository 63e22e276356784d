"""Meeting memo, trip report and company dossier: rendered by the Qt-free use case
``application.documents`` (the same as the CLI's, file names in the venue's date) and
shown in the preview dialog (print or save from there)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from crm_desktop.application import documents
from crm_desktop.domain.services import Services


@dataclass(frozen=True)
class Document:
    pdf: bytes
    filename: str


class MemoSource:
    """The memo the preview shows: internal memo or partner's copy, approved or a draft;
    Approve freezes it (application.memos, the same as ``memo --approve``)."""

    def __init__(self, services: Services, meeting_id: str) -> None:
        from crm_desktop.application.memos import MemoService

        self.memos = MemoService(services.ctx)
        self.meeting_id = meeting_id

    def render(self, lang: str, copy: str):  # noqa: ANN201 - MemoPdf, imported lazily
        return self.memos.render(self.meeting_id, lang, copy)  # type: ignore[arg-type]

    def approve(self):  # noqa: ANN201 - Approval
        return self.memos.approve(self.meeting_id)

    def state(self):  # noqa: ANN201 - MemoState
        return self.memos.state(self.meeting_id)


def meeting_memo(services: Services, meeting_id: str, lang: str) -> Document:
    pdf = MemoSource(services, meeting_id).render(lang, "internal")
    return Document(pdf.data, pdf.filename)


def trip_report(services: Services, trip_id: str, lang: str) -> Document:
    pdf = documents.trip_report(services, trip_id, lang)
    return Document(pdf.data, pdf.filename)


def company_dossier(services: Services, company_id: str, lang: str) -> Document:
    pdf = documents.dossier(services, company_id, lang)
    return Document(pdf.data, pdf.filename)


Make = Callable[[Services, str, str], Document]


def preview(
    document: Document,
    parent: QWidget,
    *,
    make: Make | None = None,
    services: Services | None = None,
    record_id: str = "",
    language: str = "ru",
) -> QWidget:
    """Show the document; with ``make``, the preview offers its other languages."""
    from crm_desktop.ui.documents.pdf_preview import PdfPreviewDialog

    rerender = None
    if make is not None and services is not None:

        def rerender(lang: str) -> tuple[bytes, str]:
            again = make(services, record_id, lang)
            return again.pdf, again.filename

    memo = None
    if make is meeting_memo and services is not None:
        memo = MemoSource(services, record_id)
    dialog = PdfPreviewDialog(
        document.pdf,
        document.filename,
        parent,
        rerender=rerender,
        language=language,
        services=services,
        memo=memo,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def with_wait_cursor(fn, *args):  # noqa: ANN001, ANN002, ANN201
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return fn(*args)
    finally:
        QApplication.restoreOverrideCursor()
