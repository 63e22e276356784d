"""Translated names of the domain's enumerations and stages, and how names are shown."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLocale

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


def stage_name(stage: Stage | None) -> str:
    if stage is None:
        return ""
    return stage.name_ru if is_russian() else stage.name_en


def names_side_by_side(*names: str) -> str:
    """Chinese · pinyin/English · Russian, skipping empty and repeated ones."""
    seen: list[str] = []
    for n in names:
        n = (n or "").strip()
        if n and n not in seen:
            seen.append(n)
    return " · ".join(seen)


def money(amount: object, currency: str) -> str:
    if amount is None:
        return ""
    try:
        text = QLocale().toString(float(amount), "f", 0)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        text = str(amount)
    return f"{text} {currency}".strip()


def number(value: object) -> str:
    if value is None:
        return ""
    try:
        return QLocale().toString(int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return str(value)
