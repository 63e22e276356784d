"""Dashboard: the managers' pipeline report on screen, with filters, charts and tables.

Clicking a bar or a table row shows the projects behind it (a stalled project's row opens
the project itself); the same report is saved as PDF or XLSX from the buttons above.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QPainter, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.analytics.model import (
    BreakdownRow,
    PipelineReport,
    ProjectLine,
    ReportFilter,
)
from crm_desktop.analytics.rates import ConversionRates, report_rates
from crm_desktop.analytics.service import AnalyticsService, Drill
from crm_desktop.config import Settings
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.money import DEFAULT_CURRENCY, Rates
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.base import ListQuery
from crm_desktop.files import write_bytes_atomic
from crm_desktop.ui.common.filter_bar import ChoiceFilter, DateRangeFilter, FilterBar
from crm_desktop.ui.common.labels import format_money, is_russian, number, stage_name
from crm_desktop.ui.common.view import ENTITY_PROJECT, View
from crm_desktop.ui.common.widgets_errors import crm_error_text
from crm_desktop.ui.documents.document_actions import with_wait_cursor
from crm_desktop.ui.editors.entity_forms import member_options, trip_options
from crm_desktop.ui.security import unencrypted_copy

translate = QCoreApplication.translate  # a name lupdate recognises


@dataclass
class DashboardQuery(ListQuery):
    """What the filter row writes; turned into the report's ReportFilter."""

    date_from: date | None = None
    date_to: date | None = None
    country: str = ""
    sector: str = ""
    owner_id: str | None = None
    trip_id: str | None = None

    def report_filter(self) -> ReportFilter:
        return ReportFilter(
            self.date_from,
            self.date_to,
            self.country or "",
            self.sector or "",
            self.owner_id,
            self.trip_id,
        )


def _sector_options(services: Services) -> Sequence[tuple[object, str]]:
    return [(s, s) for s in AnalyticsService(services.ctx).sectors()]


def _country_options(services: Services) -> Sequence[tuple[object, str]]:
    return [(c, c) for c in services.companies.countries()]


FILTERS = [
    DateRangeFilter("date_from", "date_to", lambda: translate("dashboard", "Period")),
    ChoiceFilter("country", lambda: translate("dashboard", "Country"), _country_options),
    ChoiceFilter("sector", lambda: translate("dashboard", "Sector"), _sector_options),
    ChoiceFilter("owner_id", lambda: translate("dashboard", "Owner"), member_options),
    ChoiceFilter("trip_id", lambda: translate("dashboard", "Trip"), trip_options),
]


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)} %"


def _days(value: float | None) -> str:
    return "—" if value is None else QLocale().toString(value, "f", 1)


def _day(value: date | None) -> str:
    return "" if value is None else value.isoformat()


@dataclass
class TableSpec:
    key: str
    title: Callable[[], str]
    headers: Callable[[], list[str]]
    rows: Callable[[PipelineReport], list[tuple[list[str], Drill | str]]]


def _breakdown_rows(
    kind: str,
    rows: list[BreakdownRow],
    cur: str,
    label: Callable[[BreakdownRow], str] | None = None,
) -> list[tuple[list[str], Drill | str]]:
    none = translate("dashboard", "(none)")
    return [
        (
            [
                (label(r) if label else r.label) or none,
                number(r.projects),
                format_money(r.capex, cur),
                format_money(r.weighted_capex, cur),
                number(r.jobs),
            ],
            Drill(kind, r.key),
        )
        for r in rows
    ]


def _breakdown_headers(first: Callable[[], str]) -> Callable[[], list[str]]:
    return lambda: [
        first(),
        translate("dashboard", "Projects"),
        translate("dashboard", "Capex"),
        translate("dashboard", "Weighted capex"),
        translate("dashboard", "Jobs"),
    ]


SHOWN_STALLED = 200  # the rest behind one "more" row: a table of 20,000 helps nobody


