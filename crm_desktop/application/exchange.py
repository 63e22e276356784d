"""Import and export of contacts and meetings: one implementation for
``crm-desktop import | export`` and the GUI's Import and Export dialogs.

Long work: every use case takes a ``Progress`` (``exchange.progress``), which reports
``(done, total)`` to a callback a few times a second and carries the cancel flag; a
cancelled job raises ``Cancelled`` at its next row and leaves no file and no database
change behind. Imports run in one transaction; exports write a temporary file and
rename it, owner-only when the database is encrypted at rest (the copy is not).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crm_desktop.domain.services import Services
from crm_desktop.exchange import db_export, db_import
from crm_desktop.exchange.db_export import (
    CONTACT_FORMATS,
    EXTENSIONS,
    ContactFilter,
    MeetingFilter,
    count_contacts,
)
from crm_desktop.exchange.db_import import ImportOptions, ImportReport, OnDuplicate, Outcome
from crm_desktop.exchange.errors import Cancelled
from crm_desktop.exchange.progress import Progress, ProgressCallback
from crm_desktop.exchange.records import ContactRecord
from crm_desktop.exchange.tabular import Table

__all__ = [
    "CONTACT_FORMATS",
    "EXTENSIONS",
    "Cancelled",
    "ContactFilter",
    "Exported",
    "ImportOptions",
    "ImportReport",
    "ImportSource",
    "MeetingFilter",
    "OnDuplicate",
    "Outcome",
    "Progress",
    "count_contacts",
    "export_contacts",
    "export_meetings",
    "import_contacts",
    "progress",
]


def progress(callback: ProgressCallback | None = None) -> Progress:
    """A cancellable progress for one job (``.cancel()`` from any thread)."""
    return Progress(callback)


@dataclass(frozen=True)
class Exported:
    path: Path
    count: int
    private: bool  # written owner-only: the database is encrypted, the copy is not


def _exported(services: Services, path: str | os.PathLike[str], count: int) -> Exported:
    return Exported(Path(path), count, services.ctx.encrypted_at_rest)


def export_contacts(
    services: Services,
    path: str | os.PathLike[str],
    fmt: str,
    flt: ContactFilter | None = None,
    *,
    language: str = "",
    progress: Progress | None = None,
) -> Exported:
    """Contacts (all, or those ``flt`` selects) as CSV, XLSX, vCard or a PDF sheet."""
    count = db_export.export_contacts(services, path, fmt, flt, progress, language=language)
    return _exported(services, path, count)


def export_meetings(
    services: Services,
    path: str | os.PathLike[str],
    flt: MeetingFilter,
    *,
    calendar_name: str = "",
    progress: Progress | None = None,
) -> Exported:
    """Meetings of a trip or a date range as iCalendar."""
    count = db_export.export_meetings(services, path, flt, progress, calendar_name=calendar_name)
    return _exported(services, path, count)


@dataclass(frozen=True)
class ImportSource:
    """What the import preview shows: a table with the columns mapped by the user, or
    the cards of a vCard file; ``name`` is the file name the report refers to."""

    name: str
    table: Table | None = None
    cards: Sequence[ContactRecord] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.table.rows) if self.table is not None else len(self.cards)


def import_contacts(
    services: Services,
    source: str | os.PathLike[str] | ImportSource,
    options: ImportOptions | None = None,
    *,
    progress: Progress | None = None,
) -> ImportReport:
    """Contacts from a file (its columns recognised), or from the preview's ``source``,
    in one transaction; duplicates are skipped, merged or created as ``options`` say."""
    if not isinstance(source, ImportSource):
        return db_import.import_file(services, source, options, progress)
    # rows become records here, on the caller's (worker) thread: a big file takes seconds
    records = source.table.records() if source.table is not None else list(source.cards)
    return db_import.import_records(
        services, records, options, progress, source=source.name, total=source.total
    )
