"""Shared fixtures: a temporary data directory, and databases on SQLite and PostgreSQL.

PostgreSQL runs when CRM_TEST_POSTGRES_URL names a server (CI starts one); each test gets
a schema of its own. With CRM_REQUIRE_POSTGRES=1 a missing server fails instead of skipping,
so CI can never quietly test SQLite only.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from crm_desktop.config import Paths  # noqa: E402

PG_ENV = "CRM_TEST_POSTGRES_URL"
REQUIRE_PG_ENV = "CRM_REQUIRE_POSTGRES"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Everything the app writes (settings, backups, default db) goes under tmp_path."""
    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("CRM_DATA_DIR", str(d))
    monkeypatch.delenv("CRM_DATABASE_URL", raising=False)
    return d


@pytest.fixture
def paths(data_dir: Path) -> Paths:
    return Paths(data_dir=data_dir, config_dir=data_dir / "config")


def _postgres_schema_url() -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        if os.environ.get(REQUIRE_PG_ENV) == "1":
            pytest.fail(f"{PG_ENV} is not set but {REQUIRE_PG_ENV}=1")
        pytest.skip(f"PostgreSQL tests need {PG_ENV}")
    from sqlalchemy import create_engine, text

    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same test on an SQLite file and on a PostgreSQL schema."""
    if request.param == "sqlite":
        yield "sqlite:///" + str(tmp_path / "crm.sqlite3")
    else:
        yield from _postgres_schema_url()


@pytest.fixture
def runtime(db_url: str, paths: Paths) -> Iterator[object]:
    from crm_desktop.runtime import open_runtime

    rt = open_runtime(db_url, paths)
    try:
        yield rt
    finally:
        rt.close()


@pytest.fixture
def services(runtime: object) -> object:
    return runtime.services  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once per test session; copy it before writing."""
    from crm_desktop.demo import load_demo
    from crm_desktop.runtime import open_runtime

    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.sqlite3"
    p = Paths(data_dir=folder, config_dir=folder / "config")
    rt = open_runtime("sqlite:///" + str(path), p)
    load_demo(rt.services)
    rt.close()
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture
def demo_db(demo_db_template: Path, tmp_path: Path) -> Path:
    import shutil

    dest = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_template, dest)
    return dest


def pytest_report_header(config: pytest.Config) -> str:
    url = os.environ.get(PG_ENV)
    if url:
        return f"crm-desktop databases: SQLite and PostgreSQL ({url.split('@')[-1]})"
    return "crm-desktop databases: SQLite only (set CRM_TEST_POSTGRES_URL for PostgreSQL)"


def pytest_terminal_summary(
    terminalreporter: object, exitstatus: int, config: pytest.Config
) -> None:
    stats = getattr(terminalreporter, "stats", {})
    ran = [
        r
        for key in ("passed", "failed")
        for r in stats.get(key, [])
        if "[postgres" in getattr(r, "nodeid", "")
    ]
    terminalreporter.write_line(  # type: ignore[attr-defined]
        f"crm-desktop: {len(ran)} tests ran against PostgreSQL"
    )
