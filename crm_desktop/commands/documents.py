"""memo, dossier: PDFs of meetings, trips and companies from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from crm_desktop.commands import CliEnv, add_command, out
from crm_desktop.domain.errors import CrmError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from crm_desktop.documents.labels import LANGUAGE_CHOICES

    p = add_command(sub, "memo", "write meeting memos (or a trip report) as PDF", cmd_memo)
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("meeting_id", nargs="?", metavar="MEETING_ID",
                        help="the meeting (an id or the first 8 characters `list` shows)")
    target.add_argument("--trip", metavar="TRIP_ID",
                        help="one trip report: cover, summary of its meetings, then the memos")
    target.add_argument("--all", action="store_true", help="one memo per meeting, into --out-dir")
    p.add_argument("-o", "--output", metavar="FILE", help="the PDF file to write")
    p.add_argument("--out-dir", metavar="DIR", help="folder for --all (created if missing)")
    _lang_option(p, LANGUAGE_CHOICES)

    p = add_command(sub, "dossier", "write a company dossier (briefing before a meeting) as PDF",
                    cmd_dossier)
    p.add_argument("company_id", metavar="COMPANY_ID")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="the PDF file to write")
    _lang_option(p, LANGUAGE_CHOICES)


def _lang_option(p: argparse.ArgumentParser, choices: tuple[str, ...]) -> None:
    p.add_argument("--lang", dest="doc_lang", choices=choices, default="ru",
                   help="label language, or two side by side, e.g. ru+zh (default: ru)")


def cmd_memo(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.application import documents

    if args.all:
        if not args.out_dir:
            raise CrmError("memo --all needs --out-dir DIR.")
        if args.output:
            raise CrmError("memo --all writes one file per meeting; use --out-dir, not -o.")
        return _all_memos(args, env)
    if args.out_dir:
        raise CrmError("--out-dir goes with --all; for one memo use -o FILE.")
    if not args.output:
        raise CrmError("Give the PDF file to write with -o FILE.")
    target = Path(args.output)
    documents.check_target(target)
    services = env.runtime().services
    if args.trip:
        pdf = documents.trip_report(services, args.trip, args.doc_lang)
    else:
        pdf = documents.memo(services, args.meeting_id, args.doc_lang)
    documents.save(services, pdf, target)
    env.written(args.output)
    return 0


def cmd_dossier(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.application import documents

    target = Path(args.output)
    documents.check_target(target)
    services = env.runtime().services
    pdf = documents.dossier(services, args.company_id, args.doc_lang)
    documents.save(services, pdf, target)
    env.written(args.output)
    return 0


def _all_memos(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.application import documents

    folder = documents.memo_folder(Path(args.out_dir))
    batch = documents.write_memos(env.runtime().services, folder, args.doc_lang,
                                  progress=lambda path, done, total: env.written(path))
    out(f"{len(batch.written)} memo(s) written to {folder} in {batch.seconds:.1f} s")
    return 0
