"""Declarative base and the columns every synchronised row carries."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC on every backend and always hands back timezone-aware values.

    SQLite has no time zone type; storing naive UTC and re-attaching UTC on load keeps
    comparisons and sorting right on both SQLite and PostgreSQL.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a timezone-aware one is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class HybridLogicalClock:
    """Hybrid logical clock: stamps that order writes across laptops even with skewed clocks.

    A stamp is ``<physical ms, 13 digits>-<counter, 5 digits>-<device id>``; it sorts as
    text, so a later merge can pick the newer version of a row by comparing strings.
    """

    def __init__(self, device_id: str, wall: Callable[[], float] = time.time) -> None:
        self.device_id = device_id
        self._wall = wall
        self._last_ms = 0
        self._counter = 0
        self._lock = threading.Lock()

    def now(self) -> str:
        with self._lock:
            ms = int(self._wall() * 1000)
            if ms > self._last_ms:
                self._last_ms, self._counter = ms, 0
            else:
                self._counter += 1
            return f"{self._last_ms:013d}-{self._counter:05d}-{self.device_id}"

    def observe(self, stamp: str) -> None:
        """Move the clock past a stamp received from another device."""
        ms_text, counter_text, _ = stamp.split("-", 2)
        with self._lock:
            ms, counter = int(ms_text), int(counter_text)
            if (ms, counter) > (self._last_ms, self._counter):
                self._last_ms, self._counter = ms, counter


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime()}


class SyncedMixin:
    """id, timestamps, origin device, tombstone and merge stamp: on every row."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    origin: Mapped[str] = mapped_column(String(36), default="", nullable=False)
    # indexed: sync reads what changed after a stamp (storage migration 0008)
    hlc: Mapped[str] = mapped_column(String(64), default="", nullable=False, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # Optimistic locking: every UPDATE says ``WHERE version = <the version loaded>``, so
        # a row another session or process changed meanwhile updates nothing and the flush
        # fails (StaleDataError, turned into ConflictError by the services) on SQLite and
        # PostgreSQL alike. The session hooks set the next version themselves.
        return {
            "version_id_col": cls.__table__.c.version,  # type: ignore[attr-defined]
            "version_id_generator": False,
        }

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
