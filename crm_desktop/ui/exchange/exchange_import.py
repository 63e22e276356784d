"""Import contacts: preview with column mapping, a dry run showing duplicates, choices per
row or for all, then the import in one transaction on a worker thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
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
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.application import exchange
from crm_desktop.config import DEFAULT_PHONE_REGION
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.services import Services
from crm_desktop.exchange.columns import ColumnMapping, Field
from crm_desktop.exchange.db_import import (
    ImportOptions,
    ImportReport,
    OnDuplicate,
    Outcome,
    read_table,
)
from crm_desktop.exchange.records import ContactRecord
from crm_desktop.exchange.tabular import Table, read_import_bytes
from crm_desktop.exchange.vcard_read import iter_vcards
from crm_desktop.text.names import display_name
from crm_desktop.ui.common.labels import encoding_name, number
from crm_desktop.ui.common.widgets_errors import crm_error_text, field_error_text
from crm_desktop.ui.exchange.exchange_worker import run_job

PREVIEW_ROWS = 50


class ImportDialog(QDialog):
    """Choose a file, check the mapping and the duplicates, import. Emits ``imported``."""

    imported = Signal(object)  # ImportReport

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        path: str = "",
        default_region: str = DEFAULT_PHONE_REGION,
    ) -> None:
        super().__init__(parent)
        self.default_region = default_region  # numbers without +country, no country known
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import contacts"))
        self.services = services
        self.table: Table | None = None
        self.cards: list[ContactRecord] = []
        self.report: ImportReport | None = None
        self.dry_report: ImportReport | None = None
        self.job = None
        self._combos: list[QComboBox] = []
        self._choices: dict[int, QComboBox] = {}

        self.path_edit = QLineEdit(path)
        self.path_edit.setObjectName("import_path")
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.preview = QTableWidget()
        self.preview.setObjectName("import_preview")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        self.on_duplicate = QComboBox()
        self.on_duplicate.setObjectName("on_duplicate")
        for value, text in self._duplicate_options():
            self.on_duplicate.addItem(text, value)
        self.strict = QCheckBox(self.tr("Strict: import nothing if any row is rejected"))
        self.strict.setObjectName("import_strict")
        self.strict.setToolTip(
            self.tr(
                "Without it, the valid rows are imported and the "
                "rejected ones are listed with their line."
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("If the contact already exists:"), self.on_duplicate)
        form.addRow("", self.strict)

        self.results = QTableWidget(0, 5)
        self.results.setObjectName("import_results")
        self.results.setHorizontalHeaderLabels(
            [
                self.tr("Line"),
                self.tr("Name"),
                self.tr("Result"),
                self.tr("Already have"),
                self.tr("Action"),
            ]
        )
        self.results.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)

        self.check_button = QPushButton(self.tr("Check (dry run)"))
        self.check_button.setObjectName("import_check")
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("import_run")
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (browse, self.check_button, self.import_button, close):
            # Enter in the path field reads the typed file; it must not press a button
            # (it opened the file chooser, or started an import of the previous file).
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.info)
        layout.addWidget(QLabel(self.tr("Preview (choose what each column holds):")))
        layout.addWidget(self.preview, 2)
        layout.addLayout(form)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.resize(980, 700)
        self._set_ready(False)
        self.path_edit.editingFinished.connect(lambda: self.load(self.path_edit.text()))
        if path:
            self.load(path)

    # -- labels ----------------------------------------------------------------------------
    def _duplicate_options(self) -> list[tuple[str, str]]:
        return [
            (OnDuplicate.SKIP.value, self.tr("Skip it")),
            (OnDuplicate.MERGE.value, self.tr("Merge (fill empty fields, keep both values)")),
            (OnDuplicate.CREATE.value, self.tr("Create a new contact anyway")),
        ]

    def field_labels(self) -> dict[Field, str]:
        return {
            Field.IGNORE: self.tr("(do not import)"),
            Field.FULL_NAME: self.tr("Full name"),
            Field.FAMILY_NAME: self.tr("Family name (any script)"),
            Field.GIVEN_NAME: self.tr("Given name (any script)"),
            Field.MIDDLE_NAME: self.tr("Middle name / patronymic"),
            Field.FAMILY_NAME_NATIVE: self.tr("Family name (native script)"),
            Field.GIVEN_NAME_NATIVE: self.tr("Given name (native script)"),
            Field.FAMILY_NAME_LATIN: self.tr("Family name (Latin / pinyin)"),
            Field.GIVEN_NAME_LATIN: self.tr("Given name (Latin / pinyin)"),
            Field.FAMILY_NAME_RU: self.tr("Family name (Russian)"),
            Field.GIVEN_NAME_RU: self.tr("Given name (Russian)"),
            Field.MIDDLE_NAME_RU: self.tr("Patronymic (Russian)"),
            Field.ORGANIZATION: self.tr("Organisation"),
            Field.DEPARTMENT: self.tr("Department"),
            Field.TITLE: self.tr("Position"),
            Field.COUNTRY: self.tr("Country"),
            Field.PHONE: self.tr("Phone"),
            Field.PHONE_MOBILE: self.tr("Mobile phone"),
            Field.PHONE_WORK: self.tr("Work phone"),
            Field.PHONE_HOME: self.tr("Home phone"),
            Field.PHONE_FAX: self.tr("Fax"),
            Field.EMAIL: self.tr("Email"),
            Field.EMAIL_WORK: self.tr("Work email"),
            Field.EMAIL_HOME: self.tr("Personal email"),
            Field.WECHAT: self.tr("WeChat"),
            Field.TELEGRAM: self.tr("Telegram"),
            Field.WHATSAPP: self.tr("WhatsApp"),
            Field.MESSENGER: self.tr("Other messenger"),
            Field.LANGUAGES: self.tr("Languages"),
            Field.TAGS: self.tr("Tags"),
            Field.NOTES: self.tr("Notes"),
            Field.DECISION_MAKER: self.tr("Decision maker"),
            Field.UID: self.tr("ID"),
        }

    def _outcome_text(self, outcome: Outcome) -> str:
        return {
            Outcome.CREATED: self.tr("new"),
            Outcome.MERGED: self.tr("merged"),
            Outcome.SKIPPED: self.tr("skipped"),
            Outcome.REJECTED: self.tr("rejected"),
        }[outcome]

    def _matched_text(self, matched_by: str) -> str:
        return {
            "id": self.tr("same record"),
            "email": self.tr("same email"),
            "phone": self.tr("same phone"),
            "name": self.tr("same name at the same company"),
        }.get(matched_by, matched_by)

    # -- loading ---------------------------------------------------------------------------
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import contacts"),
            self.path_edit.text(),
            self.tr("Contacts (*.csv *.xlsx *.vcf *.vcard);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)
            self.load(path)

    def _set_ready(self, ready: bool) -> None:
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready)

    def load(self, path: str) -> bool:
        """Read the file for the preview; False (with the reason shown) if it cannot be read."""
        self.table, self.cards, self.dry_report = None, [], None
        self.results.setRowCount(0)
        self.summary.clear()
        self._set_ready(False)
        if not path:
            return False
        try:
            self.table = read_table(path)
            if self.table is None:
                self.cards = list(iter_vcards(read_import_bytes(path), source=Path(path).name))
        except (CrmError, OSError) as exc:
            self.info.setText(crm_error_text(exc) if isinstance(exc, CrmError) else str(exc))
            self.preview.clear()
            self.preview.setRowCount(0)
            self.preview.setColumnCount(0)
            return False
        if self.table is not None:
            self._show_table(self.table)
        else:
            self._show_cards(self.cards)
        self._set_ready(True)
        return True

    def _show_table(self, table: Table) -> None:
        kinds = {
            "google": "Google Contacts",
            "outlook": "Outlook",
            "crm": self.tr("CRM export"),
            "generic": self.tr("a spreadsheet"),
        }
        if table.encoding == "xlsx":
            self.info.setText(
                self.tr("Excel workbook, %1 rows, columns recognised as %2.")
                .replace("%1", number(len(table.rows)))
                .replace("%2", kinds[table.dialect.value])
            )
        else:
            delimiter = {"\t": self.tr("tab"), ";": ";", ",": ",", "|": "|"}[table.delimiter]
            self.info.setText(
                self.tr("CSV file, %1 rows, encoding %2, delimiter “%3”, columns recognised as %4.")
                .replace("%1", number(len(table.rows)))
                .replace("%2", encoding_name(table.encoding))
                .replace("%3", delimiter)
                .replace("%4", kinds[table.dialect.value])
            )
        labels = self.field_labels()
        rows = table.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers))
        self.preview.setRowCount(len(rows) + 1)
        self.preview.setHorizontalHeaderLabels(table.headers)
        self.preview.setVerticalHeaderLabels([self.tr("Import as")] + [str(r.line) for r in rows])
        self._combos = []
        for mapping in table.mapping:
            combo = QComboBox()
            for f, text in labels.items():
                combo.addItem(text, f.value)
            combo.setCurrentIndex(combo.findData(mapping.field.value))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.preview.setCellWidget(0, mapping.index, combo)
            self._combos.append(combo)
        for r, row in enumerate(rows, 1):
            for c in range(len(table.headers)):
                text = row.cells[c] if c < len(row.cells) else ""
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()

    def _show_cards(self, cards: list[ContactRecord]) -> None:
        self.info.setText(self.tr("vCard file, %1 contacts.").replace("%1", number(len(cards))))
        heads = [self.tr("Name"), self.tr("Organisation"), self.tr("Phones"), self.tr("Email")]
        rows = cards[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(heads))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(heads)
        self.preview.setVerticalHeaderLabels([str(c.source_line) for c in rows])
        for r, c in enumerate(rows):
            values = [
                display_name(c),
                c.organization,
                ", ".join(p.number for p in c.phones),
                ", ".join(e.address for e in c.emails),
            ]
            for col, text in enumerate(values):
                self.preview.setItem(r, col, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()

    def set_mapping(self, column: int, field: Field) -> None:
        """Change what one column is imported as (the combo in the preview's first row)."""
        combo = self._combos[column]
        combo.setCurrentIndex(combo.findData(field.value))

    def _mapping_changed(self) -> None:
        if self.table is None:
            return
        self.table.mapping = [
            ColumnMapping(
                m.index, m.header, Field(self._combos[m.index].currentData()), m.label_index
            )
            for m in self.table.mapping
        ]
        self.dry_report = None
        self.results.setRowCount(0)
        self.summary.clear()

    # -- running ---------------------------------------------------------------------------
    def _source(self) -> tuple[Table | None, list[ContactRecord]]:
        """A snapshot of what to import: the table with a copy of its mapping, or the cards."""
        if self.table is None:
            return None, list(self.cards)
        t = self.table
        snapshot = Table(
            t.headers, t.rows, t.dialect, list(t.mapping), t.encoding, t.delimiter, t.source
        )
        return snapshot, []

    def options(self, dry_run: bool) -> ImportOptions:
        return ImportOptions(
            on_duplicate=OnDuplicate(self.on_duplicate.currentData()),
            per_line=self.options_per_line(),
            dry_run=dry_run,
            strict=self.strict.isChecked(),
            default_region=self.default_region,
        )

    def _start(self, dry_run: bool) -> None:
        table, cards = self._source()
        options = self.options(dry_run)
        services = self.services
        source = exchange.ImportSource(Path(self.path_edit.text()).name, table, cards)
        self._set_ready(False)

        def job(progress):  # noqa: ANN001, ANN202 - runs on the worker thread
            return exchange.import_contacts(services, source, options, progress=progress)

        title = self.tr("Checking contacts") if dry_run else self.tr("Importing contacts")
        self.job = run_job(self, title, job, lambda report: self._finished(report, dry_run))
        self.job.ended.connect(lambda: self._set_ready(True))

    def check(self) -> None:
        self._start(True)

    def run_import(self) -> None:
        self._start(False)

    def _finished(self, report: ImportReport, dry_run: bool) -> None:
        self.report = report
        if dry_run:
            self.dry_report = report
        self._show_results(report)
        counts = (
            self.tr("new: %1, merged: %2, skipped: %3, rejected: %4")
            .replace("%1", number(report.created))
            .replace("%2", number(report.merged))
            .replace("%3", number(report.skipped))
            .replace("%4", number(report.rejected))
        )
        if report.warned:
            counts += ". " + self.tr("Phone numbers kept in the notes: %1 (see the list).").replace(
                "%1", number(sum(len(r.phones_in_notes) for r in report.warned))
            )
        if report.written:
            if report.rejected:
                self.summary.setText(
                    self.tr(
                        "Imported the valid rows; the rejected ones are listed with their line. %1"
                    ).replace("%1", counts)
                )
            else:
                self.summary.setText(self.tr("Imported. %1").replace("%1", counts))
            self.imported.emit(report)
        elif dry_run:
            self.summary.setText(self.tr("Dry run, nothing written yet. %1").replace("%1", counts))
        elif report.rejected and report.imported:  # valid rows, held back by Strict
            self.summary.setText(
                self.tr(
                    "Nothing was imported: some rows are rejected and Strict is on (see "
                    "the list). %1"
                ).replace("%1", counts)
            )
            QMessageBox.warning(self, self.tr("Import contacts"), self.summary.text())
        else:
            self.summary.setText(
                self.tr(
                    "Nothing was imported: no row could be imported (see the list). %1"
                ).replace("%1", counts)
            )
            QMessageBox.warning(self, self.tr("Import contacts"), self.summary.text())

    def _show_results(self, report: ImportReport) -> None:
        keep = {line: combo.currentData() for line, combo in self._choices.items()}
        shown = [
            r
            for r in report.rows
            if r.duplicate_of or r.outcome == Outcome.REJECTED or r.phones_in_notes
        ]
        self.results.setRowCount(len(shown))
        self._choices = {}
        for i, r in enumerate(shown):
            self.results.setItem(i, 0, QTableWidgetItem(str(r.line)))
            self.results.setItem(i, 1, QTableWidgetItem(r.name))
            text = self._outcome_text(r.outcome)
            if r.outcome == Outcome.REJECTED and (r.errors or r.reason):
                text += ": " + (
                    " ".join(field_error_text(fe) for fe in r.errors) if r.errors else r.reason
                )
            for phone in r.phones_in_notes:
                text += "; " + self.tr(
                    "the phone “%1” is not a valid number (read in %2); kept in the notes"
                ).replace("%1", phone).replace("%2", r.region)
            self.results.setItem(i, 2, QTableWidgetItem(text))
            if r.duplicate_of:
                self.results.setItem(
                    i,
                    3,
                    QTableWidgetItem(f"{r.duplicate_name} ({self._matched_text(r.matched_by)})"),
                )
                combo = QComboBox()
                combo.addItem(self.tr("as chosen for all"), None)
                for value, label in self._duplicate_options():
                    combo.addItem(label, value)
                if r.line in keep:
                    combo.setCurrentIndex(max(combo.findData(keep[r.line]), 0))
                self.results.setCellWidget(i, 4, combo)
                self._choices[r.line] = combo
        self.results.resizeRowsToContents()

    def choose(self, line: int, choice: OnDuplicate) -> None:
        """Set the action of one duplicate row (as the combo in the results does)."""
        combo = self._choices[line]
        combo.setCurrentIndex(combo.findData(choice.value))

    def options_per_line(self) -> dict[int, OnDuplicate]:
        return {
            line: OnDuplicate(c.currentData())
            for line, c in self._choices.items()
            if c.currentData() is not None
        }
