"""Drafts of unsaved edits, as the editors see them: the store of the open database.

The store itself is ``storage.drafts`` (an SQLite file per database identity, encrypted
under the database's key when the database is); the GUI's autosaver and the drafts
dialog use it through here, so no widget reaches into storage.
"""

from __future__ import annotations

from crm_desktop.runtime import Runtime
from crm_desktop.storage.drafts import Draft, DraftStore

__all__ = ["Draft", "DraftStore", "drafts_of"]


def drafts_of(rt: Runtime) -> DraftStore:
    """The drafts store of the database ``rt`` has open (by its identity)."""
    return DraftStore(rt.drafts_dir, rt.key, rt.identity)
