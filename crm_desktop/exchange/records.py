"""Neutral records that every reader produces and every writer consumes.

They know nothing about the database: the bridge in ``contacts_io`` maps them to and
from the domain models, so the file formats can be tested on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    WORK = "work"
    HOME = "home"
    FAX = "fax"
    OTHER = "other"


class EmailKind(StrEnum):
    WORK = "work"
    HOME = "home"
    OTHER = "other"


class Messenger(StrEnum):
    WECHAT = "wechat"
    TELEGRAM = "telegram"
    WHATSAPP = "whatsapp"
    QQ = "qq"
    SKYPE = "skype"
    LINE = "line"
    VIBER = "viber"
    OTHER = "other"


@dataclass
class Phone:
    number: str
    kind: PhoneKind = PhoneKind.OTHER


@dataclass
class Email:
    address: str
    kind: EmailKind = EmailKind.OTHER


@dataclass
class MessengerId:
    service: Messenger
    handle: str


@dataclass
class ContactRecord:
    """One person as files describe them.

    Names are kept per script: ``family_name``/``given_name`` in the native script
    (汉字, or the only form a Western name has), ``*_latin`` the Latin/pinyin form, and
    ``*_ru`` the Russian form. ``full_name`` carries a display name a file gave without
    parts. ``source_line`` is the 1-based line (or spreadsheet row) where the record
    starts in the file it came from.
    """

    family_name: str = ""
    given_name: str = ""
    middle_name: str = ""
    family_name_latin: str = ""
    given_name_latin: str = ""
    family_name_ru: str = ""
    given_name_ru: str = ""
    middle_name_ru: str = ""
    full_name: str = ""
    organization: str = ""
    department: str = ""
    title: str = ""
    country: str = ""
    phones: list[Phone] = field(default_factory=list)
    emails: list[Email] = field(default_factory=list)
    messengers: list[MessengerId] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    decision_maker: bool | None = None
    uid: str = ""
    source_line: int = 0

    def messenger(self, service: Messenger) -> str:
        for m in self.messengers:
            if m.service == service:
                return m.handle
        return ""

    def is_empty(self) -> bool:
        """No name, no organisation and no way to reach the person."""
        return not (
            self.family_name
            or self.given_name
            or self.family_name_latin
            or self.given_name_latin
            or self.family_name_ru
            or self.given_name_ru
            or self.full_name
            or self.organization
            or self.phones
            or self.emails
            or self.messengers
        )


@dataclass
class Attendee:
    name: str
    email: str = ""
    ours: bool = True  # a member of our side (True) or one of their contacts


@dataclass
class MeetingRecord:
    """A meeting as a calendar event. ``start`` is timezone-aware; ``tzid`` is the venue's
    IANA zone (e.g. ``Asia/Shanghai``) so calendars show it at the venue's hour."""

    uid: str
    title: str
    start: datetime
    duration: timedelta
    tzid: str
    location: str = ""
    description: str = ""
    attendees: list[Attendee] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    confidential: bool = False
    created: datetime | None = None
    updated: datetime | None = None
