"""The create/edit forms of every record type, described as fields of their Input classes."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from crm_desktop.domain.models import (
    CompanyKind,
    MeasureKind,
    ProjectStatus,
    SiteKind,
    TaskStatus,
)
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import ContactInput
from crm_desktop.domain.services.members import MemberInput
from crm_desktop.domain.services.projects import ProjectInput
from crm_desktop.domain.services.reference import MeasureInput, SiteInput
from crm_desktop.domain.services.tasks import TaskInput
from crm_desktop.domain.services.trips import TripInput
from crm_desktop.ui.labels import enum_label, names_side_by_side, stage_name
from crm_desktop.ui.record_form import Field, FormSpec, NamesRow


def _t(text: str) -> str:
    return QCoreApplication.translate("forms", text)


def enum_options(enum: type[StrEnum]):  # noqa: ANN201
    return lambda services: [(m.value, enum_label(m)) for m in enum]


def company_options(services: Services) -> Sequence[tuple[object, str]]:
    return [(c.id, names_side_by_side(c.name, c.name_native, c.name_ru))
            for c in services.companies.list(services.companies.query(limit=5000))]


def member_options(services: Services) -> Sequence[tuple[object, str]]:
    return [(m.id, names_side_by_side(m.name, m.name_latin)) for m in services.members.list()]


def stage_options(services: Services) -> Sequence[tuple[object, str]]:
    return [(s.id, f"{s.position}. {stage_name(s)}") for s in services.stages.list()]


def tag_options(services: Services) -> Sequence[tuple[object, str]]:
    return [(t.id, t.name) for t in services.tags.list()]


def site_options(services: Services) -> Sequence[tuple[object, str]]:
    return [(s.id, s.name) for s in services.sites.list()]


def measure_options(services: Services) -> Sequence[tuple[object, str]]:
    return [(m.id, m.name) for m in services.measures.list()]


def trip_options(services: Services) -> Sequence[tuple[object, str]]:
    return [(t.id, t.title) for t in services.trips.list()]


def project_options(services: Services) -> Sequence[tuple[object, str]]:
    return [(p.id, p.title) for p in services.projects.list(services.projects.query(limit=5000))]


def company_form() -> FormSpec:
    return FormSpec(lambda: _t("Company"), CompanyInput, [
        NamesRow([Field("name_native", lambda: _t("In Chinese characters (汉字)")),
                  Field("name_latin", lambda: _t("Pinyin / English")),
                  Field("name_ru", lambda: _t("Russian"))], lambda: _t("Name")),
        Field("name", lambda: _t("Display name"),
              placeholder=lambda: _t("Taken from the names above when empty")),
        Field("kind", lambda: _t("Kind"), "choice", enum_options(CompanyKind), optional=False,
              enum=CompanyKind),
        Field("country", lambda: _t("Country (ISO code)"), placeholder=lambda: "CN"),
        Field("city", lambda: _t("City")),
        Field("address", lambda: _t("Address")),
        Field("website", lambda: _t("Website")),
        Field("industry", lambda: _t("Industry")),
        Field("registration_code", lambda: _t("Registration code")),
        Field("employees", lambda: _t("Employees"), "int"),
        Field("revenue", lambda: _t("Revenue"), "decimal"),
        Field("revenue_currency", lambda: _t("Revenue currency"), placeholder=lambda: "CNY"),
        Field("tag_ids", lambda: _t("Tags"), "multi", tag_options),
        Field("description", lambda: _t("Description"), "multiline"),
    ])


def contact_form() -> FormSpec:
    return FormSpec(lambda: _t("Contact"), ContactInput, [
        NamesRow([Field("family_name_native", lambda: _t("Family name (汉字)")),
                  Field("family_name_latin", lambda: _t("Family name (pinyin)")),
                  Field("family_name_ru", lambda: _t("Family name (Russian)"))],
                 lambda: _t("Family name")),
        NamesRow([Field("given_name_native", lambda: _t("Given name (汉字)")),
                  Field("given_name_latin", lambda: _t("Given name (pinyin)")),
                  Field("given_name_ru", lambda: _t("Given name (Russian)"))],
                 lambda: _t("Given name")),
        Field("company_id", lambda: _t("Company"), "choice", company_options),
        Field("position", lambda: _t("Position")),
        Field("department", lambda: _t("Department")),
        Field("emails", lambda: _t("Emails"), "channels",
              placeholder=lambda: _t("one a line, e.g. work: li.wei@example.cn")),
        Field("phones", lambda: _t("Phones"), "channels",
              placeholder=lambda: _t("one a line, e.g. mobile: +86 139 1234 5678")),
        Field("wechat", lambda: _t("WeChat")),
        Field("telegram", lambda: _t("Telegram")),
        Field("languages", lambda: _t("Languages"), placeholder=lambda: "zh, en"),
        Field("decision_maker", lambda: _t("Decision maker"), "check"),
        Field("tag_ids", lambda: _t("Tags"), "multi", tag_options),
        Field("notes", lambda: _t("Notes"), "multiline"),
    ])


def project_form(new: bool = True) -> FormSpec:
    rows: list[Field | NamesRow] = [
        Field("title", lambda: _t("Title")),
        Field("code_name", lambda: _t("Code name")),
        Field("company_id", lambda: _t("Company"), "choice", company_options),
    ]
    if new:  # later moves go through the pipeline, so they are recorded as stage changes
        rows.append(Field("stage_id", lambda: _t("Stage"), "choice", stage_options,
                          optional=False))
    rows += [
        Field("status", lambda: _t("Status"), "choice", enum_options(ProjectStatus),
              optional=False, enum=ProjectStatus),
        Field("status_reason", lambda: _t("Reason (lost / on hold)")),
        Field("owner_id", lambda: _t("Responsible"), "choice", member_options),
        Field("product", lambda: _t("Product")),
        Field("planned_output", lambda: _t("Planned output")),
        Field("capex", lambda: _t("Capital expenditure"), "decimal"),
        Field("capex_currency", lambda: _t("Currency"), placeholder=lambda: "RUB"),
        Field("jobs", lambda: _t("Jobs"), "int"),
        Field("land_area_ha", lambda: _t("Land area, ha"), "decimal"),
        Field("floor_area_m2", lambda: _t("Floor area, m²"), "decimal"),
        Field("probability", lambda: _t("Probability, %"), "int"),
        Field("expected_decision", lambda: _t("Expected decision"), "date"),
        Field("site_ids", lambda: _t("Candidate sites"), "multi", site_options),
        Field("measure_ids", lambda: _t("Support measures"), "multi", measure_options),
        Field("tag_ids", lambda: _t("Tags"), "multi", tag_options),
        Field("description", lambda: _t("Description"), "multiline"),
    ]
    return FormSpec(lambda: _t("Project"), ProjectInput, rows)


def trip_form() -> FormSpec:
    return FormSpec(lambda: _t("Trip"), TripInput, [
        Field("title", lambda: _t("Title")),
        Field("start_date", lambda: _t("Start"), "date"),
        Field("end_date", lambda: _t("End"), "date"),
        Field("countries", lambda: _t("Countries (ISO codes)"), "textlist",
              placeholder=lambda: "CN, HK"),
        Field("cities", lambda: _t("Cities")),
        Field("member_ids", lambda: _t("Delegation"), "multi", member_options),
        Field("goals", lambda: _t("Goals"), "multiline"),
    ])


def task_form() -> FormSpec:
    return FormSpec(lambda: _t("Task"), TaskInput, [
        Field("title", lambda: _t("Title")),
        Field("owner_id", lambda: _t("Owner"), "choice", member_options),
        Field("due_date", lambda: _t("Due"), "date"),
        Field("status", lambda: _t("Status"), "choice", enum_options(TaskStatus),
              optional=False, enum=TaskStatus),
        Field("company_id", lambda: _t("Company"), "choice", company_options),
        Field("project_id", lambda: _t("Project"), "choice", project_options),
        Field("description", lambda: _t("Description"), "multiline"),
    ])


def site_form() -> FormSpec:
    return FormSpec(lambda: _t("Site"), SiteInput, [
        NamesRow([Field("name", lambda: _t("Russian")),
                  Field("name_en", lambda: _t("English")),
                  Field("name_zh", lambda: _t("Chinese (汉字)"))], lambda: _t("Name")),
        Field("kind", lambda: _t("Kind"), "choice", enum_options(SiteKind), optional=False,
              enum=SiteKind),
        Field("municipality", lambda: _t("Municipality")),
        Field("address", lambda: _t("Address")),
        Field("available_area_m2", lambda: _t("Available area, m²"), "decimal"),
        Field("land_area_ha", lambda: _t("Land area, ha"), "decimal"),
        Field("utilities", lambda: _t("Utilities"), "multiline"),
        Field("website", lambda: _t("Website")),
        Field("description", lambda: _t("Description"), "multiline"),
    ])


def measure_form() -> FormSpec:
    return FormSpec(lambda: _t("Support measure"), MeasureInput, [
        NamesRow([Field("name", lambda: _t("Russian")),
                  Field("name_en", lambda: _t("English")),
                  Field("name_zh", lambda: _t("Chinese (汉字)"))], lambda: _t("Name")),
        Field("kind", lambda: _t("Kind"), "choice", enum_options(MeasureKind), optional=False,
              enum=MeasureKind),
        Field("provider", lambda: _t("Provider")),
        Field("terms", lambda: _t("Terms"), "multiline"),
        Field("description", lambda: _t("Description"), "multiline"),
    ])


def member_form() -> FormSpec:
    return FormSpec(lambda: _t("Member of our team"), MemberInput, [
        Field("name", lambda: _t("Name (Russian)")),
        Field("name_latin", lambda: _t("Name (Latin)")),
        Field("position", lambda: _t("Position")),
        Field("department", lambda: _t("Department")),
        Field("email", lambda: _t("Email")),
        Field("phone", lambda: _t("Phone")),
        Field("active", lambda: _t("Active"), "check"),
    ])
