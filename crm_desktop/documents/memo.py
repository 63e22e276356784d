"""The meeting memo: what was agreed, with whom, and what happens next."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from crm_desktop.documents.base import CONTENT_WIDTH, INK, DocumentRenderer
from crm_desktop.documents.data import Localized, MemoData, Person, Step
from crm_desktop.documents.fonts import SANS

MOSCOW = "Europe/Moscow"


def venue_zone(name: str) -> dt.tzinfo:
    """The venue's zone; UTC for an unknown name rather than failing the whole document."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _utc_offset(value: dt.datetime) -> str:
    offset = value.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


class MemoSections:
    """The memo's building blocks; shared by the memo and the trip report."""

    def __init__(self, renderer: DocumentRenderer[Any]) -> None:
        self.r = renderer

    @property
    def lang_codes(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.r.labels.sets())

    def stage_name(self, stage: Localized | None) -> str:
        return stage.for_labels(self.lang_codes) if stage else ""

    def when(self, m: MemoData) -> str:
        """Venue date and time with its zone, then the same interval in Moscow time."""
        labels = self.r.labels
        start = m.starts_at.astimezone(venue_zone(m.timezone))
        end = start + dt.timedelta(minutes=m.duration_min or 0)
        interval = labels.primary.format_time(start)
        if m.duration_min:
            interval += "–" + labels.primary.format_time(end)
        venue = (
            f"{labels.format_date(start.date())}, {interval} "
            f"({labels.inline('venue_time')}, {m.timezone}, {_utc_offset(start)})"
        )
        moscow_zone = venue_zone(MOSCOW)
        if start.utcoffset() == start.astimezone(moscow_zone).utcoffset():
            return venue
        mstart = m.starts_at.astimezone(moscow_zone)
        mend = mstart + dt.timedelta(minutes=m.duration_min or 0)
        minterval = labels.primary.format_time(mstart)
        if m.duration_min:
            minterval += "–" + labels.primary.format_time(mend)
        if mstart.date() != start.date():
            minterval = f"{labels.format_date(mstart.date())}, {minterval}"
        return f"{venue}\n{minterval} ({labels.inline('moscow_time')})"

    def stage_move(self, m: MemoData) -> str:
        before, after = self.stage_name(m.stage_before), self.stage_name(m.stage_after)
        if not before and not after:
            return ""
        if before == after or not after:
            return f"{before} ({self.r.labels.inline('stage_unchanged')})"
        if not before:
            return after
        return f"{before} → {after}"

    def short_stage_move(self, m: MemoData) -> str:
        """'3 → 4' style for summary tables, with the new stage's name."""
        b, a = m.stage_before_position, m.stage_after_position
        after = self.stage_name(m.stage_after) or self.stage_name(m.stage_before)
        if b is not None and a is not None and b != a:
            return f"{b} → {a}\n{after}"
        if a is not None or b is not None:
            return f"{a if a is not None else b}\n{after}"
        return after

    def header(self, m: MemoData) -> list[Flowable]:
        r, s = self.r, self.r.styles
        out: list[Flowable] = [
            r.p(r.labels.inline("memo"), s.subtitle),
            r.p(m.title, s.title, bold=True),
            Spacer(0, 3 * mm),
        ]
        company = None
        if m.company_names:
            markup = r.fonts.markup(m.company_names[0], bold=True)
            for extra in m.company_names[1:]:
                markup += "<br/>" + r.fonts.markup(extra)
            company = Paragraph(markup, s.cell)
        project = m.project_title
        if m.project_code_name:
            project = f"{project} («{m.project_code_name}»)" if project else m.project_code_name
        language = r.labels.languages(m.language)
        interpreter = r.labels.person_name(m.interpreter, m.interpreter_latin)
        rows = [
            ("date_time", self.when(m)),
            ("place", m.place),
            ("format", r.labels.enum("formats", m.format)),
            ("language", language),
            ("interpreter", interpreter),
            ("trip", m.trip_title),
            ("company", company),
            ("project", project),
            ("stage", self.stage_move(m)),
        ]
        out.append(r.field_table(rows))
        return out

    def people(self, people: tuple[Person, ...]) -> Flowable:
        r = self.r
        if not people:
            return r.p(r.labels.primary.nothing_recorded, r.styles.muted)
        rows = []
        for person in people:
            markup = r.fonts.markup(person.name, bold=True)
            for extra in person.names[1:]:
                markup += "<br/>" + r.fonts.markup(extra)
            position = r.fonts.markup(r.labels.job_title(person.position))
            if person.organisation:
                org = r.fonts.markup(r.labels.job_title(person.organisation))
                position = f"{position}<br/>{org}" if position else org
            rows.append([Paragraph(markup, r.styles.cell), Paragraph(position, r.styles.cell)])
        return r.grid(("name", "position"), rows, (40, 60))

    def participants(self, m: MemoData) -> list[Flowable]:
        r = self.r
        out = r.heading("participants")
        out.append(KeepTogether([r.p(r.labels.inline("our_side"), r.styles.subheading, True),
                                 self.people(m.our_side)]))
        out.append(KeepTogether([r.p(r.labels.inline("their_side"), r.styles.subheading, True),
                                 self.people(m.their_side)]))
        return out

    def steps(self, steps: tuple[Step, ...]) -> Flowable:
        r = self.r
        if not steps:
            return r.p(r.labels.primary.nothing_recorded, r.styles.muted)
        rows = [
            [
                str(i),
                step.title,
                r.labels.person_name(step.owner, step.owner_latin),
                r.labels.format_short_date(step.due),
                r.labels.enum("task_statuses", step.status, "\n"),
            ]
            for i, step in enumerate(steps, start=1)
        ]
        return r.grid(("number", "task", "owner", "due", "status"), rows, (5, 50, 22, 13, 13))

    def signature(self, m: MemoData) -> Flowable:
        r = self.r
        line_style = r.styles.small

        def block(key: str, name: str) -> list[Flowable]:
            caption = f"{r.labels.inline('signature')}  ·  {r.labels.inline('date')}"
            return [
                r.p(r.labels.inline(key), r.styles.cell, bold=True),
                Spacer(0, 10 * mm),
                HRFlowable(width="100%", thickness=0.5, color=INK, spaceAfter=2),
                r.p(name or " ", line_style),
                r.p(caption, r.styles.muted),
            ]

        half = CONTENT_WIDTH / 2
        author = r.labels.person_name(m.prepared_by, m.prepared_by_latin)
        table = Table([[block("prepared_by", author), block("approved_by", "")]],
                      colWidths=[half, half])
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), SANS, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 12 * mm),
        ]))  # fmt: skip
        return KeepTogether([Spacer(0, 8 * mm), table])

    def body(self, m: MemoData) -> list[Flowable]:
        r = self.r
        out = self.header(m)
        out += self.participants(m)
        out += r.heading("agenda")
        out += r.text_block(m.agenda)
        out += r.heading("discussion")
        out += r.text_block(m.discussion)
        out += r.heading("agreements")
        out += r.text_block(m.agreements)
        out += r.heading("next_steps")
        out.append(self.steps(m.next_steps))
        out.append(self.signature(m))
        return out


class MemoRenderer(DocumentRenderer[MemoData]):
    """A meeting memo as PDF bytes."""

    def title(self, data: MemoData) -> str:
        return f"{self.labels.primary.memo}: {data.title}"

    def confidentiality(self, data: MemoData) -> str | None:
        return data.confidentiality

    def story(self, data: MemoData) -> list[Flowable]:
        return MemoSections(self).body(data)


__all__ = ["MemoRenderer", "MemoSections", "MOSCOW"]
