"""Export dialogs and the entry points the main window calls.

Entry points (each returns the dialog it opened):

- the File menu's entries that open them are in ``file_menu`` (Qt only, built before the
  database is open).
- ``open_import_dialog(services, parent, path="")``
- ``open_export_contacts_dialog(services, parent, query=None, selected_ids=None)``: the
  list's current ``ContactQuery`` and selection become the default scope.
- ``open_export_meetings_dialog(services, parent, trip_id=None)``

The work runs on the QThreadPool (``exchange_worker``) with progress and Cancel.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.application import exchange
from crm_desktop.application.exchange import (
    EXTENSIONS,
    ContactFilter,
    MeetingFilter,
    count_contacts,
)
from crm_desktop.config import DEFAULT_PHONE_REGION, Settings
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.services import Services
from crm_desktop.ui.common.labels import date_edit_format, number
from crm_desktop.ui.common.widgets_errors import crm_error_text
from crm_desktop.ui.exchange.exchange_import import ImportDialog
from crm_desktop.ui.exchange.exchange_worker import run_job
from crm_desktop.ui.security import unencrypted_copy

translate = QCoreApplication.translate  # a name lupdate recognises


def filter_from_query(query: Any) -> ContactFilter:
    """The contact list's ``ContactQuery`` as an export filter (same fields, same meaning)."""
    return ContactFilter(
        ids=getattr(query, "ids", None),
        company_id=getattr(query, "company_id", None),
        country=getattr(query, "country", "") or "",
        tag=getattr(query, "tag_id", None) or "",
        trip_id=getattr(query, "trip_id", None),
        stage=getattr(query, "stage_id", None) or "",
        text=getattr(query, "text", "") or "",
    )


class _PathRow(QWidget):
    def __init__(self, dialog: QDialog, title: str, filters: str) -> None:
        super().__init__(dialog)
        self.title, self.filters = title, filters
        self.edit = QLineEdit()
        self.edit.setObjectName("export_path")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.title, self.edit.text(), self.filters)
        if path:
            self.edit.setText(path)

    def path(self) -> str:
        return self.edit.text().strip()


