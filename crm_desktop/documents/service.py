"""One call per document for the GUI and other callers: ids in, (PDF bytes, file name) out.

Qt-free, so the GUI runs it on a worker thread and hands the bytes to the preview dialog:

    docs = DocumentService.from_context(services.ctx)
    pdf = docs.memo(meeting_id, "ru+zh")
    PdfPreviewDialog(pdf.data, pdf.filename, parent).exec()
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from crm_desktop.documents.batch import memo_filename, suggested_filename
from crm_desktop.documents.dossier import DossierRenderer
from crm_desktop.documents.labels import Labels
from crm_desktop.documents.loader import DocumentLoader
from crm_desktop.documents.memo import MemoRenderer
from crm_desktop.documents.trip import TripReportRenderer
from crm_desktop.domain.context import Context


@dataclass(frozen=True)
class Pdf:
    data: bytes
    filename: str  # suggested, safe on every file system
    title: str


class DocumentService:
    def __init__(self, session_factory: Callable[[], Session], member_id: str | None = None):
        self.loader = DocumentLoader(session_factory)
        self.member_id = member_id

    @classmethod
    def from_context(cls, ctx: Context) -> DocumentService:
        return cls(ctx.session_factory, ctx.member_id)

    def prepared_by(self) -> str:
        """The name under "prepared by": the member using this laptop, if chosen."""
        return self.loader.member_name(self.member_id)

    def memo(self, meeting_id: str, lang: str | Labels = "ru") -> Pdf:
        """The internal memo of the meeting as it is now (a draft). Approved memos,
        reprints and the partner's copy: application.memos.MemoService."""
        data = self.loader.memo(meeting_id, self.prepared_by())
        renderer = MemoRenderer(
            lang, self.loader.organisation(), organisation_names=self.loader.organisation_names()
        )
        return Pdf(renderer.render(data), suggested_filename(data), renderer.title(data))

    def trip_report(self, trip_id: str, lang: str | Labels = "ru") -> Pdf:
        data = self.loader.trip(trip_id, self.prepared_by())
        renderer = TripReportRenderer(
            lang, self.loader.organisation(), organisation_names=self.loader.organisation_names()
        )
        name = memo_filename(data.start_date.isoformat(), data.title, "trip")
        return Pdf(renderer.render(data), name, renderer.title(data))

    def dossier(self, company_id: str, lang: str | Labels = "ru") -> Pdf:
        data = self.loader.dossier(company_id)
        renderer = DossierRenderer(lang, self.loader.organisation())
        name = memo_filename("dossier", data.name_latin or data.name, data.id)
        return Pdf(renderer.render(data), name, renderer.title(data))
