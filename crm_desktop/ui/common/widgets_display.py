"""How records read on screen: names in the interface language, money, member names.

Shared by the pipeline board, the meeting editor and the tasks view. Texts are translated
in the context "Display".
"""

from __future__ import annotations

from decimal import Decimal

from crm_desktop.domain.models import Company, Contact, Member
from crm_desktop.domain.services.companies import CompanyChoice
from crm_desktop.ui.common import labels


def member_name(member: Member | None, lang: str) -> str:
    """Members are written in Russian; an English interface prefers the Latin form."""
    if member is None:
        return ""
    if lang != "ru" and member.name_latin:
        return member.name_latin
    return member.name


def person_short_name(name: str, name_latin: str, lang: str) -> str:
    """A member's Russian full name as 'Белов Д. С.', or the Latin form outside Russian."""
    if lang != "ru" and name_latin:
        return name_latin
    parts = name.split()
    if len(parts) >= 2:
        return parts[0] + " " + " ".join(p[0] + "." for p in parts[1:])
    return name


def company_names(company: Company | None) -> str:
    """Native name and Latin name side by side: '凯源泵业集团有限公司 · Kaiyuan Pump Group'."""
    if company is None:
        return ""
    parts = [company.name_native, company.name_latin or company.name]
    seen: list[str] = []
    for p in parts:
        if p and p not in seen:
            seen.append(p)
    return " · ".join(seen)


def company_label(company: Company | CompanyChoice | None, lang: str) -> str:
    """One line for a combo box: the name in the interface language, the native one after it."""
    if company is None:
        return ""
    first = (company.name_ru if lang == "ru" else "") or company.name_latin or company.name
    if company.name_native and company.name_native != first:
        return f"{first} ({company.name_native})"
    return first


def contact_label(contact: Contact, lang: str) -> str:
    """'王建国 · Jianguo Wang · Ван Цзяньго — Chairman'."""
    names = [contact.name_native, contact.name_latin, contact.name_ru]
    if lang == "ru":
        names = [contact.name_native, contact.name_ru, contact.name_latin]
    seen: list[str] = []
    for n in names:
        if n and n not in seen:
            seen.append(n)
    text = " · ".join(seen) or contact.display_name
    if contact.position:
        text += " — " + contact.position
    return text


def format_totals(totals: dict[str, Decimal]) -> str:
    """Capex per currency, largest first: '6.2 bn RUB + 55 M USD'."""
    parts = [labels.format_money(v, c) for c, v in sorted(totals.items(), key=lambda kv: -kv[1])]
    return " + ".join(parts)
