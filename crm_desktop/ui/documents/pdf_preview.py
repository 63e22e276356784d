"""Preview of a generated PDF (memo, trip report, dossier) with Print and Save as PDF.

The dialog only shows, prints and saves bytes it is given; the caller renders them (on a
worker thread for long documents). Printing rasterises each page with QtPdf at up to
300 dpi, which is what the office printers need and keeps memory bounded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.services import Services
from crm_desktop.files import write_bytes_atomic
from crm_desktop.ui.common.filter_bar import FlowLayout, flow_spacing
from crm_desktop.ui.common.screen_fit import fitted_size
from crm_desktop.ui.common.widgets_errors import crm_error_text
from crm_desktop.ui.security import unencrypted_copy

try:  # QtPdf ships in its own wheel (PySide6-Pdf) since PySide6 6.12
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - a broken installation; Save still works
    QPdfDocument = None  # type: ignore[assignment,misc]
    QPdfView = None  # type: ignore[assignment,misc]

MAX_PRINT_DPI = 300
ZOOM_STEP = 1.25
PREFERRED_SIZE = QSize(860, 980)  # an A4 page at a readable width, when the screen allows
DOCUMENT_LANGUAGES = ("ru", "en", "zh", "ru+zh")
# Renders the same document in another language: (PDF bytes, suggested file name).
Rerender = Callable[[str], tuple[bytes, str]]


class MemoActions(Protocol):
    """A meeting memo in the preview: which copy, approving (ui.document_actions)."""

    def render(self, lang: str, copy: str) -> Any: ...  # application.memos.MemoPdf

    def approve(self) -> Any: ...  # application.memos.Approval

    def state(self) -> Any: ...  # application.memos.MemoState


class PdfPreviewDialog(QDialog):
    """Shows PDF bytes; Print (with page setup) and Save as PDF. Ctrl+P prints."""

    printed = Signal()
    saved = Signal(str)  # the path written

    language_changed = Signal(str)  # the document was rendered again in this language

    def __init__(
        self,
        pdf_bytes: bytes,
        suggested_filename: str,
        parent: QWidget | None = None,
        *,
        rerender: Rerender | None = None,
        language: str = "ru",
        services: Services | None = None,
        memo: MemoActions | None = None,
    ):
        super().__init__(parent)
        self.memo = memo
        self.copy = "internal"
        if memo is not None:
            rerender = self._render_memo
        self.services = services  # where the document comes from (encrypted or not)
        self._private = services is not None and unencrypted_copy.private(services)
        self.rerender = rerender
        self.language = language
        self.last_directory = ""
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        self._set_file(pdf_bytes, suggested_filename)
        self.resize(fitted_size(PREFERRED_SIZE, parent))

        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf_bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self) if QPdfDocument is not None else None
        self.view = None
        self._build()
        if self.document is not None:
            self.document.load(self._buffer)
            self._update_page_label()

    def _set_file(self, pdf_bytes: bytes, suggested_filename: str) -> None:
        self.pdf_bytes = bytes(pdf_bytes)
        self.suggested_filename = suggested_filename or "document.pdf"
        if not self.suggested_filename.lower().endswith(".pdf"):
            self.suggested_filename += ".pdf"
        self.printer.setDocName(Path(self.suggested_filename).stem)
        self.setWindowTitle(self.tr("Preview — %1").replace("%1", self.suggested_filename))

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        # The buttons wrap to a second row on a narrow screen instead of being cut off.
        bar_widget = QWidget(self)
        bar = FlowLayout(bar_widget, flow_spacing(self))
        self.toolbar = bar_widget
        self.zoom_out_button = self._tool(bar, "−", self.tr("Zoom out"), self.zoom_out)
        self.zoom_in_button = self._tool(bar, "+", self.tr("Zoom in"), self.zoom_in)
        self.fit_button = self._tool(
            bar, self.tr("Fit width"), self.tr("Fit the page width"), self.fit_width
        )
        self.previous_button = self._tool(bar, "◀", self.tr("Previous page"), self.previous_page)
        self.page_label = QLabel(self)
        bar.addWidget(self.page_label)
        self.next_button = self._tool(bar, "▶", self.tr("Next page"), self.next_page)
        self.language_combo: QComboBox | None = None
        if self.rerender is not None:
            self.language_combo = self._language_combo()
            pair = QWidget(self)
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            label = QLabel(self.tr("Document &language:"), pair)
            label.setBuddy(self.language_combo)
            row.addWidget(label)
            row.addWidget(self.language_combo)
            bar.addWidget(pair)
        self.copy_combo: QComboBox | None = None
        self.approve_button: QPushButton | None = None
        self.revision_label: QLabel | None = None
        if self.memo is not None:
            self._memo_controls(bar)
        self.page_setup_button = QPushButton(self.tr("Page setup…"), self)
        self.page_setup_button.clicked.connect(self.page_setup)
        bar.addWidget(self.page_setup_button)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.clicked.connect(self.print_document)
        bar.addWidget(self.print_button)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.clicked.connect(self.save_as)
        bar.addWidget(self.save_button)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        bar.addWidget(close)
        layout.addWidget(bar_widget)

        if self.document is not None and QPdfView is not None:
            self.view = QPdfView(self)
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.setPageSpacing(12)
            self.view.pageNavigator().currentPageChanged.connect(self._update_page_label)
            layout.addWidget(self.view, 1)
        else:
            missing = QLabel(
                self.tr(
                    "The preview needs the Qt PDF module (PySide6-Pdf). "
                    "The document can still be saved as PDF."
                ),
                self,
            )
            missing.setWordWrap(True)
            missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(missing, 1)
            for w in (
                self.print_button,
                self.page_setup_button,
                self.zoom_in_button,
                self.zoom_out_button,
                self.fit_button,
                self.previous_button,
                self.next_button,
            ):
                w.setEnabled(False)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_as)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, self.zoom_in)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, self.zoom_out)
        self.save_button.setDefault(False)
        self.print_button.setFocus()

    def _language_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("document_language")
        names = {
            "ru": self.tr("Russian"),
            "en": self.tr("English"),
            "zh": self.tr("Chinese"),
            "ru+zh": self.tr("Russian + Chinese (partner's copy)"),
        }
        for code in DOCUMENT_LANGUAGES:
            combo.addItem(names[code], code)
        if combo.findData(self.language) < 0:
            combo.addItem(self.language, self.language)
        combo.setCurrentIndex(combo.findData(self.language))
        combo.currentIndexChanged.connect(lambda _i: self.set_language(combo.currentData()))
        return combo

    # -- meeting memo: internal or partner's copy, approval ----------------------------

    def _memo_controls(self, bar: FlowLayout) -> None:
        combo = QComboBox(self)
        combo.setObjectName("memo_copy")
        combo.addItem(self.tr("Internal memo"), "internal")
        combo.addItem(self.tr("Partner's copy"), "partner")
        combo.setToolTip(
            self.tr(
                "The partner's copy leaves out the project stage, task status, "
                "the discussion and the marking, and has signature lines for "
                "both heads of delegation"
            )
        )
        combo.currentIndexChanged.connect(lambda _i: self.set_copy(combo.currentData()))
        pair = QWidget(self)
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&Copy:"), pair)
        label.setBuddy(combo)
        row.addWidget(label)
        row.addWidget(combo)
        bar.addWidget(pair)
        self.copy_combo = combo
        self.approve_button = QPushButton(self.tr("&Approve"), self)
        self.approve_button.setObjectName("memo_approve")
        self.approve_button.setToolTip(
            self.tr("Give the memo its registration number and freeze it: reprints stay the same")
        )
        self.approve_button.clicked.connect(self.approve)
        bar.addWidget(self.approve_button)
        self.revision_label = QLabel(self)
        self.revision_label.setObjectName("memo_revision")
        bar.addWidget(self.revision_label)
        try:
            self._show_memo_state(self.memo.state())  # type: ignore[union-attr]
        except CrmError as e:
            self.revision_label.setText(crm_error_text(e))

    def _render_memo(self, language: str) -> tuple[bytes, str]:
        pdf = self.memo.render(language, self.copy)  # type: ignore[union-attr]
        self._show_memo_state(pdf.state)
        return pdf.data, pdf.filename

    def _show_memo_state(self, state: Any) -> None:
        """application.memos.MemoState: the revision indicator and whether Approve is on."""
        if self.revision_label is None or self.approve_button is None:
            return
        if not state.approved:
            text = self.tr("Draft: not approved")
        else:
            text = (
                self.tr("Approved: No. %1, revision %2")
                .replace("%1", state.number)
                .replace("%2", str(state.revision))
            )
            if state.changed_since:
                text += " — " + self.tr(
                    "the meeting was edited since; Approve makes revision %1"
                ).replace("%1", str(state.revision + 1))
        self.revision_label.setText(text)
        self.approve_button.setEnabled(not state.approved or state.changed_since)

    def set_copy(self, copy: str) -> bool:
        """Show the internal memo or the partner's copy."""
        if self.memo is None or copy == self.copy:
            return False
        previous, self.copy = self.copy, copy
        if not self._reload(self.language):
            self.copy = previous
            if self.copy_combo is not None:
                self.copy_combo.blockSignals(True)
                self.copy_combo.setCurrentIndex(self.copy_combo.findData(previous))
                self.copy_combo.blockSignals(False)
            return False
        return True

    def approve(self) -> bool:
        """Approve the memo as the meeting is now and show the approved document."""
        if self.memo is None:
            return False
        try:
            approval = self.memo.approve()
        except CrmError as e:
            QMessageBox.warning(self, self.tr("Cannot approve the memo"), crm_error_text(e))
            return False
        self._reload(self.language)
        return approval is not None

    def _reload(self, language: str) -> bool:
        """Render again (same language) and show the result in place."""
        if self.rerender is None:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pdf, filename = self.rerender(language)
        except CrmError as e:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Cannot make the document"), crm_error_text(e))
            return False
        QApplication.restoreOverrideCursor()
        self._show_bytes(pdf, filename)
        return True

    def _show_bytes(self, pdf: bytes, filename: str) -> None:
        page = self.current_page
        self._set_file(pdf, filename)
        if self.document is not None:
            self.document.close()
            self._buffer.close()
            self._buffer.setData(QByteArray(self.pdf_bytes))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)
            self._go(min(page, self.page_count - 1))
            self._update_page_label()

    def set_language(self, language: str) -> bool:
        """Render the document again in another language and show it in place."""
        if self.rerender is None or language == self.language:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pdf, filename = self.rerender(language)
        except CrmError as e:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Cannot make the document"), crm_error_text(e))
            self._show_language(self.language)
            return False
        QApplication.restoreOverrideCursor()
        self.language = language
        self._show_language(language)
        self._show_bytes(pdf, filename)
        self.language_changed.emit(language)
        return True

    def _show_language(self, language: str) -> None:
        if self.language_combo is not None:
            self.language_combo.blockSignals(True)
            self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
            self.language_combo.blockSignals(False)

    def _tool(self, bar: FlowLayout, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        bar.addWidget(button)
        return button

    def showEvent(self, event: object) -> None:  # noqa: N802
        # The parent's screen is known now: never taller than it (an 800-pixel laptop).
        fitted = fitted_size(self.size(), self)
        if fitted != self.size():
            self.resize(fitted)
        super().showEvent(event)  # type: ignore[arg-type]

    # -- navigation --------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage() if self.view is not None else 0

    def _update_page_label(self, *_: object) -> None:
        total = self.page_count
        current = min(self.current_page + 1, total) if total else 0
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(current)).replace("%2", str(total))
        )
        self.previous_button.setEnabled(current > 1)
        self.next_button.setEnabled(current < total)

    def _go(self, page: int) -> None:
        if self.view is None or not 0 <= page < self.page_count:
            return
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
        self._update_page_label()

    def next_page(self) -> None:
        self._go(self.current_page + 1)

    def previous_page(self) -> None:
        self._go(self.current_page - 1)

    def zoom_in(self) -> None:
        self._zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(1 / ZOOM_STEP)

    def _zoom(self, factor: float) -> None:
        if self.view is None:
            return
        zoom = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(6.0, zoom * factor)))

    def fit_width(self) -> None:
        if self.view is not None:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # -- printing ----------------------------------------------------------------------

    def page_setup(self) -> bool:
        dialog = QPageSetupDialog(self.printer, self)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_document(self) -> bool:
        if self.document is None or not self.page_count:
            return False
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        dialog.setMinMax(1, self.page_count)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(self.printer)

    def pages_to_print(self, printer: QPrinter) -> list[int]:
        """Zero-based page numbers chosen in the print dialog (all, a range or the current)."""
        total = self.page_count
        if printer.printRange() == QPrinter.PrintRange.CurrentPage:
            return [self.current_page]
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(1, printer.fromPage())
            last = min(total, printer.toPage() or total)
            return list(range(first - 1, last))
        return list(range(total))

    def print_to(self, printer: QPrinter) -> bool:
        """Rasterise the chosen pages onto the printer, each fitted to the printable area."""
        if self.document is None:
            return False
        pages = self.pages_to_print(printer)
        if not pages:
            return False
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(
                self, self.tr("Print"), self.tr("The printer could not be started.")
            )
            return False
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            for n, page in enumerate(pages):
                if n:
                    printer.newPage()
                self._paint_page(painter, printer, page, dpi)
        finally:
            painter.end()
        self.printed.emit()
        return True

    def _paint_page(self, painter: QPainter, printer: QPrinter, page: int, dpi: int) -> None:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        size_pt = self.document.pagePointSize(page)
        scale = min(area.width() / size_pt.width(), area.height() / size_pt.height())
        target = QSize(int(size_pt.width() * scale), int(size_pt.height() * scale))
        raster = QSize(int(size_pt.width() * dpi / 72), int(size_pt.height() * dpi / 72))
        image: QImage = self.document.render(page, raster)
        x = (area.width() - target.width()) // 2
        y = (area.height() - target.height()) // 2
        painter.drawImage(QRect(x, y, target.width(), target.height()), image)

    # -- saving ------------------------------------------------------------------------

    def save_as(self) -> str | None:
        start = (
            str(Path(self.last_directory) / self.suggested_filename)
            if self.last_directory
            else self.suggested_filename
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), start, self.tr("PDF documents (*.pdf)")
        )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            write_bytes_atomic(path, self.pdf_bytes, private=self._private)
        except CrmError as e:
            reason = str(e.params.get("reason", e))
            QMessageBox.warning(
                self,
                self.tr("Save as PDF"),
                self.tr("Cannot write %1: %2").replace("%1", path).replace("%2", reason),
            )
            return None
        self.last_directory = str(Path(path).parent)
        if self.services is not None:
            unencrypted_copy.tell_once(self, self.services, path)
        self.saved.emit(path)
        return path
