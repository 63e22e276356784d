"""A printable contact sheet: every name form, organisation, position and how to reach them.

Part of the exchange (export contacts --format pdf), over its ``ContactRecord``; built on
the documents' ``DocumentRenderer`` so it has the same fonts (Latin, Cyrillic and CJK
runs), header, confidentiality marking and "Page X of Y" footer as the memos.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from crm_desktop.documents.base import ACCENT, CONTENT_WIDTH, RULE, ZEBRA, DocumentRenderer
from crm_desktop.documents.fonts import SANS
from crm_desktop.exchange.messengers import SERVICE_LABEL
from crm_desktop.exchange.records import ContactRecord
from crm_desktop.text.names import join_name
from crm_desktop.text.phones import international
from crm_desktop.text.scripts import is_cjk

_TEXT = {
    "ru": {
        "title": "Список контактов",
        "count": "Контактов: {n}",
        "name": "Имя",
        "org": "Организация, должность",
        "phones": "Телефоны",
        "reach": "Эл. почта, мессенджеры",
        "empty": "Нет контактов.",
    },
    "en": {
        "title": "Contact list",
        "count": "Contacts: {n}",
        "name": "Name",
        "org": "Organisation, position",
        "phones": "Phones",
        "reach": "Email, messengers",
        "empty": "No contacts.",
    },
    "zh": {
        "title": "联系人名单",
        "count": "联系人：{n}",
        "name": "姓名",
        "org": "单位、职务",
        "phones": "电话",
        "reach": "电子邮件、即时通讯",
        "empty": "没有联系人。",
    },
}
_PHONE_KIND = {
    "ru": {"mobile": "моб.", "work": "раб.", "home": "дом.", "fax": "факс", "other": ""},
    "en": {"mobile": "mob.", "work": "work", "home": "home", "fax": "fax", "other": ""},
    "zh": {"mobile": "手机", "work": "工作", "home": "家", "fax": "传真", "other": ""},
}


@dataclass
class ContactSheet:
    contacts: Sequence[ContactRecord]
    title: str = ""
    confidentiality: str | None = None


class ContactSheetRenderer(DocumentRenderer[ContactSheet]):
    def _lang(self) -> str:
        code = self.labels.primary.code
        return code if code in _TEXT else "en"

    def _t(self, key: str) -> str:
        return _TEXT[self._lang()][key]

    def title(self, data: ContactSheet) -> str:
        return data.title or self._t("title")

    def confidentiality(self, data: ContactSheet) -> str | None:
        return data.confidentiality

    def _names(self, c: ContactRecord) -> Paragraph:
        native = join_name(c.family_name, c.given_name, c.middle_name)
        latin = (
            " ".join(p for p in (c.family_name_latin, c.given_name_latin) if p)
            if is_cjk(c.family_name + c.given_name)
            else join_name(c.family_name_latin, c.given_name_latin)
        )
        russian = join_name(c.family_name_ru, c.given_name_ru, c.middle_name_ru)
        lines = [x for x in dict.fromkeys((native, latin, russian)) if x] or [c.full_name]
        markup = self.fonts.markup(lines[0], True)
        for extra in lines[1:]:
            markup += "<br/>" + self.fonts.markup(extra)
        return Paragraph(markup, self.styles.cell)

    def _lines(self, lines: list[str]) -> Paragraph:
        return Paragraph("<br/>".join(self.fonts.markup(x) for x in lines if x), self.styles.cell)

    def story(self, data: ContactSheet) -> list[Flowable]:
        out: list[Flowable] = [
            self.p(self.title(data), self.styles.title, True),
            self.p(self._t("count").format(n=len(data.contacts)), self.styles.muted),
            Spacer(0, 8),
        ]
        if not data.contacts:
            out.append(self.p(self._t("empty"), self.styles.muted))
            return out
        kinds = _PHONE_KIND[self._lang()]
        head = [
            Paragraph(self.fonts.markup(self._t(k), True), self.styles.cell_bold)
            for k in ("name", "org", "phones", "reach")
        ]
        rows: list[list[object]] = [["№", *head]]
        for i, c in enumerate(data.contacts, 1):
            org = [c.organization, ", ".join(x for x in (c.department, c.title) if x)]
            phones = [
                # no-break spaces: a number never wraps in the middle
                (f"{kinds[p.kind.value]} " if kinds[p.kind.value] else "")
                + international(p.number).replace(" ", "\u00a0")
                for p in c.phones
            ]
            reach = [e.address for e in c.emails] + [
                f"{SERVICE_LABEL[m.service]}: {m.handle}" for m in c.messengers
            ]
            rows.append(
                [str(i), self._names(c), self._lines(org), self._lines(phones), self._lines(reach)]
            )
        widths = [6, 40, 46, 52, 50]
        total = sum(widths)
        table = Table(
            rows, colWidths=[w * CONTENT_WIDTH / total for w in widths], repeatRows=1, hAlign="LEFT"
        )
        style: list[Any] = [
            ("FONT", (0, 0), (-1, -1), SANS, 8.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        for r in range(2, len(rows), 2):
            style.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
        table.setStyle(TableStyle(style))
        out.append(table)
        return out


def render_contact_sheet(
    contacts: Sequence[ContactRecord],
    *,
    title: str = "",
    language: str = "ru",
    organisation: str = "",
    generated_at: dt.datetime | None = None,
    confidentiality: str | None = None,
) -> bytes:
    """The PDF bytes of a contact sheet (the caller writes the file)."""
    renderer = ContactSheetRenderer(
        language, organisation, generated_at=generated_at or dt.datetime.now(dt.UTC)
    )
    return renderer.render(ContactSheet(list(contacts), title, confidentiality))
