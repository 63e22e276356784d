"""Storage side of synchronisation: the packet file and the settings sync keeps.

A packet (``.crmsync``) is a small SQLite database of its own: ``meta`` (key, value)
holds the header, ``item`` (seq, body) one JSON text per record. Made from an encrypted
database it is a SQLCipher file under the database's key (or under a key derived from a
passphrase given for the packet), so it is exactly as protected as the database it came
from. ``meta`` carries the number of items and a SHA-256 over their bodies: a packet cut
short or damaged is refused before anything is applied.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text

from crm_desktop.domain.errors import StorageError
from crm_desktop.files import fsync_path
from crm_desktop.storage import backups, encryption
from crm_desktop.storage.encryption import DatabaseKey
from crm_desktop.storage.stamps import CLOCK_KEY, newest_stamp

FORMAT = "crm-desktop-sync-packet"
FORMAT_VERSION = "1"
ORGANISATION_KEY = "organisation.id"  # which organisation's replicas may merge


class PacketError(StorageError):
    code = "sync_packet"


@dataclass(frozen=True)
class PacketHeader:
    sender: str  # the database identity of the sender
    sender_label: str
    organisation: str
    schema: str
    lo: str  # sender stamps after this one ...
    hi: str  # ... up to this one are in the packet ("" lo: everything)
    trip: str = ""  # a selective packet: only this trip's records
    received: dict[str, str] = field(default_factory=dict)  # peer id -> stamp received
    created_at: str = ""

    def to_meta(self) -> dict[str, str]:
        return {
            "sender": self.sender,
            "sender_label": self.sender_label,
            "organisation": self.organisation,
            "schema": self.schema,
            "lo": self.lo,
            "hi": self.hi,
            "trip": self.trip,
            "received": json.dumps(self.received),
            "created_at": self.created_at,
        }

    @classmethod
    def from_meta(cls, meta: dict[str, str]) -> PacketHeader:
        received = json.loads(meta.get("received") or "{}")
        return cls(
            meta["sender"],
            meta.get("sender_label", ""),
            meta["organisation"],
            meta["schema"],
            meta.get("lo", ""),
            meta["hi"],
            meta.get("trip", ""),
            {str(k): str(v) for k, v in received.items()},
            meta.get("created_at", ""),
        )


# -- settings kept in the database -------------------------------------------------------


def get_setting(conn: Connection, key: str) -> str | None:
    value = conn.execute(text("SELECT value FROM setting WHERE key = :k"), {"k": key}).scalar()
    return str(value) if value else None


def set_setting(conn: Connection, key: str, value: str) -> None:
    updated = conn.execute(
        text("UPDATE setting SET value = :v WHERE key = :k"), {"k": key, "v": value}
    )
    if not updated.rowcount:
        conn.execute(
            text("INSERT INTO setting (key, value) VALUES (:k, :v)"), {"k": key, "v": value}
        )


def clock_floor(engine: Engine) -> str | None:
    """The newest stamp in this database: a process that opens it moves its clock past
    this, so its own writes sort after everything the database holds (the rows a merge
    brought, and on SQLite every row: a copy's split point relies on it)."""
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                return newest_stamp(lambda sql: conn.exec_driver_sql(sql)) or None
            return get_setting(conn, CLOCK_KEY)
    except Exception:  # noqa: BLE001 - an older schema or a damaged file: no floor
        return None


# -- packet files ------------------------------------------------------------------------


def _digest(bodies: Iterable[str]) -> tuple[int, str]:
    h = hashlib.sha256()
    n = 0
    for body in bodies:
        h.update(body.encode("utf-8"))
        h.update(b"\n")
        n += 1
    return n, h.hexdigest()


def write_packet(
    path: Path, header: PacketHeader, bodies: list[str], key: DatabaseKey | None
) -> None:
    """Write the packet next to ``path`` and move it into place when complete, so a
    killed export never leaves a file that looks whole."""
    if path.is_dir():
        raise PacketError(f"{path} is a folder; give a file name.")
    part = path.with_name(path.name + ".part")
    for p in (part, Path(str(part) + "-journal")):
        p.unlink(missing_ok=True)
    try:
        backups.create_private(part)
        conn: Any = (
            encryption.connect(part, key, verify=False)
            if key is not None
            else sqlite3.connect(str(part))
        )
    except OSError as e:
        raise PacketError(f"Cannot write {path}: {e.strerror}.") from None
    try:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute("CREATE TABLE item (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        count, digest = _digest(bodies)
        meta = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            **header.to_meta(),
            "count": str(count),
            "sha256": digest,
        }
        conn.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))
        conn.executemany("INSERT INTO item (body) VALUES (?)", ((b,) for b in bodies))
        conn.commit()
    except Exception as e:  # noqa: BLE001 - a driver or disk error: no packet is left
        conn.close()
        part.unlink(missing_ok=True)
        raise PacketError(f"Cannot write {path}: {e}.") from None
    conn.close()
    try:
        fsync_path(part)
        os.replace(part, path)
    except OSError as e:
        part.unlink(missing_ok=True)
        raise PacketError(f"Cannot write {path}: {e.strerror}.") from None


def packet_is_encrypted(path: Path) -> bool:
    return encryption.is_encrypted(path)


def packet_salt(path: Path) -> bytes:
    return encryption.file_header(path)


def read_packet(
    path: Path,
    key: Callable[[], DatabaseKey] | None = None,
) -> tuple[PacketHeader, Iterator[str]]:
    """The header and the item bodies of a checked packet. ``key`` gives the key of an
    encrypted one. Raises PacketError (one line) for anything that is not a whole packet."""
    damaged = PacketError.from_code("sync_packet_damaged", path=str(path))
    if not path.is_file():
        raise PacketError(f"{path} does not exist.")
    header = encryption.file_header(path)
    try:
        if header == encryption.SQLITE_HEADER:
            conn: Any = sqlite3.connect("file:" + str(path.resolve()) + "?mode=ro", uri=True)
        elif encryption.is_encrypted(path):
            if key is None:
                raise PacketError.from_code("sync_packet_encrypted", path=str(path))
            conn = encryption.connect(path, key(), readonly=True)
        else:
            raise damaged
    except encryption.WrongPassphraseError:
        raise PacketError.from_code("sync_packet_passphrase", path=str(path)) from None
    except encryption.db_errors():
        raise damaged from None
    try:
        if [r[0] for r in conn.execute("PRAGMA quick_check")] != ["ok"]:
            raise damaged
        meta = {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}
        if meta.get("format") != FORMAT:
            raise PacketError.from_code("sync_not_packet", path=str(path))
        if meta.get("format_version") != FORMAT_VERSION:
            raise PacketError.from_code(
                "sync_newer_packet", path=str(path), format=meta.get("format_version")
            )
        bodies = [str(r[0]) for r in conn.execute("SELECT body FROM item ORDER BY seq")]
    except encryption.db_errors():
        raise damaged from None
    finally:
        conn.close()
    count, digest = _digest(bodies)
    if str(count) != meta.get("count") or digest != meta.get("sha256"):
        raise damaged
    try:
        head = PacketHeader.from_meta(meta)
    except (KeyError, ValueError):
        raise damaged from None
    return head, iter(bodies)
