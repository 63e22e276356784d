from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from crm_desktop.domain import kinds
from crm_desktop.domain.models import (
    Company,
    CompanyKind,
    Contact,
    Meeting,
    Project,
    Tag,
    Task,
    company_tags,
)
from crm_desktop.domain.services.base import (
    ListQuery,
    Service,
    cascade_tombstone,
    cascade_untombstone,
)
from crm_desktop.domain.validation import Checker


@dataclass
class CompanyInput:
    name: str = ""  # display name; derived from the other names when empty
    name_native: str = ""
    name_latin: str = ""
    name_ru: str = ""
    country: str = ""
    city: str = ""
    address: str = ""
    website: str = ""
    industry: str = ""
    kind: CompanyKind = CompanyKind.INVESTOR
    registration_code: str = ""
    employees: int | None = None
    revenue: Decimal | None = None
    revenue_currency: str = ""
    description: str = ""
    tag_ids: list[str] = field(default_factory=list)

    @classmethod
    def from_row(cls, r: Company) -> CompanyInput:
        return cls(
            r.name,
            r.name_native,
            r.name_latin,
            r.name_ru,
            r.country,
            r.city,
            r.address,
            r.website,
            r.industry,
            r.kind,
            r.registration_code,
            r.employees,
            r.revenue,
            r.revenue_currency,
            r.description,
            [t.id for t in r.tags],
        )


@dataclass
class CompanyQuery(ListQuery):
    country: str = ""
    kind: CompanyKind | None = None
    tag_id: str | None = None


@dataclass
class CompanyChoice:
    """A company as a choice in a picker: its id and its names, nothing loaded besides."""

    id: str
    name: str
    name_native: str
    name_latin: str
    name_ru: str
    country: str


class CompanyService(Service[Company]):
    model = Company
    entity = kinds.COMPANY.name
    SORTS = {
        "name": Company.sort_key,  # pinyin for Chinese names, ё as е
        "name_native": Company.name_native,
        "name_ru": Company.name_ru,
        "country": Company.country,
        "city": Company.city,
        "industry": Company.industry,
        "updated": Company.updated_at,
    }
    TEXT_COLUMNS = (
        Company.name,
        Company.name_native,
        Company.name_latin,
        Company.name_ru,
        Company.city,
        Company.industry,
    )

    def query(self, **kwargs: Any) -> CompanyQuery:
        return CompanyQuery(**kwargs)

    def _apply_filters(self, stmt: Select[Any], q: ListQuery) -> Select[Any]:
        if isinstance(q, CompanyQuery):
            if q.country:
                stmt = stmt.where(Company.country == q.country.upper())
            if q.kind:
                stmt = stmt.where(Company.kind == q.kind)
            if q.tag_id:
                stmt = stmt.where(
                    Company.id.in_(
                        select(company_tags.c.company_id).where(company_tags.c.tag_id == q.tag_id)
                    )
                )
        return stmt

    def choices(self, q: CompanyQuery | None = None) -> list[CompanyChoice]:
        """Every (filtered) company as id and names, sorted by name; cheap for 20,000 rows."""
        q = q or CompanyQuery()
        stmt = (
            self._filtered(q)
            .with_only_columns(
                Company.id,
                Company.name,
                Company.name_native,
                Company.name_latin,
                Company.name_ru,
                Company.country,
            )
            .order_by(*self._order(q))
        )
        if q.limit is not None:
            stmt = stmt.offset(q.offset).limit(q.limit)
        with self.ctx.reading() as s:
            return [CompanyChoice(*row) for row in s.execute(stmt)]

    def countries(self) -> list[str]:
        """The distinct country codes of the companies on file, for filter lists."""
        stmt = (
            select(Company.country)
            .where(Company.deleted_at.is_(None), Company.country != "")
            .distinct()
            .order_by(Company.country)
        )
        with self.ctx.reading() as s:
            return list(s.scalars(stmt))

    def _clean(self, data: CompanyInput) -> CompanyInput:
        c = Checker()
        names = [data.name, data.name_latin, data.name_native, data.name_ru]
        display = next((n.strip() for n in names if n and n.strip()), "")
        if not display:
            c.fail("name", "required")
        out = CompanyInput(
            name=display,
            name_native=c.text("name_native", data.name_native, 300),
            name_latin=c.text("name_latin", data.name_latin, 300),
            name_ru=c.text("name_ru", data.name_ru, 300),
            country=c.country("country", data.country),
            city=c.text("city", data.city),
            address=c.text("address", data.address),
            website=c.text("website", data.website),
            industry=c.text("industry", data.industry),
            kind=CompanyKind(data.kind),
            registration_code=c.text("registration_code", data.registration_code, 64),
            employees=data.employees,
            revenue=data.revenue,
            revenue_currency=c.currency("revenue_currency", data.revenue_currency),
            description=(data.description or "").strip(),
            tag_ids=list(data.tag_ids),
        )
        c.non_negative("employees", data.employees)
        c.non_negative("revenue", data.revenue)
        if data.revenue is not None and not out.revenue_currency:
            c.fail("revenue_currency", "required")
        c.raise_if_any()
        return out

    def _write(self, s: Session, row: Company, data: CompanyInput) -> None:
        self._assign(row, data, skip=("tag_ids",))
        row.tags = self._ids_to_rows(s, Tag, data.tag_ids)

    def _cascade_delete(self, s: Session, row: Company, when: Any) -> None:
        cascade_tombstone(s, Contact, Contact.company_id, row.id, when)
        cascade_tombstone(s, Project, Project.company_id, row.id, when)
        cascade_tombstone(s, Meeting, Meeting.company_id, row.id, when)
        cascade_tombstone(s, Task, Task.company_id, row.id, when)

    def _cascade_restore(self, s: Session, row: Company, when: Any) -> None:
        cascade_untombstone(s, Contact, Contact.company_id, row.id, when)
        cascade_untombstone(s, Project, Project.company_id, row.id, when)
        cascade_untombstone(s, Meeting, Meeting.company_id, row.id, when)
        cascade_untombstone(s, Task, Task.company_id, row.id, when)
