"""The pipeline report on paper and in a workbook: the hand-computed figures come back out
of the PDF (pypdf) and the XLSX (openpyxl), fonts embedded, numbers typed."""

from __future__ import annotations

import io
from datetime import date

import pytest
from analytics_data import AS_OF, RATES, build
from openpyxl import load_workbook
from pdfcheck import assert_all_fonts_embedded, inspect_pdf

from crm_desktop.analytics.model import ReportFilter
from crm_desktop.analytics.service import AnalyticsService
from crm_desktop.documents.pipeline_report import PipelineReportRenderer
from crm_desktop.documents.pipeline_xlsx import pipeline_workbook

ORG = "Министерство инвестиций Московской области"


@pytest.fixture
def report(services):
    build(services)
    return AnalyticsService(services.ctx).report(ReportFilter(country="CN"), RATES, AS_OF)


def test_pdf_in_russian(report) -> None:
    info = inspect_pdf(PipelineReportRenderer("ru", ORG).render(report))
    assert_all_fonts_embedded(info)
    assert info.contains("Воронка инвестиционных проектов")
    assert info.contains("Страна: Китай")
    assert info.contains("Капвложения в RUB по курсам на 01.06.2026")
    assert info.contains("Без курса (не учтены): GBP")
    # funnel row of the first meeting: P2, 1000 USD * 79, 10 %, weighted 7 900, 50 jobs
    assert info.contains("Первая встреча 1 79 000 10 % 7 900 50 5,0")
    # stalled: P2 129 days over the 45 allowed, last met on 10 April
    assert info.contains(
        "Paint plant Huaxin Chemicals Первая встреча 129 45 Борис Орлов 10.04.2026"
    )
    assert info.contains("Подписан протокол о намерениях Переговоры об условиях 1 1 100 10")
    assert info.contains("Mission to Shenzhen 01.03.2026 05.03.2026 3 2 4 3")
    assert info.contains("Стр. 1 из")


def test_pdf_in_english(report) -> None:
    info = inspect_pdf(PipelineReportRenderer("en", ORG).render(report))
    assert_all_fonts_embedded(info)
    assert info.contains("Investment project pipeline")
    assert info.contains("Country: China")
    assert info.contains("First meeting 1 79,000 10 % 7,900 50 5.0")
    assert info.contains("Projects by stage")  # the chart's title
    assert info.contains("Protocol of intentions signed")
    assert not info.contains("Воронка")


def test_xlsx_one_sheet_per_table_numbers_typed(report) -> None:
    wb = load_workbook(io.BytesIO(pipeline_workbook(report, "en")))
    assert wb.sheetnames == [
        "Funnel",
        "Conversion",
        "Days in stage",
        "Milestones",
        "Stalled",
        "Countries",
        "Sectors",
        "Owners",
        "Trips",
        "Overdue follow-ups",
        "Meetings per trip",
    ]
    funnel = list(wb["Funnel"].iter_rows(values_only=True))
    assert funnel[0][:3] == ("Stage", "Projects", "Capex, RUB")
    first_meeting = next(r for r in funnel if r[0] == "First meeting")
    assert first_meeting == (
        "First meeting",
        1,
        79000,
        0.1,
        7900,
        50,
        5.0,
        3,
    )  # CN: P1, P2, P4 entered it
    assert isinstance(first_meeting[2], (int, float)) and not isinstance(first_meeting[2], str)
    stalled = list(wb["Stalled"].iter_rows(values_only=True))
    assert stalled[1][:5] == ("Paint plant", "Huaxin Chemicals", "First meeting", 129, 45)
    assert stalled[1][6].date() == date(2026, 4, 10)
    times = {r[0]: r[2] for r in wb["Days in stage"].iter_rows(min_row=2, values_only=True)}
    # CN: lead stays P1 10, P2 20, P4 2 -> 10; first meeting P1 51, P4 6 -> 28.5
    assert times["Lead"] == 10.0 and times["First meeting"] == 28.5
    conv = {r[0]: r[4] for r in wb["Conversion"].iter_rows(min_row=2, values_only=True)}
    assert conv["Lead"] == 0.75 and conv["First meeting"] == pytest.approx(1 / 3)
    countries = list(wb["Countries"].iter_rows(min_row=2, values_only=True))
    assert countries == [("China (CN)", 3, 80100, 8560, 68)]
    assert wb["Funnel"]["C2"].number_format == "#,##0.00"


def test_a_long_table_is_cut_on_paper_with_a_note(report, monkeypatch) -> None:
    from crm_desktop.documents import pipeline_report

    monkeypatch.setattr(pipeline_report, "PRINTED_ROWS", 1)
    info = inspect_pdf(PipelineReportRenderer("en", ORG).render(report))
    assert info.contains("Paint plant") and not info.contains("Resin warehouse")
    assert info.contains("… and 1 more (the full list is in the XLSX workbook)")


def test_figures_and_header_words_fit_their_columns(report) -> None:
    """Numbers and dates never wrap ("18.05.202" / "6" did) and no header word is cut
    ("Проекто" / "в"); the text columns wrap instead, and the tables fit the page."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from crm_desktop.documents.base import CONTENT_WIDTH
    from crm_desktop.documents.fonts import SANS, SANS_BOLD
    from crm_desktop.documents.pipeline_tables import report_tables

    renderer = PipelineReportRenderer("ru", ORG)
    for table in report_tables(report, "ru"):
        cells = [
            [renderer._cell(v, k) for v, k in zip(row, table.kinds, strict=True)]
            for row in table.rows
        ]
        widths = renderer._widths(table, cells)
        assert sum(widths) <= CONTENT_WIDTH + 0.01
        for i, kind in enumerate(table.kinds):
            room = widths[i] - 6  # the cell's padding
            assert all(stringWidth(w, SANS_BOLD, 7.5) <= room for w in table.headers[i].split())
            if kind != "text":
                assert all(stringWidth(row[i], SANS, 7.5) <= room for row in cells), table.key
    info = inspect_pdf(renderer.render(report))
    assert info.contains("Встречи в поездках и смены этапов в течение 30 дней после поездки")
