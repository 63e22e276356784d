"""Spreadsheet columns: what our exports contain, and what other programs' headers mean.

``Field`` is a target a column can be mapped to in the import preview. Headers are
recognised in English, Russian and Chinese, including the column sets of Google
Contacts (old and new) and Outlook (English and Russian) CSV exports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Field(StrEnum):
    IGNORE = "ignore"
    FULL_NAME = "full_name"
    FAMILY_NAME = "family_name"  # any script: decided by the characters
    GIVEN_NAME = "given_name"
    MIDDLE_NAME = "middle_name"
    FAMILY_NAME_NATIVE = "family_name_native"
    GIVEN_NAME_NATIVE = "given_name_native"
    FAMILY_NAME_LATIN = "family_name_latin"
    GIVEN_NAME_LATIN = "given_name_latin"
    FAMILY_NAME_RU = "family_name_ru"
    GIVEN_NAME_RU = "given_name_ru"
    MIDDLE_NAME_RU = "middle_name_ru"
    ORGANIZATION = "organization"
    DEPARTMENT = "department"
    TITLE = "title"
    COUNTRY = "country"
    PHONE = "phone"  # kind from a label column, else "other"
    PHONE_MOBILE = "phone_mobile"
    PHONE_WORK = "phone_work"
    PHONE_HOME = "phone_home"
    PHONE_FAX = "phone_fax"
    EMAIL = "email"
    EMAIL_WORK = "email_work"
    EMAIL_HOME = "email_home"
    WECHAT = "wechat"
    TELEGRAM = "telegram"
    WHATSAPP = "whatsapp"
    MESSENGER = "messenger"  # service from a label column, or "Service: id" in the cell
    LANGUAGES = "languages"
    TAGS = "tags"
    NOTES = "notes"
    DECISION_MAKER = "decision_maker"
    UID = "uid"


class Dialect(StrEnum):
    CRM = "crm"  # our own export
    GOOGLE = "google"
    OUTLOOK = "outlook"
    GENERIC = "generic"


@dataclass(frozen=True)
class ExportColumn:
    """One column of our CSV/XLSX export: ``slot`` says what the writer puts in it,
    ``field`` what the importer maps it back to."""

    slot: str
    field: Field
    header_en: str
    header_ru: str
    width: float
    kind: str = "text"  # text | phone | bool

    def header(self, language: str) -> str:
        return self.header_ru if language == "ru" else self.header_en


# Our export, in order. "Name" is for mail merges; import uses it only when a row has
# no name parts. Extra phones and emails of one kind go to the "Other ..." columns.
EXPORT_COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("full_name", Field.FULL_NAME, "Name", "ФИО", 24),
    ExportColumn(
        "family_native", Field.FAMILY_NAME_NATIVE, "Family name", "Фамилия (родной язык)", 14
    ),
    ExportColumn("given_native", Field.GIVEN_NAME_NATIVE, "Given name", "Имя (родной язык)", 14),
    ExportColumn(
        "family_latin", Field.FAMILY_NAME_LATIN, "Family name (Latin)", "Фамилия (латиница)", 16
    ),
    ExportColumn("given_latin", Field.GIVEN_NAME_LATIN, "Given name (Latin)", "Имя (латиница)", 16),
    ExportColumn("family_ru", Field.FAMILY_NAME_RU, "Family name (Russian)", "Фамилия (рус.)", 16),
    ExportColumn("given_ru", Field.GIVEN_NAME_RU, "Given name (Russian)", "Имя (рус.)", 14),
    ExportColumn("middle_ru", Field.MIDDLE_NAME_RU, "Patronymic (Russian)", "Отчество (рус.)", 16),
    ExportColumn("organization", Field.ORGANIZATION, "Organization", "Организация", 28),
    ExportColumn("department", Field.DEPARTMENT, "Department", "Отдел", 18),
    ExportColumn("title", Field.TITLE, "Position", "Должность", 24),
    ExportColumn("country", Field.COUNTRY, "Country", "Страна", 8),
    ExportColumn(
        "phone_mobile", Field.PHONE_MOBILE, "Mobile phone", "Мобильный телефон", 20, "phone"
    ),
    ExportColumn("phone_work", Field.PHONE_WORK, "Work phone", "Рабочий телефон", 20, "phone"),
    ExportColumn("phone_home", Field.PHONE_HOME, "Home phone", "Домашний телефон", 20, "phone"),
    ExportColumn("phone_fax", Field.PHONE_FAX, "Fax", "Факс", 20, "phone"),
    ExportColumn("phones_other", Field.PHONE, "Other phones", "Другие телефоны", 22, "phone"),
    ExportColumn("email", Field.EMAIL, "Email", "Эл. почта", 28),
    ExportColumn("emails_other", Field.EMAIL, "Other emails", "Другие адреса эл. почты", 28),
    ExportColumn("wechat", Field.WECHAT, "WeChat", "WeChat", 16),
    ExportColumn("telegram", Field.TELEGRAM, "Telegram", "Telegram", 16),
    ExportColumn("messengers_other", Field.MESSENGER, "Other messengers", "Другие мессенджеры", 20),
    ExportColumn("languages", Field.LANGUAGES, "Languages", "Языки", 10),
    ExportColumn("tags", Field.TAGS, "Tags", "Теги", 18),
    ExportColumn(
        "decision_maker", Field.DECISION_MAKER, "Decision maker", "Принимает решения", 10, "bool"
    ),
    ExportColumn("notes", Field.NOTES, "Notes", "Заметки", 40),
    ExportColumn("uid", Field.UID, "ID", "ID", 38),
)


def _norm(header: str) -> str:
    text = header.replace("\ufeff", "").strip().strip('"').casefold()
    text = text.replace("ё", "е")
    return re.sub(r"\s+", " ", text)


_CRM_HEADERS = {_norm(c.header_en): c.field for c in EXPORT_COLUMNS}
_CRM_HEADERS.update({_norm(c.header_ru): c.field for c in EXPORT_COLUMNS})
_CRM_ONLY = {
    "family name (latin)",
    "фамилия (латиница)",
    "family name (russian)",
    "фамилия (рус.)",
    "other messengers",
    "другие мессенджеры",
    "фамилия (родной язык)",
}

_OUTLOOK = {
    # English
    "first name": Field.GIVEN_NAME,
    "middle name": Field.MIDDLE_NAME,
    "last name": Field.FAMILY_NAME,
    "company": Field.ORGANIZATION,
    "department": Field.DEPARTMENT,
    "job title": Field.TITLE,
    "business phone": Field.PHONE_WORK,
    "business phone 2": Field.PHONE_WORK,
    "company main phone": Field.PHONE_WORK,
    "home phone": Field.PHONE_HOME,
    "home phone 2": Field.PHONE_HOME,
    "mobile phone": Field.PHONE_MOBILE,
    "other phone": Field.PHONE,
    "primary phone": Field.PHONE,
    "car phone": Field.PHONE,
    "business fax": Field.PHONE_FAX,
    "home fax": Field.PHONE_FAX,
    "other fax": Field.PHONE_FAX,
    "e-mail address": Field.EMAIL,
    "e-mail 2 address": Field.EMAIL,
    "e-mail 3 address": Field.EMAIL,
    "categories": Field.TAGS,
    "notes": Field.NOTES,
    # Russian Outlook
    "имя": Field.GIVEN_NAME,
    "отчество": Field.MIDDLE_NAME,
    "фамилия": Field.FAMILY_NAME,
    "организация": Field.ORGANIZATION,
    "отдел": Field.DEPARTMENT,
    "должность": Field.TITLE,
    "рабочий телефон": Field.PHONE_WORK,
    "телефон раб. 2": Field.PHONE_WORK,
    "основной телефон организации": Field.PHONE_WORK,
    "домашний телефон": Field.PHONE_HOME,
    "телефон дом. 2": Field.PHONE_HOME,
    "телефон переносной": Field.PHONE_MOBILE,
    "мобильный телефон": Field.PHONE_MOBILE,
    "другой телефон": Field.PHONE,
    "основной телефон": Field.PHONE,
    "телефон в машине": Field.PHONE,
    "факс (раб.)": Field.PHONE_FAX,
    "рабочий факс": Field.PHONE_FAX,
    "факс (дом.)": Field.PHONE_FAX,
    "домашний факс": Field.PHONE_FAX,
    "другой факс": Field.PHONE_FAX,
    "адрес эл. почты": Field.EMAIL,
    "адрес 2 эл. почты": Field.EMAIL,
    "адрес 3 эл. почты": Field.EMAIL,
    "категории": Field.TAGS,
    "заметки": Field.NOTES,
}
# Headers only an Outlook export has: their presence names the dialect.
_OUTLOOK_MARKERS = {
    "e-mail display name",
    "e-mail type",
    "business street",
    "job title",
    "краткое имя эл. почты",
    "тип эл. почты",
    "улица (раб. адрес)",
    "обращение",
}

_GOOGLE = {
    # new (2023+) export
    "first name": Field.GIVEN_NAME,
    "middle name": Field.MIDDLE_NAME,
    "last name": Field.FAMILY_NAME,
    "phonetic first name": Field.GIVEN_NAME_LATIN,
    "phonetic last name": Field.FAMILY_NAME_LATIN,
    "organization name": Field.ORGANIZATION,
    "organization title": Field.TITLE,
    "organization department": Field.DEPARTMENT,
    "notes": Field.NOTES,
    "labels": Field.TAGS,
    # old export
    "name": Field.FULL_NAME,
    "given name": Field.GIVEN_NAME,
    "additional name": Field.MIDDLE_NAME,
    "family name": Field.FAMILY_NAME,
    "given name yomi": Field.GIVEN_NAME_LATIN,
    "family name yomi": Field.FAMILY_NAME_LATIN,
    "organization 1 - name": Field.ORGANIZATION,
    "organization 1 - title": Field.TITLE,
    "organization 1 - department": Field.DEPARTMENT,
    "group membership": Field.TAGS,
    "address 1 - country": Field.COUNTRY,  # where numbers without +country are read
}
_GOOGLE_PAIRED = re.compile(r"^(e-mail|phone|im) (\d+) - (value|label|type|service)$")
_GOOGLE_MARKERS = {
    "group membership",
    "labels",
    "organization name",
    "organization 1 - name",
    "phonetic first name",
    "given name yomi",
    "file as",
}

_GENERIC = {
    "full name": Field.FULL_NAME,
    "name": Field.FULL_NAME,
    "фио": Field.FULL_NAME,
    "ф.и.о.": Field.FULL_NAME,
    "имя и фамилия": Field.FULL_NAME,
    "姓名": Field.FULL_NAME,
    "姓": Field.FAMILY_NAME,
    "名": Field.GIVEN_NAME,
    "surname": Field.FAMILY_NAME,
    "position": Field.TITLE,
    "title": Field.TITLE,
    "职位": Field.TITLE,
    "职务": Field.TITLE,
    "компания": Field.ORGANIZATION,
    "organization": Field.ORGANIZATION,
    "organisation": Field.ORGANIZATION,
    "公司": Field.ORGANIZATION,
    "单位": Field.ORGANIZATION,
    "部门": Field.DEPARTMENT,
    "country": Field.COUNTRY,
    "страна": Field.COUNTRY,
    "phone": Field.PHONE,
    "phones": Field.PHONE,
    "telephone": Field.PHONE,
    "телефон": Field.PHONE,
    "телефоны": Field.PHONE,
    "电话": Field.PHONE,
    "mobile": Field.PHONE_MOBILE,
    "мобильный": Field.PHONE_MOBILE,
    "手机": Field.PHONE_MOBILE,
    "email": Field.EMAIL,
    "e-mail": Field.EMAIL,
    "emails": Field.EMAIL,
    "почта": Field.EMAIL,
    "эл. почта": Field.EMAIL,
    "электронная почта": Field.EMAIL,
    "邮箱": Field.EMAIL,
    "电子邮件": Field.EMAIL,
    "wechat": Field.WECHAT,
    "weixin": Field.WECHAT,
    "微信": Field.WECHAT,
    "вичат": Field.WECHAT,
    "telegram": Field.TELEGRAM,
    "телеграм": Field.TELEGRAM,
    "whatsapp": Field.WHATSAPP,
    "languages": Field.LANGUAGES,
    "языки": Field.LANGUAGES,
    "tags": Field.TAGS,
    "теги": Field.TAGS,
    "метки": Field.TAGS,
    "标签": Field.TAGS,
    "comment": Field.NOTES,
    "comments": Field.NOTES,
    "комментарий": Field.NOTES,
    "примечание": Field.NOTES,
    "примечания": Field.NOTES,
    "备注": Field.NOTES,
    "id": Field.UID,
    "uid": Field.UID,
}


@dataclass
class ColumnMapping:
    """Where one column of an imported table goes. ``label_index`` points at the column
    that types its values (Google's "Phone 1 - Label" for "Phone 1 - Value")."""

    index: int
    header: str
    field: Field
    label_index: int | None = None


def recognise(headers: list[str]) -> tuple[Dialect, list[ColumnMapping]]:
    """Guess the dialect and a mapping for every column."""
    norm = [_norm(h) for h in headers]
    names = set(norm)
    if names & _CRM_ONLY:
        dialect = Dialect.CRM
    elif names & _GOOGLE_MARKERS or any(_GOOGLE_PAIRED.match(n) for n in norm):
        dialect = Dialect.GOOGLE
    elif len(names & _OUTLOOK_MARKERS) >= 1 and len(names & set(_OUTLOOK)) >= 3:
        dialect = Dialect.OUTLOOK
    else:
        dialect = Dialect.GENERIC
    tables = {
        Dialect.CRM: (_CRM_HEADERS, _GENERIC),
        Dialect.GOOGLE: (_GOOGLE, _GENERIC),
        Dialect.OUTLOOK: (_OUTLOOK, _GENERIC),
        Dialect.GENERIC: (_CRM_HEADERS, _OUTLOOK, _GOOGLE, _GENERIC),
    }[dialect]
    paired: dict[tuple[str, str], int] = {}
    for i, n in enumerate(norm):
        m = _GOOGLE_PAIRED.match(n)
        if m:
            paired[(m.group(1) + m.group(2), m.group(3))] = i
    mappings: list[ColumnMapping] = []
    for i, (header, n) in enumerate(zip(headers, norm, strict=True)):
        field = Field.IGNORE
        label_index: int | None = None
        m = _GOOGLE_PAIRED.match(n)
        if m:
            kind, number, part = m.groups()
            if part == "value":
                field = {"e-mail": Field.EMAIL, "phone": Field.PHONE, "im": Field.MESSENGER}[kind]
                key = kind + number
                if kind == "im":
                    label_index = paired.get(
                        (key, "service"), paired.get((key, "label"), paired.get((key, "type")))
                    )
                else:
                    label_index = paired.get((key, "label"), paired.get((key, "type")))
        else:
            for table in tables:
                if n in table:
                    field = table[n]
                    break
        mappings.append(ColumnMapping(i, header, field, label_index))
    return dialect, mappings
