"""Drafts of unsaved edits (the meeting editor saves one a few seconds after typing).

A crash or a dead battery loses at most the seconds since the last draft; the next
start offers the drafts back. The drafts of one database live in a small SQLite file of
their own (``drafts.sqlite3`` in the database's drafts folder), one row per record being
edited. Each save is one transaction in WAL mode with ``synchronous=FULL``: once
``save()`` returned, the draft survives a killed process or a power cut.

When the database is encrypted the drafts file is a SQLCipher file under the same key
(``encryption.connect``), so no typed text lands on disk in plaintext; otherwise it is
plain SQLite. Re-keying converts the file with the database (``rekey``).

Drafts belong to a database by its identity (``storage.identity``), never by its file
name: the folder is ``drafts/<identity>`` and the file records the identity it was made
for (a drafts file under another identity offers nothing). The file is owner-only (0600).
Drafts an older version kept in ``drafts/<file stem>`` move once, when the database gets
its identity (:func:`adopt_legacy`).

Qt-free; the GUI side is ``crm_desktop.ui.editors.draft_autosave``.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crm_desktop.domain.errors import StorageError
from crm_desktop.storage import encryption
from crm_desktop.storage.encryption import DatabaseKey

FILE_NAME = "drafts.sqlite3"
FORMAT_VERSION = 1
_SAFE = re.compile(r"[^A-Za-z0-9_-]+")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS draft (
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    data TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (kind, record_id)
)
"""
_META = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


@dataclass(frozen=True)
class Draft:
    kind: str  # "meeting", ...
    record_id: str  # the record's id, or "new-<id>" for a record not saved yet
    data: dict[str, Any]
    saved_at: datetime
    path: Path  # the drafts file it is kept in


class DraftStore:
    """Drafts of one database, in one SQLite (or SQLCipher) file inside ``folder``."""

    def __init__(
        self, folder: Path, key: DatabaseKey | None = None, identity: str | None = None
    ) -> None:
        self.folder = folder
        self.key = key
        self.identity = identity  # the database these drafts are for (None: not checked)

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    @staticmethod
    def new_record_id() -> str:
        return "new-" + secrets.token_hex(8)

    # -- connections -----------------------------------------------------------------------
    def _connect(self, create: bool) -> Any | None:
        """A connection with the schema in place; None when there is no file yet and
        ``create`` is false. Raises StorageError when the file does not open (another
        key, damaged)."""
        if not create and not self.path.is_file():
            return None
        try:
            if create:
                self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                if not self.path.exists():
                    os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
            if self.key is not None:
                conn = encryption.connect(self.path, self.key)
            else:
                conn = sqlite3.connect(str(self.path), timeout=5.0)
                conn.execute("PRAGMA temp_store = MEMORY")
            conn.isolation_level = None  # explicit BEGIN ... COMMIT below
        except OSError as e:
            raise StorageError(f"Cannot open the drafts in {self.folder}: {e.strerror}.") from None
        except encryption.db_errors() as e:
            raise StorageError(f"The drafts file {self.path} cannot be read: {e}.") from None
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchall()
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")  # a discarded draft leaves no text
            conn.execute(_SCHEMA)
            conn.execute(_META)
            if self.identity is not None:
                row = conn.execute("SELECT value FROM meta WHERE key = 'database'").fetchone()
                if row is None and create:
                    conn.execute(
                        "INSERT INTO meta (key, value) VALUES ('database', ?)", (self.identity,)
                    )
                elif row is not None and row[0] != self.identity:
                    conn.close()
                    raise StorageError(f"The drafts file {self.path} belongs to another database.")
        except encryption.db_errors() as e:
            conn.close()
            raise StorageError(f"The drafts file {self.path} cannot be used: {e}.") from None
        return conn

    # -- the public API --------------------------------------------------------------------
    def save(self, kind: str, record_id: str, data: dict[str, Any]) -> Path:
        """Keep ``data`` (plain JSON-able values) as the draft of this record, replacing
        the previous one, in one durable transaction."""
        payload = json.dumps(
            {"version": FORMAT_VERSION, "data": data}, ensure_ascii=False, default=str
        )
        saved_at = datetime.now(UTC).isoformat()
        conn = self._connect(create=True)
        assert conn is not None
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT OR REPLACE INTO draft (kind, record_id, data, saved_at) "
                "VALUES (?, ?, ?, ?)",
                (kind, record_id, payload, saved_at),
            )
            conn.execute("COMMIT")
        except encryption.db_errors() as e:
            raise StorageError(f"Cannot save the draft in {self.path}: {e}.") from None
        finally:
            conn.close()
        return self.path

    def _rows(self, where: str = "", args: tuple[str, ...] = ()) -> list[Draft]:
        try:
            conn = self._connect(create=False)
        except StorageError:
            return []  # drafts under another key, or a damaged file: nothing to offer
        if conn is None:
            return []
        try:
            rows = conn.execute(
                "SELECT kind, record_id, data, saved_at FROM draft " + where, args
            ).fetchall()
        except encryption.db_errors():
            return []
        finally:
            conn.close()
        found = []
        for kind, record_id, payload, saved_at in rows:
            try:
                raw = json.loads(payload)
                found.append(
                    Draft(
                        str(kind),
                        str(record_id),
                        dict(raw["data"]),
                        datetime.fromisoformat(saved_at),
                        self.path,
                    )
                )
            except (ValueError, KeyError, TypeError):  # a damaged row is not offered
                continue
        return found

    def load(self, kind: str, record_id: str) -> Draft | None:
        found = self._rows("WHERE kind = ? AND record_id = ?", (kind, record_id))
        return found[0] if found else None

    def discard(self, kind: str, record_id: str) -> None:
        conn = self._connect(create=False)
        if conn is None:
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM draft WHERE kind = ? AND record_id = ?", (kind, record_id))
            conn.execute("COMMIT")
        except encryption.db_errors() as e:
            raise StorageError(f"Cannot remove the draft from {self.path}: {e}.") from None
        finally:
            conn.close()

    def pending(self) -> list[Draft]:
        """Every readable draft, newest first: what the next start offers back."""
        found = self._rows()
        found.sort(key=lambda d: d.saved_at, reverse=True)
        return found

    def rekey(self, new_key: DatabaseKey | None) -> None:
        """Bring the drafts file under the database's new key (or none), the way the
        database itself is converted: a verified copy replaces the original, and a
        plaintext original is shredded."""
        path = self.path
        if path.is_file() and (self.key is None) == encryption.is_encrypted(path):
            # Already in the new form (a conversion interrupted after the drafts step).
            self.key = new_key
            return
        if path.is_file() and self.key != new_key:
            encryption.convert_in_place(path, self.key, new_key)
        self.key = new_key


def drafts_folder(data_dir: Path, identity: str) -> Path:
    """Drafts live in the data directory, one folder per database identity."""
    return data_dir / "drafts" / _SAFE.sub("_", identity)


def adopt_legacy(data_dir: Path, db_path: Path | None, identity: str) -> Path | None:
    """Move the drafts an older version kept per file stem (``drafts/<stem>``, or
    ``drafts/server``) to this identity's folder, once, when the database gets its
    identity. Returns the new folder when something moved."""
    name = db_path.stem if db_path is not None else "server"
    old = data_dir / "drafts" / _SAFE.sub("_", name)
    new = drafts_folder(data_dir, identity)
    if old == new or not old.is_dir() or new.exists():
        return None
    try:
        os.replace(old, new)
    except OSError:
        return None
    return new
