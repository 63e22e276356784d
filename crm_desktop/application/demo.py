"""The demo database: one implementation for ``crm-desktop demo`` and the GUI's
``--demo`` (and the first start's "demo data" choice).

A database filled here is marked as a demo (a setting row), so replacing it again asks
nothing; replacing a database that holds the user's own data needs their confirmation,
and a verified backup of it is made first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.application.database import Passphrase, locate, open_database, unlock
from crm_desktop.config import Paths, Settings
from crm_desktop.domain.services import Services
from crm_desktop.runtime import Runtime, backups_folder
from crm_desktop.storage import backups, encryption
from crm_desktop.storage import database as storage
from crm_desktop.storage.encryption import DatabaseKey
from crm_desktop.storage.location import DatabaseLocation

DEMO_MARKER = "demo_database"  # setting row: this database holds demo data only

# progress(what, done, total), as the large generator reports it
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class LargeDemo:
    """Large synthetic data for measuring speed; None keeps the generator's default."""

    companies: int | None = None
    contacts: int | None = None
    meetings: int | None = None


def is_empty(services: Services) -> bool:
    """No companies, contacts, projects or meetings: the first start's question."""
    s = services
    return not (
        s.companies.count() or s.contacts.count() or s.projects.count() or s.meetings.count()
    )


def is_demo_database(path: Path, key: DatabaseKey | None) -> bool:
    """The file was filled by this module (read only; False for anything unreadable)."""
    conn = (
        encryption.connect(path, key, readonly=True)
        if key is not None
        else sqlite3.connect("file:" + str(path.resolve()) + "?mode=ro", uri=True)
    )
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (DEMO_MARKER,)).fetchone()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return bool(row and row[0] == "1")


def set_aside(
    location: DatabaseLocation,
    paths: Paths,
    passphrase: Passphrase,
    confirm: Callable[[Path], object],
) -> Path:
    """Make room for a demo database at ``location``, an existing file: it must be a
    sound crm-desktop database of a known schema (never delete a file that is not ours);
    one holding the user's own data is replaced only if ``confirm(path)`` returns (it
    raises to refuse). A verified backup is made, then the file and its WAL are removed.
    The caller holds the file alone (storage.lock REPLACE). Returns the backup."""
    path = location.path
    if path is None:
        raise ValueError("set_aside works on a database file")
    key = unlock(location, passphrase)
    storage._check_sqlite_file(path, key)
    storage.refuse_newer_schema(path, key)
    if not is_demo_database(path, key):
        confirm(path)
    folder = backups_folder(paths, Settings.load(paths.settings_file))
    saved = backups.make_backup(path, folder, "before-demo", key)  # verified copy
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return saved


def fill(
    rt: Runtime, large: LargeDemo | None = None, progress: Progress | None = None
) -> dict[str, int]:
    """Fill an empty database with the demo story (or large synthetic data) and mark it
    as a demo. Returns what was created, by kind."""
    if large is None:
        from crm_desktop.demo import load_demo

        counts = load_demo(rt.services)
    else:
        from crm_desktop.demo_large import LargeCounts, generate

        default = LargeCounts()
        sizes = LargeCounts(
            companies=default.companies if large.companies is None else large.companies,
            contacts=default.contacts if large.contacts is None else large.contacts,
            meetings=default.meetings if large.meetings is None else large.meetings,
        )
        for name in ("companies", "contacts", "meetings"):
            if getattr(sizes, name) < 0:
                from crm_desktop.application.errors import UseCaseError

                raise UseCaseError(f"--{name} cannot be negative.")
        counts = generate(rt.db.engine, sizes, progress=progress)
    rt.services.settings.set(DEMO_MARKER, "1")
    return counts


def open_demo(paths: Paths) -> Runtime:
    """The demo database in the data directory, created and filled on first use."""
    rt = open_database(locate(None, paths, demo=True), paths)
    try:
        if is_empty(rt.services):
            fill(rt)
    except BaseException:
        rt.close()
        raise
    return rt
