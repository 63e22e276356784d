"""What the meeting editor keeps in a draft: every input, as plain JSON-able values.

Qt-free (the editor reads and fills its widgets). Ids refer to records that may have been
deleted since; the editor then leaves that choice empty. Unknown keys from a newer
version are ignored, missing ones take the defaults, so an old draft still opens.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

DRAFT_KIND = "meeting"  # the kind of draft in the DraftStore


@dataclass
class NextStepDraft:
    title: str = ""
    owner_id: str | None = None
    due_date: str = ""  # ISO date


@dataclass
class MeetingDraft:
    meeting_id: str | None = None  # None: a meeting not recorded yet
    title: str = ""
    trip_id: str | None = None
    company_id: str | None = None
    company_text: str = ""  # typed into the company box without picking a company
    project_id: str | None = None
    date: str = ""  # ISO date in the venue's time zone
    time: str = ""  # HH:MM, venue time
    timezone: str = ""
    duration_min: int = 60
    format: str = ""
    place: str = ""
    language: str = ""
    interpreter: str = ""
    confidentiality: str = ""
    member_ids: list[str] = field(default_factory=list)
    contact_ids: list[str] = field(default_factory=list)
    agenda: str = ""
    discussion: str = ""
    agreements: str = ""
    next_steps: list[NextStepDraft] = field(default_factory=list)
    stage_move: bool = False
    stage_id: str | None = None
    stage_note: str = ""
    partner_text: dict[str, str] = field(default_factory=dict)  # ui.partner_text.PartnerText

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MeetingDraft:
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        step_names = {f.name for f in fields(NextStepDraft)}
        values["next_steps"] = [
            NextStepDraft(**{k: v for k, v in step.items() if k in step_names})
            for step in data.get("next_steps") or []
            if isinstance(step, dict)
        ]
        return cls(**values)
