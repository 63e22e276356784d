"""Keeps a draft of an editor's unsaved input (for the meeting editor).

    autosave = DraftAutosaver(store, "meeting", meeting_id or store.new_record_id(),
                              collect=editor.draft_data, parent=editor)
    some_text_edit.textChanged.connect(autosave.mark_dirty)   # every input widget
    autosave.start(baseline=editor.draft_data())               # what the record holds
    ...
    # after the service saved the record (one transaction):
    autosave.discard()
    # the user confirmed dropping the changes:
    autosave.discard()

A draft is written ``idle_ms`` after the last change, and at the latest ``interval_ms``
after the first unsaved change while the user keeps typing, so a crash loses at most a
few seconds. Input equal to the baseline (the user undid their changes) leaves no draft.

At the next start, ``pending_drafts(store, "meeting")`` lists what a crash left; the
editor is opened with ``draft.data`` and the user decides. ``collect`` returns plain
JSON-able data (str, numbers, lists, dicts); the store encrypts it when the database
is encrypted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from crm_desktop.application.drafts import Draft, DraftStore
from crm_desktop.domain.errors import CrmError
from crm_desktop.ui.common.widgets_errors import crm_error_text

IDLE_MS = 2000  # a pause in typing this long writes the draft
INTERVAL_MS = 5000  # while typing on, a draft at least this often


class DraftAutosaver(QObject):
    saved = Signal()
    failed = Signal(str)  # why the draft could not be written (disk full, ...)

    def __init__(
        self,
        store: DraftStore,
        kind: str,
        record_id: str,
        collect: Callable[[], dict[str, Any]],
        interval_ms: int = INTERVAL_MS,
        idle_ms: int = IDLE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.record_id = record_id
        self.collect = collect
        self.dirty = False
        self.active = False
        self.baseline: dict[str, Any] | None = None
        self.stored = False  # a draft of this record is in the store
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(min(idle_ms, interval_ms))
        self.idle.timeout.connect(self.save_if_dirty)
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.setInterval(interval_ms)
        self.deadline.timeout.connect(self.save_if_dirty)
        app = QCoreApplication.instance()
        if app is not None:  # quitting with an editor open: keep the last seconds too
            app.aboutToQuit.connect(self.save_if_dirty)

    def start(self, baseline: dict[str, Any] | None = None, *, stored: bool = False) -> None:
        """Watch for changes from now on; ``baseline`` is the input that needs no draft
        and ``stored`` says a draft of this record is already kept (opened from it)."""
        self._stop_timers()
        self.baseline = baseline
        self.stored = stored
        self.dirty = False
        self.active = True

    def stop(self) -> None:
        self._stop_timers()
        self.dirty = False
        self.active = False

    def _stop_timers(self) -> None:
        self.idle.stop()
        self.deadline.stop()

    def mark_dirty(self, *args: object) -> None:
        if not self.active:
            return
        if not self.dirty:
            self.dirty = True
            self.deadline.start()
        self.idle.start()  # restarted by every change

    def has_changes(self) -> bool:
        """The input differs from the baseline (or a kept draft still stands for it)."""
        if not (self.active and (self.stored or self.dirty)):
            return False
        return self.collect() != self.baseline

    def save_if_dirty(self) -> bool:
        """Write the draft now if anything changed since the last one (also the last
        chance before the editor goes away)."""
        self._stop_timers()
        if not (self.active and self.dirty):
            return False
        try:
            data = self.collect()
            if data == self.baseline:
                if self.stored:  # the user went back to what the record holds
                    self.store.discard(self.kind, self.record_id)
                    self.stored = False
                self.dirty = False
                return False
            self.store.save(self.kind, self.record_id, data)
        except CrmError as e:
            self.failed.emit(crm_error_text(e))
            return False
        self.dirty = False
        self.stored = True
        self.saved.emit()
        return True

    def discard(self) -> None:
        """The edit was saved to the database (or dropped on purpose): no draft left."""
        self._stop_timers()
        self.dirty = False
        self.stored = False
        try:
            self.store.discard(self.kind, self.record_id)
        except CrmError as e:
            self.failed.emit(crm_error_text(e))


def pending_drafts(store: DraftStore, kind: str | None = None) -> list[Draft]:
    return [d for d in store.pending() if kind is None or d.kind == kind]
