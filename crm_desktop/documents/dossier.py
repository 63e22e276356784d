"""The company dossier a delegation member reads before a meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from crm_desktop.documents.base import DocumentRenderer
from crm_desktop.documents.data import (
    ContactEntry,
    DossierData,
    Localized,
    MeasureEntry,
    ProjectEntry,
    SiteEntry,
)
from crm_desktop.documents.labels import short_name
from crm_desktop.documents.memo import venue_zone
from crm_desktop.text.phones import international

T = TypeVar("T")


class DossierRenderer(DocumentRenderer[DossierData]):
    """Profile, contacts, projects with stage history, past agreements, open tasks, offers."""

    def title(self, data: DossierData) -> str:
        return f"{self.labels.primary.dossier}: {data.name}"

    def confidentiality(self, data: DossierData) -> str | None:
        return data.confidentiality

    def prepared_at(self, data: DossierData) -> dt.datetime | None:
        # a briefing is only as fresh as the day it was printed
        return self.generated_at or data.generated_at

    @property
    def _codes(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.labels.sets())

    def _loc(self, value: Localized | None) -> str:
        return value.for_labels(self._codes) if value else ""

    def story(self, data: DossierData) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = [self.p(self.labels.inline("dossier"), s.subtitle)]
        out.append(self.p(data.name, s.title, bold=True))
        if data.names[1:]:
            out.append(self.p("\n".join(data.names[1:]), s.subtitle))
        out += self.heading("profile")
        out.append(self.profile(data))
        if data.description.strip():
            out.append(Spacer(0, 4))
            out += self.text_block(data.description)
        out += self.heading("contacts")
        out.append(self.contacts(data.contacts))
        out += self.heading("projects")
        if not data.projects:
            out.append(self.p(self.labels.primary.nothing_recorded, s.muted))
        for project in data.projects:
            out += self.project(project)
        out += self.heading("past_agreements")
        out += self.past_meetings(data)
        out += self.heading("open_tasks")
        out.append(self.open_tasks(data))
        sites = _unique(site for p in data.projects for site in p.sites)
        measures = _unique(m for p in data.projects for m in p.measures)
        out += self.heading("sites")
        out.append(self.sites(sites))
        out += self.heading("support_measures")
        out.append(self.measures(measures))
        return out

    def profile(self, data: DossierData) -> Flowable:
        labels = self.labels
        revenue = labels.primary.format_money(data.revenue, data.revenue_currency)
        rows = [
            ("native_name", data.name_native),
            ("latin_name", data.name_latin),
            ("russian_name", data.name_ru),
            ("country", labels.country(data.country) if data.country else ""),
            ("city", data.city),
            ("address", data.address),
            ("website", data.website),
            ("industry", data.industry),
            ("kind", labels.enum("company_kinds", data.kind)),
            ("registration_code", data.registration_code),
            ("employees", labels.primary.format_number(data.employees)),
            ("revenue", revenue),
            ("tags", ", ".join(data.tags)),
        ]
        return self.field_table(rows)

    def contacts(self, contacts: tuple[ContactEntry, ...]) -> Flowable:
        if not contacts:
            return self.p(self.labels.primary.nothing_recorded, self.styles.muted)
        rows = []
        for c in contacts:
            name = self.fonts.markup(c.names[0] if c.names else "", bold=True)
            for extra in c.names[1:]:
                name += "<br/>" + self.fonts.markup(extra)
            if c.decision_maker:
                name += "<br/>★ " + self.fonts.markup(self.labels.inline("decision_maker"))
            position = "<br/>".join(
                self.fonts.markup(self.labels.job_title(x)) for x in (c.position, c.department) if x
            )
            phones = (international(p) for p in c.phones)
            reach = "<br/>".join(self.fonts.markup(x) for x in (*phones, *c.emails))
            other = [
                f"WeChat: {c.wechat}" if c.wechat else "",
                f"Telegram: {c.telegram}" if c.telegram else "",
                f"{self.labels.primary.languages}: {self.labels.languages(c.languages)}"
                if c.languages
                else "",
            ]
            cell = self.styles.tiny
            rows.append([
                Paragraph(name, cell),
                Paragraph(position, cell),
                Paragraph(reach, cell),
                Paragraph("<br/>".join(self.fonts.markup(x) for x in other if x), cell),
            ])  # fmt: skip
        return self.grid(
            ("name", "position", "contacts", "messengers"), rows, (24, 24, 32, 20), small=True
        )

    def project(self, p: ProjectEntry) -> list[Flowable]:
        labels = self.labels
        title = p.title + (f" («{p.code_name}»)" if p.code_name else "")
        status = labels.enum("project_statuses", p.status)
        area = ", ".join(
            x
            for x in (
                self._area(p.land_area_ha, "hectares"),
                self._area(p.floor_area_m2, "square_metres"),
            )
            if x
        )
        product = " — ".join(x for x in (p.product, p.planned_output) if x)
        rows = [
            ("stage", self._loc(p.stage)),
            ("status", status),
            ("reason", p.status_reason),
            ("responsible", labels.person_name(p.owner, p.owner_latin)),
            ("product", product),
            ("capex", labels.primary.format_money(p.capex, p.capex_currency)),
            ("jobs", labels.primary.format_number(p.jobs)),
            ("area", area),
            ("probability", f"{p.probability} %" if p.probability is not None else ""),
            ("expected_decision", labels.format_date(p.expected_decision)),
        ]
        out: list[Flowable] = [
            KeepTogether([self.p(title, self.styles.subheading, bold=True), self.field_table(rows)])
        ]
        if p.history:
            history_rows = [
                [
                    self.labels.format_short_date(move.when.date()),
                    (f"{self._loc(move.from_stage)} → " if move.from_stage else "")
                    + self._loc(move.to_stage),
                    short_name(self.labels.person_name(move.who, move.who_latin)),
                    move.note,
                ]
                for move in p.history
            ]
            out.append(Spacer(0, 4))
            out.append(KeepTogether([
                self.p(self.labels.inline("stage_history"), self.styles.small, bold=True),
                Spacer(0, 2),
                self.grid(("day", "stage_move", "responsible", "note"), history_rows,
                          (12, 46, 17, 25), small=True),
            ]))  # fmt: skip
        return out

    def past_meetings(self, data: DossierData) -> list[Flowable]:
        meetings = [m for m in data.past_meetings if m.agreements.strip()]
        if not meetings:
            return [self.p(self.labels.primary.nothing_recorded, self.styles.muted)]
        out: list[Flowable] = []
        for m in meetings:
            local = m.starts_at.astimezone(venue_zone(m.timezone))
            head = f"{self.labels.format_short_date(local.date())} — {m.title}"
            block: list[Flowable] = [self.p(head, self.styles.subheading, bold=True)]
            if m.project_title:
                block.append(
                    self.p(f"{self.labels.primary.project}: {m.project_title}", self.styles.muted)
                )
            out.append(KeepTogether(block + self.text_block(m.agreements)[:1]))
            out += self.text_block(m.agreements)[1:]
        return out

    def open_tasks(self, data: DossierData) -> Flowable:
        if not data.open_tasks:
            return self.p(self.labels.primary.nothing_recorded, self.styles.muted)
        rows = [
            [
                t.title,
                short_name(self.labels.person_name(t.owner, t.owner_latin)),
                self.labels.format_short_date(t.due),
                t.project_title,
            ]
            for t in data.open_tasks
        ]
        return self.grid(("task", "owner", "due", "project"), rows, (42, 18, 12, 28))

    def sites(self, sites: list[SiteEntry]) -> Flowable:
        if not sites:
            return self.p(self.labels.primary.nothing_recorded, self.styles.muted)
        rows = []
        for site in sites:
            area = ", ".join(
                x
                for x in (
                    self._area(site.available_area_m2, "square_metres"),
                    self._area(site.land_area_ha, "hectares"),
                )
                if x
            )
            rows.append(
                [
                    self._loc(site.name),
                    self.labels.enum("site_kinds", site.kind),
                    site.municipality,
                    area,
                ]
            )
        return self.grid(("title_col", "kind", "city", "area"), rows, (38, 22, 22, 18))

    def measures(self, measures: list[MeasureEntry]) -> Flowable:
        if not measures:
            return self.p(self.labels.primary.nothing_recorded, self.styles.muted)
        rows = [
            [self._loc(m.name), self.labels.enum("measure_kinds", m.kind), m.terms]
            for m in measures
        ]
        return self.grid(("title_col", "kind", "terms"), rows, (34, 18, 48))

    def _area(self, value: Decimal | None, unit: str) -> str:
        if not value:
            return ""
        number = self.labels.primary.format_number(value)
        return f"{number} {getattr(self.labels.primary, unit)}"


def _unique(items: Iterable[T]) -> list[T]:
    seen: list[T] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
