"""Every subcommand's arguments, without the code that runs them.

``--version`` and ``--help`` must answer as fast as a bare Python start, so this module
imports nothing heavy (no SQLAlchemy, no models, no services): a subcommand names its
handler as ``"module:function"`` and cli.py imports that module only once the command
line has been parsed. The choices below mirror constants of heavier modules;
tests/test_cli_parsing.py holds them equal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap
from typing import TYPE_CHECKING, Any, NoReturn

from crm_desktop import APP_NAME
from crm_desktop.exchange.formats import CONTACT_FORMATS

if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[Any]  # of OneLineParser, the class of its parent
else:
    SubParsers = argparse._SubParsersAction

# = sorted(crm_desktop.commands.core.LISTS)
LIST_ENTITIES = (
    "companies",
    "contacts",
    "measures",
    "meetings",
    "members",
    "projects",
    "sites",
    "tasks",
    "trips",
)
# = crm_desktop.commands.edit.KIND_NAMES: every list kind is editable
EDIT_KINDS = LIST_ENTITIES
# = crm_desktop.search.documents.KINDS
SEARCH_KINDS = ("company", "contact", "project", "meeting", "site", "member")
# = crm_desktop.documents.labels.LANGUAGE_CHOICES
DOCUMENT_LANGUAGES = ("ru", "en", "zh", "ru+zh", "ru+en", "en+zh", "zh+ru", "en+ru", "zh+en")
# = [o.value for o in crm_desktop.exchange.db_import.OnDuplicate]
ON_DUPLICATE = ("skip", "merge", "create")

# Every environment variable the program reads, for --help and the README.
ENVIRONMENT = (
    (
        "CRM_DATABASE_URL",
        "the database when --db is not given: a file path URL "
        "(sqlite:///PATH) or a server (postgresql+psycopg://USER:PASSWORD@"
        "HOST/DB)",
    ),
    (
        "CRM_DATA_DIR",
        "folder for the default database, its backups and the settings "
        "(instead of the user data directory)",
    ),
    (
        "CRM_PASSPHRASE",
        "passphrase of an encrypted database (instead of a prompt); also "
        "the new one for init --encrypt and encrypt",
    ),
    ("CRM_NEW_PASSPHRASE", "the new passphrase for change-passphrase (instead of a prompt)"),
    (
        "CRM_PACKET_PASSPHRASE",
        "passphrase of a sync packet (sync export --passphrase, sync import) instead of a prompt",
    ),
    ("CRM_DEBUG", "set to 1 to add the traceback to an error"),
)


class OneLineParser(argparse.ArgumentParser):
    """A usage error is one line on stderr with a pointer to --help, exit status 2."""

    def error(self, message: str) -> NoReturn:
        try:
            sys.stderr.write(f"{APP_NAME}: error: {message} (see {self.prog} --help)\n")
        except BrokenPipeError:
            pass
        raise SystemExit(2)


def environment_epilog(columns: int = 79) -> str:
    """The environment variables, wrapped like argparse's option list (the epilog is
    printed as it is, so it is wrapped here)."""
    width = max(len(name) for name, _ in ENVIRONMENT)
    lines = ["environment variables:"]
    for name, text in ENVIRONMENT:
        lines += textwrap.wrap(
            text,
            columns,
            initial_indent=f"  {name:<{width}}  ",
            subsequent_indent=" " * (width + 4),
        )
    return "\n".join(lines)


def common_options(parser: argparse.ArgumentParser, top_level: bool = False) -> None:
    """--db and --portable work before or after the subcommand."""
    default = None if top_level else argparse.SUPPRESS
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="database file or URL (default: $CRM_DATABASE_URL, else "
        "crm.sqlite3 in the user data directory)",
    )
    parser.add_argument(
        "--portable",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="keep database, settings and backups next to the application",
    )


def add_command(
    sub: SubParsers,
    name: str,
    help: str,
    handler: str,
    description: str | None = None,
) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(name, help=help, description=description or help)
    common_options(p)
    p.set_defaults(handler=handler)
    return p


def _group(
    sub: SubParsers,
    name: str,
    help: str,
    description: str,
) -> SubParsers:
    p: argparse.ArgumentParser = sub.add_parser(name, help=help, description=description)
    common_options(p)
    return p.add_subparsers(dest="what", metavar="WHAT", required=True)


def whole_number(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None
    if not 0 <= n <= 2**62:
        raise argparse.ArgumentTypeError(f"{text} is out of range (0 to {2**62})")
    return n


def positive(text: str) -> int:
    n = whole_number(text)
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text} must be at least 1")
    return n


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date (use YYYY-MM-DD)") from None


CORE = "crm_desktop.commands.core"
DOCS = "crm_desktop.commands.documents"
EXCHANGE = "crm_desktop.commands.exchange"
REPORT = "crm_desktop.commands.report"
SEARCH = "crm_desktop.commands.search"
SECURITY = "crm_desktop.commands.security"
EDIT = "crm_desktop.commands.edit"
SYNC = "crm_desktop.commands.sync"


def register_all(sub: SubParsers) -> None:
    _database(sub)
    _records(sub)
    _documents(sub)
    _exchange(sub)
    _security(sub)
    _report(sub)
    _edit(sub)
    _sync(sub)


def _edit(sub: SubParsers) -> None:
    p = add_command(
        sub,
        "update",
        "change fields of one record (prints its new version)",
        f"{EDIT}:cmd_update",
    )
    p.add_argument(
        "kind", choices=EDIT_KINDS, metavar="KIND", help="one of: " + ", ".join(EDIT_KINDS)
    )
    p.add_argument("id", metavar="ID", help="id, id prefix or name")
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        dest="assignments",
        help="a field as `list --json` names it (repeatable); references by id prefix or "
        "name, lists comma-separated, empty clears",
    )
    _if_version(p)

    p = add_command(sub, "delete", "move one record to the Trash", f"{EDIT}:cmd_delete")
    p.add_argument(
        "kind", choices=EDIT_KINDS, metavar="KIND", help="one of: " + ", ".join(EDIT_KINDS)
    )
    p.add_argument("id", metavar="ID", help="id, id prefix or name")
    _if_version(p)


def _if_version(p: argparse.ArgumentParser) -> None:
    """--if-version N: the write is refused unless the record is still at version N."""
    p.add_argument(
        "--if-version",
        type=int,
        metavar="N",
        default=None,
        dest="if_version",
        help="only if the record is still at version N (else exit 1)",
    )


def _sync(sub: SubParsers) -> None:
    p = add_command(
        sub,
        "sync",
        "merge with another database (file or PostgreSQL URL), or carry changes as a packet file",
        f"{SYNC}:cmd_sync",
        description="`sync OTHER` merges both ways with another database file or a "
        "PostgreSQL URL. `sync export -o FILE` writes a packet of changes, "
        "`sync import FILE` applies one.",
    )
    p.add_argument(
        "what",
        metavar="OTHER|export|import",
        help="another database (file or URL), or export / import",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="the packet to import")
    p.add_argument("-o", "--output", metavar="FILE", help="export: the packet to write")
    p.add_argument(
        "--since-peer",
        metavar="NAME",
        help="export: only what that peer has not seen (its name or id)",
    )
    p.add_argument(
        "--trip",
        metavar="ID|TITLE",
        help="export: only one trip's companies, contacts, projects, meetings",
    )
    p.add_argument(
        "--passphrase",
        action="store_true",
        help="export: encrypt the packet with a passphrase (asked, or $CRM_PACKET_PASSPHRASE)",
    )

    c = add_command(
        sub,
        "conflicts",
        "values that lost a merge; `conflicts resolve ID --keep mine|theirs|VALUE`",
        f"{SYNC}:cmd_conflicts",
        description="List the open conflicts, or resolve one.",
    )
    c.add_argument("what", nargs="?", choices=("resolve",), help="resolve a conflict")
    c.add_argument("id", nargs="?", metavar="ID", help="the conflict (id or its prefix)")
    c.add_argument(
        "--keep",
        metavar="mine|theirs|VALUE",
        help="mine: the value the record holds; theirs: the value that lost; or a new value",
    )
    c.add_argument("--json", action="store_true", help="machine-readable list")
    c.add_argument("--all", action="store_true", help="also the resolved ones")


def _database(sub: SubParsers) -> None:
    p = add_command(
        sub, "init", "create an empty database (refuses to replace a file)", f"{CORE}:cmd_init"
    )
    p.add_argument(
        "--encrypt",
        action="store_true",
        help="encrypt it (SQLCipher); the passphrase is asked twice, or taken from $CRM_PASSPHRASE",
    )

    p = add_command(sub, "demo", "create a database filled with the demo story", f"{CORE}:cmd_demo")
    p.add_argument(
        "--force",
        action="store_true",
        help="replace an existing database file (a backup of it is made first)",
    )
    p.add_argument(
        "--yes-replace-my-data",
        action="store_true",
        dest="replace_my_data",
        help="with --force: replace a database that is not a demo database without asking",
    )
    p.add_argument(
        "--size",
        choices=("story", "large"),
        default="story",
        help="the demo story (default), or large synthetic data for measuring speed",
    )
    for what in ("companies", "contacts", "meetings"):
        p.add_argument(
            f"--{what}", type=whole_number, metavar="N", help=f"number of {what} in large data"
        )

    p = add_command(
        sub, "check", "check the database's integrity and schema version", f"{CORE}:cmd_check"
    )
    p.add_argument("--reindex", action="store_true", help="rebuild the search index")

    p = add_command(
        sub,
        "backup",
        "write a consistent copy of the database (into the backup folder, rotated, or to FILE)",
        f"{CORE}:cmd_backup",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the copy here instead of the backup folder"
    )

    p = add_command(
        sub,
        "restore",
        "replace the database with a backup (after checking it)",
        f"{CORE}:cmd_restore",
    )
    p.add_argument("file", metavar="FILE", help="the backup to restore")


def _records(sub: SubParsers) -> None:
    p = add_command(
        sub,
        "list",
        "list records: one line each (the id's first 8 characters, then the main fields), or JSON",
        f"{CORE}:cmd_list",
    )
    p.add_argument("entity", choices=LIST_ENTITIES, help="what to list")
    p.add_argument(
        "--json",
        action="store_true",
        help="print one JSON array of objects, one object per record with "
        "every field and the full id",
    )
    p.add_argument("--deleted", action="store_true", help="list the Trash instead")
    p.add_argument(
        "--limit", type=whole_number, default=None, metavar="N", help="at most N records"
    )

    p = add_command(
        sub,
        "search",
        "find companies, contacts, projects, meetings, sites and team members by any "
        "spelling: 凯源, Kaiyuan, Кайюань, or typed on the wrong keyboard layout",
        f"{SEARCH}:cmd_search",
    )
    p.add_argument("query", nargs="+", metavar="QUERY", help="what to look for (any script)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument(
        "--kind",
        action="append",
        choices=SEARCH_KINDS,
        help="only this kind of record (repeatable)",
    )
    p.add_argument(
        "--limit", type=positive, default=8, metavar="N", help="results per kind (default 8)"
    )


def _documents(sub: SubParsers) -> None:
    p = add_command(
        sub, "memo", "write meeting memos (or a trip report) as PDF", f"{DOCS}:cmd_memo"
    )
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "meeting_id",
        nargs="?",
        metavar="MEETING_ID",
        help="the meeting (an id or the first 8 characters `list` shows)",
    )
    target.add_argument(
        "--trip",
        metavar="TRIP_ID",
        help="one trip report: cover, summary of its meetings, then the memos",
    )
    target.add_argument("--all", action="store_true", help="one memo per meeting, into --out-dir")
    p.add_argument("-o", "--output", metavar="FILE", help="the PDF file to write")
    p.add_argument("--out-dir", metavar="DIR", help="folder for --all (created if missing)")
    _document_language(p)
    p.add_argument(
        "--copy",
        choices=("internal", "partner"),
        default="internal",
        help="internal: the ministry's memo (stage, task status, requisites); "
        "partner: the copy handed over, signed by both heads of delegation",
    )
    p.add_argument(
        "--compiler",
        metavar="MEMBER",
        help="who compiles the memo (a team member's name or id; default: the "
        '"Who am I" member chosen in the program)',
    )
    state = p.add_mutually_exclusive_group()
    state.add_argument(
        "--approve",
        action="store_true",
        help="approve the memo: registration number, content frozen (an "
        "edited meeting approved again becomes the next revision)",
    )
    state.add_argument(
        "--draft",
        action="store_true",
        help="print the meeting as it is now, not its approved revision",
    )

    p = add_command(
        sub,
        "dossier",
        "write a company dossier (briefing before a meeting) as PDF",
        f"{DOCS}:cmd_dossier",
    )
    p.add_argument(
        "company_id",
        metavar="COMPANY_ID",
        help="the company (an id or the first 8 characters `list` shows)",
    )
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="the PDF file to write")
    _document_language(p)


def _document_language(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        dest="doc_lang",
        choices=DOCUMENT_LANGUAGES,
        default=None,
        help="label language, or two side by side, e.g. ru+zh (default: the "
        "--lang given before the command, else the document language of "
        "the settings, ru)",
    )


def _exchange(sub: SubParsers) -> None:
    what = _group(
        sub,
        "export",
        "export contacts (CSV, Excel, vCard, PDF) or meetings (iCalendar)",
        "Export contacts or meetings to a file.",
    )
    c = add_command(
        what,
        "contacts",
        "contacts, all or filtered",
        f"{EXCHANGE}:cmd_export_contacts",
        description="Export contacts. Filters combine (all must match). The format comes "
        "from the file's extension (.csv, .xlsx, .vcf, .pdf) unless --format "
        "names it.",
    )
    c.add_argument(
        "--format",
        "-f",
        choices=CONTACT_FORMATS,
        default=None,
        help="csv (UTF-8), csv-excel-ru (semicolons, for Russian Excel), xlsx, "
        "vcf (vCard 3.0), vcf4 (vCard 4.0) or pdf (contact sheet); must "
        "agree with the extension of -o",
    )
    c.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    c.add_argument(
        "--ids",
        metavar="ID,ID,...",
        help="only these contacts (ids or the 8-character prefixes `list` shows)",
    )
    c.add_argument("--company", metavar="ID|NAME", help="contacts of one company")
    c.add_argument("--country", metavar="CC", help="contacts of companies in a country (ISO code)")
    c.add_argument("--tag", metavar="ID|NAME", help="contacts with this tag")
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
        help="headings of XLSX and PDF (default: the --lang given before the "
        "command, else ru for PDF and en for XLSX)",
    )

    m = add_command(
        what,
        "meetings",
        "meetings as iCalendar (.ics)",
        f"{EXCHANGE}:cmd_export_meetings",
        description="Export meetings of a trip or a date range as iCalendar.",
    )
    m.add_argument(
        "--format", "-f", choices=("ics",), default="ics", help="ics, the only format for meetings"
    )
    m.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    m.add_argument("--trip", metavar="ID|TITLE", help="meetings of this trip")
    m.add_argument(
        "--from",
        dest="date_from",
        metavar="YYYY-MM-DD",
        type=iso_date,
        help="meetings on or after this day",
    )
    m.add_argument(
        "--to",
        dest="date_to",
        metavar="YYYY-MM-DD",
        type=iso_date,
        help="meetings on or before this day",
    )

    what = _group(
        sub,
        "import",
        "import contacts from CSV, Excel or vCard",
        "Import contacts in one transaction.",
    )
    i = add_command(
        what,
        "contacts",
        "contacts from a .csv, .xlsx or .vcf file",
        f"{EXCHANGE}:cmd_import_contacts",
        description="Import contacts in one transaction. Rows that cannot be imported are "
        "left out and reported by their line (stderr); the valid rows are "
        "written. Exit status: 0 when valid rows were imported (or were all "
        "duplicates), even with some rejected; 1 when rows were rejected and "
        "none was valid, with --strict when any was (then nothing is written), "
        "or on an error. Duplicates (same "
        "email, phone, or name across scripts at the same company) are "
        "skipped, merged or created.",
    )
    i.add_argument("file", metavar="FILE", help="the .csv, .xlsx or .vcf file")
    i.add_argument("--dry-run", action="store_true", help="show what would happen, write nothing")
    i.add_argument(
        "--strict",
        action="store_true",
        help="all or nothing: one rejected row and nothing is imported",
    )
    i.add_argument(
        "--create", action="store_true", help="create the database first when it does not exist"
    )
    i.add_argument(
        "--on-duplicate",
        choices=ON_DUPLICATE,
        default="skip",
        help="what to do with a row that matches a contact (default: skip)",
    )
    i.add_argument(
        "--region",
        default=None,
        metavar="CC",
        help="country for phone numbers without a country code when the row's "
        "company has no country (default: the setting "
        "exchange.default_region, CN)",
    )
    i.add_argument("--verbose", "-v", action="store_true", help="one line per row")


def _security(sub: SubParsers) -> None:
    add_command(
        sub,
        "encrypt",
        "encrypt the database file (SQLCipher) and its backups; the "
        "new passphrase is asked twice, or taken from $CRM_PASSPHRASE",
        f"{SECURITY}:cmd_encrypt",
    )
    add_command(
        sub,
        "decrypt",
        "turn an encrypted database (and its backups) back into plain SQLite",
        f"{SECURITY}:cmd_decrypt",
    )
    add_command(
        sub,
        "change-passphrase",
        "set a new passphrase for an encrypted database "
        "and its backups (the current one from $CRM_PASSPHRASE or a prompt, the new "
        "one from $CRM_NEW_PASSPHRASE or a prompt)",
        f"{SECURITY}:cmd_change_passphrase",
    )
    add_command(
        sub,
        "backups",
        "list this database's backups, newest first, and check them",
        f"{SECURITY}:cmd_backups",
    )


def _report(sub: SubParsers) -> None:
    p = sub.add_parser("report", help="reports for managers", description="reports for managers")
    common_options(p)
    kinds = p.add_subparsers(dest="report", metavar="REPORT", required=True)
    r = add_command(
        kinds,
        "pipeline",
        "funnel, conversion, days in stage, stalled projects, milestones and breakdowns",
        f"{REPORT}:cmd_pipeline",
    )
    r.add_argument("--from", dest="date_from", metavar="DATE", help="first day (YYYY-MM-DD)")
    r.add_argument("--to", dest="date_to", metavar="DATE", help="last day (YYYY-MM-DD)")
    r.add_argument("--country", metavar="CN", help="companies of this country (ISO code)")
    r.add_argument("--sector", metavar="SECTOR", help="companies of this industry")
    r.add_argument("--owner", metavar="MEMBER_ID", help="projects of this team member")
    r.add_argument("--trip", metavar="TRIP_ID", help="projects discussed on this trip")
    r.add_argument(
        "--lang",
        dest="doc_lang",
        choices=("ru", "en"),
        default=None,
        help="language of the PDF and XLSX (default: the --lang given before the command, else ru)",
    )
    fmt = r.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="the whole report as JSON")
    fmt.add_argument("-o", "--output", metavar="FILE", help="write report.pdf or report.xlsx")
