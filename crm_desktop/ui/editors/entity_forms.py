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
from crm_desktop.ui.common.labels import country_choices, enum_label, names_side_by_side, stage_name
from crm_desktop.ui.editors.record_form import Field, FormSpec, NamesRow

translate = QCoreApplication.translate  # a name lupdate recognises


def enum_options(enum: type[StrEnum]):  # noqa: ANN201
    return lambda services: [(m.value, enum_label(m)) for m in enum]


def company_options(services: Services) -> Sequence[tuple[object, str]]:
    # ids and names only: every company, quick even with 20,000 of them
    return [
        (c.id, names_side_by_side(c.name, c.name_native, c.name_ru))
        for c in services.companies.choices()
    ]


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
    return FormSpec(
        lambda: translate("forms", "Company"),
        CompanyInput,
        [
            NamesRow(
                [
                    Field(
                        "name_native", lambda: translate("forms", "In Chinese characters (汉字)")
                    ),
                    Field("name_latin", lambda: translate("forms", "Pinyin / English")),
                    Field("name_ru", lambda: translate("forms", "Russian")),
                ],
                lambda: translate("forms", "Name"),
            ),
            Field(
                "name",
                lambda: translate("forms", "Display name"),
                placeholder=lambda: translate("forms", "Taken from the names above when empty"),
            ),
            Field(
                "kind",
                lambda: translate("forms", "Kind"),
                "choice",
                enum_options(CompanyKind),
                optional=False,
                enum=CompanyKind,
            ),
            Field("country", lambda: translate("forms", "Country"), "choice", country_choices),
            Field("city", lambda: translate("forms", "City")),
            Field("address", lambda: translate("forms", "Address")),
            Field("website", lambda: translate("forms", "Website")),
            Field("industry", lambda: translate("forms", "Industry")),
            Field("registration_code", lambda: translate("forms", "Registration code")),
            Field("employees", lambda: translate("forms", "Employees"), "int"),
            Field("revenue", lambda: translate("forms", "Revenue"), "decimal"),
            Field(
                "revenue_currency",
                lambda: translate("forms", "Revenue currency"),
                placeholder=lambda: "CNY",
            ),
            Field("tag_ids", lambda: translate("forms", "Tags"), "multi", tag_options),
            Field("description", lambda: translate("forms", "Description"), "multiline"),
        ],
    )


def contact_form() -> FormSpec:
    return FormSpec(
        lambda: translate("forms", "Contact"),
        ContactInput,
        [
            NamesRow(
                [
                    Field("family_name_native", lambda: translate("forms", "Family name (汉字)")),
                    Field("family_name_latin", lambda: translate("forms", "Family name (pinyin)")),
                    Field("family_name_ru", lambda: translate("forms", "Family name (Russian)")),
                ],
                lambda: translate("forms", "Family name"),
            ),
            NamesRow(
                [
                    Field("given_name_native", lambda: translate("forms", "Given name (汉字)")),
                    Field("given_name_latin", lambda: translate("forms", "Given name (pinyin)")),
                    Field("given_name_ru", lambda: translate("forms", "Given name (Russian)")),
                ],
                lambda: translate("forms", "Given name"),
            ),
            Field(
                "company_id",
                lambda: translate("forms", "Company"),
                "choice",
                company_options,
                search="company",
            ),
            Field("position", lambda: translate("forms", "Position")),
            Field("department", lambda: translate("forms", "Department")),
            Field(
                "emails",
                lambda: translate("forms", "Emails"),
                "channels",
                placeholder=lambda: translate("forms", "one a line, e.g. work: li.wei@example.cn"),
            ),
            Field(
                "phones",
                lambda: translate("forms", "Phones"),
                "channels",
                placeholder=lambda: translate(
                    "forms", "one a line, e.g. mobile: +86 139 1234 5678"
                ),
            ),
            Field("wechat", lambda: translate("forms", "WeChat")),
            Field("telegram", lambda: translate("forms", "Telegram")),
            Field(
                "languages", lambda: translate("forms", "Languages"), placeholder=lambda: "zh, en"
            ),
            Field("decision_maker", lambda: translate("forms", "Decision maker"), "check"),
            Field("tag_ids", lambda: translate("forms", "Tags"), "multi", tag_options),
            Field("notes", lambda: translate("forms", "Notes"), "multiline"),
        ],
        name_spellings=True,
    )


def project_form(new: bool = True) -> FormSpec:
    rows: list[Field | NamesRow] = [
        Field("title", lambda: translate("forms", "Title")),
        # the title in the partner's languages, for the partner's copy of the memo
        NamesRow(
            [
                Field("title_en", lambda: translate("forms", "English")),
                Field("title_zh", lambda: translate("forms", "Chinese (汉字)")),
            ],
            lambda: translate("forms", "Title in other languages"),
        ),
        Field("code_name", lambda: translate("forms", "Code name")),
        Field(
            "company_id",
            lambda: translate("forms", "Company"),
            "choice",
            company_options,
            search="company",
        ),
    ]
    if new:  # later moves go through the pipeline, so they are recorded as stage changes
        rows.append(
            Field(
                "stage_id",
                lambda: translate("forms", "Stage"),
                "choice",
                stage_options,
                optional=False,
            )
        )
    rows += [
        Field(
            "status",
            lambda: translate("forms", "Status"),
            "choice",
            enum_options(ProjectStatus),
            optional=False,
            enum=ProjectStatus,
        ),
        Field("status_reason", lambda: translate("forms", "Reason (lost / on hold)")),
        Field("owner_id", lambda: translate("forms", "Responsible"), "choice", member_options),
        Field("product", lambda: translate("forms", "Product")),
        Field("planned_output", lambda: translate("forms", "Planned output")),
        Field("capex", lambda: translate("forms", "Capital expenditure"), "decimal"),
        Field("capex_currency", lambda: translate("forms", "Currency"), placeholder=lambda: "RUB"),
        Field("jobs", lambda: translate("forms", "Jobs"), "int"),
        Field("land_area_ha", lambda: translate("forms", "Land area, ha"), "decimal"),
        Field("floor_area_m2", lambda: translate("forms", "Floor area, m²"), "decimal"),
        Field("probability", lambda: translate("forms", "Probability, %"), "int"),
        Field("expected_decision", lambda: translate("forms", "Expected decision"), "date"),
        Field("site_ids", lambda: translate("forms", "Candidate sites"), "multi", site_options),
        Field(
            "measure_ids", lambda: translate("forms", "Support measures"), "multi", measure_options
        ),
        Field("tag_ids", lambda: translate("forms", "Tags"), "multi", tag_options),
        Field("description", lambda: translate("forms", "Description"), "multiline"),
    ]
    return FormSpec(lambda: translate("forms", "Project"), ProjectInput, rows)


