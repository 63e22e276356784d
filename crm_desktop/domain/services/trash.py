from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from crm_desktop.domain import kinds
from crm_desktop.domain.context import Context


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
            for kind in kinds.trashable():
                model = kind.model
                stmt = (
                    select(model)
                    .where(model.deleted_at.is_not(None))
                    .order_by(model.deleted_at.desc())
                    .limit(limit)
                )
                for row in s.scalars(stmt).unique():
                    if row.deleted_at is not None:  # the query's own condition
                        items.append(TrashItem(kind.name, row.id, _title(row), row.deleted_at))
        items.sort(key=lambda i: i.deleted_at, reverse=True)
        return items[:limit]
