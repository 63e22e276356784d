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


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def enum_label(value: StrEnum | None) -> str:
    if value is None:
        return ""
    table: dict[StrEnum, str] = {
        CompanyKind.INVESTOR: _t("Investor"),
        CompanyKind.PARTNER: _t("Partner"),
        CompanyKind.GOVERNMENT: _t("Government body"),
        CompanyKind.ASSOCIATION: _t("Association"),
        CompanyKind.OTHER: _t("Other"),
        ProjectStatus.ACTIVE: _t("Active"),
        ProjectStatus.WON: _t("Won"),
        ProjectStatus.LOST: _t("Lost"),
        ProjectStatus.ON_HOLD: _t("On hold"),
        MeetingFormat.IN_PERSON: _t("In person"),
        MeetingFormat.VIDEO: _t("Video call"),
        MeetingFormat.PHONE: _t("Phone call"),
        MeetingFormat.EVENT: _t("Event"),
        Confidentiality.PUBLIC: _t("Public"),
        Confidentiality.INTERNAL: _t("Internal"),
        Confidentiality.CONFIDENTIAL: _t("Confidential"),
        TaskStatus.OPEN: _t("Open"),
        TaskStatus.DONE: _t("Done"),
        TaskStatus.CANCELLED: _t("Cancelled"),
        SiteKind.INDUSTRIAL_PARK: _t("Industrial park"),
        SiteKind.SEZ: _t("Special economic zone"),
        SiteKind.TECHNOPARK: _t("Technopark"),
        SiteKind.COWORKING: _t("Industrial coworking"),
        SiteKind.PLOT: _t("Land plot"),
        SiteKind.BUILDING: _t("Building"),
        MeasureKind.TAX: _t("Tax incentive"),
        MeasureKind.SUBSIDY: _t("Subsidy"),
        MeasureKind.LOAN: _t("Loan"),
        MeasureKind.LAND_LEASE: _t("Land lease"),
        MeasureKind.INFRASTRUCTURE: _t("Infrastructure"),
        MeasureKind.CONSULTING: _t("Consulting"),
        MeasureKind.OTHER: _t("Other"),
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
