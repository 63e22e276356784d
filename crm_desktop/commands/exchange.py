"""export contacts / export meetings / import contacts."""

from __future__ import annotations

import argparse
import datetime as dt

from crm_desktop.commands import WRITE, CliEnv, common_options, out
from crm_desktop.commands.resolve import record_id, record_ids
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.models import Company, Contact, Trip
from crm_desktop.domain.services import Services
from crm_desktop.exchange.db_export import CONTACT_FORMATS, ContactFilter, MeetingFilter
from crm_desktop.exchange.db_import import ImportOptions, OnDuplicate, Outcome


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="export contacts (CSV, Excel, vCard, PDF) or meetings (iCalendar)",
        description="Export contacts or meetings to a file.",
    )
    common_options(p)
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)

    c = what.add_parser(
        "contacts",
        help="contacts, all or filtered",
        description="Export contacts. Filters combine (all must match).",
    )
    common_options(c)
    c.add_argument("--format", "-f", choices=CONTACT_FORMATS, default="csv")
    c.add_argument("-o", "--output", required=True, metavar="FILE")
    c.add_argument("--ids", metavar="ID,ID,...", help="only these contacts (the list's selection)")
    c.add_argument("--company", metavar="ID|NAME", help="contacts of one company")
    c.add_argument("--country", metavar="CC", help="contacts of companies in a country (ISO code)")
    c.add_argument("--tag", metavar="ID|NAME")
    c.add_argument("--trip", metavar="ID|TITLE", help="contacts met during a trip")
    c.add_argument(
        "--stage", metavar="ID|CODE|N", help="contacts of companies with a project at this stage"
    )
    c.add_argument("--search", default="", metavar="TEXT", help="the list's quick filter")
    c.add_argument(
        "--lang",
        dest="sheet_lang",
        choices=("ru", "en", "zh"),
        default=None,
        help="headings of XLSX and PDF (default: ru for PDF, en for XLSX)",
    )
    c.set_defaults(handler=cmd_export_contacts)

    m = what.add_parser(
        "meetings",
        help="meetings as iCalendar (.ics)",
        description="Export meetings of a trip or a date range as iCalendar.",
    )
    common_options(m)
    m.add_argument("--format", "-f", choices=("ics",), default="ics")
    m.add_argument("-o", "--output", required=True, metavar="FILE")
    m.add_argument("--trip", metavar="ID|TITLE")
    m.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", type=_date)
    m.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", type=_date)
    m.set_defaults(handler=cmd_export_meetings)

    p = sub.add_parser(
        "import",
        help="import contacts from CSV, Excel or vCard",
        description="Import contacts in one transaction: on any error nothing is written.",
    )
    common_options(p)
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    i = what.add_parser(
        "contacts",
        help="contacts from a .csv, .xlsx or .vcf file",
        description="Import contacts. Duplicates (same email, phone, or name "
        "across scripts at the same company) are skipped, merged "
        "or created.",
    )
    common_options(i)
    i.add_argument("file", metavar="FILE")
    i.add_argument("--dry-run", action="store_true", help="show what would happen, write nothing")
    i.add_argument("--on-duplicate", choices=[o.value for o in OnDuplicate], default="skip")
    i.add_argument(
        "--leave-out-rejected",
        action="store_true",
        help="import the valid rows even if some rows are rejected",
    )
    i.add_argument(
        "--region",
        default="RU",
        metavar="CC",
        help="country for phone numbers without a country code (default RU)",
    )
    i.add_argument("--verbose", "-v", action="store_true", help="one line per row")
    i.set_defaults(handler=cmd_import_contacts)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date (use YYYY-MM-DD)") from None


def _company_id(services: Services, text: str) -> str:
    return record_id(services, Company, "company", text,
                     (Company.name, Company.name_native, Company.name_latin, Company.name_ru))


def _trip_id(services: Services, text: str) -> str:
    return record_id(services, Trip, "trip", text, (Trip.title,))


def cmd_export_contacts(args: argparse.Namespace, env: CliEnv) -> int:
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

    done = exchange.export_contacts(services, args.output, args.format, flt,
                                    language=args.sheet_lang or "")
    out(f"Exported {done.count} contact(s) to {args.output}")
    env.note_unencrypted(args.output)
    return 0


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
    out(f"Exported {done.count} meeting(s) to {args.output}")
    env.note_unencrypted(args.output)
    return 0


def cmd_import_contacts(args: argparse.Namespace, env: CliEnv) -> int:
    if not args.dry_run:
        env.hold(WRITE)  # one writer: a second import or a restore waits its turn
    services = env.runtime().services
    options = ImportOptions(
        on_duplicate=OnDuplicate(args.on_duplicate),
        dry_run=args.dry_run,
        leave_out_rejected=args.leave_out_rejected,
        default_region=args.region.upper(),
    )
    from crm_desktop.application import exchange

    report = exchange.import_contacts(services, args.file, options)
    for row in report.rows:
        if row.outcome == Outcome.REJECTED:
            out(f"line {row.line}: rejected: {row.reason}")
        elif args.verbose:
            extra = (
                f" (same {row.matched_by} as “{row.duplicate_name}”)" if row.duplicate_of else ""
            )
            out(f"line {row.line}: {row.outcome.value}: {row.name}{extra}")
    out(report.summary())
    if report.rejected and not report.written and not args.dry_run:
        first = next(r for r in report.rows if r.outcome == Outcome.REJECTED)
        raise CrmError(
            f"{report.rejected} row(s) rejected, nothing was imported "
            f"(first: line {first.line}: {first.reason})."
        )
    return 0
