"""memo, dossier: PDFs of meetings, trips and companies from the command line."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from crm_desktop.commands import CliEnv, out
from crm_desktop.commands.plural import count as counted
from crm_desktop.commands.plural import lang_of
from crm_desktop.domain.errors import CrmError
from crm_desktop.files import refuse_special, write_bytes_atomic

if TYPE_CHECKING:
    from crm_desktop.documents.loader import DocumentLoader


def _language(args: argparse.Namespace, env: CliEnv) -> str:
    """--lang after the command, else before it (cli.py copies it), else the settings'."""
    return str(args.doc_lang or env.runtime().settings.document_language or "ru")


def _context(env: CliEnv) -> tuple[DocumentLoader, str, str]:
    from crm_desktop.documents.loader import DocumentLoader

    rt = env.runtime()
    loader = DocumentLoader(rt.db.session_factory)
    return loader, loader.organisation(), loader.member_name(rt.settings.current_member_id)


def cmd_memo(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.documents.memo import MemoRenderer
    from crm_desktop.documents.trip import TripReportRenderer

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
    _check_target(Path(args.output))
    loader, organisation, me = _context(env)
    if args.trip:
        trip = loader.trip(args.trip, prepared_by=me)
        pdf = TripReportRenderer(_language(args, env), organisation).render(trip)
    else:
        memo = loader.memo(args.meeting_id, prepared_by=me)
        pdf = MemoRenderer(_language(args, env), organisation).render(memo)
    write_bytes_atomic(args.output, pdf, private=env.private)
    env.written(args.output)
    return 0


def cmd_dossier(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.documents.dossier import DossierRenderer

    _check_target(Path(args.output))
    loader, organisation, _ = _context(env)
    data = loader.dossier(args.company_id)
    pdf = DossierRenderer(_language(args, env), organisation).render(data)
    write_bytes_atomic(args.output, pdf, private=env.private)
    env.written(args.output)
    return 0


def _all_memos(args: argparse.Namespace, env: CliEnv) -> int:
    from crm_desktop.documents.batch import render_memos
    from crm_desktop.documents.memo import MemoRenderer

    folder = Path(args.out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CrmError(f"Cannot create {folder}: {e.strerror or e}.") from None
    if not folder.is_dir():
        raise CrmError(f"{folder} is not a folder.")
    loader, organisation, me = _context(env)
    renderer = MemoRenderer(_language(args, env), organisation)
    started = time.perf_counter()
    count = 0
    for item in render_memos(loader, renderer, loader.meeting_ids(), prepared_by=me):
        target = folder / item.filename
        write_bytes_atomic(target, item.pdf, private=env.private)
        env.written(target)
        count = item.done
    seconds = time.perf_counter() - started
    if lang_of(args) == "ru":
        out(f"Записано в {folder}: {counted(count, 'memo', 'ru')} за {seconds:.1f} с")
    else:
        out(f"{counted(count, 'memo')} written to {folder} in {seconds:.1f} s")
    return 0


def _check_target(path: Path) -> None:
    """Fail before rendering when the file obviously cannot be written."""
    refuse_special(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise CrmError(f"Cannot write {path}: the folder {parent} does not exist.")
