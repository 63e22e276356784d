"""Sites, support measures and tags: the reference lists of the negotiation record."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select

from crm_desktop.domain import kinds
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.models import MeasureKind, Site, SiteKind, SupportMeasure, Tag
from crm_desktop.domain.services.base import ListQuery, Service
from crm_desktop.domain.validation import Checker


@dataclass
class SiteInput:
    name: str = ""
    name_en: str = ""
    name_zh: str = ""
    kind: SiteKind = SiteKind.INDUSTRIAL_PARK
    municipality: str = ""
    address: str = ""
    available_area_m2: Decimal | None = None
    land_area_ha: Decimal | None = None
    utilities: str = ""
    website: str = ""
    description: str = ""

    @classmethod
    def from_row(cls, r: Site) -> SiteInput:
        return cls(
            r.name,
            r.name_en,
            r.name_zh,
            r.kind,
            r.municipality,
            r.address,
            r.available_area_m2,
            r.land_area_ha,
            r.utilities,
            r.website,
            r.description,
        )


@dataclass
class SiteQuery(ListQuery):
    kind: SiteKind | None = None


class SiteService(Service[Site]):
    model = Site
    entity = kinds.SITE.name
    SORTS = {
        "name": Site.name,
        "kind": Site.kind,
        "municipality": Site.municipality,
        "area": Site.available_area_m2,
    }
    TEXT_COLUMNS = (Site.name, Site.name_en, Site.name_zh, Site.municipality)

    def query(self, **kwargs: Any) -> SiteQuery:
        return SiteQuery(**kwargs)

    def _apply_filters(self, stmt: Select[Any], q: ListQuery) -> Select[Any]:
        if isinstance(q, SiteQuery) and q.kind:
            stmt = stmt.where(Site.kind == q.kind)
        return stmt

    def _clean(self, data: SiteInput) -> SiteInput:
        c = Checker()
        name = c.required("name", data.name)
        c.non_negative("available_area_m2", data.available_area_m2)
        c.non_negative("land_area_ha", data.land_area_ha)
        c.raise_if_any()
        return SiteInput(**{**data.__dict__, "name": name, "kind": SiteKind(data.kind)})


@dataclass
class MeasureInput:
    name: str = ""
    name_en: str = ""
    name_zh: str = ""
    kind: MeasureKind = MeasureKind.OTHER
    provider: str = ""
    terms: str = ""
    description: str = ""

    @classmethod
    def from_row(cls, r: SupportMeasure) -> MeasureInput:
        return cls(r.name, r.name_en, r.name_zh, r.kind, r.provider, r.terms, r.description)


class SupportMeasureService(Service[SupportMeasure]):
    model = SupportMeasure
    entity = kinds.SUPPORT_MEASURE.name
    SORTS = {"name": SupportMeasure.name, "kind": SupportMeasure.kind}
    TEXT_COLUMNS = (SupportMeasure.name, SupportMeasure.name_en, SupportMeasure.provider)

    def _clean(self, data: MeasureInput) -> MeasureInput:
        c = Checker()
        name = c.required("name", data.name)
        c.raise_if_any()
        return MeasureInput(**{**data.__dict__, "name": name, "kind": MeasureKind(data.kind)})


@dataclass
class TagInput:
    name: str = ""
    color: str = ""


class TagService(Service[Tag]):
    model = Tag
    entity = "tag"
    SORTS = {"name": Tag.name}
    TEXT_COLUMNS = (Tag.name,)

    def _clean(self, data: TagInput) -> TagInput:
        c = Checker()
        name = c.required("name", data.name)
        c.raise_if_any()
        return TagInput(name, data.color.strip())

    def create(self, data: TagInput) -> Tag:
        with self.ctx.reading() as s:
            if s.scalar(
                select(func.count())
                .select_from(Tag)
                .where(func.lower(Tag.name) == data.name.strip().lower())
            ):
                raise CrmError.from_code("duplicate", entity="tag", value=data.name.strip())
        return super().create(data)

    def get_or_create(self, name: str) -> Tag:
        with self.ctx.reading() as s:
            row = s.scalar(select(Tag).where(func.lower(Tag.name) == name.strip().lower()))
            if row is not None:
                s.expunge(row)
                return row
        return self.create(TagInput(name))