def _stalled_rows(rep: PipelineReport) -> list[tuple[list[str], Drill | str]]:
    rows: list[tuple[list[str], Drill | str]] = [
        (
            [
                r.title,
                r.company,
                stage_name(r.stage),
                number(r.days),
                number(r.limit),
                r.owner,
                _day(r.last_meeting.date() if r.last_meeting else None),
            ],
            r.project_id,
        )
        for r in rep.stalled[:SHOWN_STALLED]
    ]
    rest = len(rep.stalled) - SHOWN_STALLED
    if rest > 0:
        more = translate("dashboard", "… %1 more: click to list all").replace("%1", number(rest))
        rows.append(([more, "", "", "", "", "", ""], Drill("stalled", "")))
    return rows


def _milestone(key: str) -> str:
    return {
        "intentions": translate("dashboard", "Protocol of intentions signed"),
        "agreement": translate("dashboard", "Investment agreement signed"),
        "construction": translate("dashboard", "Construction started"),
        "production": translate("dashboard", "Production launched"),
    }.get(key, key)


TABLES = [
    TableSpec(
        "funnel",
        lambda: translate("dashboard", "Funnel"),
        lambda: [
            translate("dashboard", "Stage"),
            translate("dashboard", "Projects"),
            translate("dashboard", "Capex"),
            translate("dashboard", "Probability"),
            translate("dashboard", "Weighted capex"),
            translate("dashboard", "Jobs"),
            translate("dashboard", "Weighted jobs"),
            translate("dashboard", "Entered in the period"),
        ],
        lambda rep: [
            (
                [
                    stage_name(r.stage),
                    number(r.projects),
                    format_money(r.capex, rep.currency),
                    f"{r.probability} %",
                    format_money(r.weighted_capex, rep.currency),
                    number(r.jobs),
                    QLocale().toString(float(r.weighted_jobs), "f", 1),
                    number(r.entered),
                ],
                Drill("stage", r.stage.id),
            )
            for r in rep.funnel
        ],
    ),
    TableSpec(
        "conversion",
        lambda: translate("dashboard", "Conversion"),
        lambda: [
            translate("dashboard", "Stage"),
            translate("dashboard", "Next stage"),
            translate("dashboard", "Entered in the period"),
            translate("dashboard", "Moved on"),
            translate("dashboard", "Conversion"),
        ],
        lambda rep: [
            (
                [
                    stage_name(r.stage),
                    stage_name(r.next_stage),
                    number(r.entered),
                    number(r.moved_on),
                    _percent(r.rate),
                ],
                Drill("entered", r.stage.id),
            )
            for r in rep.conversion
        ],
    ),
    TableSpec(
        "stage_times",
        lambda: translate("dashboard", "Days in stage"),
        lambda: [
            translate("dashboard", "Stage"),
            translate("dashboard", "Completed stays"),
            translate("dashboard", "Median days"),
        ],
        lambda rep: [
            (
                [stage_name(r.stage), number(r.stays), _days(r.median_days)],
                Drill("stage_left", r.stage.id),
            )
            for r in rep.stage_times
        ],
    ),
    TableSpec(
        "stalled",
        lambda: translate("dashboard", "Stalled"),
        lambda: [
            translate("dashboard", "Project"),
            translate("dashboard", "Company"),
            translate("dashboard", "Stage"),
            translate("dashboard", "Days in stage"),
            translate("dashboard", "Limit, days"),
            translate("dashboard", "Owner"),
            translate("dashboard", "Last meeting"),
        ],
        lambda rep: _stalled_rows(rep),
    ),
    TableSpec(
        "milestones",
        lambda: translate("dashboard", "Intentions → agreements → realised"),
        lambda: [
            translate("dashboard", "Milestone"),
            translate("dashboard", "Stage"),
            translate("dashboard", "Projects"),
            translate("dashboard", "Capex"),
            translate("dashboard", "Jobs"),
        ],
        lambda rep: [
            (
                [
                    _milestone(m.key),
                    stage_name(m.stage),
                    number(m.projects),
                    format_money(m.capex, rep.currency),
                    number(m.jobs),
                ],
                Drill("milestone", m.key),
            )
            for m in rep.milestones
        ],
    ),
    TableSpec(
        "by_country",
        lambda: translate("dashboard", "Countries"),
        _breakdown_headers(lambda: translate("dashboard", "Country")),
        lambda rep: _breakdown_rows("country", rep.by_country, rep.currency),
    ),
    TableSpec(
        "by_sector",
        lambda: translate("dashboard", "Sectors"),
        _breakdown_headers(lambda: translate("dashboard", "Sector")),
        lambda rep: _breakdown_rows("sector", rep.by_sector, rep.currency),
    ),
    TableSpec(
        "by_owner",
        lambda: translate("dashboard", "Owners"),
        _breakdown_headers(lambda: translate("dashboard", "Owner")),
        lambda rep: _breakdown_rows("owner", rep.by_owner, rep.currency),
    ),
    TableSpec(
        "by_trip",
        lambda: translate("dashboard", "Projects by trip"),
        _breakdown_headers(lambda: translate("dashboard", "Trip")),
        lambda rep: _breakdown_rows("trip", rep.by_trip, rep.currency),
    ),
    TableSpec(
        "overdue",
        lambda: translate("dashboard", "Overdue follow-ups"),
        lambda: [
            translate("dashboard", "Team member"),
            translate("dashboard", "Overdue"),
            translate("dashboard", "Oldest due date"),
        ],
        lambda rep: [
            (
                [
                    r.member or translate("dashboard", "(none)"),
                    number(r.overdue),
                    _day(r.oldest_due),
                ],
                Drill("overdue", r.member_id),
            )
            for r in rep.overdue
        ],
    ),
    TableSpec(
        "trips",
        lambda: translate("dashboard", "Meetings per trip"),
        lambda: [
            translate("dashboard", "Trip"),
            translate("dashboard", "Start"),
            translate("dashboard", "End"),
            translate("dashboard", "Meetings"),
            translate("dashboard", "Projects"),
            translate("dashboard", "Stage moves within 30 days"),
            translate("dashboard", "Forward moves"),
        ],
        lambda rep: [
            (
                [
                    r.title,
                    _day(r.start_date),
                    _day(r.end_date),
                    number(r.meetings),
                    number(r.projects),
                    number(r.moves),
                    number(r.forward_moves),
                ],
                Drill("trip_meetings", r.trip_id),
            )
            for r in rep.trips
        ],
    ),
]


