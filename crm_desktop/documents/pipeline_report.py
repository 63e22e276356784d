"""The pipeline report as an A4 PDF: charts drawn with ReportLab graphics, then the tables.

Chart labels use the bundled (embedded) DejaVu font; table cells go through the font runs
of :class:`DocumentRenderer`, so Chinese company names print too.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from crm_desktop.analytics.model import PipelineReport
from crm_desktop.documents.base import (
    ACCENT,
    CONTENT_WIDTH,
    INK,
    MUTED,
    RULE,
    ZEBRA,
    DocumentRenderer,
)
from crm_desktop.documents.fonts import SANS, SANS_BOLD
from crm_desktop.documents.labels import country_name
from crm_desktop.documents.pipeline_tables import (
    ReportTable,
    period_text,
    report_tables,
    text_for,
)

BAR = colors.HexColor("#4a7ebb")
BAR_WEIGHTED = colors.HexColor("#a9c4e4")
PRINTED_ROWS = 100  # a longer table (stalled projects of a large pipeline) is cut on paper
_WEIGHTS = {"text": 2.6, "money": 1.9, "date": 1.3, "number": 1.1}


class PipelineReportRenderer(DocumentRenderer[PipelineReport]):
    def _lang(self) -> str:
        return "ru" if self.labels.primary.code == "ru" else "en"

    def _t(self, key: str) -> str:
        return text_for(self._lang())[key]

    def title(self, data: PipelineReport) -> str:
        return self._t("title")

    def prepared_at(self, data: PipelineReport) -> Any:
        return self.generated_at or data.as_of

    # -- formatting ---------------------------------------------------------------------
    def _cell(self, value: Any, kind: str) -> str:
        lab = self.labels.primary
        if value is None:
            return "—"
        if kind == "money":
            return lab.format_number(Decimal(value).quantize(Decimal(1)))
        if kind == "percent":
            return f"{round(float(value) * 100)} %"
        if kind == "number":
            text = f"{float(value):.1f}"
            return text.replace(".", ",") if lab.code == "ru" else text
        if kind == "date":
            return lab.format_short_date(value)
        if kind == "int":
            return lab.format_number(int(value))
        return str(value)

    def _table(self, table: ReportTable) -> list[Flowable]:
        out: list[Flowable] = [self.p(table.title, self.styles.heading, True)]
        if not table.rows:
            out.append(self.p(self._t("empty"), self.styles.muted))
            return out
        header = [self.p(h, self.styles.tiny_bold, True) for h in table.headers]
        rows = [
            [
                self.p(self._cell(v, k), self._number if k != "text" else self.styles.tiny)
                for v, k in zip(row, table.kinds, strict=True)
            ]
            for row in table.rows[:PRINTED_ROWS]
        ]
        widths = self._widths(
            table,
            [
                [self._cell(v, k) for v, k in zip(row, table.kinds, strict=True)]
                for row in table.rows[:PRINTED_ROWS]
            ],
        )
        grid = Table([header, *rows], colWidths=widths, repeatRows=1, hAlign="LEFT")
        style: list[Any] = [
            ("FONT", (0, 0), (-1, -1), SANS, 8),  # the cell default is Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        style += [("BACKGROUND", (0, i), (-1, i), ZEBRA) for i in range(2, len(rows) + 1, 2)]
        grid.setStyle(TableStyle(style))
        out.append(grid)
        if len(table.rows) > PRINTED_ROWS:
            more = self._t("more").format(
                n=self.labels.primary.format_number(len(table.rows) - PRINTED_ROWS)
            )
            out.append(self.p(more, self.styles.muted))
        return out

    def _widths(self, table: ReportTable, cells: list[list[str]]) -> list[float]:
        """Column widths: shares by kind, but never narrower than a header's longest word
        or a figure (numbers and dates do not wrap: "18.05.2026" broke after "202");
        text columns, which wrap, give up the difference."""
        pad = 7.0
        head, body = self.styles.tiny_bold, self.styles.tiny

        def width(text: str, style: ParagraphStyle) -> float:
            return stringWidth(text, style.fontName, style.fontSize)

        need = []
        for i, (title, kind) in enumerate(zip(table.headers, table.kinds, strict=True)):
            words = [width(w, head) for w in title.split()]
            values = [width(row[i], body) for row in cells]
            if kind == "text":  # wraps between words
                values = [width(w, body) for row in cells for w in row[i].split()]
            need.append(max([*words, *values, 0.0]) + pad)
        weights = [_WEIGHTS.get(k, 1.0) for k in table.kinds]
        widths = [
            max(w * CONTENT_WIDTH / sum(weights), n) for w, n in zip(weights, need, strict=True)
        ]
        excess = sum(widths) - CONTENT_WIDTH
        slack = [
            w - n if k == "text" else 0.0 for w, n, k in zip(widths, need, table.kinds, strict=True)
        ]
        if excess > 0 and sum(slack) > 0:
            share = min(1.0, excess / sum(slack))
            widths = [w - s * share for w, s in zip(widths, slack, strict=True)]
        if sum(widths) > CONTENT_WIDTH:  # still too wide: everything in proportion
            widths = [w * CONTENT_WIDTH / sum(widths) for w in widths]
        return widths

    @property
    def _number(self) -> ParagraphStyle:
        return ParagraphStyle("tiny_right", parent=self.styles.tiny, alignment=TA_RIGHT)

    # -- charts -------------------------------------------------------------------------
    def _bar_chart(
        self,
        title: str,
        names: list[str],
        series: list[list[float]],
        fills: list[Any],
        legend: list[str] | None = None,
    ) -> Drawing:
        height = 18 * mm + 5.5 * mm * max(3, len(names)) * max(1, len(series))
        # the drawing's own start font would be the unembedded Helvetica
        d = Drawing(CONTENT_WIDTH, height, initialFontName=SANS, initialFontSize=8)
        d.add(String(0, height - 10, title, fontName=SANS_BOLD, fontSize=9, fillColor=ACCENT))
        chart = HorizontalBarChart()
        chart.x, chart.y = 62 * mm, 6 * mm  # type: ignore[assignment]  # stubs: int
        chart.width, chart.height = CONTENT_WIDTH - 70 * mm, height - 20 * mm  # type: ignore[assignment]
        # the category axis runs bottom-up: reverse so the first stage is on top
        chart.data = [list(reversed(s)) or [0] for s in series]
        chart.categoryAxis.categoryNames = list(reversed(names)) or [""]
        chart.categoryAxis.labels.fontName = SANS
        chart.categoryAxis.labels.fontSize = 7
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.fillColor = INK
        chart.valueAxis.labels.fontName = SANS
        chart.valueAxis.labels.fontSize = 6.5
        chart.valueAxis.labels.fillColor = MUTED
        chart.valueAxis.valueMin = 0
        top = max([max(s) for s in series if s] + [1])
        chart.valueAxis.valueMax = top * 1.25
        if all(float(v).is_integer() for s in series for v in s) and top < 50:
            # counts: whole steps (the axis read "0 0 1 1 2 2" with halves rounded)
            step = max(1, math.ceil(top * 1.25 / 5))
            chart.valueAxis.valueStep = step
            chart.valueAxis.valueMax = step * math.ceil(top * 1.25 / step)
        chart.valueAxis.labelTextFormat = lambda v: self.labels.primary.format_number(int(v))
        chart.barLabelFormat = lambda v: self.labels.primary.format_number(round(v))
        chart.barLabels.fontName = SANS
        chart.barLabels.fontSize = 6.5
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 2
        chart.barSpacing = 0.5  # type: ignore[assignment]  # ReportLab takes any number
        for i, fill in enumerate(fills):
            chart.bars[i].fillColor = fill
            chart.bars[i].strokeColor = None
        d.add(chart)
        if legend:
            key = Legend()
            key.x, key.y = CONTENT_WIDTH - 4 * mm, height - 4 * mm  # type: ignore[assignment]
            key.alignment, key.boxAnchor = "right", "ne"
            key.fontName, key.fontSize = SANS, 7
            key.columnMaximum, key.dx, key.dy, key.deltax = 1, 7, 7, 60
            key.colorNamePairs = list(zip(fills, legend, strict=True))
            d.add(key)
        return d

    def story(self, data: PipelineReport) -> list[Flowable]:
        lang = self._lang()
        code = lang
        f = data.filter
        out: list[Flowable] = [self.p(self._t("title"), self.styles.title, True)]
        lines = [f"{self._t('period')}: {period_text(data, lang, self.labels.format_date)}"]
        chosen = []
        if f.country:
            chosen.append(f"{self._t('country')}: {country_name(f.country.upper(), code)}")
        if f.sector:
            chosen.append(f"{self._t('sector')}: {f.sector}")
        if f.owner_id:
            chosen.append(f"{self._t('owner')}: {data.owner_name or f.owner_id}")
        if f.trip_id:
            chosen.append(f"{self._t('trip')}: {data.trip_title or f.trip_id}")
        if chosen:
            lines.append(f"{self._t('filters')}: " + "; ".join(chosen))
        lines.append(
            self._t("currency").format(
                cur=data.currency, date=self.labels.format_short_date(data.rates.as_of)
            )
        )
        if data.unconverted:
            lines.append(self._t("no_rate").format(codes=", ".join(data.unconverted)))
        out += [self.p(x, self.styles.muted) for x in lines]
        out.append(Spacer(0, 4 * mm))
        stages = [r.stage.name(code) for r in data.funnel]
        out.append(
            self._bar_chart(
                self._t("chart_projects"), stages, [[r.projects for r in data.funnel]], [BAR]
            )
        )
        countries = [
            country_name(r.key, code) if r.key else self._t("none") for r in data.by_country
        ]
        if data.by_country:
            out.append(Spacer(0, 3 * mm))
            out.append(
                self._bar_chart(
                    self._t("chart_capex").format(cur=data.currency),
                    countries,
                    [
                        [float(r.capex) for r in data.by_country],
                        [float(r.weighted_capex) for r in data.by_country],
                    ],
                    [BAR, BAR_WEIGHTED],
                    [self._t("capex"), self._t("weighted_capex")],
                )
            )
        for table in report_tables(data, lang):
            out += self._table(table)
        return out
