"""Database.optimize gives SQLite the statistics that make name-sorted pages use the index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crm_desktop.config import Paths
from crm_desktop.runtime import open_runtime

PLAN = (
    "EXPLAIN QUERY PLAN SELECT id FROM contact WHERE deleted_at IS NULL "
    "ORDER BY display_name, id LIMIT 100"
)


def test_optimize_makes_the_name_index_the_plan(demo_db: Path, paths: Paths) -> None:
    conn = sqlite3.connect(demo_db)
    conn.execute("DROP TABLE IF EXISTS sqlite_stat1")
    conn.commit()
    conn.close()
    rt = open_runtime("sqlite:///" + str(demo_db), paths)
    try:
        rt.db.optimize()
        rt.db.optimize()  # the second run only refreshes what went stale
    finally:
        rt.close()
    conn = sqlite3.connect(demo_db)
    try:
        assert conn.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'contact'").fetchone()[0]
        plan = " ".join(str(row[3]) for row in conn.execute(PLAN))
        # either name index serves the list in order (the partial one of live rows is best)
        assert "ix_contact_display_name" in plan or "ix_contact_live_name" in plan
    finally:
        conn.close()
