"""Which database the user chose, without opening it (nor importing what opening needs).

The GUI reads this before its first paint (the one-window-per-database guard names the
database); ``application.database`` opens it afterwards.
"""

from __future__ import annotations

from crm_desktop.config import Paths, database_url
from crm_desktop.storage.location import DatabaseLocation

__all__ = ["DatabaseLocation", "locate"]


def locate(db: str | None, paths: Paths, *, demo: bool = False) -> DatabaseLocation:
    """The database the user chose: ``--db`` (a file or a URL), else the demo file for
    ``--demo``, else ``CRM_DATABASE_URL``, else the default file in the data directory."""
    return DatabaseLocation.parse(database_url(db, paths, demo=demo))
