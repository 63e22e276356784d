from __future__ import annotations

from sqlalchemy import select

from crm_desktop.domain.context import Context
from crm_desktop.domain.models import Setting

ORGANISATION_NAME = "organisation_name"
DEFAULT_ORGANISATION = "Министерство инвестиций, промышленности и науки Московской области"


class SettingsService:
    """Team-wide settings stored in the database (what documents print, for example)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def get(self, key: str, default: str = "") -> str:
        with self.ctx.reading() as s:
            value = s.scalar(select(Setting.value).where(Setting.key == key))
            return default if value is None else value

    def set(self, key: str, value: str) -> None:
        with self.ctx.unit_of_work() as s:
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value

    @property
    def organisation_name(self) -> str:
        return self.get(ORGANISATION_NAME, DEFAULT_ORGANISATION)
