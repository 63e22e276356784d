"""Helpers shared by the security tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

PASSPHRASE = "Correct horse battery staple"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file's digest; -wal/-shm come and go with connections, .lock with writers."""
    return {
        str(p.relative_to(folder)): digest(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm", ".lock"))
    }


def identity_of(path: Path, key: object = None) -> str | None:
    """The identity stored in a database file (what its backups and drafts carry)."""
    from crm_desktop.storage import identity

    return identity.read(path, key)  # type: ignore[arg-type]
