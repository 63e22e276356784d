"""memo, dossier: PDFs of meetings, trips and companies from the command line."""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path
from typing import TYPE_CHECKING

from crm_desktop.commands import WRITE, CliEnv, out
from crm_desktop.commands.plural import count as counted
from crm_desktop.commands.plural import lang_of
from crm_desktop.domain.errors import CrmError
from crm_desktop.files import write_bytes_atomic

if TYPE_CHECKING:
    from crm_desktop.domain.context import Context


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
        if args.approve:
            raise CrmError("--approve approves one memo at a time; give its MEETING_ID.")
        return _all_memos(args, env)
    if args.out_dir:
        raise CrmError("--out-dir goes with --all; for one memo use -o FILE.")
    if args.trip and (args.approve or args.draft or args.copy != "internal"):
        raise CrmError("--approve, --draft and --copy are for a meeting memo, not --trip.")
    if not args.output and not args.approve:
        raise CrmError("Give the PDF file to write with -o FILE.")
    if args.output:
        documents.check_target(Path(args.output))
    if args.trip:
        services = env.runtime().services
        pdf = documents.trip_report(services, args.trip, _language(args, env))
        documents.save(services, pdf, Path(args.output))
        env.written(args.output)
        return 0
    return _one_memo(args, env)


def _one_memo(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.application.memos import MemoService

    if args.approve:
        env.hold(WRITE)
    memos = MemoService(_memo_context(args, env))
    if args.approve:
        approval = memos.approve(args.meeting_id)
        what = "approved" if approval.new else "already approved, unchanged"
        out(f"memo No. {approval.number}, revision {approval.revision}: {what}")
    if not args.output:
        return 0
    pdf = memos.render(args.meeting_id, _language(args, env), args.copy, draft=args.draft)
    write_bytes_atomic(args.output, pdf.data, private=env.private)
    env.written(args.output)
    state = pdf.state
    if not state.approved:
        out("draft: not approved (memo --approve registers and freezes it)")
    elif pdf.frozen:
        out(
            f"reprint of No. {state.number}, revision {state.revision}"
            + (
                " (the meeting was edited since: --approve makes the next revision, "
                "--draft prints it as it is now)"
                if state.changed_since
                else ""
            )
        )
    if args.copy == "internal":
        out(f"compiled by: {pdf.compiler or 'nobody (choose who you are in the program)'}")
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
    from crm_desktop.application.memos import MemoService

    folder = documents.memo_folder(Path(args.out_dir))
    # approved memos as approved (frozen), the others as drafts: what `memo ID` prints
    memos = MemoService(_memo_context(args, env))
    started = time.perf_counter()
    count = 0
    for meeting_id in memos.loader.meeting_ids():
        pdf = memos.render(meeting_id, _language(args, env), args.copy, draft=args.draft)
        target = folder / pdf.filename
        write_bytes_atomic(target, pdf.data, private=env.private)
        env.written(target)
        count += 1
    seconds = time.perf_counter() - started
    if lang_of(args) == "ru":
        out(f"Записано в {folder}: {counted(count, 'memo', 'ru')} за {seconds:.1f} с")
    else:
        out(f"{counted(count, 'memo')} written to {folder} in {seconds:.1f} s")
    return 0


def _memo_context(args: argparse.Namespace, env: CliEnv) -> Context:
    """The services' context, with --compiler as the member who compiles the memo."""
    ctx = env.runtime().services.ctx
    if not args.compiler:
        return ctx
    from crm_desktop.commands.resolve import record_id
    from crm_desktop.domain.models import Member

    services = env.runtime().services
    member = record_id(services, Member, "member", args.compiler, (Member.name, Member.name_latin))
    return dataclasses.replace(ctx, member_id=member)
