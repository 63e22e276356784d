"""The pipeline report against figures worked out by hand (tests/analytics_data.py).

Dates in the comments are the stage moves of the known dataset; days are whole days
between two noons.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from analytics_data import AS_OF, RATES, Known, build

from crm_desktop.analytics.model import ReportFilter
from crm_desktop.analytics.service import AnalyticsService, Drill
from crm_desktop.domain.errors import CrmError

D = Decimal
Q1 = ReportFilter(date(2026, 1, 1), date(2026, 3, 31))


@pytest.fixture
def known(services) -> Known:
    return build(services)


@pytest.fixture
def analytics(services) -> AnalyticsService:
    return AnalyticsService(services.ctx)


def by_code(rows):
    return {r.stage.code: r for r in rows}


def test_funnel_now(analytics, known) -> None:
    rep = analytics.report(rates=RATES, as_of=AS_OF)
    f = by_code(rep.funnel)
    # P4 is lost: out. P5 lead (300 GBP: no rate), P2 first meeting (1000 USD * 79),
    # P1 negotiation (100 CNY * 11), P3 implementation (500 RUB).
    assert [(r.stage.code, r.projects) for r in rep.funnel if r.projects] == [
        ("lead", 1),
        ("first_meeting", 1),
        ("negotiation", 1),
        ("implementation", 1),
    ]
    assert (f["lead"].capex, f["lead"].jobs, f["lead"].weighted_jobs) == (D("0.00"), 8, D("0.4"))
    assert (f["first_meeting"].capex, f["first_meeting"].weighted_capex) == (
        D("79000.00"),
        D("7900.00"),
    )
    assert (f["first_meeting"].jobs, f["first_meeting"].weighted_jobs) == (50, D("5.0"))
    assert (f["negotiation"].capex, f["negotiation"].weighted_capex) == (D("1100.00"), D("660.00"))
    assert (f["implementation"].capex, f["implementation"].weighted_capex) == (
        D("500.00"),
        D("450.00"),
    )
    assert rep.unconverted == ["GBP"]
    # entered, all time: lead P1 P2 P3 P4 P5 (P4 twice, counted once)
    assert {c: r.entered for c, r in f.items() if r.entered} == {
        "lead": 5,
        "first_meeting": 4,
        "presentation": 1,
        "negotiation": 1,
        "agreement": 1,
        "implementation": 1,
    }


def test_funnel_at_the_end_of_a_past_period(analytics, known) -> None:
    rep = analytics.report(Q1, RATES, AS_OF)
    f = by_code(rep.funnel)
    # on 31 March: P1 negotiation (20 Mar), P2 and P3 first meeting; P5 did not exist yet
    assert {c: r.projects for c, r in f.items() if r.projects} == {
        "first_meeting": 2,
        "negotiation": 1,
    }
    assert (f["first_meeting"].capex, f["first_meeting"].jobs) == (D("79500.00"), 55)
    assert f["first_meeting"].weighted_capex == D("7950.00")
    assert f["first_meeting"].weighted_jobs == D("5.5")
    assert {c: r.entered for c, r in f.items() if r.entered} == {
        "lead": 4,
        "first_meeting": 4,
        "presentation": 1,
        "negotiation": 1,
    }
    assert rep.unconverted == []


def test_conversion(analytics, known) -> None:
    all_time = {
        r.stage.code: (r.entered, r.moved_on)
        for r in analytics.report(rates=RATES, as_of=AS_OF).conversion
    }
    # lead: P1 P2 P3 P4 moved on, P5 did not; first meeting: P1 (presentation) and P3
    # (agreement, skipping stages) moved on, P2 stayed, P4 went back to lead
    assert all_time["lead"] == (5, 4)
    assert all_time["first_meeting"] == (4, 2)
    assert all_time["presentation"] == (1, 1)
    assert all_time["site_selection"] == (0, 0)
    assert all_time["negotiation"] == (1, 0)
    assert all_time["agreement"] == (1, 1)
    assert all_time["implementation"] == (1, 0)
    assert "launched" not in all_time  # the last stage has no next one
    q1 = {r.stage.code: r for r in analytics.report(Q1, RATES, AS_OF).conversion}
    # by 31 March only P1 left the first meeting (P3 moved on 15 April)
    assert (q1["lead"].entered, q1["lead"].moved_on) == (4, 4)
    assert (q1["first_meeting"].entered, q1["first_meeting"].moved_on) == (4, 1)
    assert q1["first_meeting"].rate == 0.25
    assert q1["negotiation"].rate == 0.0
    assert q1["site_selection"].rate is None


def test_median_days_in_stage(analytics, known) -> None:
    t = by_code(analytics.report(rates=RATES, as_of=AS_OF).stage_times)
    # lead stays: P1 10, P2 20, P3 30, P4 2 -> median 15; first meeting: P1 51 (11 Jan-
    # 3 Mar), P3 60 (14 Feb-15 Apr), P4 6 (4-10 Mar) -> 51; presentation P1 17;
    # agreement P3 47 (15 Apr-1 Jun); stays still open do not count
    assert (t["lead"].stays, t["lead"].median_days) == (4, 15.0)
    assert (t["first_meeting"].stays, t["first_meeting"].median_days) == (3, 51.0)
    assert (t["presentation"].stays, t["presentation"].median_days) == (1, 17.0)
    assert (t["agreement"].stays, t["agreement"].median_days) == (1, 47.0)
    assert (t["negotiation"].stays, t["negotiation"].median_days) == (0, None)
    q1 = by_code(analytics.report(Q1, RATES, AS_OF).stage_times)
    # stays that ended by 31 March: first meeting P1 51 and P4 6 -> 28.5
    assert (q1["first_meeting"].stays, q1["first_meeting"].median_days) == (2, 28.5)
    assert q1["agreement"].stays == 0


def test_stalled_projects(analytics, known) -> None:
    rep = analytics.report(rates=RATES, as_of=AS_OF)
    # P2: first meeting since 21 Feb = 129 days > 45; P5: lead since 20 May = 41 > 30;
    # P1 negotiation 102 <= 120 and P3 implementation 29 <= 365 are fine
    assert [(s.title, s.days, s.limit) for s in rep.stalled] == [
        ("Paint plant", 129, 45),
        ("Resin warehouse", 41, 30),
    ]
    p2 = rep.stalled[0]
    assert p2.owner == "Борис Орлов" and p2.company == "Huaxin Chemicals"
    assert p2.last_meeting is not None and p2.last_meeting.date() == date(2026, 4, 10)
    assert rep.stalled[1].last_meeting is None


def test_stage_limits_come_from_the_settings(analytics, known) -> None:
    analytics.set_stage_limits({"first_meeting": 129, "lead": 40})
    assert analytics.stage_limits()["first_meeting"] == 129
    rep = analytics.report(rates=RATES, as_of=AS_OF)
    # exactly at the limit is not over it
    assert [(s.title, s.days, s.limit) for s in rep.stalled] == [("Resin warehouse", 41, 40)]
    with pytest.raises(CrmError):
        analytics.set_stage_limits({"lead": -1})


def test_intentions_agreements_realised(analytics, known) -> None:
    rows = {
        m.key: (m.stage.code, m.projects, m.capex, m.jobs)
        for m in analytics.report(rates=RATES, as_of=AS_OF).milestones
    }
    # intentions = reached negotiation or further: P1 (20 Mar), P3 (agreement, 15 Apr)
    assert rows == {
        "intentions": ("negotiation", 2, D("1600.00"), 15),
        "agreement": ("agreement", 1, D("500.00"), 5),
        "construction": ("implementation", 1, D("500.00"), 5),
        "production": ("launched", 0, D("0.00"), 0),
    }
    q1 = {m.key: m.projects for m in analytics.report(Q1, RATES, AS_OF).milestones}
    assert q1 == {"intentions": 1, "agreement": 0, "construction": 0, "production": 0}


def test_breakdowns(analytics, known) -> None:
    rep = analytics.report(rates=RATES, as_of=AS_OF)
    row = lambda r: (r.label, r.projects, r.capex, r.jobs, r.weighted_capex)  # noqa: E731
    # CN: P1 1100 (w 660), P2 79000 (w 7900), P5 no rate; KZ: P3 500 (w 450)
    assert [row(r) for r in rep.by_country] == [
        ("CN", 3, D("80100.00"), 68, D("8560.00")),
        ("KZ", 1, D("500.00"), 5, D("450.00")),
    ]
    assert [row(r) for r in rep.by_sector] == [
        ("Chemicals", 2, D("79000.00"), 58, D("7900.00")),
        ("Electronics", 2, D("1600.00"), 15, D("1110.00")),
    ]
    assert [row(r) for r in rep.by_owner] == [
        ("Борис Орлов", 2, D("79000.00"), 58, D("7900.00")),
        ("Анна Смирнова", 2, D("1600.00"), 15, D("1110.00")),
    ]
    # the trip discussed P1 and P4; P4 is lost
    assert [row(r) for r in rep.by_trip] == [
        ("Mission to Shenzhen", 1, D("1100.00"), 10, D("660.00"))
    ]


def test_overdue_follow_ups(analytics, known) -> None:
    rep = analytics.report(rates=RATES, as_of=AS_OF)
    assert [(r.member, r.overdue, r.oldest_due) for r in rep.overdue] == [
        ("Анна Смирнова", 2, date(2026, 6, 1)),
        ("Борис Орлов", 1, date(2026, 5, 1)),
    ]
    trip_only = analytics.report(ReportFilter(trip_id=known.trip), RATES, AS_OF)
    assert [(r.member, r.overdue) for r in trip_only.overdue] == [("Анна Смирнова", 1)]


def test_meetings_per_trip_and_moves_after_it(analytics, known) -> None:
    rep = analytics.report(rates=RATES, as_of=AS_OF)
    # 1-5 March + 30 days: P1 to presentation (3 Mar) and negotiation (20 Mar), P4 to first
    # meeting (4 Mar) and back to lead (10 Mar); P4's creation on 2 March is not a move
    assert [(t.title, t.meetings, t.projects, t.moves, t.forward_moves) for t in rep.trips] == [
        ("Mission to Shenzhen", 3, 2, 4, 3)
    ]
    later = analytics.report(ReportFilter(date_from=date(2026, 4, 1)), RATES, AS_OF)
    assert later.trips == []


def test_filters(analytics, known) -> None:
    kz = analytics.report(ReportFilter(country="kz"), RATES, AS_OF)
    assert [(r.stage.code, r.projects) for r in kz.funnel if r.projects] == [("implementation", 1)]
    chem = analytics.report(ReportFilter(sector="Chemicals"), RATES, AS_OF)
    assert sum(r.projects for r in chem.funnel) == 2
    assert [s.title for s in chem.stalled] == ["Paint plant", "Resin warehouse"]
    anna = analytics.report(ReportFilter(owner_id=known.members["anna"]), RATES, AS_OF)
    assert sum(r.projects for r in anna.funnel) == 2 and anna.stalled == []
    trip = analytics.report(ReportFilter(trip_id=known.trip), RATES, AS_OF)
    assert [(r.stage.code, r.projects) for r in trip.funnel if r.projects] == [("negotiation", 1)]
    with pytest.raises(CrmError):
        analytics.report(ReportFilter(date(2026, 5, 1), date(2026, 4, 1)))


def test_projects_behind_a_bar_or_row(analytics, known) -> None:
    f = ReportFilter()
    titles = lambda d: [p.title for p in analytics.projects(f, d, RATES, AS_OF)]  # noqa: E731
    assert titles(Drill("stage", known.stages["first_meeting"])) == ["Paint plant"]
    assert titles(Drill("country", "CN")) == [
        "Paint plant",
        "Printed circuit boards",
        "Resin warehouse",
    ]
    assert titles(Drill("sector", "Electronics")) == ["Battery assembly", "Printed circuit boards"]
    assert titles(Drill("owner", known.members["anna"])) == [
        "Battery assembly",
        "Printed circuit boards",
    ]
    assert titles(Drill("trip", known.trip)) == ["Printed circuit boards"]
    assert titles(Drill("trip_meetings", known.trip)) == ["Printed circuit boards", "Solar glass"]
    assert titles(Drill("milestone", "intentions")) == [
        "Battery assembly",
        "Printed circuit boards",
    ]
    assert titles(Drill("stalled")) == ["Paint plant", "Resin warehouse"]
    assert titles(Drill("overdue", known.members["boris"])) == ["Paint plant"]
    assert titles(Drill("entered", known.stages["lead"])) == [
        "Battery assembly",
        "Paint plant",
        "Printed circuit boards",
        "Resin warehouse",
        "Solar glass",
    ]
    line = analytics.projects(f, Drill("stage", known.stages["negotiation"]), RATES, AS_OF)[0]
    assert (line.capex, line.owner, line.company) == (
        D("1100.00"),
        "Анна Смирнова",
        "Qiming Electronics",
    )


def test_report_rates_come_from_the_settings_the_board_uses() -> None:
    """The rates typed into Settings (to RUB) seen from another report currency; dated by
    the oldest rate used; with none set, only the report currency's own amounts count."""
    from datetime import date
    from decimal import Decimal

    from crm_desktop.analytics.rates import report_rates
    from crm_desktop.domain.money import Rates

    rates = (
        Rates()
        .with_rate("CNY", Decimal("11"), date(2026, 6, 1))
        .with_rate("USD", Decimal("79"), date(2026, 5, 1))
    )
    usd = report_rates(rates, "USD", date(2026, 12, 4))
    assert usd.currency == "USD" and usd.as_of == date(2026, 5, 1)
    assert usd.rate("USD") == 1 and usd.rate("RUB") == Decimal(1) / Decimal(79)
    assert usd.rate("CNY") == Decimal(11) / Decimal(79)
    empty = report_rates(Rates(), "RUB", date(2026, 12, 4))
    assert empty.known() == {"RUB": Decimal(1)} and empty.as_of == date(2026, 12, 4)
