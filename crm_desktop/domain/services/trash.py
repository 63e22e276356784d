from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from crm_desktop.domain.context import Context
from crm_desktop.domain.models import (
    Company,
    Contact,
    Meeting,
    Member,
    Project,
    Site,
    SupportMeasure,
    Task,
    Trip,
)

TRASHABLE: dict[str, type] = {
    "company": Company, "contact": Contact, "project": Project, "meeting": Meeting,
    "task": Task, "trip": Trip, "site": Site, "support_measure": SupportMeasure,
    "member": Member,
}


@dataclass
class TrashItem:
    entity_type: str
    id: str
    title: str
    deleted_at: datetime


def _title(row: object) -> str:
    for attr in ("name", "display_name", "title"):
        value = getattr(row, attr, None)
        if isinstance(value, str) and value:
            return value
    return getattr(row, "id", "")


class TrashService:
    """Everything deleted, newest first, across all record types."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def list(self, limit: int = 1000) -> list[TrashItem]:
        items: list[TrashItem] = []
        with self.ctx.reading() as s:
            for kind, model in TRASHABLE.items():
                stmt = (select(model).where(model.deleted_at.is_not(None))
                        .order_by(model.deleted_at.desc()).limit(limit))
                for row in s.scalars(stmt).unique():
                    items.append(TrashItem(kind, row.id, _title(row), row.deleted_at))
        items.sort(key=lambda i: i.deleted_at, reverse=True)
        return items[:limit]
