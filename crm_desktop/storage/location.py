"""Where a database is: one value, parsed once from the URL the user chose.

``--db``, ``CRM_DATABASE_URL`` or the default file are turned into a URL by
``config.database_url``; :meth:`DatabaseLocation.parse` turns that URL into this value,
and everything after (locks, header checks, backups, the engine) reads it from here
instead of parsing the URL again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from crm_desktop.domain.errors import StorageError
from crm_desktop.storage import encryption, redact

Kind = Literal["sqlite", "postgresql"]


@dataclass(frozen=True)
class DatabaseLocation:
    url: str
    kind: Kind
    path: Path | None  # the SQLite file; None for a server (or an in-memory database)

    @classmethod
    def parse(cls, url: str) -> DatabaseLocation:
        """The location a URL names. A URL SQLAlchemy cannot read is one line, without
        the password (its parser repeats the whole URL in the message)."""
        plain = _plain_sqlite_path(url)
        if plain is not None:
            return cls(url, "sqlite", plain)
        from sqlalchemy.engine import make_url  # a server URL or an unusual file URL

        try:
            parsed = make_url(url)
        except Exception as e:  # noqa: BLE001 - ArgumentError, ValueError, ...
            raise StorageError(f"Not a database URL: {redact.mask(str(e))}") from None
        backend = parsed.get_backend_name()
        if backend == "sqlite":
            name = parsed.database
            path = Path(name) if name and name != ":memory:" else None
            return cls(url, "sqlite", path)
        if backend == "postgresql":
            return cls(url, "postgresql", None)
        raise StorageError(
            f"Not a supported database URL ({backend}): use a file, "
            "sqlite:///PATH or postgresql+psycopg://..."
        )

    @property
    def is_file(self) -> bool:
        return self.path is not None

    @property
    def exists(self) -> bool:
        """A file with something in it (a server always counts as existing)."""
        if self.path is None:
            return True
        try:
            return self.path.is_file() and self.path.stat().st_size > 0
        except OSError:
            return False

    @property
    def encrypted(self) -> bool:
        """The file is encrypted now (read from its header on every call: encrypt and
        decrypt change it while the location stays the same)."""
        return self.path is not None and encryption.is_encrypted(self.path)

    @property
    def shown(self) -> str:
        """For messages: the file, or the URL without its password."""
        return str(self.path) if self.path is not None else redact.mask_url(self.url)

    @property
    def instance_key(self) -> str:
        """What names this database for 'one window per database'."""
        return str(self.path) if self.path is not None else self.url


def _plain_sqlite_path(url: str) -> Path | None:
    """The file of an ordinary ``sqlite:///PATH`` URL (what ``--db FILE`` and the default
    database become), read without SQLAlchemy: the GUI parses its location before the
    window is painted, and importing SQLAlchemy's URL parser costs a quarter of a second
    there. Anything else (a query, %-escapes, memory, a server) is left to SQLAlchemy."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    rest = url[len(prefix) :]
    if not rest or rest == ":memory:" or "?" in rest or "%" in rest:
        return None
    return Path(rest)
