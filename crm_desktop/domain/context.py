"""What every service needs: a way to open sessions, who is acting, and on which device."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from crm_desktop.domain.base import HybridLogicalClock


@dataclass
class Context:
    session_factory: Callable[[], Session]
    device_id: str
    member_id: str | None = None  # the person using this laptop, if chosen
    # The database is encrypted at rest: a copy written from it (an export, a memo, a
    # saved attachment) leaves that protection behind, so front ends make such files
    # owner-only and say so once.
    encrypted_at_rest: bool = False
    # Search-index lookup for the services' text filters (search.filters.text_index_for);
    # None: plain LIKE over the columns.
    text_index: Callable[..., Any] | None = None
    clock: HybridLogicalClock = field(init=False)

    def __post_init__(self) -> None:
        self.clock = HybridLogicalClock(self.device_id)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        session = self.session_factory()
        session.info["ctx"] = self
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        session = self.session_factory()
        session.info["ctx"] = self
        try:
            yield session
        finally:
            session.close()
