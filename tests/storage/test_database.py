"""Opening, checking, migrating and copying databases."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from crm_desktop.domain.errors import StorageError
from crm_desktop.runtime import open_runtime
from crm_desktop.storage.database import head_revision, integrity_check, open_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_sqlite_database_has_foreign_keys_wal_and_busy_timeout(tmp_path):
    db = open_database("sqlite:///" + str(tmp_path / "new.sqlite3"))
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    assert db.schema_version() == head_revision()
    assert integrity_check(db) == []
    db.dispose()


def test_foreign_keys_are_enforced(tmp_path):
    db = open_database("sqlite:///" + str(tmp_path / "fk.sqlite3"))
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO contact (id, company_id, family_name_native, given_name_native,"
                    " family_name_latin, given_name_latin, family_name_ru, given_name_ru,"
                    " display_name, position, department, emails, phones, wechat, telegram,"
                    " languages, decision_maker, notes, created_at, updated_at, origin, hlc,"
                    " version) VALUES ('x', 'no-such-company', '', '', '', '', '', '', '', '', '',"
                    " '[]', '[]', '', '', '', 0, '', '2026-01-01', '2026-01-01', '', '', 1)"
                )
            )
    db.dispose()


@pytest.mark.parametrize(
    "content",
    [
        b"hello, this is a text file\n",
        b"SQLite format 3\x00" + b"\xff" * 2000,  # an SQLite header over garbage
    ],
)
def test_a_file_that_is_not_ours_is_refused_and_left_untouched(tmp_path, content):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(StorageError) as e:
        open_database("sqlite:///" + str(path))
    assert str(path) in str(e.value) and "\n" not in str(e.value)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_another_programs_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(StorageError, match="another program"):
        open_database("sqlite:///" + str(path))
    assert _digest(path) == before


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.sqlite3"
    shutil.copy(FIXTURES / "schema_0001.sqlite3", path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="newer crm-desktop"):
        open_database("sqlite:///" + str(path))


def test_first_schema_fixture_upgrades_and_keeps_its_data(tmp_path, paths):
    """Every later migration runs against the committed first-schema database."""
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema_0001.sqlite3", path)
    rt = open_runtime("sqlite:///" + str(path), paths)
    try:
        assert rt.db.schema_version() == head_revision()
        if head_revision() != "0001":
            assert rt.db.migrated_from == "0001"
            assert rt.db.backup_made is not None and rt.db.backup_made.exists()
            # the backup is the untouched old database
            old = sqlite3.connect(rt.db.backup_made)
            assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
            old.close()
        names = {c.name_native for c in rt.services.companies.list()}
        assert "凯源泵业集团有限公司" in names
        assert rt.services.meetings.count() >= 12
        assert integrity_check(rt.db) == []
    finally:
        rt.close()


def test_server_url_that_cannot_be_reached_gives_one_line(tmp_path):
    with pytest.raises(StorageError) as e:
        open_database("postgresql+psycopg://nobody:wrong@127.0.0.1:1/none?connect_timeout=2")
    assert "\n" not in str(e.value)


def test_services_work_on_the_given_backend(services, db_url):
    assert services.stages.count() == 10
    assert services.ctx.session_factory().bind.dialect.name == db_url.split(":")[0].split("+")[0]
