"""The report's fast path (one read of the history, money converted per currency group)
against a straightforward computation over ORM rows, on a seeded random pipeline.

The straightforward version below follows the definitions in
crm_desktop/analytics/service.py word by word: loops over every project and every stage
change, exact decimals, exact timedeltas. Moves happen on whole minutes, so days in a
stage are exact fractions that neither side rounds differently.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from crm_desktop.analytics.model import ReportFilter
from crm_desktop.analytics.rates import ConversionRates
from crm_desktop.analytics.service import MILESTONES, AnalyticsService
from crm_desktop.domain.models import (
    Meeting,
    Member,
    Project,
    ProjectStatus,
    Stage,
    StageChange,
    Task,
    TaskStatus,
)
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.meetings import MeetingInput
from crm_desktop.domain.services.members import MemberInput
from crm_desktop.domain.services.pipeline_settings import (
    DEFAULT_STAGE_LIMITS,
    DEFAULT_STAGE_PROBABILITIES,
)
from crm_desktop.domain.services.projects import ProjectInput
from crm_desktop.domain.services.tasks import TaskInput
from crm_desktop.domain.services.trips import TripInput

AS_OF = datetime(2026, 6, 30, 9, 30, tzinfo=UTC)
RATES = ConversionRates(
    "RUB", date(2026, 6, 1), {"CNY": Decimal("11.37"), "USD": Decimal("79.0123")}
)
START = datetime(2025, 1, 1, tzinfo=UTC)
CENT = Decimal("0.01")


def build_random(services, seed: int) -> dict[str, list[str]]:
    rnd = random.Random(seed)
    S = services
    S.stages.ensure_defaults()
    stages = [s.id for s in S.stages.list()]
    members = [S.members.create(MemberInput(name)).id for name in ("Анна", "Борис", "Вера")]
    companies = [
        S.companies.create(
            CompanyInput(
                name=f"Company {i}",
                country=rnd.choice(["CN", "CN", "KZ", "VN"]),
                industry=rnd.choice(["Electronics", "Chemicals", ""]),
            )
        ).id
        for i in range(6)
    ]
    trips = [
        S.trips.create(
            TripInput(title=f"Trip {i}", start_date=d, end_date=d + timedelta(days=4))
        ).id
        for i, d in enumerate([date(2025, 4, 7), date(2025, 11, 10), date(2026, 3, 2)])
    ]
    projects: list[str] = []
    meetings: list[str] = []
    for i in range(36):
        when = START + timedelta(minutes=rnd.randrange(0, 60 * 24 * 400))
        currency = rnd.choice(["RUB", "CNY", "USD", "GBP", "CNY"])
        p = S.projects.create(
            ProjectInput(
                title=f"Project {i:02d}",
                company_id=rnd.choice(companies),
                owner_id=rnd.choice([*members, None]),
                capex=(Decimal(rnd.randrange(1, 10**7)) / 100 if rnd.random() < 0.85 else None),
                capex_currency=currency,
                jobs=rnd.choice([None, 0, 3, 17, 250]),
                stage_id=rnd.choice(stages[:4]),
                stage_entered_at=when,
            )
        )
        current = p.stage_id
        for _ in range(rnd.randrange(0, 7)):
            when += timedelta(minutes=rnd.randrange(1, 60 * 24 * 120))
            if when >= AS_OF:
                break
            target = rnd.choice([s for s in stages if s != current])
            S.projects.move_to_stage(p.id, target, when=when)
            current = target
        status = rnd.choice(
            [ProjectStatus.ACTIVE] * 5
            + [ProjectStatus.LOST, ProjectStatus.WON, ProjectStatus.ON_HOLD]
        )
        if status != ProjectStatus.ACTIVE:
            S.projects.set_status(p.id, status, "a reason")
        if rnd.random() < 0.4:
            meetings.append(
                S.meetings.create(
                    MeetingInput(
                        title=f"Meeting {i}",
                        starts_at=when - timedelta(days=rnd.randrange(0, 40)),
                        timezone="UTC",
                        trip_id=rnd.choice([*trips, None]),
                        project_id=p.id,
                        company_id=None,
                    )
                ).id
            )
        projects.append(p.id)
    S.projects.delete(projects[5])
    for i in range(25):
        S.tasks.create(
            TaskInput(
                title=f"Task {i}",
                owner_id=rnd.choice([*members, None]),
                due_date=date(2026, 5, 1) + timedelta(days=rnd.randrange(0, 90)),
                status=rnd.choice([TaskStatus.OPEN, TaskStatus.OPEN, TaskStatus.DONE]),
                project_id=rnd.choice(projects),
                meeting_id=rnd.choice([*meetings, None]),
            )
        )
    return {"members": members, "trips": trips}


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT)


def straightforward(services, f: ReportFilter) -> dict[str, object]:
    """Every figure by looping over ORM rows."""
    start = datetime.combine(f.date_from, time.min, tzinfo=UTC) if f.date_from else None
    end = (
        datetime.combine(f.date_to + timedelta(days=1), time.min, tzinfo=UTC) if f.date_to else None
    )

    def in_period(t: datetime) -> bool:
        return (start is None or t >= start) and (end is None or t < end)

    known = RATES.known()
    with services.ctx.reading() as s:
        stage_rows = list(s.scalars(select(Stage)))
        live_stages = sorted(
            (x for x in stage_rows if x.deleted_at is None), key=lambda x: x.position
        )
        pos = {x.id: x.position for x in stage_rows}
        code = {x.id: x.code for x in stage_rows}
        on_trip = {
            (m.trip_id, m.project_id)
            for m in s.scalars(select(Meeting))
            if m.deleted_at is None and m.trip_id and m.project_id
        }
        meetings = [m for m in s.scalars(select(Meeting)) if m.deleted_at is None]
        projects = [
            p
            for p in s.scalars(select(Project))
            if p.deleted_at is None
            and (not f.country or p.company.country == f.country.upper())
            and (not f.sector or p.company.industry == f.sector)
            and (not f.owner_id or p.owner_id == f.owner_id)
            and (not f.trip_id or (f.trip_id, p.id) in on_trip)
        ]
        changes: dict[str, list[StageChange]] = {p.id: [] for p in projects}
        for c in s.scalars(select(StageChange)):
            if c.deleted_at is None and c.project_id in changes:
                changes[c.project_id].append(c)
        for hist in changes.values():
            hist.sort(key=lambda c: (c.changed_at, c.hlc))
        tasks = [t for t in s.scalars(select(Task)) if t.deleted_at is None]
        member_names = {m.id: m.name for m in s.scalars(select(Member))}
        trip_of_meeting = {m.id: m.trip_id for m in meetings}
        owners = {p.id: (p.owner.name if p.owner else "") for p in projects}
        titles = {p.id: (p.title, p.company.name) for p in projects}
        trips = {t.id: t for m in meetings if m.trip for t in [m.trip]}

    def snapshot_stage(p: Project) -> str | None:
        if end is None or end > AS_OF:
            return p.stage_id
        before = [c for c in changes[p.id] if c.changed_at < end]
        return before[-1].to_stage_id if before else None

    snap = [
        (p, st)
        for p in projects
        if p.status != ProjectStatus.LOST
        for st in [snapshot_stage(p)]
        if st is not None
    ]
    prob = {st.id: DEFAULT_STAGE_PROBABILITIES.get(st.code, 0) for st in live_stages}

    def converted(p: Project) -> Decimal | None:
        rate = known.get(p.capex_currency)
        return None if p.capex is None or rate is None else p.capex * rate

    out: dict[str, object] = {}
    funnel = []
    for st in live_stages:
        here = [p for p, at in snap if at == st.id]
        cap = money(sum((c for p in here if (c := converted(p)) is not None), Decimal(0)))
        jobs = sum(p.jobs or 0 for p in here)
        p_ = prob[st.id]
        entered = {
            p.id
            for p in projects
            for c in changes[p.id]
            if c.to_stage_id == st.id and in_period(c.changed_at)
        }
        funnel.append(
            (
                st.code,
                len(here),
                cap,
                jobs,
                money(cap * p_ / 100),
                (Decimal(jobs) * p_ / 100).quantize(Decimal("0.1")),
                len(entered),
            )
        )
    out["funnel"] = funnel

    conversion = []
    for a in live_stages[:-1]:
        entered, moved = set(), set()
        for p in projects:
            hist = [c for c in changes[p.id] if end is None or c.changed_at < end]
            for i, c in enumerate(hist):
                if c.to_stage_id == a.id and in_period(c.changed_at):
                    entered.add(p.id)
                    if any(pos[x.to_stage_id] > a.position for x in hist[i + 1 :]):
                        moved.add(p.id)
        conversion.append((a.code, len(entered), len(moved)))
    out["conversion"] = conversion

    times = []
    for st in live_stages:
        days = [
            (b.changed_at - a.changed_at).total_seconds() / 86400
            for p in projects
            for a, b in zip(changes[p.id], changes[p.id][1:], strict=False)
            if a.to_stage_id == st.id and in_period(b.changed_at)
        ]
        times.append((st.code, len(days), round(statistics.median(days), 1) if days else None))
    out["stage_times"] = times

    limits = DEFAULT_STAGE_LIMITS
    stalled = []
    for p in projects:
        c = code[p.stage_id]
        if p.status != ProjectStatus.ACTIVE or c not in limits:
            continue
        days = (AS_OF - p.stage_entered_at).days
        if days > limits[c]:
            met = max((m.starts_at for m in meetings if m.project_id == p.id), default=None)
            stalled.append((p.id, *titles[p.id], c, days, limits[c], owners[p.id], met))
    stalled.sort(key=lambda r: (-(r[4] - r[5]), r[1], r[0]))
    out["stalled"] = stalled

    miles = []
    by_code = {st.code: st for st in live_stages}
    for key, c in MILESTONES:
        reached = []
        for p in projects:
            first = next(
                (x for x in changes[p.id] if pos[x.to_stage_id] >= by_code[c].position), None
            )
            if first is not None and in_period(first.changed_at):
                reached.append(p)
        cap = sum((v for p in reached if (v := converted(p)) is not None), Decimal(0))
        miles.append((key, len(reached), money(cap), sum(p.jobs or 0 for p in reached)))
    out["milestones"] = miles

    def breakdown(keys: Callable[[Project], list[tuple[str, str]]]) -> list[tuple]:
        groups: dict[str, list[tuple[Project, str]]] = {}
        labels: dict[str, str] = {}
        for p, st in snap:
            for key, label in keys(p):
                groups.setdefault(key, []).append((p, st))
                labels[key] = label
        rows = []
        for key, members in groups.items():
            values = [(converted(p), st) for p, st in members]
            cap = sum((v for v, _ in values if v is not None), Decimal(0))
            weighted = sum(
                (v * prob.get(st, 0) / 100 for v, st in values if v is not None), Decimal(0)
            )
            rows.append(
                (
                    key,
                    labels[key],
                    len(members),
                    money(cap),
                    sum(p.jobs or 0 for p, _ in members),
                    money(weighted),
                )
            )
        rows.sort(key=lambda r: (-r[3], -r[2], r[1]))
        return rows

    def trips_of(p: Project) -> list[tuple[str, str]]:
        return [
            (t.id, t.title)
            for t in trips.values()
            if (t.id, p.id) in on_trip
            and t.deleted_at is None
            and (f.date_from is None or t.end_date >= f.date_from)
            and (f.date_to is None or t.start_date <= f.date_to)
            and (not f.trip_id or t.id == f.trip_id)
        ]

    out["by_country"] = breakdown(lambda p: [(p.company.country or "",) * 2])
    out["by_sector"] = breakdown(lambda p: [(p.company.industry or "",) * 2])
    out["by_owner"] = breakdown(lambda p: [(p.owner_id or "", owners[p.id])])
    out["by_trip"] = breakdown(trips_of)

    overdue: dict[str, list[date]] = {}
    names = {}
    for t in tasks:
        if (
            t.status == TaskStatus.OPEN
            and t.due_date is not None
            and t.due_date < AS_OF.date()
            and (not f.owner_id or t.owner_id == f.owner_id)
            and (not f.trip_id or trip_of_meeting.get(t.meeting_id or "") == f.trip_id)
        ):
            overdue.setdefault(t.owner_id or "", []).append(t.due_date)
            names[t.owner_id or ""] = member_names.get(t.owner_id or "", "")
    out["overdue"] = sorted(
        ((names[k], len(v), min(v)) for k, v in overdue.items()), key=lambda r: (-r[1], r[0])
    )
    out["unconverted"] = sorted(
        {
            p.capex_currency
            for p, _ in snap
            if p.capex is not None and p.capex_currency and p.capex_currency not in known
        }
    )
    return out


def fast(analytics: AnalyticsService, f: ReportFilter) -> dict[str, object]:
    rep = analytics.report(f, RATES, AS_OF)

    def b(rows: Any) -> list[tuple[Any, ...]]:
        return [(r.key, r.label, r.projects, r.capex, r.jobs, r.weighted_capex) for r in rows]

    return {
        "funnel": [
            (
                r.stage.code,
                r.projects,
                r.capex,
                r.jobs,
                r.weighted_capex,
                r.weighted_jobs,
                r.entered,
            )
            for r in rep.funnel
        ],
        "conversion": [(r.stage.code, r.entered, r.moved_on) for r in rep.conversion],
        "stage_times": [(r.stage.code, r.stays, r.median_days) for r in rep.stage_times],
        "stalled": [
            (
                r.project_id,
                r.title,
                r.company,
                r.stage.code,
                r.days,
                r.limit,
                r.owner,
                r.last_meeting,
            )
            for r in rep.stalled
        ],
        "milestones": [(r.key, r.projects, r.capex, r.jobs) for r in rep.milestones],
        "by_country": b(rep.by_country),
        "by_sector": b(rep.by_sector),
        "by_owner": b(rep.by_owner),
        "by_trip": b(rep.by_trip),
        "overdue": [(r.member, r.overdue, r.oldest_due) for r in rep.overdue],
        "unconverted": rep.unconverted,
    }


@pytest.mark.parametrize("seed", [16, 2026])
def test_the_fast_path_equals_the_straightforward_computation(services, seed: int) -> None:
    ids = build_random(services, seed)
    analytics = AnalyticsService(services.ctx)
    filters = [
        ReportFilter(),
        ReportFilter(date(2025, 7, 1), date(2025, 12, 31)),  # a past period: its snapshot
        ReportFilter(date_from=date(2026, 1, 1)),
        ReportFilter(date_to=date(2025, 9, 30)),
        ReportFilter(country="cn"),
        ReportFilter(sector="Electronics", date_from=date(2025, 6, 1)),
        ReportFilter(owner_id=ids["members"][0]),
        ReportFilter(trip_id=ids["trips"][1]),
    ]
    for f in filters:
        want = straightforward(services, f)
        got = fast(analytics, f)
        for key, value in want.items():
            assert got[key] == value, (f, key)
    # the random pipeline is not degenerate: every part has something in it
    whole = fast(analytics, ReportFilter())
    assert all(whole[k] for k in ("stalled", "by_trip", "overdue", "unconverted"))
    assert sum(n for _, n, _ in whole["conversion"]) > 0
