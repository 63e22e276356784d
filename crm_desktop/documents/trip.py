"""The trip report for the minister: cover, a summary of every meeting, then the memos."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from crm_desktop.documents.base import CONTENT_WIDTH, INK, DocumentRenderer, no_break
from crm_desktop.documents.data import MemoData, Step, TripReportData
from crm_desktop.documents.fonts import SANS
from crm_desktop.documents.labels import short_name
from crm_desktop.documents.memo import MemoSections, venue_zone

SUMMARY_AGREEMENTS_CHARS = 280


def _shorten(text: str, limit: int) -> str:
    """The first `limit` characters, cut at a word, line breaks kept (numbered agreements)."""
    lines = [" ".join(line.split()) for line in text.strip().splitlines() if line.strip()]
    text = "\n".join(lines)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


class TripReportRenderer(DocumentRenderer[TripReportData]):
    """Cover page, summary table of the trip's meetings, then one memo per meeting."""

    def title(self, data: TripReportData) -> str:
        return f"{self.labels.primary.trip_report}: {data.title}"

    def confidentiality(self, data: TripReportData) -> str | None:
        return data.confidentiality

    def story(self, data: TripReportData) -> list[Flowable]:
        sections = MemoSections(self, in_report=True)
        out = self.cover(data)
        out.append(PageBreak())
        out += self.heading("meetings")
        out += self.summary(data, sections)
        if data.conclusions.strip():
            out += self.heading("conclusions")
            out += self.text_block(data.conclusions)
        if data.proposals.strip():
            out += self.heading("proposals")
            out += self.text_block(data.proposals)
        # one signature, the head of delegation's, kept with the last lines above it
        last = out.pop()
        out.append(KeepTogether([last, Spacer(0, 8 * mm), self.signature(data)]))
        for memo in data.memos:
            out.append(PageBreak())
            out += sections.body(memo)
        return out

    def signature(self, data: TripReportData) -> Table:
        head = next((m for m in data.members if m.head), data.members[0] if data.members else None)
        sections = MemoSections(self)
        rows = [[self.p(self.labels.inline("head_of_delegation"), self.styles.cell, bold=True), ""]]
        if head is not None:
            rows.append([self.p(sections.position(head), self.styles.cell), ""])
            name = self.labels.person_name(head.name, head.names[-1])
            rows.append([Spacer(0, 9 * mm), ""])
            rows.append(
                [
                    self.p(self.labels.inline("signature"), self.styles.muted),
                    self.p(no_break(name), self.styles.cell),
                ]
            )
        else:
            rows.append([Spacer(0, 9 * mm), ""])
            rows.append([self.p(self.labels.inline("signature"), self.styles.muted), ""])
        table = Table(rows, colWidths=[CONTENT_WIDTH * 0.45, CONTENT_WIDTH * 0.55], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), SANS, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6 * mm),
            ("LINEABOVE", (0, -1), (0, -1), 0.5, INK),
        ]))  # fmt: skip
        return table

    def cover(self, data: TripReportData) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = [Spacer(0, 30 * mm)]
        if self.organisation:
            out.append(self.p(self.organisation, s.cover_subtitle))
            out.append(Spacer(0, 14 * mm))
        out.append(self.p(self.labels.inline("trip_report"), s.cover_title, bold=True))
        out.append(self.p(data.title, s.cover_subtitle))
        out.append(Spacer(0, 16 * mm))
        destinations = ", ".join(self.labels.country(c) for c in data.countries)
        if data.cities:
            destinations = f"{destinations}: {data.cities}" if destinations else data.cities
        members = None
        if data.members:
            markup = "<br/>".join(
                self.fonts.markup(self.labels.person_name(m.name, m.names[-1]), bold=True)
                + (
                    " — " + self.fonts.markup(self.labels.job_title(m.position))
                    if m.position
                    else ""
                )
                for m in data.members
            )
            members = Paragraph(markup, s.cell)
        rows = [
            ("dates", self.labels.format_date_range(data.start_date, data.end_date)),
            ("destinations", destinations),
            ("members", members),
            ("meetings", str(len(data.memos))),
        ]
        out.append(self.field_table(rows))
        if data.goals.strip():
            out += self.heading("goals")
            out += self.text_block(data.goals)
        return out

    def summary(self, data: TripReportData, sections: MemoSections) -> list[Flowable]:
        if not data.memos:
            return [self.p(self.labels.primary.no_meetings, self.styles.muted)]
        rows = []
        for i, memo in enumerate(data.memos, start=1):
            rows.append([
                str(i),
                self._when(memo),
                self._company(memo),
                sections.project_text(memo) or memo.title,
                sections.short_stage_move(memo),
                _shorten(memo.agreements, SUMMARY_AGREEMENTS_CHARS),
                self._steps(memo.next_steps),
            ])  # fmt: skip
        return self.grid_with_tail(
            ("number", "day", "company", "project", "stage_move", "key_agreements", "next_steps"),
            rows,
            (3.5, 10.5, 16, 15.5, 13, 23, 18.5),
            small=True,
        )

    def _when(self, memo: MemoData) -> str:
        local = memo.starts_at.astimezone(venue_zone(memo.timezone))
        return f"{self.labels.format_short_date(local.date())}\n{local:%H:%M}"

    def _company(self, memo: MemoData) -> Paragraph:
        names = memo.company_names
        if not names:
            return self.p("", self.styles.tiny)
        markup = self.fonts.markup(names[0], bold=True)
        if len(names) > 1:
            markup += "<br/>" + self.fonts.markup(names[1])
        return Paragraph(markup, self.styles.tiny)

    def _steps(self, steps: tuple[Step, ...]) -> Paragraph:
        lines = []
        for step in steps:
            owner = short_name(self.labels.person_name(step.owner, step.owner_latin))
            detail = ", ".join(x for x in (owner, self.labels.format_short_date(step.due)) if x)
            line = "• " + self.fonts.markup(step.title)
            if detail:
                line += " (" + self.fonts.markup(detail) + ")"
            lines.append(line)
        return Paragraph("<br/>".join(lines), self.styles.tiny)