class ExportContactsDialog(QDialog):
    """Format and scope of a contact export. Emits ``exported(count, path)``."""

    exported = Signal(int, str)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        query: Any = None,
        selected_ids: list[str] | None = None,
        language: str = "ru",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_contacts_dialog")
        self.setWindowTitle(self.tr("Export contacts"))
        self.services, self.language = services, language
        self.list_filter = filter_from_query(query) if query is not None else None
        self.selected_ids = list(selected_ids or [])
        self.job = None

        self.format = QComboBox()
        self.format.setObjectName("export_format")
        for key, text in (
            ("csv", self.tr("CSV (UTF-8, comma)")),
            ("csv-excel-ru", self.tr("CSV for Russian Excel (semicolon)")),
            ("xlsx", self.tr("Excel workbook (.xlsx)")),
            ("vcf", self.tr("vCard 3.0 (phones, Outlook, Google)")),
            ("vcf4", self.tr("vCard 4.0")),
            ("pdf", self.tr("Printable contact sheet (PDF)")),
        ):
            self.format.addItem(text, key)
        self.format.currentIndexChanged.connect(self._format_changed)

        self.scope = QButtonGroup(self)
        self.scope_list = QRadioButton(self.tr("Contacts in the current list"))
        self.scope_selected = QRadioButton(self.tr("Selected contacts"))
        self.scope_all = QRadioButton(self.tr("All contacts"))
        self.scope_custom = QRadioButton(self.tr("Contacts of:"))
        for i, b in enumerate(
            (self.scope_list, self.scope_selected, self.scope_all, self.scope_custom)
        ):
            self.scope.addButton(b, i)
        self.scope_list.setEnabled(self.list_filter is not None)
        self.scope_selected.setEnabled(bool(self.selected_ids))
        if self.selected_ids:
            self.scope_selected.setChecked(True)
        elif self.list_filter is not None:
            self.scope_list.setChecked(True)
        else:
            self.scope_all.setChecked(True)

        self.company = self._combo(
            "export_company", [(c.id, c.name) for c in services.companies.list()]
        )
        countries = sorted({c.country for c in services.companies.list() if c.country})
        self.country = self._combo("export_country", [(c, c) for c in countries])
        self.tag = self._combo("export_tag", [(t.id, t.name) for t in services.tags.list()])
        self.trip = self._combo("export_trip", [(t.id, t.title) for t in services.trips.list()])
        self.stage = self._combo(
            "export_stage",
            [(s.id, f"{s.position}. {s.name(language)}") for s in services.stages.list()],
        )
        custom = QFormLayout()
        custom.addRow(self.tr("Company"), self.company)
        custom.addRow(self.tr("Country"), self.country)
        custom.addRow(self.tr("Tag"), self.tag)
        custom.addRow(self.tr("Trip (met during)"), self.trip)
        custom.addRow(self.tr("Project stage"), self.stage)
        self.custom_box = QWidget()
        self.custom_box.setLayout(custom)
        for w in (self.company, self.country, self.tag, self.trip, self.stage):
            w.currentIndexChanged.connect(self._scope_changed)
        self.scope.idToggled.connect(lambda *_: self._scope_changed())

        self.count_label = QLabel()
        self.count_label.setObjectName("export_count")
        self.path_row = _PathRow(self, self.tr("Export contacts"), self.tr("All files (*)"))
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setObjectName("export_run")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.run_export)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("File"), self.path_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for b in (self.scope_list, self.scope_selected, self.scope_all, self.scope_custom):
            layout.addWidget(b)
        layout.addWidget(self.custom_box)
        layout.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._format_changed()
        self._scope_changed()

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("(any)"), None)
        for value, text in items:
            combo.addItem(text, value)
        return combo

    def _format_changed(self) -> None:
        fmt = self.format.currentData()
        path = self.path_row.path()
        base = Path(path).with_suffix("") if path else Path.home() / self.tr("contacts")
        self.path_row.edit.setText(str(base) + EXTENSIONS[fmt])

    def contact_filter(self) -> ContactFilter:
        if self.scope_selected.isChecked():
            return ContactFilter(ids=list(self.selected_ids))
        if self.scope_list.isChecked() and self.list_filter is not None:
            return self.list_filter
        if self.scope_custom.isChecked():
            return ContactFilter(
                company_id=self.company.currentData(),
                country=self.country.currentData() or "",
                tag=self.tag.currentData() or "",
                trip_id=self.trip.currentData(),
                stage=self.stage.currentData() or "",
            )
        return ContactFilter()

    def _scope_changed(self) -> None:
        self.custom_box.setEnabled(self.scope_custom.isChecked())
        try:
            n = count_contacts(self.services, self.contact_filter())
        except CrmError as exc:
            self.count_label.setText(crm_error_text(exc))
            self.export_button.setEnabled(False)
            return
        self.count_label.setText(self.tr("Contacts to export: %1").replace("%1", number(n)))
        self.export_button.setEnabled(n > 0)

    def run_export(self) -> None:
        path = self.path_row.path()
        if not path:
            self.path_row.browse()
            path = self.path_row.path()
            if not path:
                return
        services, fmt, flt, lang = (
            self.services,
            self.format.currentData(),
            self.contact_filter(),
            self.language,
        )
        self.export_button.setEnabled(False)

        def job(progress):  # noqa: ANN001, ANN202 - runs on the worker thread
            return exchange.export_contacts(
                services, path, fmt, flt, language=lang, progress=progress
            )

        self.job = run_job(
            self, self.tr("Exporting contacts"), job, lambda done: self._done(done.count, path)
        )
        self.job.ended.connect(lambda: self.export_button.setEnabled(True))

    def _done(self, count: int, path: str) -> None:
        self.count_label.setText(
            self.tr("Exported %1 contacts to %2").replace("%1", number(count)).replace("%2", path)
        )
        unencrypted_copy.tell_once(self, self.services, path)
        self.exported.emit(count, path)


