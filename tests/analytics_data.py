"""A small pipeline with known dates for the analytics tests; every figure is worked out
by hand in tests/domain/test_analytics.py.

All moves happen at 12:00 UTC; the report is taken at AS_OF (2026-06-30 12:00 UTC).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal

from crm_desktop.analytics.rates import ConversionRates
from crm_desktop.domain.models import ProjectStatus, TaskStatus
from crm_desktop.domain.money import Rates
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.meetings import MeetingInput
from crm_desktop.domain.services.members import MemberInput
from crm_desktop.domain.services.projects import ProjectInput
from crm_desktop.domain.services.tasks import TaskInput
from crm_desktop.domain.services.trips import TripInput

AS_OF = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)
RATES = ConversionRates("RUB", date(2026, 6, 1), {"CNY": Decimal("11"), "USD": Decimal("79")})
# The same rates as the user keeps them in Settings (what the dashboard and the CLI read).
SETTINGS_RATES = (
    Rates()
    .with_rate("CNY", Decimal("11"), date(2026, 6, 1))
    .with_rate("USD", Decimal("79"), date(2026, 6, 1))
    .to_json()
)


def noon(d: str) -> datetime:
    return datetime.fromisoformat(d + "T12:00:00+00:00")


@dataclass
class Known:
    members: dict[str, str] = field(default_factory=dict)  # anna, boris
    companies: dict[str, str] = field(default_factory=dict)
    projects: dict[str, str] = field(default_factory=dict)  # P1..P5
    stages: dict[str, str] = field(default_factory=dict)  # code -> id
    trip: str = ""
    meetings: dict[str, str] = field(default_factory=dict)


def build(services) -> Known:
    S = services
    k = Known()
    S.stages.ensure_defaults()
    k.stages = {s.code: s.id for s in S.stages.list()}
    k.members["anna"] = S.members.create(MemberInput("Анна Смирнова")).id
    k.members["boris"] = S.members.create(MemberInput("Борис Орлов")).id
    k.companies["C1"] = S.companies.create(
        CompanyInput(
            name="Qiming Electronics", name_native="启明电子", country="CN", industry="Electronics"
        )
    ).id
    k.companies["C2"] = S.companies.create(
        CompanyInput(name="Huaxin Chemicals", country="CN", industry="Chemicals")
    ).id
    k.companies["C3"] = S.companies.create(
        CompanyInput(name="Astana Electronics", country="KZ", industry="Electronics")
    ).id

    def project(
        key: str,
        title: str,
        company: str,
        owner: str | None,
        capex: str | None,
        currency: str,
        jobs: int | None,
        history: list[tuple[str, str]],
    ) -> None:
        first_code, first_day = history[0]
        p = S.projects.create(
            ProjectInput(
                title=title,
                company_id=k.companies[company],
                owner_id=k.members[owner] if owner else None,
                capex=Decimal(capex) if capex else None,
                capex_currency=currency,
                jobs=jobs,
                stage_id=k.stages[first_code],
                stage_entered_at=noon(first_day),
            )
        )
        for code, day in history[1:]:
            S.projects.move_to_stage(p.id, k.stages[code], when=noon(day))
        k.projects[key] = p.id

    project(
        "P1",
        "Printed circuit boards",
        "C1",
        "anna",
        "100",
        "CNY",
        10,
        [
            ("lead", "2026-01-01"),
            ("first_meeting", "2026-01-11"),
            ("presentation", "2026-03-03"),
            ("negotiation", "2026-03-20"),
        ],
    )
    project(
        "P2",
        "Paint plant",
        "C2",
        "boris",
        "1000",
        "USD",
        50,
        [("lead", "2026-02-01"), ("first_meeting", "2026-02-21")],
    )
    project(
        "P3",
        "Battery assembly",
        "C3",
        "anna",
        "500",
        "RUB",
        5,
        [
            ("lead", "2026-01-15"),
            ("first_meeting", "2026-02-14"),
            ("agreement", "2026-04-15"),
            ("implementation", "2026-06-01"),
        ],
    )
    project(
        "P4",
        "Solar glass",
        "C1",
        None,
        "200",
        "GBP",
        20,
        [("lead", "2026-03-02"), ("first_meeting", "2026-03-04"), ("lead", "2026-03-10")],
    )
    S.projects.set_status(k.projects["P4"], ProjectStatus.LOST, "went to another region")
    project("P5", "Resin warehouse", "C2", "boris", "300", "GBP", 8, [("lead", "2026-05-20")])

    k.trip = S.trips.create(
        TripInput(
            title="Mission to Shenzhen",
            start_date=date(2026, 3, 1),
            end_date=date(2026, 3, 5),
            countries=["CN"],
        )
    ).id

    def meeting(key: str, day: str, project: str, trip: bool) -> None:
        k.meetings[key] = S.meetings.create(
            MeetingInput(
                title=f"Meeting {key}",
                starts_at=noon(day),
                timezone="Asia/Shanghai",
                trip_id=k.trip if trip else None,
                project_id=k.projects[project],
                company_id=None,
            )
        ).id

    meeting("M1", "2026-03-02", "P1", True)
    meeting("M2", "2026-03-03", "P4", True)
    meeting("M3", "2026-03-04", "P1", True)
    meeting("M4", "2026-04-10", "P2", False)

    def task(
        title: str,
        owner: str,
        due: str,
        status: TaskStatus = TaskStatus.OPEN,
        project: str | None = None,
        meeting: str | None = None,
    ) -> None:
        S.tasks.create(
            TaskInput(
                title=title,
                owner_id=k.members[owner],
                due_date=date.fromisoformat(due),
                status=status,
                project_id=k.projects[project] if project else None,
                meeting_id=k.meetings[meeting] if meeting else None,
            )
        )

    task("Send the site list", "anna", "2026-06-01", project="P1", meeting="M1")
    task("Call the bank", "anna", "2026-06-20")
    task("Draft the agreement", "boris", "2026-06-29", TaskStatus.DONE)
    task("Prepare the visit", "boris", "2026-07-05")
    task("Send the paint samples", "boris", "2026-05-01", project="P2")
    return k
