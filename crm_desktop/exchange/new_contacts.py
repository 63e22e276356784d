"""An import's new contacts, written in bulk.

The rows an ORM flush would write for them (stamps from the session hooks' ``Stamps``,
a "create" entry in the field history, the sort key, the tag links, the search document)
in a few statements per batch, without the unit of work: for 10,000 imported contacts
its objects, attribute events and bookkeeping cost more than the inserts themselves.
Only new rows go this way; merges into existing contacts are ordinary ORM updates.

The statements are executed through the session (ORM-enabled INSERTs), so a database
that refuses writes refuses these too, and they commit or roll back with the import.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from crm_desktop.domain.hooks import Stamps
from crm_desktop.domain.models import AuditEntry, Contact, contact_tags
from crm_desktop.domain.services.contacts import ContactInput, ContactService
from crm_desktop.search.documents import build_document
from crm_desktop.search.index import write_documents
from crm_desktop.search.sorting import sort_key_of

KIND = "contact"


class NewContacts:
    """New contacts waiting to be written; ``write`` inserts them (call it before
    anything reads them back, e.g. a later row merging into one)."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.pending: list[tuple[str, ContactInput]] = []

    def __len__(self) -> int:
        return len(self.pending)

    def add(self, contact_id: str, data: ContactInput) -> None:
        """``data``: cleaned form data, its company and tags already in the session."""
        self.pending.append((contact_id, data))

    def write(self) -> None:
        if not self.pending:
            return
        s = self.s
        s.flush()  # the companies and tags the new contacts refer to, first
        stamps = Stamps(s)
        rows: list[Any] = []
        links: list[dict[str, str]] = []
        for contact_id, data in self.pending:
            row = SimpleNamespace(
                id=contact_id,
                **ContactService.columns(data),
                created_at=None,
                origin="",
                version=None,
                deleted_at=None,
            )
            stamps.created(row)
            row.sort_key = sort_key_of(KIND, row) or ""
            rows.append(row)
            links += [{"contact_id": contact_id, "tag_id": t} for t in dict.fromkeys(data.tag_ids)]
        entries = stamps.entries_stamped([stamps.entry(KIND, r.id, "create") for r in rows])
        s.execute(insert(Contact), [vars(r) for r in rows])
        s.execute(insert(AuditEntry), entries)
        if links:
            s.execute(insert(contact_tags), links)
        write_documents(s.connection(), [build_document(KIND, r) for r in rows])
        self.pending.clear()
