"""The demo database use case: the CLI's `demo` and the GUI's `--demo` share it."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.application import demo
from crm_desktop.application.database import DatabaseLocation, locate, open_database
from crm_desktop.config import Paths
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.services.companies import CompanyInput


def test_open_demo_fills_once_and_marks_it(paths: Paths) -> None:
    rt = demo.open_demo(paths)
    try:
        companies = rt.services.companies.count()
        assert companies > 0
    finally:
        rt.close()
    assert demo.is_demo_database(paths.demo_database, None)
    again = demo.open_demo(paths)
    try:
        assert again.services.companies.count() == companies  # not loaded twice
    finally:
        again.close()


def test_fill_works_on_sqlite_and_postgresql(db_url: str, paths: Paths) -> None:
    rt = open_database(DatabaseLocation.parse(db_url), paths)
    try:
        assert demo.is_empty(rt.services)
        counts = demo.fill(rt, demo.LargeDemo(companies=3, contacts=5, meetings=4))
        assert counts["companies"] == 3
        assert not demo.is_empty(rt.services)
        assert rt.services.settings.get(demo.DEMO_MARKER) == "1"
    finally:
        rt.close()


def test_large_demo_refuses_negative_sizes(paths: Paths, tmp_path: Path) -> None:
    rt = open_database(locate(str(tmp_path / "x.sqlite3"), paths), paths)
    try:
        with pytest.raises(CrmError, match="cannot be negative"):
            demo.fill(rt, demo.LargeDemo(meetings=-1))
        assert demo.is_empty(rt.services)
    finally:
        rt.close()


def test_own_data_is_set_aside_only_when_confirmed_and_backed_up(
    paths: Paths, tmp_path: Path
) -> None:
    where = locate(str(tmp_path / "mine.sqlite3"), paths)
    rt = open_database(where, paths)
    rt.services.companies.create(CompanyInput(name="My own company"))
    rt.close()
    before = where.path.read_bytes() if where.path else b""

    def refuse(path: Path) -> None:
        raise CrmError(f"{path} is not a demo database; nothing was changed.")

    with pytest.raises(CrmError, match="not a demo"):
        demo.set_aside(where, paths, lambda p: None, refuse)
    assert where.path is not None and where.path.read_bytes() == before
    asked: list[Path] = []
    saved = demo.set_aside(where, paths, lambda p: None, asked.append)
    assert asked == [where.path]
    assert not where.path.exists()
    backup = open_database(locate(str(saved), paths), paths, create=False)
    try:
        assert [
            c.name for c in backup.services.companies.list(backup.services.companies.query())
        ] == ["My own company"]
    finally:
        backup.close()


def test_a_demo_database_is_replaced_without_asking(paths: Paths) -> None:
    demo.open_demo(paths).close()
    where = locate(None, paths, demo=True)

    def never(path: Path) -> None:
        raise AssertionError("a demo database needs no confirmation")

    saved = demo.set_aside(where, paths, lambda p: None, never)
    assert saved.exists() and not paths.demo_database.exists()
