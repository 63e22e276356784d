"""The newest HLC stamp a database holds, and the settings that keep clocks past it.

Apart from ``sync_store`` (packets) and ``identity`` (which records a copy's split point)
so that both can use it without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

CLOCK_KEY = "sync.clock"  # this database's stamp floor: local clocks start past it
# a copy's newest stamp when it was split off its original (storage.identity): rows
# stamped later, or arrived later, are all that two copies of one file can differ in
SPLIT_KEY = "sync.split_stamp"

_STAMPED_TABLES = (
    "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p "
    "WHERE m.type = 'table' AND p.name = 'hlc' ORDER BY m.name"
)


def newest_stamp(query: Callable[[str], Iterable[Sequence[Any]]]) -> str:
    """The newest stamp an SQLite database holds: in any table's rows, in the arrivals
    of merges and in the stored clock floor ("" for none). ``query`` runs one statement
    (a DB-API connection's ``execute`` or a Connection's ``exec_driver_sql``); each
    table's maximum is one look-up in its stamp index."""
    tables = [str(r[0]) for r in query(_STAMPED_TABLES)]
    best = ""
    names = {str(r[0]) for r in query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    statements = [f'SELECT MAX(hlc) FROM "{t}"' for t in tables]
    if "sync_arrival" in names:
        statements.append("SELECT MAX(stamp) FROM sync_arrival")
    if "setting" in names:
        statements.append(f"SELECT value FROM setting WHERE key = '{CLOCK_KEY}'")
    for sql in statements:
        for row in query(sql):
            if row[0] and str(row[0]) > best:
                best = str(row[0])
    return best
