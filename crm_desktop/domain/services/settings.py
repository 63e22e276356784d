from __future__ import annotations

from sqlalchemy import select

from crm_desktop.domain.context import Context
from crm_desktop.domain.models import Setting

ORGANISATION_NAME = "organisation_name"
DEFAULT_ORGANISATION = "Министерство инвестиций, промышленности и науки Московской области"
# the ministry's name as a partner's copy prints it in English and Chinese
ORGANISATION_NAME_EN = "organisation_name_en"
ORGANISATION_NAME_ZH = "organisation_name_zh"
# Requisites of an internal memo. The number format takes {year} and {seq} (the approved
# memos of that year, counted in MEMO_NUMBER_SEQ + year).
MEMO_NUMBER_FORMAT = "memo_number_format"
DEFAULT_MEMO_NUMBER_FORMAT = "{year}-{seq:04d}"
MEMO_NUMBER_SEQ = "memo_number_seq_"
MEMO_APPROVER = "memo_approver"  # "И. О. Фамилия" in the approval block
MEMO_APPROVER_POSITION = "memo_approver_position"
MEMO_DISTRIBUTION = "memo_distribution"  # one recipient per line; copy No. 1 is the first
MEMO_PLACE = "memo_place"  # place of compilation; empty: the trip's first city or the venue


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

    def set_many(self, values: dict[str, str]) -> None:
        """Several settings in one transaction: all of them or none."""
        with self.ctx.unit_of_work() as s:
            for key, value in values.items():
                row = s.get(Setting, key)
                if row is None:
                    s.add(Setting(key=key, value=value))
                else:
                    row.value = value

    @property
    def organisation_name(self) -> str:
        return self.get(ORGANISATION_NAME, DEFAULT_ORGANISATION)
