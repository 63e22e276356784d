"""Qt-free wiring shared by both composition roots (cli.py and app.py)."""

from __future__ import annotations

from dataclasses import dataclass

from crm_desktop.config import Paths, Settings, device_id
from crm_desktop.domain.context import Context
from crm_desktop.domain.services import Services
from crm_desktop.search import index as search_index
from crm_desktop.storage.database import Database, open_database


@dataclass
class Runtime:
    db: Database
    services: Services
    paths: Paths
    settings: Settings

    def close(self) -> None:
        self.db.dispose()


def open_runtime(url: str, paths: Paths, *, create: bool = True) -> Runtime:
    """Open (create, migrate) the database and build the services over it."""
    db = open_database(url, backups_dir=paths.backups_dir, create=create)
    search_index.attach(db.engine, db.session_factory)  # index follows every write
    settings = Settings.load(paths.settings_file)
    ctx = Context(db.session_factory, device_id(paths), settings.current_member_id)
    services = Services(ctx)
    services.stages.ensure_defaults()
    return Runtime(db, services, paths, settings)