NUMERIC = {
    "funnel": (1, 2, 3, 4, 5, 6, 7),
    "conversion": (2, 3, 4),
    "stage_times": (1, 2),
    "stalled": (3, 4),
    "milestones": (2, 3, 4),
    "by_country": (1, 2, 3, 4),
    "by_sector": (1, 2, 3, 4),
    "by_owner": (1, 2, 3, 4),
    "by_trip": (1, 2, 3, 4),
    "overdue": (1,),
    "trips": (3, 4, 5, 6),
}


class ProjectListDialog(QDialog):
    """The projects behind a bar or a row; double-click or Enter opens one."""

    def __init__(
        self,
        title: str,
        projects: list[ProjectLine],
        currency: str,
        open_project: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_projects")
        self.setWindowTitle(title)
        self.projects = projects
        self._open = open_project
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Projects: %1").replace("%1", str(len(projects)))))
        self.table = QTableWidget(len(projects), 5)
        self.table.setObjectName("dashboard_projects_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Project"),
                self.tr("Company"),
                self.tr("Stage"),
                self.tr("Capex"),
                self.tr("Owner"),
            ]
        )
        for i, p in enumerate(projects):
            for j, text in enumerate(
                (p.title, p.company, stage_name(p.stage), format_money(p.capex, currency), p.owner)
            ):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, j, item)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.activated.connect(lambda index: self._choose(index.row()))
        self.table.doubleClicked.connect(lambda index: self._choose(index.row()))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self.projects):
            self.accept()
            self._open(self.projects[row].id)


