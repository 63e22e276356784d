"""report pipeline: the managers' pipeline report as text, JSON, PDF or XLSX."""

from __future__ import annotations

import argparse
import dataclasses
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from crm_desktop.analytics.rates import ConversionRates, report_rates
from crm_desktop.commands import CliEnv, out
from crm_desktop.commands.plural import count
from crm_desktop.commands.resolve import record_id
from crm_desktop.config import Settings
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.money import DEFAULT_CURRENCY, Rates
from crm_desktop.files import write_bytes_atomic

FORMATS = {".pdf": "pdf", ".xlsx": "xlsx"}


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CrmError.from_code("invalid_date", value=text) from None


def _resolve(env: CliEnv, model: Any, entity: str, text: str | None) -> str | None:
    return record_id(env.runtime().services, model, entity, text) if text else None


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def report_json(rep: Any) -> str:
    data = dataclasses.asdict(rep)
    data["currency"] = rep.currency
    for row in data["conversion"]:
        row["rate"] = row["moved_on"] / row["entered"] if row["entered"] else None
    return json.dumps(_plain(data), ensure_ascii=False, indent=2)


def cmd_pipeline(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.analytics.model import ReportFilter
    from crm_desktop.analytics.service import AnalyticsService
    from crm_desktop.domain.models import Member, Trip

    fmt = None
    lang = args.doc_lang or "ru"  # --lang after the command, else before it (cli.py)
    if args.output:
        path = Path(args.output)
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise CrmError(f"Cannot tell the format of {path.name}: use a .pdf or .xlsx file name.")
        if path.is_dir():
            raise CrmError(f"{path} is a folder; give a file name.")
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise CrmError(f"Cannot write {path}: the folder {parent} does not exist.")
    country = (args.country or "").strip().upper()
    if country and (len(country) != 2 or not country.isalpha()):
        raise CrmError.from_code("invalid_country", value=args.country)
    f = ReportFilter(
        _date(args.date_from),
        _date(args.date_to),
        country,
        (args.sector or "").strip(),
        _resolve(env, Member, "member", args.owner),
        _resolve(env, Trip, "trip", args.trip),
    )
    rt = env.runtime()
    rep = AnalyticsService(rt.services.ctx).report(f, _rates(rt.settings))
    if args.json:
        out(report_json(rep))
        return 0
    if fmt == "pdf":
        from crm_desktop.documents.pipeline_report import PipelineReportRenderer

        data = PipelineReportRenderer(lang, rt.services.settings.organisation_name).render(rep)
    elif fmt == "xlsx":
        from crm_desktop.documents.pipeline_xlsx import pipeline_workbook

        data = pipeline_workbook(rep, lang)
    else:
        _print_summary(rep)
        return 0
    write_bytes_atomic(args.output, data, private=env.private)
    env.written(args.output)
    return 0


def _print_summary(rep: Any) -> None:
    cur = rep.currency
    out(f"{'stage':<32} {'projects':>8} {'capex ' + cur:>18} {'weighted':>18} {'jobs':>7}")
    for r in rep.funnel:
        out(
            f"{r.stage.name_en:<32} {r.projects:>8} {r.capex:>18,.0f} "
            f"{r.weighted_capex:>18,.0f} {r.jobs:>7}"
        )
    for m in rep.milestones:
        out(
            f"{m.key}: {count(m.projects, 'project')}, capex {m.capex:,.0f} {cur}, "
            f"{count(m.jobs, 'job')}"
        )
    out(
        f"stalled: {count(len(rep.stalled), 'project')}; overdue follow-ups: "
        f"{sum(r.overdue for r in rep.overdue)}"
    )
    if rep.unconverted:
        out(f"no rate for {', '.join(rep.unconverted)}: that capex is left out")


def _rates(settings: Settings) -> ConversionRates:
    """The conversion rates kept in Settings, as the pipeline board's total uses them."""
    return report_rates(
        Rates.from_settings(settings.currency_rates),
        settings.total_currency or DEFAULT_CURRENCY,
        date.today(),
    )