def trip_form() -> FormSpec:
    return FormSpec(
        lambda: translate("forms", "Trip"),
        TripInput,
        [
            Field("title", lambda: translate("forms", "Title")),
            Field("start_date", lambda: translate("forms", "Start"), "date"),
            Field("end_date", lambda: translate("forms", "End"), "date"),
            Field("countries", lambda: translate("forms", "Countries"), "multi", country_choices),
            Field("cities", lambda: translate("forms", "Cities")),
            Field("member_ids", lambda: translate("forms", "Delegation"), "multi", member_options),
            Field("goals", lambda: translate("forms", "Goals"), "multiline"),
            Field("conclusions", lambda: translate("forms", "Conclusions"), "multiline"),
            Field("proposals", lambda: translate("forms", "Proposals"), "multiline"),
        ],
    )


def task_form() -> FormSpec:
    return FormSpec(
        lambda: translate("forms", "Task"),
        TaskInput,
        [
            Field("title", lambda: translate("forms", "Title")),
            Field("owner_id", lambda: translate("forms", "Owner"), "choice", member_options),
            Field("due_date", lambda: translate("forms", "Due"), "date"),
            Field(
                "status",
                lambda: translate("forms", "Status"),
                "choice",
                enum_options(TaskStatus),
                optional=False,
                enum=TaskStatus,
            ),
            Field(
                "company_id",
                lambda: translate("forms", "Company"),
                "choice",
                company_options,
                search="company",
            ),
            Field(
                "project_id",
                lambda: translate("forms", "Project"),
                "choice",
                project_options,
                search="project",
            ),
            Field("description", lambda: translate("forms", "Description"), "multiline"),
        ],
    )


def site_form() -> FormSpec:
    return FormSpec(
        lambda: translate("forms", "Site"),
        SiteInput,
        [
            NamesRow(
                [
                    Field("name", lambda: translate("forms", "Russian")),
                    Field("name_en", lambda: translate("forms", "English")),
                    Field("name_zh", lambda: translate("forms", "Chinese (汉字)")),
                ],
                lambda: translate("forms", "Name"),
            ),
            Field(
                "kind",
                lambda: translate("forms", "Kind"),
                "choice",
                enum_options(SiteKind),
                optional=False,
                enum=SiteKind,
            ),
            Field("municipality", lambda: translate("forms", "Municipality")),
            Field("address", lambda: translate("forms", "Address")),
            Field("available_area_m2", lambda: translate("forms", "Available area, m²"), "decimal"),
            Field("land_area_ha", lambda: translate("forms", "Land area, ha"), "decimal"),
            Field("utilities", lambda: translate("forms", "Utilities"), "multiline"),
            Field("website", lambda: translate("forms", "Website")),
            Field("description", lambda: translate("forms", "Description"), "multiline"),
        ],
    )


def measure_form() -> FormSpec:
    return FormSpec(
        lambda: translate("forms", "Support measure"),
        MeasureInput,
        [
            NamesRow(
                [
                    Field("name", lambda: translate("forms", "Russian")),
                    Field("name_en", lambda: translate("forms", "English")),
                    Field("name_zh", lambda: translate("forms", "Chinese (汉字)")),
                ],
                lambda: translate("forms", "Name"),
            ),
            Field(
                "kind",
                lambda: translate("forms", "Kind"),
                "choice",
                enum_options(MeasureKind),
                optional=False,
                enum=MeasureKind,
            ),
            Field("provider", lambda: translate("forms", "Provider")),
            Field("terms", lambda: translate("forms", "Terms"), "multiline"),
            Field("description", lambda: translate("forms", "Description"), "multiline"),
        ],
    )


def member_form() -> FormSpec:
    return FormSpec(
        lambda: translate("forms", "Member of our team"),
        MemberInput,
        [
            Field("name", lambda: translate("forms", "Name (Russian)")),
            Field("name_latin", lambda: translate("forms", "Name (Latin)")),
            Field("position", lambda: translate("forms", "Position")),
            Field("position_en", lambda: translate("forms", "Position (English)")),
            Field("position_zh", lambda: translate("forms", "Position (Chinese)")),
            Field("department", lambda: translate("forms", "Department")),
            Field("email", lambda: translate("forms", "Email")),
            Field("phone", lambda: translate("forms", "Phone")),
            Field("active", lambda: translate("forms", "Active"), "check"),
        ],
    )
