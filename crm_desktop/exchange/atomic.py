"""Exports are written whole or not at all (see crm_desktop.files)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from crm_desktop.exchange.errors import ExchangeError
from crm_desktop.files import atomic_write as _atomic_write


@contextmanager
def atomic_write(path: Path, private: bool = False) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` on success; errors are ExchangeErrors.
    ``private``: owner-only (written from an encrypted database)."""
    with _atomic_write(path, ExchangeError, private=private) as f:
        yield f
