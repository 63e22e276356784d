"""Documents: meeting memos, trip reports, company dossiers, and a batch of memos.

One implementation for ``crm-desktop memo | dossier`` and the GUI's document actions:
ids in, rendered PDFs out (``documents.service.DocumentService``), and files written
atomically, owner-only when the database is encrypted at rest (a PDF is not encrypted).
The batch is long work: it reports progress after every memo and stops when the caller
cancels, keeping the memos written so far (each one whole).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crm_desktop.application.errors import UseCaseError
from crm_desktop.domain.services import Services
from crm_desktop.files import refuse_special, write_bytes_atomic

if TYPE_CHECKING:
    from crm_desktop.documents.service import DocumentService, Pdf

# progress(written file, done, total)
Progress = Callable[[Path, int, int], object]


def _service(services: Services) -> DocumentService:
    from crm_desktop.documents.service import DocumentService  # reportlab on first use

    return DocumentService.from_context(services.ctx)


def memo(services: Services, meeting_id: str, lang: str = "ru") -> Pdf:
    """The memo of one meeting (an id or its first 8 characters)."""
    return _service(services).memo(meeting_id, lang)


def trip_report(services: Services, trip_id: str, lang: str = "ru") -> Pdf:
    """Cover, summary of the trip's meetings, then their memos."""
    return _service(services).trip_report(trip_id, lang)


def dossier(services: Services, company_id: str, lang: str = "ru") -> Pdf:
    """A company's briefing before a meeting."""
    return _service(services).dossier(company_id, lang)


def check_target(path: Path) -> None:
    """Fail before rendering when the file obviously cannot be written."""
    refuse_special(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UseCaseError(f"Cannot write {path}: the folder {parent} does not exist.")


def save(services: Services, pdf: Pdf, target: Path) -> Path:
    """Write ``pdf`` to ``target`` whole or not at all; owner-only when the database is
    encrypted at rest."""
    check_target(target)
    write_bytes_atomic(target, pdf.data, private=services.ctx.encrypted_at_rest)
    return target


@dataclass(frozen=True)
class Batch:
    folder: Path
    written: list[Path]
    total: int
    seconds: float
    cancelled: bool


def memo_folder(folder: Path) -> Path:
    """The folder for a batch, created if missing."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UseCaseError(f"Cannot create {folder}: {e.strerror or e}.") from None
    if not folder.is_dir():
        raise UseCaseError(f"{folder} is not a folder.")
    return folder


def write_memos(
    services: Services,
    folder: Path,
    lang: str = "ru",
    *,
    meeting_ids: Sequence[str] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Batch:
    """One memo per meeting (all of them, or ``meeting_ids``, in date order) into
    ``folder``, named by date, title and id. ``progress`` follows every file;
    ``cancelled()`` is asked before each memo."""
    from crm_desktop.documents.batch import render_memos
    from crm_desktop.documents.memo import MemoRenderer

    memo_folder(folder)
    docs = _service(services)
    loader = docs.loader
    ids = list(meeting_ids) if meeting_ids is not None else loader.meeting_ids()
    renderer = MemoRenderer(lang, loader.organisation())
    private = services.ctx.encrypted_at_rest
    started = time.perf_counter()
    written: list[Path] = []
    stopped = False
    for item in render_memos(loader, renderer, ids, prepared_by=docs.prepared_by()):
        target = folder / item.filename
        write_bytes_atomic(target, item.pdf, private=private)
        written.append(target)
        if progress is not None:
            progress(target, item.done, item.total)
        if cancelled is not None and item.done < item.total and cancelled():
            stopped = True
            break
    return Batch(folder, written, len(ids), time.perf_counter() - started, stopped)
