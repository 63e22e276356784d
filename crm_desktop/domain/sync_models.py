"""Rows that synchronisation keeps: the conflict list (replicated like any record), and
per database what it exchanged with each peer and when rows arrived (local only)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.domain.base import Base, SyncedMixin, UTCDateTime


class SyncConflict(SyncedMixin, Base):
    """A value that lost a merge: the same field changed on two replicas since they last
    met (``kind`` "field"), or a record deleted on one and edited on the other ("delete").
    The winner (newer hybrid-logical-clock stamp) is what the record holds after the
    merge; the loser is kept here until someone resolves it."""

    __tablename__ = "sync_conflict"

    kind: Mapped[str] = mapped_column(String(16))  # "field" or "delete"
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64), default="")
    winner_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    loser_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    winner_hlc: Mapped[str] = mapped_column(String(64), default="")
    winner_origin: Mapped[str] = mapped_column(String(36), default="")  # device
    winner_member: Mapped[str | None] = mapped_column(String(36), nullable=True)
    winner_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    loser_hlc: Mapped[str] = mapped_column(String(64), default="")
    loser_origin: Mapped[str] = mapped_column(String(36), default="")
    loser_member: Mapped[str | None] = mapped_column(String(36), nullable=True)
    loser_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    resolution: Mapped[str] = mapped_column(String(16), default="")  # mine, theirs, value
    resolved_value: Mapped[Any] = mapped_column(JSON, nullable=True)


class SyncPeer(Base):
    """What this database exchanged with another one (keyed by its identity).

    ``received``: the peer's stamp up to which every change of the peer is here.
    ``acked``: this database's stamp up to which the peer is known to hold our changes.
    """

    __tablename__ = "sync_peer"

    peer_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    label: Mapped[str] = mapped_column(String(300), default="")
    received: Mapped[str] = mapped_column(String(64), default="")
    acked: Mapped[str] = mapped_column(String(64), default="")
    last_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class SyncArrival(Base):
    """When (in this database's clock) a record last changed here through a merge: what
    a later export to a third replica must carry although the row's own stamp is older."""

    __tablename__ = "sync_arrival"

    entity_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(64), index=True)
