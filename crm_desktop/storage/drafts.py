"""Drafts of unsaved edits (the meeting editor saves one every few seconds).

A crash or a dead battery loses at most the seconds since the last draft; the next
start offers the drafts back. Each draft is one file, written atomically (temporary
file, fsync, rename). When the database is encrypted the draft is too: AES-256-GCM
under a key derived from the database key, so no typed text lands on disk in plaintext.

Qt-free; the GUI side is ``crm_desktop.ui.draft_autosave``.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crm_desktop.domain.errors import StorageError
from crm_desktop.storage.encryption import DatabaseKey, shred

PLAIN_SUFFIX = ".draft.json"
SEALED_SUFFIX = ".draft.enc"
MAGIC = b"CRMDRAFT1"
_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Draft:
    kind: str  # "meeting", ...
    record_id: str  # the record's id, or "new-<id>" for a record not saved yet
    data: dict[str, Any]
    saved_at: datetime
    path: Path


def _aead(key: DatabaseKey) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key.subkey("drafts"))


class DraftStore:
    """Drafts of one database, in their own folder."""

    def __init__(self, folder: Path, key: DatabaseKey | None = None) -> None:
        self.folder = folder
        self.key = key

    @staticmethod
    def new_record_id() -> str:
        return "new-" + secrets.token_hex(8)

    def _base(self, kind: str, record_id: str) -> str:
        return f"{_SAFE.sub('_', kind)}--{_SAFE.sub('_', record_id)}"

    def _path(self, kind: str, record_id: str, sealed: bool) -> Path:
        return self.folder / (self._base(kind, record_id)
                              + (SEALED_SUFFIX if sealed else PLAIN_SUFFIX))

    def save(self, kind: str, record_id: str, data: dict[str, Any]) -> Path:
        payload = json.dumps({"version": 1, "kind": kind, "record_id": record_id,
                              "saved_at": datetime.now(UTC).isoformat(), "data": data},
                             ensure_ascii=False, default=str).encode("utf-8")
        sealed = self.key is not None
        target = self._path(kind, record_id, sealed)
        if sealed:
            nonce = secrets.token_bytes(12)
            body = MAGIC + nonce + _aead(self.key).encrypt(nonce, payload,  # type: ignore[arg-type]
                                                          target.name.encode())
        else:
            body = payload
        self._write_atomic(target, body)
        other = self._path(kind, record_id, not sealed)
        if other.exists():  # never keep an older plaintext twin of a sealed draft
            shred(other)
        return target

    def _write_atomic(self, target: Path, body: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                       dir=self.folder)
        except OSError as e:
            raise StorageError(f"Cannot save the draft in {self.folder}: {e.strerror}.") from None
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(body)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except OSError as e:
            Path(tmp).unlink(missing_ok=True)
            raise StorageError(f"Cannot save the draft {target.name}: {e.strerror}.") from None

    def _read(self, path: Path) -> Draft | None:
        try:
            body = path.read_bytes()
            if path.name.endswith(SEALED_SUFFIX):
                if self.key is None or not body.startswith(MAGIC):
                    return None
                nonce = body[len(MAGIC):len(MAGIC) + 12]
                body = _aead(self.key).decrypt(nonce, body[len(MAGIC) + 12:], path.name.encode())
            raw = json.loads(body.decode("utf-8"))
            return Draft(str(raw["kind"]), str(raw["record_id"]), dict(raw["data"]),
                         datetime.fromisoformat(raw["saved_at"]), path)
        except Exception:  # noqa: BLE001 - a damaged or foreign draft is not offered
            return None

    def load(self, kind: str, record_id: str) -> Draft | None:
        for sealed in (True, False):
            path = self._path(kind, record_id, sealed)
            if path.exists():
                draft = self._read(path)
                if draft is not None:
                    return draft
        return None

    def discard(self, kind: str, record_id: str) -> None:
        for sealed in (True, False):
            path = self._path(kind, record_id, sealed)
            if path.exists():
                if sealed:
                    path.unlink()
                else:
                    shred(path)

    def pending(self) -> list[Draft]:
        """Every readable draft, newest first: what the next start offers back."""
        if not self.folder.is_dir():
            return []
        found = []
        for p in self.folder.iterdir():
            if p.name.endswith((PLAIN_SUFFIX, SEALED_SUFFIX)) and not p.name.startswith("."):
                d = self._read(p)
                if d is not None:
                    found.append(d)
        found.sort(key=lambda d: d.saved_at, reverse=True)
        return found

    def rekey(self, new_key: DatabaseKey | None) -> None:
        """Re-save every draft under the database's new key (or none)."""
        drafts = self.pending()
        self.key = new_key
        for d in drafts:
            self.save(d.kind, d.record_id, d.data)  # removes the twin under the old form


def drafts_folder(data_dir: Path, db_path: Path | None) -> Path:
    """Drafts live in the data directory, one folder per database file."""
    name = db_path.stem if db_path is not None else "server"
    return data_dir / "drafts" / _SAFE.sub("_", name)