class DashboardView(View):
    status_message = Signal(str)  # shown in the main window's status bar

    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(services, settings, parent, undo_stack=undo_stack)
        self.setObjectName("dashboard")
        self.analytics = AnalyticsService(services.ctx)
        self.report: PipelineReport | None = None
        self.dialog: ProjectListDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filters = FilterBar(services, FILTERS)
        self.filters.text.hide()  # the report has no text to filter
        self.filters.changed.connect(self.refresh)
        top.addWidget(self.filters, 1)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("dashboard_pdf")
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button = QPushButton(self.tr("Save as XLSX…"))
        self.xlsx_button.setObjectName("dashboard_xlsx")
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        top.addWidget(self.pdf_button)
        top.addWidget(self.xlsx_button)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setObjectName("dashboard_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        charts = QSplitter(Qt.Orientation.Horizontal)
        self.funnel_chart = self._chart_view("dashboard_funnel_chart")
        self.country_chart = self._chart_view("dashboard_country_chart")
        charts.addWidget(self.funnel_chart)
        charts.addWidget(self.country_chart)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        charts.setSizes([640, 420])
        self.funnel_chart.setMinimumWidth(480)
        split.addWidget(charts)
        self.tabs = QTabWidget()
        self.tables: dict[str, QTableWidget] = {}
        self._row_targets: dict[str, list[Drill | str]] = {}
        for spec in TABLES:
            table = QTableWidget(0, len(spec.headers()))
            table.setObjectName(f"dashboard_{spec.key}")
            table.setHorizontalHeaderLabels(spec.headers())
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
            table.clicked.connect(lambda index, k=spec.key: self._row_clicked(k, index.row()))
            self.tables[spec.key] = table
            self.tabs.addTab(table, spec.title())
        split.addWidget(self.tabs)
        split.setSizes([330, 400])
        layout.addWidget(split, 1)
        self.refresh()

    # -- data ---------------------------------------------------------------------------
    def _rates(self) -> ConversionRates:
        """The conversion rates kept in Settings, the ones the pipeline board's total uses."""
        return report_rates(
            Rates.from_settings(self.settings.currency_rates),
            self.settings.total_currency or DEFAULT_CURRENCY,
            date.today(),
        )

    def current_filter(self) -> ReportFilter:
        query = self.filters.apply(DashboardQuery())
        assert isinstance(query, DashboardQuery)
        return query.report_filter()

    def refresh(self) -> None:
        try:
            rep = with_wait_cursor(self.analytics.report, self.current_filter(), self._rates())
        except CrmError as e:
            QMessageBox.warning(self, self.tr("Cannot build the report"), crm_error_text(e))
            return
        self.report = rep
        self._fill_summary(rep)
        self._fill_funnel_chart(rep)
        self._fill_country_chart(rep)
        for spec in TABLES:
            rows = spec.rows(rep)
            table = self.tables[spec.key]
            table.setRowCount(len(rows))
            self._row_targets[spec.key] = [target for _, target in rows]
            for i, (cells, _) in enumerate(rows):
                for j, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if j in NUMERIC.get(spec.key, ()):
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    table.setItem(i, j, item)
            table.resizeColumnsToContents()  # the first column (names) whole, never elided
            table.horizontalHeader().setStretchLastSection(True)

    def _fill_summary(self, rep: PipelineReport) -> None:
        total = sum(r.projects for r in rep.funnel)
        capex = sum((r.capex for r in rep.funnel), Decimal(0))
        weighted = sum((r.weighted_capex for r in rep.funnel), Decimal(0))
        text = self.tr(
            "%1 projects in the pipeline, capex %2, weighted %3; %4 stalled. Rates of %5."
        )
        text = (
            text.replace("%1", number(total))
            .replace("%2", format_money(capex, rep.currency))
            .replace("%3", format_money(weighted, rep.currency))
            .replace("%4", number(len(rep.stalled)))
            .replace("%5", rep.rates.as_of.isoformat())
        )
        if rep.unconverted:
            text += " " + self.tr("No rate for %1: that capex is left out.").replace(
                "%1", ", ".join(rep.unconverted)
            )
        self.summary.setText(text)

    # -- charts --------------------------------------------------------------------------
    def _chart_view(self, name: str) -> QChartView:
        chart = QChart()
        chart.legend().setVisible(False)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        view = QChartView(chart)
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(220)
        return view

    def _reset(self, view: QChartView, title: str) -> QChart:
        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        return chart

    def _fill_funnel_chart(self, rep: PipelineReport) -> None:
        chart = self._reset(self.funnel_chart, self.tr("Projects by stage"))
        # bottom-up axis: the first stage goes on top
        rows = list(reversed(rep.funnel))
        bars = QBarSet(self.tr("Projects"))
        bars.append([float(r.projects) for r in rows])
        bars.setLabelColor(Qt.GlobalColor.black)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        stages = QBarCategoryAxis()
        stages.append([stage_name(r.stage) for r in rows])
        stages.setTruncateLabels(False)  # the stage names are the point of this chart
        values = QValueAxis()
        values.setLabelFormat("%d")
        top = max([r.projects for r in rows] + [1]) + 1
        values.setRange(0, top)
        if top <= 10:
            values.setTickCount(top + 1)  # whole numbers only
        else:
            values.applyNiceNumbers()
        chart.addAxis(stages, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(stages)
        series.attachAxis(values)
        self.funnel_series = series
        bars.clicked.connect(
            lambda i: self.open_drill(Drill("stage", rows[i].stage.id), stage_name(rows[i].stage))
        )

    def _fill_country_chart(self, rep: PipelineReport) -> None:
        chart = self._reset(
            self.country_chart, self.tr("Capex by country, million %1").replace("%1", rep.currency)
        )
        rows = rep.by_country
        capex = QBarSet(self.tr("Capex"))
        weighted = QBarSet(self.tr("Weighted capex"))
        capex.append([float(r.capex) / 1e6 for r in rows])
        weighted.append([float(r.weighted_capex) / 1e6 for r in rows])
        series = QBarSeries()
        series.append(capex)
        series.append(weighted)
        chart.addSeries(series)
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        names = QBarCategoryAxis()
        names.append([r.key or translate("dashboard", "(none)") for r in rows] or [""])
        values = QValueAxis()
        values.setLabelFormat("%.0f")
        values.setRange(0, max([float(r.capex) / 1e6 for r in rows] + [1.0]) * 1.1)
        values.applyNiceNumbers()
        chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        series.attachAxis(values)
        self.country_series = series
        for bar_set in (capex, weighted):
            bar_set.clicked.connect(
                lambda i: self.open_drill(
                    Drill("country", rows[i].key), rows[i].key or translate("dashboard", "(none)")
                )
            )

    # -- drilling down ----------------------------------------------------------------------
    def _row_clicked(self, key: str, row: int) -> None:
        targets = self._row_targets.get(key, [])
        if not 0 <= row < len(targets):
            return
        target = targets[row]
        if isinstance(target, str):  # a project row: open the project itself
            self.open_record.emit(ENTITY_PROJECT, target)
            return
        table = self.tables[key]
        first = table.item(row, 0)
        self.open_drill(target, first.text() if first else "")

    def open_drill(self, drill: Drill, title: str) -> None:
        try:
            projects = with_wait_cursor(
                self.analytics.projects, self.current_filter(), drill, self._rates()
            )
        except CrmError as e:
            QMessageBox.warning(self, self.tr("Cannot list the projects"), crm_error_text(e))
            return
        currency = self.report.currency if self.report else ""
        dialog = ProjectListDialog(
            title, projects, currency, lambda pid: self.open_record.emit(ENTITY_PROJECT, pid), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    # -- saving ---------------------------------------------------------------------------
    def export(self, fmt: str) -> None:
        name = "pipeline-report." + fmt
        caption = (
            self.tr("Save the report as PDF")
            if fmt == "pdf"
            else self.tr("Save the report as XLSX")
        )
        pattern = (
            self.tr("PDF files (*.pdf)") if fmt == "pdf" else self.tr("Excel workbooks (*.xlsx)")
        )
        path, _ = QFileDialog.getSaveFileName(self, caption, name, pattern)
        if path:
            self.save_report(path, fmt)

    def save_report(self, path: str, fmt: str) -> bool:
        rep = self.report
        if rep is None:
            return False
        lang = "ru" if is_russian() else "en"
        try:
            if fmt == "pdf":
                from crm_desktop.documents.pipeline_report import PipelineReportRenderer

                org = self.services.settings.organisation_name
                data = with_wait_cursor(PipelineReportRenderer(lang, org).render, rep)
            else:
                from crm_desktop.documents.pipeline_xlsx import pipeline_workbook

                data = with_wait_cursor(pipeline_workbook, rep, lang)
            write_bytes_atomic(Path(path), data, private=unencrypted_copy.private(self.services))
        except CrmError as e:
            QMessageBox.warning(self, self.tr("Cannot save the report"), crm_error_text(e))
            return False
        unencrypted_copy.tell_once(self, self.services, path)
        self.status_message.emit(self.tr("Report saved: %1").replace("%1", path))
        return True