class ExportMeetingsDialog(QDialog):
    """Meetings of a trip or a date range to an .ics file. Emits ``exported(count, path)``."""

    exported = Signal(int, str)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, trip_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_meetings_dialog")
        self.setWindowTitle(self.tr("Export meetings to calendar"))
        self.services = services
        self.job = None
        self.trip = QComboBox()
        self.trip.setObjectName("meetings_trip")
        self.trip.addItem(self.tr("(any trip)"), None)
        for t in services.trips.list():
            self.trip.addItem(t.title, t.id)
        if trip_id:
            self.trip.setCurrentIndex(max(self.trip.findData(trip_id), 0))
        today = QDate.currentDate()
        self.use_dates = QCheckBox(self.tr("Only between"))
        self.date_from = QDateEdit(today.addMonths(-1))
        self.date_to = QDateEdit(today.addMonths(1))
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat(date_edit_format())
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("and")))
        dates.addWidget(self.date_to)
        self.path_row = _PathRow(self, self.tr("Export meetings"), self.tr("iCalendar (*.ics)"))
        self.path_row.edit.setText(str(Path.home() / (self.tr("meetings") + ".ics")))
        self.status = QLabel()
        self.status.setObjectName("meetings_status")
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setObjectName("meetings_run")
        self.export_button.clicked.connect(self.run_export)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Trip"), self.trip)
        form.addRow(self.tr("Dates"), dates)
        form.addRow(self.tr("File"), self.path_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Times are written in each venue's time zone; "
                    "calendars show them at the right hour."
                )
            )
        )
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def meeting_filter(self) -> MeetingFilter:
        flt = MeetingFilter(trip_id=self.trip.currentData())
        if self.use_dates.isChecked():
            flt.date_from = dt.date.fromisoformat(self.date_from.date().toString("yyyy-MM-dd"))
            flt.date_to = dt.date.fromisoformat(self.date_to.date().toString("yyyy-MM-dd"))
        return flt

    def run_export(self) -> None:
        flt = self.meeting_filter()
        if flt.date_from and flt.date_to and flt.date_to < flt.date_from:
            self.status.setText(self.tr("The end date is before the start date."))
            return
        path = self.path_row.path()
        if not path:
            return
        services = self.services
        calendar = self.trip.currentText() if flt.trip_id else ""

        def job(progress):  # noqa: ANN001, ANN202 - runs on the worker thread
            return exchange.export_meetings(
                services, path, flt, calendar_name=calendar, progress=progress
            )

        self.export_button.setEnabled(False)
        self.job = run_job(
            self, self.tr("Exporting meetings"), job, lambda done: self._done(done.count, path)
        )
        self.job.ended.connect(lambda: self.export_button.setEnabled(True))

    def _done(self, count: int, path: str) -> None:
        self.status.setText(
            self.tr("Exported %1 meetings to %2").replace("%1", number(count)).replace("%2", path)
        )
        unencrypted_copy.tell_once(self, self.services, path)
        self.exported.emit(count, path)


# --- entry points -------------------------------------------------------------------------


def open_import_dialog(
    services: Services, parent: QWidget | None = None, path: str = ""
) -> ImportDialog:
    settings = getattr(parent, "settings", None)  # the main window's: exchange.default_region
    region = settings.default_region if isinstance(settings, Settings) else DEFAULT_PHONE_REGION
    dialog = ImportDialog(services, parent, path, default_region=region)
    dialog.show()
    return dialog


def open_export_contacts_dialog(
    services: Services,
    parent: QWidget | None = None,
    query: Any = None,
    selected_ids: list[str] | None = None,
    language: str = "ru",
) -> ExportContactsDialog:
    dialog = ExportContactsDialog(
        services, parent, query=query, selected_ids=selected_ids, language=language
    )
    dialog.show()
    return dialog


def open_export_meetings_dialog(
    services: Services, parent: QWidget | None = None, trip_id: str | None = None
) -> ExportMeetingsDialog:
    dialog = ExportMeetingsDialog(services, parent, trip_id=trip_id)
    dialog.show()
    return dialog
