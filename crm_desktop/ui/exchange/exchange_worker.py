"""Run a Qt-free exchange job on the QThreadPool with a progress dialog and Cancel.

The job is a plain function taking a ``Progress``; it opens its own sessions in the
worker thread (never a Session or ORM object crosses threads). Progress reaches the
dialog through queued signals; Cancel sets the job's cancel flag and the job raises
``Cancelled`` at its next row, leaving no file and no database change behind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from crm_desktop.domain.errors import CrmError
from crm_desktop.exchange.errors import Cancelled
from crm_desktop.exchange.progress import Progress
from crm_desktop.ui.common.widgets_errors import crm_error_text


class _Signals(QObject):
    progress = Signal(int, int)  # done, total (-1: unknown)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(
        self, fn: Callable[[Progress], Any], progress: Progress, signals: _Signals
    ) -> None:
        super().__init__()
        self.fn, self.progress, self.signals = fn, progress, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user through one path
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class ExchangeJob(QObject):
    """One background job with its progress dialog. Emits ``done(result)`` on success,
    ``ended()`` in every case (after done, an error message or a cancel)."""

    done = Signal(object)
    ended = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        fn: Callable[[Progress], Any],
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._title = title
        self._fn = fn
        self._pool = pool or QThreadPool.globalInstance()
        self.signals = _Signals()
        self.progress = Progress(lambda d, t: self.signals.progress.emit(d, -1 if t is None else t))
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setObjectName("exchange_progress")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)
        self.signals.cancelled.connect(self._on_cancelled)
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self.running = False

    def start(self) -> None:
        self.running = True
        self._pool.start(_Runnable(self._fn, self.progress, self.signals))

    @Slot()
    def cancel(self) -> None:
        self.progress.cancel()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            if self.dialog.maximum() != total:
                self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
            self.dialog.setLabelText(
                self.tr("%1: %2 of %3")
                .replace("%1", self._title)
                .replace("%2", str(done))
                .replace("%3", str(total))
            )
        else:
            self.dialog.setLabelText(
                self.tr("%1: %2").replace("%1", self._title).replace("%2", str(done))
            )

    def _finish(self) -> None:
        self.running = False
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        self.result = result
        self._finish()
        self.done.emit(result)
        self.ended.emit()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.error = exc
        self._finish()
        text = crm_error_text(exc) if isinstance(exc, CrmError) else str(exc)
        QMessageBox.warning(self._parent, self._title, text)
        self.ended.emit()

    @Slot()
    def _on_cancelled(self) -> None:
        self.was_cancelled = True
        self._finish()
        self.ended.emit()


def run_job(
    parent: QWidget,
    title: str,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None] | None = None,
) -> ExchangeJob:
    """Start ``fn`` in the background; ``on_done(result)`` runs in the GUI thread."""
    job = ExchangeJob(parent, title, fn)
    if on_done is not None:
        job.done.connect(on_done)
    job.ended.connect(job.deleteLater)
    job.start()
    return job
