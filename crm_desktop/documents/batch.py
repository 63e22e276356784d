"""Many memos in one go (``memo --all``, or an export from the GUI): Qt-free long work.

:func:`render_memos` yields after every memo, so the caller shows progress and cancels by
simply not asking for the next one; it never writes files (the caller does, atomically).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from crm_desktop.documents.data import MemoData
from crm_desktop.documents.loader import DocumentLoader
from crm_desktop.documents.memo import MemoRenderer, venue_zone


@dataclass(frozen=True)
class RenderedMemo:
    memo: MemoData
    pdf: bytes
    filename: str  # a suggested, safe file name
    done: int  # memos finished so far, this one included
    total: int


def render_memos(
    loader: DocumentLoader,
    renderer: MemoRenderer,
    meeting_ids: Sequence[str],
    prepared_by: str = "",
) -> Iterator[RenderedMemo]:
    total = len(meeting_ids)
    for done, memo in enumerate(loader.iter_memos(meeting_ids, prepared_by), start=1):
        yield RenderedMemo(memo, renderer.render(memo), suggested_filename(memo), done, total)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\s]+')


def memo_filename(day: str, title: str, meeting_id: str) -> str:
    """'2025-11-18_Переговоры-о-локализации_1a2b3c4d.pdf': sortable, unique, safe everywhere."""
    slug = _UNSAFE.sub("-", title).strip("-.")[:60].rstrip("-.") or "meeting"
    return f"{day}_{slug}_{meeting_id[:8]}.pdf"


def suggested_filename(memo: MemoData) -> str:
    """The memo's file name, dated in the venue's time zone (the date on the memo)."""
    day = memo.starts_at.astimezone(venue_zone(memo.timezone)).date().isoformat()
    return memo_filename(day, memo.title, memo.id)
