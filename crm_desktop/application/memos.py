"""Meeting memos as the ministry handles them: drafted, approved (registration number,
frozen content), reprinted, revised. One implementation for ``crm-desktop memo`` and the
memo preview's Approve button.

Approving stores the data the PDF is made from (``documents.snapshot``), so a reprint is
the same document whatever happens to the meeting's tasks later. Editing the meeting
afterwards and approving again makes revision 2, 3, ... under the same number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import string
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.documents.batch import suggested_filename
from crm_desktop.documents.data import MemoData, Requisites
from crm_desktop.documents.labels import Labels
from crm_desktop.documents.loader import DocumentLoader
from crm_desktop.documents.memo import MemoCopy, MemoRenderer
from crm_desktop.documents.snapshot import content_hash, memo_from_json, memo_to_json
from crm_desktop.domain.context import Context
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.models import Member, MemoRevision, Setting
from crm_desktop.domain.services.settings import (
    DEFAULT_MEMO_NUMBER_FORMAT,
    MEMO_NUMBER_FORMAT,
    MEMO_NUMBER_SEQ,
)


@dataclass(frozen=True)
class MemoState:
    """Where a meeting's memo stands."""

    revision: int  # the latest approved revision; 0: never approved
    number: str  # registration number ('' before the first approval)
    approved_at: dt.datetime | None
    changed_since: bool  # the meeting was edited after that revision was approved

    @property
    def approved(self) -> bool:
        return self.revision > 0


@dataclass(frozen=True)
class MemoPdf:
    data: bytes
    filename: str
    title: str
    state: MemoState
    frozen: bool  # printed from the approved revision, not from the meeting as it is now
    compiler: str  # "name, position" printed as the compiler ('' when nobody is chosen)


@dataclass(frozen=True)
class Approval:
    number: str
    revision: int
    new: bool  # False: that content was approved already; nothing was stored


def number_from_format(pattern: str, year: int, seq: int) -> str:
    """The registration number from the settings' pattern ('{year}-{seq:04d}')."""
    fields = {name for _, name, _, _ in string.Formatter().parse(pattern) if name}
    if "seq" not in fields or not fields <= {"year", "seq"}:
        raise CrmError(
            f"The memo number format {pattern!r} must contain {{seq}} and may "
            "contain {year}, e.g. {year}-{seq:04d}."
        )
    try:
        return pattern.format(year=year, seq=seq)
    except (ValueError, IndexError, KeyError) as e:
        raise CrmError(f"The memo number format {pattern!r} is not valid: {e}.") from None


def _comparable(data: MemoData) -> str:
    """What counts as an edit of the meeting: its content, not the tasks' progress, the
    compiler or the requisites added at approval."""
    steps = tuple(dataclasses.replace(s, status="") for s in data.next_steps)
    plain = dataclasses.replace(
        data, next_steps=steps, requisites=Requisites(), prepared_by="", prepared_by_latin=""
    )
    return content_hash(memo_to_json(plain))


