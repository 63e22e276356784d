"""Which database a file is: an identity stored inside it, not its name or folder.

Backups and drafts belong to a database by this identity (a UUID in the ``setting``
table, key ``database.id``), never by a file name: two files called ``crm.sqlite3`` in
two folders are two databases, and a backup named ``crm-before-…`` is not a database
called "crm-before". Later, laptop-to-laptop sync uses the same identity as the replica
id, so one identity must mean one replica: a copy of the file must not keep it.

What is stored (all in ``setting``, so it travels inside every backup and copy):

- ``database.id`` — 32 hex digits, made when the database is created or first opened by
  a version that knows identities (no migration: the table exists since 0001);
- ``database.location`` — JSON ``{"path": <resolved path>, "host": <this computer>}``:
  where the file was last opened;
- ``database.parent_id`` — the identity this one was split from (a copy), for sync.

Copy or move? :func:`ensure` runs on every open and compares the stored location with
where the file is now:

1. no identity yet: a new one is made (``created``); the caller adopts the files that
   the previous version named after the file stem (see ``runtime``), once;
2. same host, same path (or the same file under another spelling): nothing changes;
3. same host, another path, and the file at the recorded path still exists *and* still
   carries this identity (read with the same key) *and* is not this very file: this file
   is a **copy**. It gets a new identity (``split_from`` names the old one), so it never
   claims the original's backups and drafts, and the original keeps them;
4. same host, another path, and the recorded path no longer holds a file with this
   identity: the database was **moved or renamed**; it keeps its identity (its backups
   and drafts stay its own) and the new location is recorded. When the recorded file
   exists but cannot be read (another passphrase, damaged) we cannot tell, and treat the
   file as a copy: wrongly losing sight of backups is recoverable (they stay on disk,
   ``restore FILE`` takes any of them), wrongly claiming another database's backups is
   not (a decrypt would decrypt them);
5. another host: the file was carried to this computer, and nothing tells whether the
   original lives on. Both laptops may go on writing to their own copy, so it is a new
   replica: a new identity, as in 3.

A file that cannot be written (read-only) keeps what it has; ``ensure`` then answers the
stored identity, or None when there is none, and nothing is matched to it.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from crm_desktop.storage import encryption, stamps
from crm_desktop.storage.encryption import DatabaseKey

ID_KEY = "database.id"
LOCATION_KEY = "database.location"
PARENT_KEY = "database.parent_id"
_MACHINE_ID_FILES = (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id"))


@dataclass(frozen=True)
class Identity:
    id: str | None  # None: the file has none and could not be given one (read-only)
    created: bool = False  # made now: the database had none (new, or an older version's)
    split_from: str | None = None  # this file was found to be a copy of that identity


def new_id() -> str:
    return uuid.uuid4().hex


def this_host() -> str:
    """This computer: the OS machine id when there is one (a renamed laptop stays the
    same computer), else the host name."""
    for p in _MACHINE_ID_FILES:
        try:
            value = p.read_text(encoding="ascii").strip()
        except OSError:
            continue
        if value:
            return value
    return socket.gethostname()


def location(path: Path) -> dict[str, str]:
    return {"path": str(path.resolve()), "host": this_host()}


def _connect(path: Path, key: DatabaseKey | None, readonly: bool) -> Any:
    if key is not None and encryption.is_encrypted(path):
        return encryption.connect(path, key, readonly=readonly)
    if readonly:
        return sqlite3.connect("file:" + str(path.resolve()) + "?mode=ro", uri=True)
    return sqlite3.connect(str(path), timeout=5.0)


def _get(conn: Any, key: str) -> str | None:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row and row[0] else None


def read(path: Path, key: DatabaseKey | None = None) -> str | None:
    """The identity stored in a database or backup file; None when it has none or
    cannot be read (missing, damaged, another key, an older version's file)."""
    if not path.is_file():
        return None
    if encryption.is_encrypted(path) and key is None:
        return None
    try:
        conn = _connect(path, key, readonly=True)
    except encryption.db_errors(encryption.EncryptionError, OSError):
        return None
    except Exception:  # noqa: BLE001 - any other StorageError: unreadable means unknown
        return None
    try:
        return _get(conn, ID_KEY)
    except encryption.db_errors(UnicodeDecodeError):
        return None
    finally:
        conn.close()


def _decide(
    stored_id: str | None, stored_loc: str | None, path: Path, key: DatabaseKey | None
) -> tuple[str, str | None, bool]:
    """(identity to keep, the identity it was split from, whether anything changes)."""
    if stored_id is None:
        return new_id(), None, True
    here = location(path)
    try:
        there = json.loads(stored_loc or "")
        there_path, there_host = str(there["path"]), str(there["host"])
    except (ValueError, KeyError, TypeError):
        return stored_id, None, True  # no usable record: record where it is now
    if there_host != here["host"]:
        return new_id(), stored_id, True  # carried to another computer: a new replica
    if there_path == here["path"]:
        return stored_id, None, False
    recorded = Path(there_path)
    try:
        if recorded.exists() and os.path.samefile(recorded, path):
            return stored_id, None, True  # the same file reached by another path
    except OSError:
        pass
    if not recorded.exists():
        return stored_id, None, True  # moved or renamed
    other = read(recorded, key)
    if other is not None and other != stored_id:
        return stored_id, None, True  # the old place holds another database now
    return new_id(), stored_id, True  # the original is still there: this is a copy


def _split_point(conn: Any) -> list[tuple[str, str]]:
    """A copy remembers the newest stamp it holds when split off, and its clock starts
    past it: two copies of one file can only differ in rows stamped (or arrived) later,
    which is all their first sync has to compare (application.sync)."""
    stamp = stamps.newest_stamp(conn.execute)
    if not stamp:
        return []
    return [(stamps.SPLIT_KEY, stamp), (stamps.CLOCK_KEY, stamp)]


def ensure(path: Path, key: DatabaseKey | None = None) -> Identity:
    """The identity of the SQLite database at ``path``, made or split off as described
    in the module text, in one transaction. Call it after the file has been checked."""
    try:
        conn = _connect(path, key, readonly=False)
    except encryption.db_errors(encryption.EncryptionError, OSError):
        return Identity(read(path, key))
    try:
        conn.isolation_level = None
        try:
            stored_id = _get(conn, ID_KEY)
            stored_loc = _get(conn, LOCATION_KEY)
        except encryption.db_errors():
            return Identity(None)  # no setting table: not a crm-desktop database yet
        ident, parent, changed = _decide(stored_id, stored_loc, path, key)
        if not changed:
            return Identity(ident)
        rows = [(ID_KEY, ident), (LOCATION_KEY, json.dumps(location(path)))]
        if parent is not None:
            rows.append((PARENT_KEY, parent))
        try:
            conn.execute("BEGIN IMMEDIATE")
            if parent is not None:
                rows.extend(_split_point(conn))
            conn.executemany("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", rows)
            conn.execute("COMMIT")
        except encryption.db_errors():  # read-only file or folder: keep what it has
            try:
                conn.execute("ROLLBACK")
            except encryption.db_errors():
                pass
            return Identity(stored_id)
        return Identity(ident, created=stored_id is None, split_from=parent)
    finally:
        conn.close()


def writer_id(identity: str | None, installation: str) -> str:
    """The device id that stamps this process's writes (every row's ``origin`` and the
    tail of its HLC stamps).

    A database file is one replica, and its identity is split off whenever the file is
    copied (see above), so the file's identity (as a UUID) is the id: two copies on two
    computers, or two copies on one computer, stamp different origins and never make
    equal HLC stamps, and a copy never goes on writing as the device it was copied from.
    A server database is one replica written by many computers: there each installation
    writes as itself (``installation``, config.device_id), and so does a file that could
    not be given an identity (read-only, so nothing is written anyway).
    """
    if identity is None:
        return installation
    try:
        return str(uuid.UUID(hex=identity))
    except ValueError:
        return installation


def ensure_server(engine: Engine) -> Identity:
    """A server database's identity. A server is reached by URL from many computers and
    is never copied by this application, so it only ever gets one identity."""
    select = text("SELECT value FROM setting WHERE key = :k")
    with engine.begin() as conn:
        value = conn.execute(select, {"k": ID_KEY}).scalar()
        if value:
            return Identity(str(value))
        ident = new_id()
        # Two computers opening a new server database at once: the first one's wins.
        conn.execute(
            text("INSERT INTO setting (key, value) VALUES (:k, :v) ON CONFLICT (key) DO NOTHING"),
            {"k": ID_KEY, "v": ident},
        )
        value = conn.execute(select, {"k": ID_KEY}).scalar()
    return Identity(str(value), created=value == ident)


# -- the last identity seen at a path ------------------------------------------------------
# A file too damaged to be read has no readable identity; its newest good backup is then
# found through the identity it had when it was last opened sound, recorded here (in the
# data directory, per path). Only that one use: every other match reads the file itself.

KNOWN_FILE = "identities.json"


def remember(data_dir: Path, path: Path, ident: str) -> None:
    known = _known(data_dir)
    where = str(path.resolve())
    if known.get(where) == ident:
        return
    known[where] = ident
    target = data_dir / KNOWN_FILE
    tmp = target.with_name(target.name + ".part")
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(known, f)
        os.replace(tmp, target)
    except OSError:
        pass  # a hint only


def last_known(data_dir: Path, path: Path) -> str | None:
    value = _known(data_dir).get(str(path.resolve()))
    return value if isinstance(value, str) else None


def _known(data_dir: Path) -> dict[str, str]:
    try:
        raw = json.loads((data_dir / KNOWN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
