"""Opening a database at the current schema needs no Alembic: the head revision is read
from the migration scripts' own lines, and Alembic is imported only to migrate."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from alembic.script import ScriptDirectory

from crm_desktop.storage.database import (
    _alembic_config,
    head_revision,
    migration_graph,
    open_database,
)

ROOT = Path(__file__).resolve().parents[2]


def test_head_and_graph_agree_with_alembic() -> None:
    scripts = ScriptDirectory.from_config(_alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert migration_graph() == {
        s.revision: s.down_revision
        for s in scripts.walk_revisions()  # type: ignore[misc]
    }


def _run(code: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=str(ROOT),
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    db_file = tmp_path / "current.sqlite3"
    open_database("sqlite:///" + str(db_file)).dispose()  # created and migrated here
    out = _run(f"""
        import sys
        from crm_desktop.storage.database import open_database
        db = open_database({("sqlite:///" + str(db_file))!r}, full_check="light")
        print(db.schema_version(), db.migrated_from, "alembic" in sys.modules)
    """)
    assert out == f"{head_revision()} None False"


def test_an_older_database_is_still_migrated(tmp_path: Path) -> None:
    from crm_desktop.storage.database import upgrade

    db = open_database("sqlite:///" + str(tmp_path / "older.sqlite3"), migrate=False)
    upgrade(db.engine, "0001")
    db.dispose()
    out = _run(f"""
        from crm_desktop.storage.database import open_database
        db = open_database({("sqlite:///" + str(tmp_path / "older.sqlite3"))!r})
        print(db.migrated_from, db.schema_version())
    """)
    assert out == f"0001 {head_revision()}"