class MemoService:
    def __init__(
        self,
        ctx: Context,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.ctx = ctx
        self.loader = DocumentLoader(ctx.session_factory)
        self._today = today
        self._now = now

    # -- reading -----------------------------------------------------------------------

    def compiler(self) -> tuple[str, str]:
        """The who-am-I member: (name, position); empty when nobody is chosen."""
        if not self.ctx.member_id:
            return "", ""
        with self.ctx.reading() as s:
            m = s.get(Member, self.ctx.member_id)
            if m is None or m.deleted_at is not None:
                return "", ""
            return m.name, m.position

    def live(self, meeting_id: str) -> MemoData:
        """The memo as the meeting is now (a draft: no number)."""
        return self.loader.memo(meeting_id, self.compiler()[0])

    def _latest(self, s: Session, meeting_id: str) -> MemoRevision | None:
        return s.scalars(
            select(MemoRevision)
            .where(MemoRevision.meeting_id == meeting_id, MemoRevision.deleted_at.is_(None))
            .order_by(MemoRevision.revision.desc())
            .limit(1)
        ).first()

    def state(self, meeting_id: str, live: MemoData | None = None) -> MemoState:
        live = live or self.live(meeting_id)
        with self.ctx.reading() as s:
            latest = self._latest(s, live.id)
            if latest is None:
                return MemoState(0, "", None, False)
            return MemoState(
                latest.revision,
                latest.number,
                latest.approved_at,
                latest.content_hash != _comparable(live),
            )

    def frozen(self, meeting_id: str) -> MemoData | None:
        """The latest approved revision's data, as it was approved."""
        return self._frozen(self.loader.memo(meeting_id).id)

    def _frozen(self, full_id: str) -> MemoData | None:
        with self.ctx.reading() as s:
            latest = self._latest(s, full_id)
            return memo_from_json(latest.content) if latest is not None else None

    def render(
        self,
        meeting_id: str,
        lang: str | Labels = "ru",
        copy: MemoCopy = "internal",
        *,
        draft: bool = False,
    ) -> MemoPdf:
        """The approved memo as approved (a reprint), or the meeting as it is now when it
        was never approved or ``draft`` is asked for."""
        live = self.live(meeting_id)
        state = self.state(meeting_id, live)
        data = live
        frozen = False
        if state.approved and not draft:
            snapshot = self._frozen(live.id)
            if snapshot is not None:
                data, frozen = snapshot, True
        renderer = MemoRenderer(
            lang,
            self.loader.organisation(),
            copy=copy,
            organisation_names=self.loader.organisation_names(),
        )
        name, position = data.prepared_by, data.requisites.compiler_position
        compiler = ", ".join(x for x in (name, position) if x)
        return MemoPdf(
            renderer.render(data),
            suggested_filename(data),
            renderer.title(data),
            state,
            frozen,
            compiler,
        )

    # -- approving ---------------------------------------------------------------------

    def approve(self, meeting_id: str) -> Approval:
        """Register and freeze the memo as the meeting is now. The first approval takes the
        next number of the year; an edited meeting approved again gets the next revision
        under the same number; approving unchanged content again stores nothing."""
        live = self.live(meeting_id)
        comparable = _comparable(live)
        today = self._today()
        with self.ctx.unit_of_work() as s:
            latest = self._latest(s, live.id)
            if latest is not None and latest.content_hash == comparable:
                return Approval(latest.number, latest.revision, False)
            if latest is not None:
                number, revision = latest.number, latest.revision + 1
            else:
                number, revision = self._next_number(s, today.year), 1
            frozen = dataclasses.replace(
                live,
                requisites=dataclasses.replace(
                    live.requisites,
                    number=number,
                    revision=revision,
                    approved_on=today,
                    compiled_on=today,
                ),
            )
            approver = self.compiler()[0]
            s.add(
                MemoRevision(
                    meeting_id=live.id,
                    revision=revision,
                    number=number,
                    approved_at=self._now(),
                    approved_by=approver,
                    content=memo_to_json(frozen),
                    content_hash=comparable,
                )
            )
        return Approval(number, revision, True)

    def _next_number(self, s: Session, year: int) -> str:
        pattern = s.scalar(select(Setting.value).where(Setting.key == MEMO_NUMBER_FORMAT))
        pattern = (pattern or "").strip() or DEFAULT_MEMO_NUMBER_FORMAT
        key = f"{MEMO_NUMBER_SEQ}{year}"
        row = s.scalars(select(Setting).where(Setting.key == key).with_for_update()).first()
        try:
            seq = int(row.value) + 1 if row is not None else 1
        except ValueError:
            seq = 1
        # a number another laptop registered (it came with a sync) is not issued again
        number = number_from_format(pattern, year, seq)
        while s.scalar(select(MemoRevision.id).where(MemoRevision.number == number).limit(1)):
            seq += 1
            number = number_from_format(pattern, year, seq)
        if row is None:
            s.add(Setting(key=key, value=str(seq)))
        else:
            row.value = str(seq)
        return number


__all__ = ["Approval", "MemoPdf", "MemoService", "MemoState", "number_from_format"]
