"""Keeps a draft of an editor's unsaved text every few seconds (for the meeting editor).

    autosave = DraftAutosaver(store, "meeting", meeting_id or store.new_record_id(),
                              collect=lambda: editor.draft_data(), parent=editor)
    some_text_edit.textChanged.connect(autosave.mark_dirty)   # every input widget
    autosave.start()
    ...
    # after the service saved the record (one transaction):
    autosave.discard()
    # the dialog was cancelled on purpose:
    autosave.discard()

At the next start, ``pending_drafts(store)`` lists what a crash left; the editor is
opened with ``draft.data`` and the user decides. ``collect`` returns plain JSON-able
data (str, numbers, lists, dicts); the store encrypts it when the database is encrypted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from crm_desktop.domain.errors import CrmError
from crm_desktop.storage.drafts import Draft, DraftStore

INTERVAL_MS = 3000  # a crash loses at most this much typing


class DraftAutosaver(QObject):
    saved = Signal()
    failed = Signal(str)  # why the draft could not be written (disk full, ...)

    def __init__(self, store: DraftStore, kind: str, record_id: str,
                 collect: Callable[[], dict[str, Any]], interval_ms: int = INTERVAL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.record_id = record_id
        self.collect = collect
        self.dirty = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_if_dirty)

    def start(self) -> None:
        self.timer.start()

    def mark_dirty(self, *args: object) -> None:
        self.dirty = True

    def save_if_dirty(self) -> bool:
        if not self.dirty:
            return False
        try:
            self.store.save(self.kind, self.record_id, self.collect())
        except CrmError as e:
            self.failed.emit(str(e))
            return False
        self.dirty = False
        self.saved.emit()
        return True

    def discard(self) -> None:
        """The edit was saved to the database (or dropped on purpose): no draft left."""
        self.timer.stop()
        self.dirty = False
        self.store.discard(self.kind, self.record_id)


def pending_drafts(store: DraftStore, kind: str | None = None) -> list[Draft]:
    return [d for d in store.pending() if kind is None or d.kind == kind]
