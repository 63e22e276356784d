from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from crm_desktop.domain import kinds
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.models import Member, Trip
from crm_desktop.domain.services.base import ListQuery, Service
from crm_desktop.domain.validation import Checker


@dataclass
class TripInput:
    title: str = ""
    start_date: date | None = None
    end_date: date | None = None
    countries: list[str] = field(default_factory=list)
    cities: str = ""
    goals: str = ""
    member_ids: list[str] = field(default_factory=list)
    conclusions: str = ""  # the trip report's conclusions and proposals
    proposals: str = ""

    @classmethod
    def from_row(cls, r: Trip) -> TripInput:
        return cls(
            r.title,
            r.start_date,
            r.end_date,
            list(r.countries),
            r.cities,
            r.goals,
            [m.id for m in r.members],
            r.conclusions,
            r.proposals,
        )


@dataclass
class TripQuery(ListQuery):
    date_from: date | None = None
    date_to: date | None = None
    member_id: str | None = None


class TripService(Service[Trip]):
    model = Trip
    entity = kinds.TRIP.name
    SORTS = {"start": Trip.start_date, "title": Trip.title, "end": Trip.end_date}
    TEXT_COLUMNS = (Trip.title, Trip.cities, Trip.goals)

    def query(self, **kwargs: Any) -> TripQuery:
        return TripQuery(**kwargs)

    def _apply_filters(self, stmt: Select[Any], q: ListQuery) -> Select[Any]:
        if isinstance(q, TripQuery):
            if q.date_from:
                stmt = stmt.where(Trip.end_date >= q.date_from)
            if q.date_to:
                stmt = stmt.where(Trip.start_date <= q.date_to)
            if q.member_id:
                stmt = stmt.where(Trip.members.any(Member.id == q.member_id))
        return stmt

    def _clean(self, data: TripInput) -> TripInput:
        c = Checker()
        title = c.required("title", data.title)
        if data.start_date is None:
            c.fail("start_date", "required")
        if data.end_date is None:
            c.fail("end_date", "required")
        if data.start_date and data.end_date and data.end_date < data.start_date:
            c.fail("end_date", "date_order")
        countries = [c.country("countries", x) for x in data.countries if x.strip()]
        c.raise_if_any()
        return TripInput(
            title,
            data.start_date,
            data.end_date,
            countries,
            data.cities.strip(),
            data.goals.strip(),
            list(data.member_ids),
            data.conclusions.strip(),
            data.proposals.strip(),
        )

    def _write(self, s: Session, row: Trip, data: TripInput) -> None:
        if data.start_date is None or data.end_date is None:  # _clean guarantees; for mypy
            raise ValidationError({"start_date": FieldError("start_date", "required")})
        self._assign(row, data, skip=("member_ids",))
        row.members = self._ids_to_rows(s, Member, data.member_ids)
