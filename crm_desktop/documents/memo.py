"""The meeting memo: what was agreed, with whom, and what happens next."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from crm_desktop.documents.base import CONTENT_WIDTH, INK, DocumentRenderer, no_break
from crm_desktop.documents.data import Localized, MemoData, Person, Step
from crm_desktop.documents.fonts import SANS
from crm_desktop.documents.labels import short_name
from crm_desktop.documents.values import job_title

MOSCOW = "Europe/Moscow"
# internal: the ministry's own record (stage, task status, discussion, ДСП marking,
# approval); partner: the copy handed over and signed by both heads of delegation.
MemoCopy = Literal["internal", "partner"]
COPIES: tuple[MemoCopy, ...] = ("internal", "partner")


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

    def __init__(
        self,
        renderer: DocumentRenderer[Any],
        copy: MemoCopy = "internal",
        *,
        in_report: bool = False,
    ) -> None:
        self.r = renderer
        self.partner = copy == "partner"
        # a memo inside the trip report: no requisites or signature of its own (the report
        # is signed once, by the head of delegation)
        self.in_report = in_report

    @property
    def lang_codes(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.r.labels.sets())

    def stage_name(self, stage: Localized | None) -> str:
        return stage.for_labels(self.lang_codes) if stage else ""

    # -- text in the partner's language ------------------------------------------------

    def texts(self, m: MemoData, original: str, alt: str) -> list[str]:
        """The text in the document's languages: the recorded (Russian) text, and the
        partner's-language version where the document has that language."""
        second = m.second_language or "zh"
        if not alt.strip() or second not in self.lang_codes:
            return [original]
        if "ru" not in self.lang_codes and original.strip():
            return [alt]
        ordered = [(c, alt if c == second else original) for c in self.lang_codes]
        out: list[str] = []
        for _, text in ordered:
            if text.strip() and text not in out:
                out.append(text)
        return out or [original]

    def title_text(self, m: MemoData) -> str:
        return " / ".join(self.texts(m, m.title, m.title_alt))

    def place_text(self, m: MemoData) -> str:
        return " / ".join(self.texts(m, m.place, m.place_alt))

    def project_text(self, m: MemoData) -> str:
        """The project's title in each of the document's languages (the Russian title where
        none was given for a language)."""
        return m.project_titles.for_labels(self.lang_codes) if m.project_title else ""

    def text_section(self, m: MemoData, original: str, alt: str) -> list[Flowable]:
        out: list[Flowable] = []
        for i, text in enumerate(self.texts(m, original, alt)):
            if i:
                out.append(Spacer(0, 2 * mm))
            out += self.r.text_block(text)
        return out

    # -- date and time -----------------------------------------------------------------

    def _zone_name(self, zone: str, start: dt.datetime) -> str:
        """'пекинское время' / 'Beijing time' for known zones, else the zone id and offset."""
        names: list[str] = []
        for labels in self.r.labels.sets():
            name = labels.zones.get(zone)
            if name is None:
                return f"{self.r.labels.inline('venue_time')}, {zone}, {_utc_offset(start)}"
            if name not in names:
                names.append(name)
        return " / ".join(names)

    def _interval(self, start: dt.datetime, minutes: int | None, with_date: bool) -> str:
        labels = self.r.labels
        text = labels.primary.format_time(start)
        if with_date:
            text = f"{labels.format_date(start.date())}, {text}"
        if minutes:
            end = start + dt.timedelta(minutes=minutes)
            until = labels.primary.format_time(end)
            if end.date() != start.date():  # over midnight: both ends dated
                if not with_date:
                    text = f"{labels.format_date(start.date())}, {text}"
                until = f"{labels.format_date(end.date())}, {until}"
                return f"{text} – {until}"
            text += "–" + until
        return text

    def when(self, m: MemoData) -> str:
        """Venue date and time with its zone named, then Moscow time, then the partner's own
        time when a video call is held from a third zone (from Moscow, say)."""
        start = m.starts_at.astimezone(venue_zone(m.timezone))
        lines = [
            f"{self._interval(start, m.duration_min, True)} ({self._zone_name(m.timezone, start)})"
        ]
        shown = {start.utcoffset()}
        others = [MOSCOW]
        if m.format == "video" and m.partner_timezone:
            others.append(m.partner_timezone)
        for zone in others:
            there = m.starts_at.astimezone(venue_zone(zone))
            if there.utcoffset() in shown:
                continue
            shown.add(there.utcoffset())
            same_day = there.date() == start.date()
            lines.append(
                f"{self._interval(there, m.duration_min, not same_day)} "
                f"({self._zone_name(zone, there)})"
            )
        return "\n".join(lines)

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

    # -- requisites (internal memo) ----------------------------------------------------

    def requisites(self, m: MemoData) -> Flowable:
        """Left: registration number, revision, date and place of compilation, copy number
        with the marking; right: the approval block ("УТВЕРЖДАЮ")."""
        r, q = self.r, m.requisites
        labels = r.labels
        left: list[Flowable] = []
        if q.number:
            number = f"{labels.inline('reg_number')} {q.number}"
            if q.revision > 1:
                number += f" ({labels.inline('revision')} {q.revision})"
            left.append(r.p(number, r.styles.cell, bold=True))
        else:
            left.append(r.p(labels.inline("draft"), r.styles.cell, bold=True))
        if q.compiled_on:
            left.append(
                r.p(
                    f"{labels.inline('compiled_on')}: {labels.format_date(q.compiled_on)}",
                    r.styles.cell,
                )
            )
        if q.compiled_at and "ru" in self.lang_codes:  # the place is recorded in Russian
            left.append(r.p(f"{labels.inline('compiled_at')}: {q.compiled_at}", r.styles.cell))
        marking = labels.marking(m.confidentiality)
        if marking:
            left.append(r.p(f"{marking}, {labels.inline('copy_no')} 1", r.styles.cell, bold=True))
        approved = labels.format_date(q.approved_on) if q.approved_on else "«___» ________ 20__"
        right: list[Flowable] = [r.p(labels.inline("approve"), r.styles.cell, bold=True)]
        if q.approver_position:
            right.append(r.p(labels.job_title(q.approver_position), r.styles.cell))
        # the approver's name and the distribution are recorded in Russian (settings)
        approver = q.approver if "ru" in self.lang_codes else ""
        right += [
            Spacer(0, 6 * mm),
            r.p("_______________  " + no_break(approver), r.styles.cell),
            r.p(approved, r.styles.cell),
        ]
        half = CONTENT_WIDTH / 2
        table = Table([[left, right]], colWidths=[half + 15 * mm, half - 15 * mm])
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), SANS, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))  # fmt: skip
        return table

    def header(self, m: MemoData) -> list[Flowable]:
        r, s = self.r, self.r.styles
        out: list[Flowable] = []
        if not self.partner and not self.in_report:
            out.append(self.requisites(m))
        out += [
            r.p(r.labels.inline("memo"), s.subtitle),
            r.p(self.title_text(m), s.title, bold=True),
            Spacer(0, 3 * mm),
        ]
        company = None
        if m.company_names:
            markup = r.fonts.markup(no_break(m.company_names[0]), bold=True)
            for extra in m.company_names[1:]:
                markup += "<br/>" + r.fonts.markup(no_break(extra))
            company = Paragraph(markup, s.cell)
        project = self.project_text(m)
        if m.project_code_name and not self.partner:  # the code name is ours alone
            project = f"{project} («{m.project_code_name}»)" if project else m.project_code_name
        language = r.labels.languages(m.language)
        interpreter = r.labels.person_name(m.interpreter, m.interpreter_latin)
        rows = [
            ("date_time", self.when(m)),
            ("place", self.place_text(m)),
            ("format", r.labels.enum("formats", m.format)),
            ("language", language),
            ("interpreter", no_break(interpreter)),
            ("trip", "" if self.partner else m.trip_title),
            ("company", company),
            ("project", project),
            ("stage", "" if self.partner else self.stage_move(m)),
        ]
        out.append(r.field_table(rows))
        return out

    # -- participants ------------------------------------------------------------------

    def position(self, person: Person) -> str:
        """The position in each of the document's languages: as typed for that language
        (our members), a known title translated, or as recorded."""
        forms: list[str] = []
        for code in self.lang_codes:
            typed = {"en": person.position_en, "zh": person.position_zh}.get(code, "")
            form = typed or job_title(person.position, code)
            if form and form not in forms:
                forms.append(form)
        return " / ".join(forms)

    def people(self, people: tuple[Person, ...]) -> Flowable:
        r = self.r
        if not people:
            return r.p(r.labels.primary.nothing_recorded, r.styles.muted)
        rows = []
        for person in people:
            markup = r.fonts.markup(no_break(person.name), bold=True)
            for extra in person.names[1:]:
                markup += "<br/>" + r.fonts.markup(no_break(extra))
            position = r.fonts.markup(self.position(person))
            if person.organisation:
                org = r.fonts.markup(r.labels.job_title(person.organisation))
                position = f"{position}<br/>{org}" if position else org
            rows.append([Paragraph(markup, r.styles.cell), Paragraph(position, r.styles.cell)])
        return r.grid(("name", "position"), rows, (40, 60))

    def participants(self, m: MemoData) -> list[Flowable]:
        # No KeepTogether around the tables: a long list splits across pages (the header
        # row repeats) instead of leaving the page before it empty.
        r = self.r
        out = r.heading("participants")
        out += r.subheading("our_side")
        out.append(self.people(m.our_side))
        out += r.subheading("their_side")
        out.append(self.people(m.their_side))
        return out

    # -- next steps --------------------------------------------------------------------

    def steps(self, steps: tuple[Step, ...]) -> list[Flowable]:
        """The next steps table; its last rows come as a table of their own, so the
        signature can be kept with them."""
        r = self.r
        if not steps:
            return [r.p(r.labels.primary.nothing_recorded, r.styles.muted)]
        keys: tuple[str, ...] = ("number", "task", "owner", "due", "status")
        widths: tuple[float, ...] = (5, 50, 22, 13, 13)
        if self.partner:  # how far our side has got is not the partner's business
            keys, widths = keys[:-1], (5, 58, 24, 13)
        rows = []
        for i, step in enumerate(steps, start=1):
            row = [
                str(i),
                step.title,
                no_break(short_name(r.labels.person_name(step.owner, step.owner_latin))),
                r.labels.format_short_date(step.due),
                r.labels.enum("task_statuses", step.status, "\n"),
            ]
            rows.append(row[: len(keys)])
        return r.grid_with_tail(keys, rows, widths)

    def next_steps(self, m: MemoData) -> list[Flowable]:
        second = m.second_language or "zh"
        alt = m.next_steps_alt.strip() and second in self.lang_codes
        out: list[Flowable] = []
        if not alt or "ru" in self.lang_codes:
            out += self.steps(m.next_steps)
        if alt:
            if out:
                out.append(Spacer(0, 2 * mm))
            out += self.r.text_block(m.next_steps_alt)
        return out

    # -- signatures --------------------------------------------------------------------

    def signature(self, m: MemoData) -> Flowable:
        """Signature lines side by side, aligned row by row: the compiler's on the internal
        memo; both heads of delegation on the partner's copy."""
        r = self.r
        columns: list[list[str]]
        if self.partner:
            ours = next((p for p in m.our_side if p.head), m.our_side[0] if m.our_side else None)
            theirs = next(
                (p for p in m.their_side if p.head), m.their_side[0] if m.their_side else None
            )
            columns = [
                [
                    r.organisation_text(),
                    self.position(ours) if ours else "",
                    *(ours.names if ours else ()),
                ],
                [
                    " / ".join(m.company_names[:2]),
                    self.position(theirs) if theirs else "",
                    *(theirs.names if theirs else ()),
                ],
            ]
            caption = r.labels.inline("head_of_delegation")
            first_name = 2
        else:
            author = r.labels.person_name(m.prepared_by, m.prepared_by_latin)
            columns = [[r.labels.job_title(m.requisites.compiler_position), author]]
            caption = r.labels.inline("compiler")
            first_name = 1
        depth = max(len(c) for c in columns)
        rows: list[list[Flowable]] = [[r.p(caption, r.styles.cell, bold=True) for _ in columns]]
        for i in range(depth):
            cells: list[Flowable] = []
            for column in columns:
                text = column[i] if i < len(column) else ""
                # names never break inside
                cells.append(r.p(no_break(text) if i >= first_name else text, r.styles.cell))
            rows.append(cells)
        rows.append([Spacer(0, 9 * mm) for _ in columns])
        sign = f"{r.labels.inline('signature')}  ·  {r.labels.inline('date')}"
        rows.append([r.p(sign, r.styles.muted) for _ in columns])
        gap = 12 * mm
        width = (CONTENT_WIDTH - gap) / 2
        widths = [width] if len(columns) == 1 else [width, gap, width]
        if len(columns) == 2:  # an empty column between: two separate signature lines
            rows = [[row[0], Spacer(0, 0), row[1]] for row in rows]
        table = Table(rows, colWidths=widths, hAlign="LEFT")
        style: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), SANS, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
        ]
        style += [("LINEABOVE", (i, -1), (i, -1), 0.5, INK) for i in range(0, len(widths), 2)]
        table.setStyle(TableStyle(style))
        return table

    def distribution(self, m: MemoData) -> list[Flowable]:
        names = m.requisites.distribution
        if self.partner or not names or "ru" not in self.lang_codes:
            return []
        r = self.r
        out: list[Flowable] = [Spacer(0, 4 * mm), *r.subheading("distribution")]
        copy = r.labels.inline("copy_no")
        out += [
            r.p(f"{copy} {i} — {name}", r.styles.small) for i, name in enumerate(names, start=1)
        ]
        return out

    def body(self, m: MemoData) -> list[Flowable]:
        r = self.r
        out = self.header(m)
        out += self.participants(m)
        out += r.heading("agenda")
        out += self.text_section(m, m.agenda, m.agenda_alt)
        if not self.partner:  # the minutes of the talk are our own record
            out += r.heading("discussion")
            out += r.text_block(m.discussion)
        out += r.heading("agreements")
        out += self.text_section(m, m.agreements, m.agreements_alt)
        out += r.heading("next_steps")
        out += self.next_steps(m)
        if self.in_report:
            return out
        # the signature never stands alone on a page: it goes with the last lines
        last = out.pop()
        out.append(KeepTogether([last, Spacer(0, 8 * mm), self.signature(m)]))
        out += self.distribution(m)
        return out


class MemoRenderer(DocumentRenderer[MemoData]):
    """A meeting memo as PDF bytes: the internal memo or the partner's copy."""

    def __init__(self, *args: Any, copy: MemoCopy = "internal", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if copy not in COPIES:
            raise ValueError(f"Unknown memo copy {copy!r}; use internal or partner.")
        self.copy: MemoCopy = copy

    def title(self, data: MemoData) -> str:
        sections = MemoSections(self, self.copy)
        return f"{self.labels.primary.memo}: {sections.title_text(data)}"

    def confidentiality(self, data: MemoData) -> str | None:
        return None if self.copy == "partner" else data.confidentiality

    def story(self, data: MemoData) -> list[Flowable]:
        return MemoSections(self, self.copy).body(data)


__all__ = ["COPIES", "MOSCOW", "MemoCopy", "MemoRenderer", "MemoSections"]
