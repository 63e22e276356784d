"""File → Synchronise…: merge with another database, or carry changes as a packet file.

The user chooses the other side (a database file, a PostgreSQL server), or exports the
changes to a ``.crmsync`` file (optionally one trip's records, optionally only what one
peer has not seen) or imports one. Encrypted files that this database's key does not open
ask for their passphrase first (the unlock dialog of ui/security).

The work is ``application.synchronising`` on a QThreadPool worker: it opens its own
connections, never touches a widget, and reports progress through queued signals. The
dialog is modal while it runs, so the window writes nothing meanwhile. Cancel sets a flag
the engine checks between rows; it then rolls both sides back ("nothing was changed").
At the end a table shows created / updated / deleted / conflicts per kind of record.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QSettings,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.application import sync, synchronising
from crm_desktop.application.errors import DatabaseLockedError
from crm_desktop.domain.errors import CrmError
from crm_desktop.runtime import Runtime
from crm_desktop.ui.common.widgets_errors import crm_error_text

DIRECT_FILE, SERVER, EXPORT, IMPORT = "file", "server", "export", "import"
_LAST_FILE = "sync/last_database"
_LAST_PACKET = "sync/last_packet_folder"


# The job: fn(progress, cancelled) -> result, on a worker thread ---------------------------------
Job = Callable[[sync.Progress, sync.Cancelled], Any]


class _Signals(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, job: Job, stop: threading.Event, signals: _Signals) -> None:
        super().__init__()
        self.job, self.stop, self.signals = job, stop, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        def progress(_step: str, done: int, total: int) -> None:
            self.signals.progress.emit(done, total)

        try:
            result = self.job(progress, self.stop.is_set)
        except sync.SyncCancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user in one dialog
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def kind_names() -> dict[str, str]:
    return {
        "member": QCoreApplication.translate("SyncDialog", "Our team"),
        "tag": QCoreApplication.translate("SyncDialog", "Tags"),
        "stage": QCoreApplication.translate("SyncDialog", "Stages"),
        "site": QCoreApplication.translate("SyncDialog", "Sites"),
        "support_measure": QCoreApplication.translate("SyncDialog", "Support measures"),
        "company": QCoreApplication.translate("SyncDialog", "Companies"),
        "contact": QCoreApplication.translate("SyncDialog", "Contacts"),
        "trip": QCoreApplication.translate("SyncDialog", "Trips"),
        "project": QCoreApplication.translate("SyncDialog", "Projects"),
        "meeting": QCoreApplication.translate("SyncDialog", "Meetings"),
        "stage_change": QCoreApplication.translate("SyncDialog", "Stage moves"),
        "task": QCoreApplication.translate("SyncDialog", "Tasks"),
        "attachment": QCoreApplication.translate("SyncDialog", "Attachments"),
        "sync_conflict": QCoreApplication.translate("SyncDialog", "Conflicts"),
    }


class SummaryTable(QTableWidget):
    """Kind | Created | Updated | Deleted | Conflicts, one row per kind that changed."""

    def __init__(self, summary: sync.Summary, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("sync_summary")
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SyncDialog", "Records"),
                QCoreApplication.translate("SyncDialog", "Created"),
                QCoreApplication.translate("SyncDialog", "Updated"),
                QCoreApplication.translate("SyncDialog", "Deleted"),
                QCoreApplication.translate("SyncDialog", "Conflicts"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        names = kind_names()
        order = list(names)
        kinds = sorted(
            (k for k, c in summary.kinds.items() if c.total),
            key=lambda k: order.index(k) if k in order else len(order),
        )
        self.setRowCount(len(kinds))
        for row, kind in enumerate(kinds):
            c = summary.kinds[kind]
            cells = [names.get(kind, kind), c.created, c.updated, c.deleted, c.conflicts]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(row, col, item)

    def counts(self) -> dict[str, tuple[int, int, int, int]]:
        """{kind name: (created, updated, deleted, conflicts)} as shown."""
        out: dict[str, tuple[int, int, int, int]] = {}
        for r in range(self.rowCount()):
            texts = [self._text(r, c) for c in range(5)]
            out[texts[0]] = (int(texts[1]), int(texts[2]), int(texts[3]), int(texts[4]))
        return out

    def _text(self, row: int, col: int) -> str:
        item = self.item(row, col)
        return item.text() if item is not None else ""


class SyncDialog(QDialog):
    """Emits ``synchronised()`` after anything was written to this database."""

    synchronised = Signal()

    def __init__(self, rt: Runtime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rt = rt
        self.setObjectName("sync_dialog")
        self.setWindowTitle(self.tr("Synchronise"))
        self.setModal(True)
        self.pool = QThreadPool.globalInstance()
        self.stop = threading.Event()
        self.running = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self._signals: _Signals | None = None
        self.error_box: QMessageBox | None = None  # the last failure, shown
        self.notice_box: QMessageBox | None = None  # "cancelled, nothing changed"

        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._summary_page())

        self.start_button = QPushButton(self.tr("Synchronise"))
        self.start_button.setObjectName("sync_start")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("sync_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("sync_close")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.start_button, self.cancel_button, self.close_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._mode_changed()
        self.resize(720, 520)

    # -- page 1: what to synchronise with ----------------------------------------------------------
    def _choice_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Merge this database with another copy of the team's data. Both sides "
                "end up with the same records; the same field changed on both sides is "
                "kept in the Conflicts list, never lost."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.mode_group = QButtonGroup(self)
        self.modes: dict[str, QRadioButton] = {}

        def mode(key: str, text: str) -> QRadioButton:
            button = QRadioButton(text)
            button.setObjectName(f"sync_mode_{key}")
            self.mode_group.addButton(button)
            self.modes[key] = button
            button.toggled.connect(lambda _on: self._mode_changed())
            layout.addWidget(button)
            return button

        mode(DIRECT_FILE, self.tr("Another database file (a USB stick, a shared folder)"))
        self.file_edit = QLineEdit(str(QSettings().value(_LAST_FILE, "") or ""))
        self.file_edit.setObjectName("sync_file")
        self.file_edit.setPlaceholderText(self.tr("The other database file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("sync_browse_file")
        browse.clicked.connect(self._browse_database)
        self.file_row = self._row(self.file_edit, browse)
        layout.addWidget(self.file_row)

        mode(SERVER, self.tr("The team's PostgreSQL server"))
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("sync_url")
        self.url_edit.setPlaceholderText("postgresql+psycopg://user:password@server/crm")
        self.url_row = self._row(self.url_edit)
        layout.addWidget(self.url_row)

        mode(EXPORT, self.tr("Export changes to a file…"))
        self.export_edit = QLineEdit()
        self.export_edit.setObjectName("sync_export_file")
        self.export_edit.setPlaceholderText(self.tr("The packet file to write"))
        browse_out = QPushButton(self.tr("Browse…"))
        browse_out.clicked.connect(self._browse_export)
        self.trip_combo = QComboBox()
        self.trip_combo.setObjectName("sync_trip")
        self.trip_combo.addItem(self.tr("All records"), "")
        for trip in self._trips():
            self.trip_combo.addItem(trip[1], trip[0])
        self.peer_combo = QComboBox()
        self.peer_combo.setObjectName("sync_peer")
        self.peer_combo.addItem(self.tr("Everything (for any database)"), "")
        for peer in synchronising.peers(self.rt):
            self.peer_combo.addItem(
                self.tr("What %1 has not seen yet").replace("%1", peer.label or peer.peer_id[:8]),
                peer.peer_id,
            )
        self.packet_passphrase = QCheckBox(self.tr("Protect the file with a separate passphrase"))
        self.packet_passphrase.setObjectName("sync_packet_passphrase")
        export_box = QWidget()
        form = QFormLayout(export_box)
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.tr("File:"), self._row(self.export_edit, browse_out, margin=0))
        form.addRow(self.tr("Only the trip:"), self.trip_combo)
        form.addRow(self.tr("Changes:"), self.peer_combo)
        form.addRow("", self.packet_passphrase)
        self.export_box = export_box
        layout.addWidget(export_box)

        mode(IMPORT, self.tr("Import changes from a file…"))
        self.import_edit = QLineEdit()
        self.import_edit.setObjectName("sync_import_file")
        self.import_edit.setPlaceholderText(self.tr("A packet exported on another laptop"))
        browse_in = QPushButton(self.tr("Browse…"))
        browse_in.clicked.connect(self._browse_import)
        self.import_row = self._row(self.import_edit, browse_in)
        layout.addWidget(self.import_row)
        layout.addStretch(1)
        self.modes[DIRECT_FILE].setChecked(True)
        return page

    @staticmethod
    def _row(*widgets: QWidget, margin: int = 24) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(margin, 0, 0, 0)
        for i, w in enumerate(widgets):
            box.addWidget(w, 1 if i == 0 else 0)
        return row

    def _trips(self) -> list[tuple[str, str]]:
        try:
            return [(t.id, t.title) for t in self.rt.services.trips.list()]
        except CrmError:
            return []

    def mode(self) -> str:
        return next(k for k, b in self.modes.items() if b.isChecked())

    def _mode_changed(self) -> None:
        if not hasattr(self, "start_button"):
            return
        m = self.mode()
        self.file_row.setEnabled(m == DIRECT_FILE)
        self.url_row.setEnabled(m == SERVER)
        self.export_box.setEnabled(m == EXPORT)
        self.import_row.setEnabled(m == IMPORT)
        self.start_button.setText(
            {
                DIRECT_FILE: self.tr("Synchronise"),
                SERVER: self.tr("Synchronise"),
                EXPORT: self.tr("Export"),
                IMPORT: self.tr("Import"),
            }[m]
        )

    def _browse_database(self) -> None:
        start = self.file_edit.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The other database"),
            start,
            self.tr("crm-desktop databases (*.sqlite3 *.db);;All files (*)"),
        )
        if path:
            self.file_edit.setText(path)

    def _packet_folder(self) -> str:
        return str(QSettings().value(_LAST_PACKET, "") or Path.home())

    def _browse_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export changes to a file"),
            str(Path(self._packet_folder()) / "changes.crmsync"),
            self.tr("crm-desktop sync packets (*.crmsync)"),
        )
        if path:
            if not path.endswith(".crmsync"):
                path += ".crmsync"
            self.export_edit.setText(path)

    def _browse_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import changes from a file"),
            self._packet_folder(),
            self.tr("crm-desktop sync packets (*.crmsync)"),
        )
        if path:
            self.import_edit.setText(path)

    # -- page 2: running ---------------------------------------------------------------------------
    def _progress_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("sync_progress")
        self.progress_bar.setRange(0, 100)
        note = QLabel(
            self.tr(
                "Both databases are changed together at the end, in one step each. "
                "Cancel leaves both as they were."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(note)
        layout.addStretch(2)
        return page

    # -- page 3: the summary -----------------------------------------------------------------------
    def _summary_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("sync_summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_tabs = QTabWidget()
        layout.addWidget(self.summary_label)
        layout.addWidget(self.summary_tabs, 1)
        return page

    # -- running the job ---------------------------------------------------------------------------
    def start(self) -> None:
        if self.running:
            return
        try:
            job, title = self._job()
        except CrmError as e:
            self._show_error(e)
            return
        if job is None:
            return  # a passphrase dialog was cancelled
        self.stop.clear()
        self.was_cancelled = False
        self.error = None
        self.running = True
        self.progress_label.setText(title)
        self.progress_bar.setValue(0)
        self.pages.setCurrentIndex(1)
        self.start_button.hide()
        self.close_button.hide()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        signals = _Signals()
        signals.progress.connect(self._on_progress)
        signals.finished.connect(self._on_finished)
        signals.failed.connect(self._on_failed)
        signals.cancelled.connect(self._on_cancelled)
        self._signals = signals  # lives while the job runs
        self.pool.start(_Runnable(job, self.stop, signals))

    def _ask_key(self, path: Path) -> tuple[bool, Any]:
        """(go on, key) for an encrypted file this database's key does not open."""
        if not synchronising.needs_passphrase(self.rt, path):
            return True, None
        from crm_desktop.ui.security.passphrase_dialog import unlock_at_start

        key = unlock_at_start(path, self)
        return key is not None, key

    def _job(self) -> tuple[Job | None, str]:
        rt = self.rt
        m = self.mode()
        if m in (DIRECT_FILE, SERVER):
            text = self.file_edit.text() if m == DIRECT_FILE else self.url_edit.text()
            other = synchronising.other_side(rt, text)
            key = None
            if other.path is not None:
                QSettings().setValue(_LAST_FILE, str(other.path))
                go, key = self._ask_key(other.path)
                if not go:
                    return None, ""

            def direct(progress: sync.Progress, cancelled: sync.Cancelled) -> Any:
                return synchronising.synchronise_with(
                    rt, other, key=key, progress=progress, cancelled=cancelled
                )

            return direct, self.tr("Synchronising with %1…").replace("%1", other.label)
        if m == EXPORT:
            text = self.export_edit.text().strip()
            if not text:
                raise CrmError.from_code("required", field=self.tr("File"))
            dest = Path(text).expanduser()
            phrase = None
            if self.packet_passphrase.isChecked():
                phrase = self._new_passphrase()
                if phrase is None:
                    return None, ""
            QSettings().setValue(_LAST_PACKET, str(dest.parent))
            trip = self.trip_combo.currentData() or None
            peer = self.peer_combo.currentData() or None

            def export(progress: sync.Progress, cancelled: sync.Cancelled) -> Any:
                return synchronising.export_changes(
                    rt,
                    dest,
                    since_peer=peer,
                    trip_id=trip,
                    passphrase=phrase,
                    progress=progress,
                    cancelled=cancelled,
                )

            return export, self.tr("Exporting changes to %1…").replace("%1", dest.name)
        text = self.import_edit.text().strip()
        if not text:
            raise CrmError.from_code("required", field=self.tr("File"))
        path = Path(text).expanduser()
        if not path.is_file():
            raise sync.SyncError.from_code("sync_missing_file", path=str(path))
        QSettings().setValue(_LAST_PACKET, str(path.parent))
        go, key = self._ask_key(path)
        if not go:
            return None, ""

        def apply(progress: sync.Progress, cancelled: sync.Cancelled) -> Any:
            return synchronising.import_changes(
                rt, path, key=key, progress=progress, cancelled=cancelled
            )

        return apply, self.tr("Applying %1…").replace("%1", path.name)

    def _new_passphrase(self) -> str | None:
        from crm_desktop.ui.security.passphrase_dialog import Mode, PassphraseDialog

        dialog = PassphraseDialog(Mode.NEW, None, self)
        dialog.setWindowTitle(self.tr("A passphrase for the packet"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.new_passphrase()

    @Slot()
    def cancel(self) -> None:
        if not self.running:
            return
        self.stop.set()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling…"))

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setValue(int(100 * min(done, total) / total))

    def _ended(self) -> None:
        self.running = False
        self._signals = None
        self.cancel_button.hide()
        self.close_button.show()

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        self._ended()
        self.result = result
        self._show_summary(result)
        self.pages.setCurrentIndex(2)
        if not isinstance(result, sync.Exported):
            self.synchronised.emit()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._ended()
        self.error = exc
        self._back_to_choice()
        self._show_error(exc)

    @Slot()
    def _on_cancelled(self) -> None:
        self._ended()
        self.was_cancelled = True
        self._back_to_choice()
        self.notice_box = self._message(
            QMessageBox.Icon.Information,
            self.tr("Synchronisation cancelled; nothing was changed on either side."),
            "sync_cancelled",
        )

    def _back_to_choice(self) -> None:
        self.pages.setCurrentIndex(0)
        self.start_button.show()

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, DatabaseLockedError):
            owner = exc.owner.describe() if exc.owner else self.tr("another program")
            text = (
                self.tr(
                    "%1 is open for writing (%2). Close it there or wait until that "
                    "program is done, then try again. Nothing was changed."
                )
                .replace("%1", str(exc.path))
                .replace("%2", owner)
            )
        elif isinstance(exc, CrmError):
            text = crm_error_text(exc)
        else:
            text = self.tr("The synchronisation failed: %1. Nothing was changed.").replace(
                "%1", str(exc) or type(exc).__name__
            )
        self.error_box = self._message(QMessageBox.Icon.Warning, text, "sync_error")

    def _message(self, icon: QMessageBox.Icon, text: str, name: str) -> QMessageBox:
        """A window-modal box opened without a nested event loop: the slot that shows it
        returns at once (it runs from a worker's queued signal)."""
        box = QMessageBox(icon, self.windowTitle(), text, parent=self)
        box.setObjectName(name)
        box.open()
        return box

    def _show_summary(self, result: Any) -> None:
        self.summary_tabs.clear()
        if isinstance(result, sync.Exported):
            text = self.tr("%1 records written to %2.").replace("%1", str(result.records))
            text = text.replace("%2", str(result.path))
            if result.encrypted:
                text += " " + self.tr("The file is encrypted.")
            else:
                text += " " + self.tr("The file is not encrypted: carry it with care.")
            self.summary_label.setText(text)
            self.summary_tabs.hide()
            return
        self.summary_tabs.show()
        if isinstance(result, sync.SyncResult):
            summaries = [
                (self.tr("This database"), result.here),
                (self.tr("The other database"), result.there),
            ]
            conflicts = len(result.here.new_conflicts)
            head = self.tr("Synchronised: both databases now hold the same records.")
        else:
            summaries = [(self.tr("This database"), result.summary)]
            conflicts = len(result.summary.new_conflicts)
            head = self.tr("Applied the changes from %1.").replace(
                "%1", result.sender_label or result.sender[:8]
            )
        for title, summary in summaries:
            table = SummaryTable(summary)
            if not summary.changed and not table.rowCount():
                table.hide()
                empty = QLabel(self.tr("No changes."))
                empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.summary_tabs.addTab(empty, title)
            else:
                self.summary_tabs.addTab(table, title)
        if conflicts:
            head += " " + self.tr(
                "%n new conflict(s): see Conflicts in the navigation.", "", conflicts
            )
        self.summary_label.setText(head)

    def summary_table(self, index: int = 0) -> SummaryTable | None:
        w = self.summary_tabs.widget(index)
        return w if isinstance(w, SummaryTable) else None

    def reject(self) -> None:
        if self.running:
            self.cancel()  # the dialog closes once the job has rolled back
            return
        super().reject()
