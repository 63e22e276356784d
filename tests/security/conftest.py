"""Fixtures for the security tests: one derived key, a fresh encrypted runtime."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from secutil import PASSPHRASE

from crm_desktop.config import Paths
from crm_desktop.runtime import Runtime, open_runtime
from crm_desktop.storage.encryption import DatabaseKey


@pytest.fixture(scope="session")
def key() -> DatabaseKey:
    """One derived key for the whole session: the KDF is deliberately slow."""
    return DatabaseKey.new(PASSPHRASE)


@pytest.fixture
def enc_path(paths: Paths) -> Path:
    return paths.data_dir / "crm.sqlite3"


@pytest.fixture
def enc_runtime(enc_path: Path, paths: Paths, key: DatabaseKey) -> Iterator[Runtime]:
    rt = open_runtime("sqlite:///" + str(enc_path), paths, key=key)
    try:
        yield rt
    finally:
        rt.close()
