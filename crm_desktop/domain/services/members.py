from __future__ import annotations

from dataclasses import dataclass

from crm_desktop.domain import kinds
from crm_desktop.domain.models import Member
from crm_desktop.domain.services.base import Service
from crm_desktop.domain.validation import Checker


@dataclass
class MemberInput:
    name: str
    name_latin: str = ""
    position: str = ""
    department: str = ""
    email: str = ""
    phone: str = ""
    active: bool = True
    # the position as a partner's copy prints it in English / Chinese (empty: a known title
    # is translated, any other printed as recorded)
    position_en: str = ""
    position_zh: str = ""

    @classmethod
    def from_row(cls, r: Member) -> MemberInput:
        return cls(
            r.name,
            r.name_latin,
            r.position,
            r.department,
            r.email,
            r.phone,
            r.active,
            r.position_en,
            r.position_zh,
        )


class MemberService(Service[Member]):
    model = Member
    entity = kinds.MEMBER.name
    SORTS = {
        "name": Member.name,
        "position": Member.position,
        "department": Member.department,
        "updated": Member.updated_at,
    }
    TEXT_COLUMNS = (Member.name, Member.name_latin, Member.position, Member.email)

    def _clean(self, data: MemberInput) -> MemberInput:
        c = Checker()
        out = MemberInput(
            name=c.required("name", data.name),
            name_latin=c.text("name_latin", data.name_latin),
            position=c.text("position", data.position),
            department=c.text("department", data.department),
            email=c.email("email", data.email),
            phone=c.phone("phone", data.phone, "RU"),
            active=data.active,
            position_en=c.text("position_en", data.position_en),
            position_zh=c.text("position_zh", data.position_zh),
        )
        c.raise_if_any()
        return out
