"""How values read in the interface language: enumerations, stages, record and field names,
countries and languages by name, numbers, money, areas, phones and dates.

The one place for formatting in the UI. The formatters take the language ("ru" or "en")
and default to the interface's; they need no QApplication (plain functions, tested as such).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLocale

from crm_desktop.documents.labels import COUNTRY_NAMES
from crm_desktop.domain.models import (
    CompanyKind,
    Confidentiality,
    MeasureKind,
    MeetingFormat,
    ProjectStatus,
    SiteKind,
    Stage,
    TaskStatus,
)
from crm_desktop.domain.validation import ISO_3166
from crm_desktop.text.phones import international

translate = QCoreApplication.translate  # a name lupdate recognises


def enum_label(value: StrEnum | None) -> str:
    if value is None:
        return ""
    table: dict[StrEnum, str] = {
        CompanyKind.INVESTOR: translate("labels", "Investor"),
        CompanyKind.PARTNER: translate("labels", "Partner"),
        CompanyKind.GOVERNMENT: translate("labels", "Government body"),
        CompanyKind.ASSOCIATION: translate("labels", "Association"),
        CompanyKind.OTHER: translate("labels", "Other"),
        ProjectStatus.ACTIVE: translate("labels", "Active"),
        ProjectStatus.WON: translate("labels", "Won"),
        ProjectStatus.LOST: translate("labels", "Lost"),
        ProjectStatus.ON_HOLD: translate("labels", "On hold"),
        MeetingFormat.IN_PERSON: translate("labels", "In person"),
        MeetingFormat.VIDEO: translate("labels", "Video call"),
        MeetingFormat.PHONE: translate("labels", "Phone call"),
        MeetingFormat.EVENT: translate("labels", "Event"),
        Confidentiality.PUBLIC: translate("labels", "Public"),
        Confidentiality.INTERNAL: translate("labels", "Internal"),
        Confidentiality.CONFIDENTIAL: translate("labels", "Confidential"),
        TaskStatus.OPEN: translate("labels", "Open"),
        TaskStatus.DONE: translate("labels", "Done"),
        TaskStatus.CANCELLED: translate("labels", "Cancelled"),
        SiteKind.INDUSTRIAL_PARK: translate("labels", "Industrial park"),
        SiteKind.SEZ: translate("labels", "Special economic zone"),
        SiteKind.TECHNOPARK: translate("labels", "Technopark"),
        SiteKind.COWORKING: translate("labels", "Industrial coworking"),
        SiteKind.PLOT: translate("labels", "Land plot"),
        SiteKind.BUILDING: translate("labels", "Building"),
        MeasureKind.TAX: translate("labels", "Tax incentive"),
        MeasureKind.SUBSIDY: translate("labels", "Subsidy"),
        MeasureKind.LOAN: translate("labels", "Loan"),
        MeasureKind.LAND_LEASE: translate("labels", "Land lease"),
        MeasureKind.INFRASTRUCTURE: translate("labels", "Infrastructure"),
        MeasureKind.CONSULTING: translate("labels", "Consulting"),
        MeasureKind.OTHER: translate("labels", "Other"),
    }
    return table.get(value, str(value))


def is_russian() -> bool:
    return QLocale().language() == QLocale.Language.Russian


class _StageNames(Protocol):
    def name(self, lang: str) -> str: ...


def stage_name(stage: Stage | _StageNames | None, lang: str | None = None) -> str:
    """A stage in the interface language (or ``lang``): the one place that picks it."""
    if stage is None:
        return ""
    return stage.name(lang or ui_language())


def names_side_by_side(*names: str) -> str:
    """Chinese · pinyin/English · Russian, skipping empty and repeated ones."""
    seen: list[str] = []
    for n in names:
        n = (n or "").strip()
        if n and n not in seen:
            seen.append(n)
    return " · ".join(seen)


def ui_language() -> str:
    """'ru', 'en' or 'zh': the language the default QLocale (set with the translators)
    speaks. Numbers, dates and names of codes follow the Russian rules or the English."""
    lang = QLocale().language()
    if lang == QLocale.Language.Russian:
        return "ru"
    if lang == QLocale.Language.Chinese:
        return "zh"
    return "en"


# -- names of codes ---------------------------------------------------------------------------


def country_name(code: str | None, lang: str | None = None) -> str:
    """'CN' -> 'Китай' / 'China'; a code without a name stays the code."""
    code = (code or "").strip().upper()
    names = COUNTRY_NAMES.get(code)
    if not names:
        return code
    return names[0] if (lang or ui_language()) == "ru" else names[1]


def country_choices(services: object = None) -> list[tuple[str, str]]:
    """(code, name) for a country combo box: the named countries by name, then the other
    ISO 3166 codes as codes (a form's options callable; ``services`` is not needed)."""
    named = sorted(((c, country_name(c)) for c in COUNTRY_NAMES), key=lambda x: x[1])
    others = [(c, c) for c in sorted(ISO_3166 - COUNTRY_NAMES.keys())]
    return named + others


def language_name(code: str | None, lang: str | None = None) -> str:
    """'zh' -> 'китайский' / 'Chinese'; a name in Russian or English ('китайский', as older
    records hold it) is shown the same way; anything else stays as written."""
    key = (code or "").strip().lower()
    names = _LANGUAGE_NAMES.get(key.split("-")[0]) or _LANGUAGE_BY_NAME.get(key)
    if not names:
        return code or ""
    return names[0] if (lang or ui_language()) == "ru" else names[1]


def language_names(codes: object, lang: str | None = None) -> str:
    """Language codes ("zh, ru" or ["zh", "ru"]) as names: 'китайский, русский'."""
    if isinstance(codes, str):
        items = [c.strip() for c in codes.replace(";", ",").split(",")]
    else:
        items = [str(c).strip() for c in (codes or [])]  # type: ignore[attr-defined]
    return ", ".join(language_name(c, lang) for c in items if c)


# ISO 639-1 codes of the languages the delegations meet; written lower-case in Russian.
_LANGUAGE_NAMES: dict[str, tuple[str, str]] = {
    "ru": ("русский", "Russian"),
    "en": ("английский", "English"),
    "zh": ("китайский", "Chinese"),
    "ko": ("корейский", "Korean"),
    "ja": ("японский", "Japanese"),
    "de": ("немецкий", "German"),
    "fr": ("французский", "French"),
    "it": ("итальянский", "Italian"),
    "es": ("испанский", "Spanish"),
    "pt": ("португальский", "Portuguese"),
    "ar": ("арабский", "Arabic"),
    "tr": ("турецкий", "Turkish"),
    "fa": ("персидский", "Persian"),
    "hi": ("хинди", "Hindi"),
    "vi": ("вьетнамский", "Vietnamese"),
    "th": ("тайский", "Thai"),
    "id": ("индонезийский", "Indonesian"),
    "ms": ("малайский", "Malay"),
    "kk": ("казахский", "Kazakh"),
    "uz": ("узбекский", "Uzbek"),
    "be": ("белорусский", "Belarusian"),
    "tt": ("татарский", "Tatar"),
}
_LANGUAGE_BY_NAME = {name.lower(): names for names in _LANGUAGE_NAMES.values() for name in names}


def encoding_name(encoding: str) -> str:
    """A text encoding as users know it ("Unicode (UTF-8, Excel)"), not its codec name."""
    table = {
        "utf-8": translate("labels", "Unicode (UTF-8)"),
        "utf-8-sig": translate("labels", "Unicode (UTF-8, Excel)"),
        "utf-16": translate("labels", "Unicode (UTF-16)"),
        "cp1251": translate("labels", "Cyrillic (Windows-1251)"),
    }
    return table.get(encoding.lower(), encoding.upper())


def entity_name(entity: str) -> str:
    """A record type of the services ("company", "support_measure") as the user calls it."""
    table = {
        "company": translate("labels", "company"),
        "contact": translate("labels", "contact"),
        "project": translate("labels", "project"),
        "meeting": translate("labels", "meeting"),
        "task": translate("labels", "task"),
        "member": translate("labels", "member of our team"),
        "stage": translate("labels", "stage"),
        "site": translate("labels", "site"),
        "support_measure": translate("labels", "support measure"),
        "tag": translate("labels", "tag"),
        "trip": translate("labels", "trip"),
        "attachment": translate("labels", "attachment"),
    }
    return table.get(entity, entity)


def field_label(field: str) -> str:
    """A service's field name ("phones.0", "capex_currency") as the form calls it."""
    name = field.split(".", 1)[0]
    table = {
        "name": translate("labels", "Name"),
        "name_native": translate("labels", "Name in Chinese"),
        "name_latin": translate("labels", "Latin name"),
        "name_ru": translate("labels", "Russian name"),
        "title": translate("labels", "Title"),
        "title_en": translate("labels", "Title in English"),
        "title_zh": translate("labels", "Title in Chinese"),
        "second_language": translate("labels", "Partner's language"),
        "title_alt": translate("labels", "Title in the partner's language"),
        "place_alt": translate("labels", "Place in the partner's language"),
        "agenda_alt": translate("labels", "Agenda in the partner's language"),
        "agreements_alt": translate("labels", "Agreements in the partner's language"),
        "next_steps_alt": translate("labels", "Next steps in the partner's language"),
        "family_name_native": translate("labels", "Family name (汉字)"),
        "given_name_native": translate("labels", "Given name (汉字)"),
        "family_name_latin": translate("labels", "Family name (Latin)"),
        "given_name_latin": translate("labels", "Given name (Latin)"),
        "family_name_ru": translate("labels", "Family name (Russian)"),
        "given_name_ru": translate("labels", "Given name (Russian)"),
        "position": translate("labels", "Position"),
        "department": translate("labels", "Department"),
        "email": translate("labels", "Email"),
        "emails": translate("labels", "Email"),
        "phone": translate("labels", "Phone"),
        "phones": translate("labels", "Phone"),
        "wechat": translate("labels", "WeChat"),
        "telegram": translate("labels", "Telegram"),
        "languages": translate("labels", "Languages"),
        "country": translate("labels", "Country"),
        "countries": translate("labels", "Countries"),
        "city": translate("labels", "City"),
        "address": translate("labels", "Address"),
        "website": translate("labels", "Website"),
        "industry": translate("labels", "Industry"),
        "registration_code": translate("labels", "Registration code"),
        "employees": translate("labels", "Employees"),
        "revenue": translate("labels", "Revenue"),
        "revenue_currency": translate("labels", "Revenue currency"),
        "capex": translate("labels", "Capex"),
        "capex_currency": translate("labels", "Capex currency"),
        "jobs": translate("labels", "Jobs"),
        "probability": translate("labels", "Probability"),
        "floor_area_m2": translate("labels", "Floor area"),
        "available_area_m2": translate("labels", "Available area"),
        "land_area_ha": translate("labels", "Land area"),
        "company_id": translate("labels", "Company"),
        "stage_id": translate("labels", "Stage"),
        "status_reason": translate("labels", "Reason"),
        "start_date": translate("labels", "Start date"),
        "end_date": translate("labels", "End date"),
        "starts_at": translate("labels", "Start"),
        "duration_min": translate("labels", "Duration"),
        "timezone": translate("labels", "Time zone"),
        "filename": translate("labels", "File name"),
        "our_participants": translate("labels", "Our side"),
        "their_participants": translate("labels", "Their side"),
        "our_participants_order": translate("labels", "Our side: order set by hand"),
        "their_participants_order": translate("labels", "Their side: order set by hand"),
    }
    return table.get(name, name)


# -- numbers, money, areas, phones, dates -----------------------------------------------------

NARROW_NBSP = "\u202f"  # Russian groups digits with a narrow no-break space: 18 000


def format_number(value: object, lang: str | None = None, decimals: int | None = None) -> str:
    """18000 -> '18 000' (narrow no-break spaces) / '18,000'; 12.5 -> '12,5' / '12.5'.

    Without ``decimals``, whole numbers show none and others at most two (trailing zeros
    dropped)."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if decimals is None:
        places = 0 if number == number.to_integral_value() else 2
        text = f"{number:,.{places}f}"
        if places:
            text = text.rstrip("0").rstrip(".")
    else:
        text = f"{number:,.{decimals}f}"
    if (lang or ui_language()) == "ru":
        return text.replace(",", NARROW_NBSP).replace(".", ",")
    return text


def number(value: object) -> str:
    """An integer count in the interface language ('' for none)."""
    return format_number(value)


def format_money(amount: object, currency: str | None, lang: str | None = None) -> str:
    """A short amount: '9,8 млрд CNY' / '9.8 bn CNY', '15 млн USD', '800 000 CNY'."""
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        return f"{amount} {currency or ''}".strip()
    lang = lang or ui_language()
    currency = currency or ""
    for size, ru, en in ((Decimal(10) ** 9, "млрд", "bn"), (Decimal(10) ** 6, "млн", "M")):
        if abs(value) >= size:
            scaled = value / size
            places = 0 if abs(scaled) >= 100 or scaled == scaled.to_integral_value() else 1
            text = format_number(round(scaled, places), lang, places)
            return f"{text} {ru if lang == 'ru' else en} {currency}".strip()
    return f"{format_number(value, lang, 0)} {currency}".strip()


def format_area(value: object, unit: str = "m2", lang: str | None = None) -> str:
    """18000 -> '18 000 м²' / '18,000 m²'; hectares with unit='ha': '12,5 га' / '12.5 ha'."""
    text = format_number(value, lang)
    if not text:
        return ""
    ru = (lang or ui_language()) == "ru"
    suffix = ("га" if ru else "ha") if unit == "ha" else ("м²" if ru else "m²")
    return f"{text}\u00a0{suffix}"


@lru_cache(maxsize=4096)
def format_phone(value: str | None) -> str:
    """'+862159881001' -> '+86 21 5988 1001' (international format); other text as is.
    Cached: list models call it for every painted cell, and parsing costs ~50 µs."""
    text = (value or "").strip()
    if not text.startswith("+"):
        return text
    return international(text)


_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(value: dt.date | None, lang: str | None = None) -> str:
    """One date format per language: '04.12.2026' / '4 Dec 2026' (datetimes: their date)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if (lang or ui_language()) == "ru":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"


def date_edit_format(lang: str | None = None) -> str:
    """The same date format for a QDateEdit: 'dd.MM.yyyy' / 'd MMM yyyy'."""
    return "dd.MM.yyyy" if (lang or ui_language()) == "ru" else "d MMM yyyy"


def format_datetime(value: dt.datetime | None, lang: str | None = None) -> str:
    """'04.12.2026 14:30' / '4 Dec 2026 14:30', in the time zone the value carries."""
    if value is None:
        return ""
    return f"{format_date(value, lang)} {value.hour:02d}:{value.minute:02d}"


def local_datetime(value: dt.datetime | None, lang: str | None = None) -> str:
    """A stored (UTC) moment in this computer's time zone, formatted as format_datetime."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return format_datetime(value.astimezone(), lang)
