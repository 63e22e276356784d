"""How long a project may stay in each stage, and each stage's probability: team-wide
settings in the database (table ``setting``), JSON objects keyed by stage code.

The home screen's stalled projects and the pipeline report (Dashboard, PDF, XLSX, CLI) read
the same values; Settings → Pipeline edits them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.domain.context import Context
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.models import Setting

STAGE_LIMITS_KEY = "pipeline.stage_limits"  # days a project may stay in the stage
STAGE_PROBABILITIES_KEY = "pipeline.stage_probabilities"  # percent, the funnel's weights

DEFAULT_STAGE_LIMITS: dict[str, int] = {
    "lead": 30, "first_meeting": 45, "presentation": 60, "site_selection": 90,
    "site_visit": 60, "offer": 90, "negotiation": 120, "agreement": 180,
    "implementation": 365,
}  # fmt: skip
DEFAULT_STAGE_PROBABILITIES: dict[str, int] = {
    "lead": 5, "first_meeting": 10, "presentation": 15, "site_selection": 25,
    "site_visit": 35, "offer": 45, "negotiation": 60, "agreement": 80,
    "implementation": 90, "launched": 100,
}  # fmt: skip

NO_LIMIT = 0  # stored for a stage that never stalls
MAX_LIMIT_DAYS = 3650


@dataclass(frozen=True)
class PipelineSettings:
    limits: dict[str, int]  # stage code -> days; a stage missing here never stalls
    probabilities: dict[str, int]  # stage code -> percent


def _read(s: Session, key: str, default: Mapping[str, int]) -> dict[str, int]:
    raw = s.scalar(select(Setting.value).where(Setting.key == key))
    values = dict(default)
    if raw:
        try:
            stored = json.loads(raw)
        except ValueError:
            stored = {}
        if isinstance(stored, dict):
            values.update(
                {
                    str(k): int(v)
                    for k, v in stored.items()
                    if isinstance(v, (int, float)) and v >= 0
                }
            )
    return values


def read_stage_limits(s: Session) -> dict[str, int]:
    """Days allowed per stage code; stages without a limit are left out."""
    return {
        k: v for k, v in _read(s, STAGE_LIMITS_KEY, DEFAULT_STAGE_LIMITS).items() if v != NO_LIMIT
    }


def read_stage_probabilities(s: Session) -> dict[str, int]:
    return _read(s, STAGE_PROBABILITIES_KEY, DEFAULT_STAGE_PROBABILITIES)


def _check(values: Mapping[str, int], low: int, high: int, what: str) -> None:
    for code, v in values.items():
        if isinstance(v, bool) or not isinstance(v, int) or not low <= v <= high:
            raise CrmError.from_code(f"stage_{what}_range", stage=code, low=low, high=high)


class PipelineSettingsService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def get(self) -> PipelineSettings:
        with self.ctx.reading() as s:
            return PipelineSettings(read_stage_limits(s), read_stage_probabilities(s))

    def save(
        self,
        limits: Mapping[str, int] | None = None,
        probabilities: Mapping[str, int] | None = None,
    ) -> None:
        """Both in one transaction. A limit is 1 to 3650 days, or 0: the stage never
        stalls; a probability is 0 to 100 %."""
        if limits is not None:
            _check(limits, 0, MAX_LIMIT_DAYS, "limit")
        if probabilities is not None:
            _check(probabilities, 0, 100, "probability")
        with self.ctx.unit_of_work() as s:
            for key, values in (
                (STAGE_LIMITS_KEY, limits),
                (STAGE_PROBABILITIES_KEY, probabilities),
            ):
                if values is None:
                    continue
                text = json.dumps(dict(values), sort_keys=True)
                row = s.get(Setting, key)
                if row is None:
                    s.add(Setting(key=key, value=text))
                else:
                    row.value = text
