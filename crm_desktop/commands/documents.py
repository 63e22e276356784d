"""memo, dossier: PDFs of meetings, trips and companies from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from crm_desktop.commands import CliEnv, out
from crm_desktop.commands.plural import count as counted
from crm_desktop.commands.plural import lang_of
from crm_desktop.domain.errors import CrmError


def _language(args: argparse.Namespace, env: CliEnv) -> str:
    """--lang after the command, else before it (cli.py copies it), else the settings'."""
    return str(args.doc_lang or env.runtime().settings.document_language or "ru")

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
        pdf = documents.trip_report(services, args.trip, _language(args, env))
    else:
        pdf = documents.memo(services, args.meeting_id, _language(args, env))
    documents.save(services, pdf, target)
    env.written(args.output)
    return 0


def cmd_dossier(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.application import documents

    target = Path(args.output)
    documents.check_target(target)
    services = env.runtime().services
    pdf = documents.dossier(services, args.company_id, _language(args, env))
    documents.save(services, pdf, target)
    env.written(args.output)
    return 0


def _all_memos(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.application import documents

    folder = documents.memo_folder(Path(args.out_dir))
    batch = documents.write_memos(env.runtime().services, folder, _language(args, env),
                                  progress=lambda path, done, total: env.written(path))
    n = len(batch.written)
    if lang_of(args) == "ru":
        out(f"Записано в {folder}: {counted(n, 'memo', 'ru')} за {batch.seconds:.1f} с")
    else:
        out(f"{counted(n, 'memo')} written to {folder} in {batch.seconds:.1f} s")
    return 0
