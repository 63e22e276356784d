"""Progress reporting and cancellation for long exchange jobs (Qt-free).

A job takes a ``Progress``; the UI worker sets ``cancel()`` from the GUI thread and the
job raises ``Cancelled`` at its next check. A ``total`` of ``None`` means unknown.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from crm_desktop.exchange.errors import Cancelled

ProgressCallback = Callable[[int, int | None], None]


class Progress:
    """Counts work done, throttles callbacks to a few per second and checks for cancel."""

    def __init__(
        self,
        callback: ProgressCallback | None = None,
        *,
        interval: float = 0.1,
    ) -> None:
        self._callback = callback
        self._interval = interval
        self._cancel = threading.Event()
        self._last = 0.0
        self.total: int | None = None
        self.done = 0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def start(self, total: int | None) -> None:
        self.total = total
        self.done = 0
        self._emit(force=True)

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self._cancel.is_set():
            raise Cancelled()
        self._emit()

    def finish(self) -> None:
        self._emit(force=True)

    def _emit(self, force: bool = False) -> None:
        if self._callback is None:
            return
        now = time.monotonic()
        if force or now - self._last >= self._interval:
            self._last = now
            self._callback(self.done, self.total)


def ensure(progress: Progress | None) -> Progress:
    return progress if progress is not None else Progress()
