"""export contacts / export meetings / import contacts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crm_desktop.commands import WRITE, CliEnv, out
from crm_desktop.commands.plural import count, lang_of
from crm_desktop.commands.resolve import record_id, record_ids
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.models import Company, Contact, Trip
from crm_desktop.domain.services import Services
from crm_desktop.domain.validation import ISO_3166
from crm_desktop.exchange.db_export import (
    ContactFilter,
    MeetingFilter,
)
from crm_desktop.exchange.db_import import (
    ImportOptions,
    ImportReport,
    OnDuplicate,
    Outcome,
)
from crm_desktop.exchange.formats import FormatChoiceError, contact_format
from crm_desktop.files import refuse_special


def _company_id(services: Services, text: str) -> str:
    return record_id(
        services,
        Company,
        "company",
        text,
        (Company.name, Company.name_native, Company.name_latin, Company.name_ru),
    )


def _trip_id(services: Services, text: str) -> str:
    return record_id(services, Trip, "trip", text, (Trip.title,))


def cmd_export_contacts(args: argparse.Namespace, env: CliEnv) -> int:
    refuse_special(Path(args.output))  # a device or FIFO is named before the extension
    try:
        fmt = contact_format(args.output, args.format)
    except FormatChoiceError as e:
        raise CrmError(str(e)) from None
    services = env.runtime().services
    flt = ContactFilter(
        ids=record_ids(services, Contact, "contact", args.ids) if args.ids else None,
        company_id=_company_id(services, args.company) if args.company else None,
        country=(args.country or "").upper(),
        tag=args.tag or "",
        trip_id=_trip_id(services, args.trip) if args.trip else None,
        stage=args.stage or "",
        text=args.search,
    )
    from crm_desktop.application import exchange

    done = exchange.export_contacts(services, args.output, fmt, flt, language=args.sheet_lang or "")
    _exported(args, done.count, "contact")
    env.note_unencrypted(args.output)
    return 0


def _exported(args: argparse.Namespace, n: int, what: str) -> None:
    lang = lang_of(args)
    if lang == "ru":
        out(f"Экспорт: {count(n, what, lang)} → {args.output}")
    else:
        out(f"Exported {count(n, what)} to {args.output}")


def cmd_export_meetings(args: argparse.Namespace, env: CliEnv) -> int:
    services = env.runtime().services
    if args.date_from and args.date_to and args.date_to < args.date_from:
        raise CrmError("--to is before --from.")
    flt = MeetingFilter(
        trip_id=_trip_id(services, args.trip) if args.trip else None,
        date_from=args.date_from,
        date_to=args.date_to,
    )
    from crm_desktop.application import exchange

    done = exchange.export_meetings(services, args.output, flt)
    _exported(args, done.count, "meeting")
    env.note_unencrypted(args.output)
    return 0


def cmd_import_contacts(args: argparse.Namespace, env: CliEnv) -> int:
    """Partial by default: the valid rows are written in one transaction, each rejected
    row is named on stderr. Exit 1 when rows were rejected and none was valid, or with
    --strict when any was rejected (then nothing is written)."""
    if args.region is not None and args.region.strip().upper() not in ISO_3166:
        raise CrmError(f"--region {args.region}: not an ISO 3166 country code (CN, RU, ...).")
    create = bool(args.create)
    if not args.dry_run or create:
        # one writer: a second import or a restore waits its turn; and a restore killed
        # half-way is finished first, so the file may exist only after this
        env.hold(WRITE)
    path = env.location.path
    if path is not None and not (path.exists() and path.stat().st_size > 0) and not create:
        raise CrmError(
            f"{path} does not exist; create it with `crm-desktop init --db "
            f"{path}`, or add --create to the import."
        )
    rt = env.runtime(create=create)
    options = ImportOptions(
        on_duplicate=OnDuplicate(args.on_duplicate),
        dry_run=args.dry_run,
        strict=args.strict,
        default_region=(args.region or rt.settings.default_region).strip().upper(),
    )
    from crm_desktop.application import exchange

    report = exchange.import_contacts(rt.services, args.file, options)
    source = Path(args.file).name
    for row in report.rows:
        if row.outcome == Outcome.REJECTED:
            _err(f"{source}, line {row.line}: rejected: {row.reason}")
        for warning in row.warnings:
            _err(f"{source}, line {row.line}: warning: {warning}")
        if args.verbose and row.outcome != Outcome.REJECTED:
            extra = (
                f" (same {row.matched_by} as “{row.duplicate_name}”)" if row.duplicate_of else ""
            )
            out(f"line {row.line}: {row.outcome.value}: {row.name}{extra}")
    out(import_summary(report, source, lang_of(args)))
    if report.rejected and (args.strict or not report.imported):
        first = next(r for r in report.rows if r.outcome == Outcome.REJECTED)
        why = "--strict: " if args.strict and report.imported else ""
        raise CrmError(
            f"{count(report.rejected, 'row')} rejected; {why}nothing was imported "
            f"(first: line {first.line}: {first.reason})."
        )
    return 0


def import_summary(report: ImportReport, source: str, lang: str = "en") -> str:
    """One line: what the import did, with the counts in ``lang``."""
    if lang == "ru":
        text = (
            f"{source}: создано: {report.created}, объединено: {report.merged}, "
            f"пропущено (дубликаты): {report.skipped}, отклонено: "
            f"{count(report.rejected, 'row', lang)}"
        )
        if report.companies_created:
            text += f"; {count(report.companies_created, 'new company', lang)}"
        if report.warned:
            text += f"; {count(len(report.warned), 'warning', lang)}"
        if report.dry_run:
            return text + " (пробный запуск: ничего не записано)"
        return text + ("" if report.written else " (ничего не записано)")
    text = (
        f"{source}: {report.created} created, {report.merged} merged, {report.skipped} "
        f"skipped as duplicates, {count(report.rejected, 'row')} rejected"
    )
    if report.companies_created:
        text += f"; {count(report.companies_created, 'new company')}"
    if report.warned:
        text += f"; {count(len(report.warned), 'warning')}"
    if report.dry_run:
        return text + " (dry run: nothing written)"
    return text + ("" if report.written else " (nothing written)")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")
