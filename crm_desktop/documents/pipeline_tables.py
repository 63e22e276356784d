"""The pipeline report as titled tables of typed values, in Russian or English.

One source for the PDF (formatted) and the XLSX workbook (typed cells), so both carry
the same figures under the same headings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from crm_desktop.analytics.model import BreakdownRow, PipelineReport
from crm_desktop.documents.labels import country_name

# kinds: text, int, money (report currency), number (one decimal), percent (0..1), date
TEXT: dict[str, dict[str, str]] = {
    "ru": {
        "title": "Воронка инвестиционных проектов",
        "period": "Период",
        "all_time": "за всё время",
        "from": "с",
        "to": "по",
        "filters": "Отбор",
        "country": "Страна",
        "sector": "Отрасль",
        "owner": "Ответственный",
        "trip": "Поездка",
        "currency": "Капвложения в {cur} по курсам на {date}",
        "no_rate": "Без курса (не учтены): {codes}",
        "funnel": "Воронка по этапам",
        "conversion": "Конверсия между этапами",
        "stage_times": "Медиана дней на этапе",
        "stalled": "Зависшие проекты",
        "milestones": "Протоколы о намерениях → соглашения → реализация",
        "by_country": "По странам",
        "by_sector": "По отраслям",
        "by_owner": "По ответственным",
        "by_trip": "По поездкам",
        "overdue": "Просроченные поручения",
        "trips": "Встречи в поездках и смены этапов в течение 30 дней после поездки",
        "stage": "Этап",
        "projects": "Проектов",
        "capex": "Капвложения",
        "weighted_capex": "Капвложения с учётом вероятности",
        "jobs": "Рабочих мест",
        "weighted_jobs": "Рабочие места с учётом вероятности",
        "probability": "Вероятность",
        "entered": "Вошли в этап за период",
        "next_stage": "Следующий этап",
        "moved_on": "Перешли дальше",
        "rate": "Конверсия",
        "stays": "Завершённых пребываний",
        "median_days": "Медиана, дней",
        "project": "Проект",
        "company": "Компания",
        "days": "Дней на этапе",
        "limit": "Предел, дней",
        "last_meeting": "Последняя встреча",
        "milestone": "Рубеж",
        "member": "Сотрудник",
        "overdue_count": "Просрочено",
        "oldest_due": "Самый ранний срок",
        "trip_title": "Поездка",
        "start": "Начало",
        "end": "Окончание",
        "meetings": "Встреч",
        "moves": "Смен этапа",
        "forward": "Вперёд по воронке",
        "none": "(не указано)",
        "empty": "Нет данных.",
        "intentions": "Подписан протокол о намерениях",
        "agreement": "Заключено инвестиционное соглашение",
        "construction": "Начато строительство",
        "production": "Запущено производство",
        "chart_projects": "Проекты по этапам",
        "more": "… и ещё {n} (полный список — в книге XLSX)",
        "chart_capex": "Капвложения по странам, {cur}",
    },
    "en": {
        "title": "Investment project pipeline",
        "period": "Period",
        "all_time": "all time",
        "from": "from",
        "to": "to",
        "filters": "Filters",
        "country": "Country",
        "sector": "Sector",
        "owner": "Owner",
        "trip": "Trip",
        "currency": "Capex in {cur} at the rates of {date}",
        "no_rate": "No rate (left out): {codes}",
        "funnel": "Funnel by stage",
        "conversion": "Conversion between stages",
        "stage_times": "Median days in stage",
        "stalled": "Stalled projects",
        "milestones": "Intentions → agreements → realised",
        "by_country": "By country",
        "by_sector": "By sector",
        "by_owner": "By owner",
        "by_trip": "By trip",
        "overdue": "Overdue follow-ups",
        "trips": "Meetings per trip and stage moves within 30 days after it",
        "stage": "Stage",
        "projects": "Projects",
        "capex": "Capex",
        "weighted_capex": "Weighted capex",
        "jobs": "Jobs",
        "weighted_jobs": "Weighted jobs",
        "probability": "Probability",
        "entered": "Entered in the period",
        "next_stage": "Next stage",
        "moved_on": "Moved on",
        "rate": "Conversion",
        "stays": "Completed stays",
        "median_days": "Median days",
        "project": "Project",
        "company": "Company",
        "days": "Days in stage",
        "limit": "Limit, days",
        "last_meeting": "Last meeting",
        "milestone": "Milestone",
        "member": "Team member",
        "overdue_count": "Overdue",
        "oldest_due": "Oldest due date",
        "trip_title": "Trip",
        "start": "Start",
        "end": "End",
        "meetings": "Meetings",
        "moves": "Stage moves",
        "forward": "Forward moves",
        "none": "(none)",
        "empty": "No data.",
        "intentions": "Protocol of intentions signed",
        "agreement": "Investment agreement signed",
        "construction": "Construction started",
        "production": "Production launched",
        "chart_projects": "Projects by stage",
        "more": "… and {n} more (the full list is in the XLSX workbook)",
        "chart_capex": "Capex by country, {cur}",
    },
}


SHEETS: dict[str, dict[str, str]] = {
    "ru": {
        "funnel": "Воронка",
        "conversion": "Конверсия",
        "stage_times": "Дни на этапе",
        "milestones": "Рубежи",
        "stalled": "Зависшие",
        "by_country": "Страны",
        "by_sector": "Отрасли",
        "by_owner": "Ответственные",
        "by_trip": "Поездки",
        "overdue": "Просроченные поручения",
        "trips": "Встречи в поездках",
    },
    "en": {
        "funnel": "Funnel",
        "conversion": "Conversion",
        "stage_times": "Days in stage",
        "milestones": "Milestones",
        "stalled": "Stalled",
        "by_country": "Countries",
        "by_sector": "Sectors",
        "by_owner": "Owners",
        "by_trip": "Trips",
        "overdue": "Overdue follow-ups",
        "trips": "Meetings per trip",
    },
}


def text_for(lang: str) -> dict[str, str]:
    return TEXT["ru" if lang.startswith("ru") else "en"]


@dataclass
class ReportTable:
    key: str
    title: str
    headers: list[str]
    kinds: list[str]
    rows: list[list[Any]] = field(default_factory=list)


def _breakdown(
    key: str,
    t: dict[str, str],
    first: str,
    rows: list[BreakdownRow],
    label: Callable[[BreakdownRow], str],
) -> ReportTable:
    table = ReportTable(
        key,
        t[key],
        [t[first], t["projects"], t["capex"], t["weighted_capex"], t["jobs"]],
        ["text", "int", "money", "money", "int"],
    )
    table.rows = [[label(r), r.projects, r.capex, r.weighted_capex, r.jobs] for r in rows]
    return table


def report_tables(rep: PipelineReport, lang: str = "ru") -> list[ReportTable]:
    t = dict(text_for(lang))
    t["capex"] = f"{t['capex']}, {rep.currency}"
    t["weighted_capex"] = f"{t['weighted_capex']}, {rep.currency}"
    code = "ru" if lang.startswith("ru") else "en"
    out: list[ReportTable] = []
    funnel = ReportTable(
        "funnel",
        t["funnel"],
        [
            t["stage"],
            t["projects"],
            t["capex"],
            t["probability"],
            t["weighted_capex"],
            t["jobs"],
            t["weighted_jobs"],
            t["entered"],
        ],
        ["text", "int", "money", "percent", "money", "int", "number", "int"],
    )
    funnel.rows = [
        [
            r.stage.name(code),
            r.projects,
            r.capex,
            r.probability / 100,
            r.weighted_capex,
            r.jobs,
            r.weighted_jobs,
            r.entered,
        ]
        for r in rep.funnel
    ]
    out.append(funnel)
    conv = ReportTable(
        "conversion",
        t["conversion"],
        [t["stage"], t["next_stage"], t["entered"], t["moved_on"], t["rate"]],
        ["text", "text", "int", "int", "percent"],
    )
    conv.rows = [
        [r.stage.name(code), r.next_stage.name(code), r.entered, r.moved_on, r.rate]
        for r in rep.conversion
    ]
    out.append(conv)
    times = ReportTable(
        "stage_times",
        t["stage_times"],
        [t["stage"], t["stays"], t["median_days"]],
        ["text", "int", "number"],
    )
    times.rows = [[r.stage.name(code), r.stays, r.median_days] for r in rep.stage_times]
    out.append(times)
    miles = ReportTable(
        "milestones",
        t["milestones"],
        [t["milestone"], t["stage"], t["projects"], t["capex"], t["jobs"]],
        ["text", "text", "int", "money", "int"],
    )
    miles.rows = [
        [t[m.key], m.stage.name(code), m.projects, m.capex, m.jobs] for m in rep.milestones
    ]
    out.append(miles)
    stalled = ReportTable(
        "stalled",
        t["stalled"],
        [
            t["project"],
            t["company"],
            t["stage"],
            t["days"],
            t["limit"],
            t["owner"],
            t["last_meeting"],
        ],
        ["text", "text", "text", "int", "int", "text", "date"],
    )
    stalled.rows = [
        [
            s.title,
            s.company,
            s.stage.name(code),
            s.days,
            s.limit,
            s.owner,
            s.last_meeting.date() if s.last_meeting else None,
        ]
        for s in rep.stalled
    ]
    out.append(stalled)
    none = t["none"]
    out.append(
        _breakdown(
            "by_country",
            t,
            "country",
            rep.by_country,
            lambda r: f"{country_name(r.key, code)} ({r.key})" if r.key else none,
        )
    )
    out.append(_breakdown("by_sector", t, "sector", rep.by_sector, lambda r: r.label or none))
    out.append(_breakdown("by_owner", t, "owner", rep.by_owner, lambda r: r.label or none))
    out.append(_breakdown("by_trip", t, "trip", rep.by_trip, lambda r: r.label or none))
    overdue = ReportTable(
        "overdue",
        t["overdue"],
        [t["member"], t["overdue_count"], t["oldest_due"]],
        ["text", "int", "date"],
    )
    overdue.rows = [[r.member or none, r.overdue, r.oldest_due] for r in rep.overdue]
    out.append(overdue)
    trips = ReportTable(
        "trips",
        t["trips"],
        [
            t["trip_title"],
            t["start"],
            t["end"],
            t["meetings"],
            t["projects"],
            t["moves"],
            t["forward"],
        ],
        ["text", "date", "date", "int", "int", "int", "int"],
    )
    trips.rows = [
        [r.title, r.start_date, r.end_date, r.meetings, r.projects, r.moves, r.forward_moves]
        for r in rep.trips
    ]
    out.append(trips)
    return out


def period_text(rep: PipelineReport, lang: str, fmt: Callable[[date], str]) -> str:
    t = text_for(lang)
    f = rep.filter
    if not f.date_from and not f.date_to:
        return t["all_time"]
    parts = []
    if f.date_from:
        parts.append(f"{t['from']} {fmt(f.date_from)}")
    if f.date_to:
        parts.append(f"{t['to']} {fmt(f.date_to)}")
    return " ".join(parts)
