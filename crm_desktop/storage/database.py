"""Opening a crm-desktop database: checks, pragmas, backup-then-migrate, session factory."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from crm_desktop.domain import hooks
from crm_desktop.domain.errors import StorageError
from crm_desktop.storage import backups, encryption
from crm_desktop.storage.encryption import DatabaseKey, PassphraseRequiredError
from crm_desktop.storage.location import DatabaseLocation

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# Tables every crm-desktop database has; a file with other tables is someone else's.
CORE_TABLES = {"company", "contact", "project", "stage", "meeting"}

SessionHook = Callable[[sessionmaker[Session]], None]
# Extra session hooks (the search index installs one); run for every database opened.
_extra_hooks: list[SessionHook] = []


class DamagedDatabaseError(StorageError):
    """The file fails its integrity check. It is never overwritten; offer a backup."""

    code = "damaged"

    def __init__(self, path: Path, detail: str, backup: backups.BackupInfo | None = None) -> None:
        text = f"{path} is damaged: {detail}."
        if backup is not None:
            text += (
                f" It was left untouched. The newest good backup is {backup.path} "
                f"({backup.made_at:%Y-%m-%d %H:%M} UTC); restore it with "
                f"`crm-desktop restore {backup.path}`."
            )
        super().__init__(text)
        self.path = path
        self.detail = detail
        self.backup = backup  # the newest good backup, when the opener looked for one


class ReadOnlyDatabaseError(StorageError):
    """A write was refused: the database was found damaged after it was opened."""

    code = "read_only"


def register_session_hook(hook: SessionHook) -> None:
    if hook not in _extra_hooks:
        _extra_hooks.append(hook)


@dataclass
class Database:
    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    path: Path | None = None  # the SQLite file, None for a server
    backup_made: Path | None = None
    migrated_from: str | None = None
    info: dict[str, object] = field(default_factory=dict)
    key: DatabaseKey | None = field(default=None, repr=False)  # set when encrypted
    read_only: str | None = None  # why writes are refused (see refuse_writes)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def location(self) -> DatabaseLocation:
        """Where this database is, for reopening it (after a re-key or a restore)."""
        return DatabaseLocation(self.url, "sqlite" if self.is_sqlite else "postgresql", self.path)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def schema_version(self) -> str | None:
        # One query, not Alembic's MigrationContext: Alembic is imported only to migrate.
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
            return str(row[0]) if row else None

    def dispose(self) -> None:
        self.engine.dispose()

    def refuse_writes(self, reason: str) -> None:
        """From now on nothing is written to this database: a session that would flush,
        or execute an INSERT, UPDATE or DELETE, raises ReadOnlyDatabaseError(reason), and
        every connection handed out again is ``PRAGMA query_only`` (so no other path
        writes either). Safe to call from any thread: it only sets a flag the guards
        installed at open read."""
        self.read_only = reason

    def _guard_writes(self) -> None:
        def refuse_flush(session: Session, *args: object) -> None:
            if self.read_only is not None and (session.new or session.dirty or session.deleted):
                raise ReadOnlyDatabaseError(self.read_only)

        def refuse_statement(state: ORMExecuteState) -> None:
            # an INSERT, UPDATE or DELETE a session executes without a flush (the bulk
            # insert of an import's new contacts)
            if self.read_only is not None and (
                state.is_insert or state.is_update or state.is_delete
            ):
                raise ReadOnlyDatabaseError(self.read_only)

        def query_only(dbapi_conn: object, record: object, proxy: object) -> None:
            if self.read_only is not None and self.is_sqlite:
                cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
                cur.execute("PRAGMA query_only=ON")
                cur.close()

        event.listen(self.session_factory, "before_flush", refuse_flush)
        event.listen(self.session_factory, "do_orm_execute", refuse_statement)
        event.listen(self.engine, "checkout", query_only)

    def optimize(self) -> None:
        """Give SQLite's query planner statistics for every table that has none or has
        grown past them. Without them it filters on the almost-all-NULL ``deleted_at``
        index and sorts every row for each page of a list (330 ms instead of 1 ms at
        200,000 contacts). Seconds on a large file, so the GUI runs it off the GUI thread.
        (``PRAGMA optimize`` alone does nothing on a fresh connection before SQLite 3.46.)"""
        if not self.is_sqlite:
            return  # PostgreSQL's autovacuum keeps its statistics
        with self.engine.connect() as conn:
            tables = [
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'"
                )
            ]
            known: dict[str, int] = {}
            if conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
            ).first():
                for table, stat in conn.exec_driver_sql("SELECT tbl, stat FROM sqlite_stat1"):
                    head = (stat or "").split(" ", 1)[0]
                    if head.isdigit():
                        known[table] = max(known.get(table, 0), int(head))
            for table in tables:
                quoted = '"' + table.replace('"', '""') + '"'
                rows = int(conn.exec_driver_sql(f"SELECT count(*) FROM {quoted}").scalar() or 0)
                before = known.get(table)
                if (before is None and rows > 0) or (
                    before is not None and rows > max(2 * before, before + 1000)
                ):
                    conn.exec_driver_sql(f"ANALYZE {quoted}")
            conn.commit()


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.M)


def migration_graph() -> dict[str, str | None]:
    """Each migration script's revision and the revision it follows, read from the
    scripts' own ``revision = ...`` / ``down_revision = ...`` lines.

    Opening a database compares its stamped revision with the head from here: importing
    Alembic's machinery costs about a tenth of a second at every start, and it is needed
    only when there is something to migrate. (tests/storage/test_migration_head.py checks
    that this agrees with Alembic's own reading of the scripts.)"""
    return dict(_migration_graph())


@cache
def _migration_graph() -> tuple[tuple[str, str | None], ...]:
    out: list[tuple[str, str | None]] = []
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue  # __init__.py
        down = found.get("down_revision", "None").strip("'\"")
        out.append((found["revision"].strip("'\""), None if down == "None" else down))
    return tuple(out)


def head_revision() -> str:
    """The newest migration: the one no other migration follows."""
    graph = migration_graph()
    followed = set(graph.values())
    heads = [rev for rev in graph if rev not in followed]
    if len(heads) != 1:  # a branched history: Alembic names the problem
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""
    return heads[0]


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def sqlite_path(url: str) -> Path | None:
    """The SQLite file a URL names (None for a server). Front ends parse once into a
    DatabaseLocation and read ``.path``; this is for code that holds a bare URL."""
    return DatabaseLocation.parse(url).path


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


CHECKS = ("quick", "full", "light")


def _check_sqlite_file(
    path: Path, key: DatabaseKey | None = None, full: bool | str = False
) -> str | None:
    """Read-only look at an existing file. Returns its schema revision (None if empty).

    Raises StorageError for a file that is not SQLite, is damaged (DamagedDatabaseError),
    belongs to another program, or is encrypted and ``key`` is missing or wrong
    (PassphraseRequiredError, WrongPassphraseError). Never writes to the file.
    ``full`` runs PRAGMA integrity_check (True or "full"); otherwise quick_check, which
    skips the index-against-table comparison and is about twice as fast on large files.
    "light" reads only the header, the schema and the schema version (milliseconds on
    any size): the GUI's start, which runs the full check in the background afterwards
    (crm_desktop.storage.startup).
    """
    mode = "full" if full is True else "quick" if full is False else full
    if mode not in CHECKS:
        raise ValueError(f"unknown check {full!r}")
    try:
        with path.open("rb") as f:
            header = f.read(16)
    except OSError as e:
        raise StorageError(f"Cannot read {path}: {e.strerror}.") from None
    if not header:
        return None  # an empty file: a new database
    if header != SQLITE_HEADER:
        if not encryption.is_encrypted(path):
            size = path.stat().st_size
            if len(header) == 16 and size % 512 and not header.isascii():
                raise StorageError(
                    f"{path} is incomplete: it looks like an encrypted "
                    f"crm-desktop database cut short ({size} bytes, not whole "
                    "pages). Restore a backup."
                )
            raise StorageError(f"{path} is not a crm-desktop database (not an SQLite file).")
        if key is None:
            raise PassphraseRequiredError(path)
    elif key is not None:
        key = None  # a plain file: the key is for files that are encrypted
    _recover_journal(path, key)
    uri = "file:" + str(path.resolve()) + "?mode=ro"
    dbapi_error: type[Exception] = sqlite3.DatabaseError
    try:
        if key is not None:
            conn = encryption.connect(path, key, readonly=True)
            dbapi_error = encryption.sqlcipher().DatabaseError
        else:
            conn = sqlite3.connect(uri, uri=True)
    except sqlite3.DatabaseError as e:
        raise _damaged_or_unreachable(path, str(e)) from None
    conn.text_factory = _lenient_text  # a damaged page may hold any bytes
    try:
        try:
            if mode != "light":
                pragma = "integrity_check" if mode == "full" else "quick_check"
                rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
                if rows != ["ok"]:
                    raise DamagedDatabaseError(path, rows[0] if rows else "no answer")
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                return None
            if "alembic_version" not in tables or not CORE_TABLES <= tables:
                raise StorageError(
                    f"{path} is an SQLite file of another program, not a crm-desktop database."
                )
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        except (dbapi_error, UnicodeDecodeError) as e:  # damaged names are not UTF-8
            raise _damaged_or_unreachable(path, f"not readable as a database ({e})") from None
    finally:
        conn.close()


def _recover_journal(path: Path, key: DatabaseKey | None) -> None:
    """A process killed in the middle of a write in rollback-journal mode leaves a hot
    ``-journal`` (a WAL without its ``-shm`` is alike): a read-only connection cannot
    roll it back and reports "attempt to write a readonly database", which is no damage.
    One read-write open lets SQLite recover the file as the next open always does."""
    journal = Path(str(path) + "-journal")
    wal, shm = Path(str(path) + "-wal"), Path(str(path) + "-shm")
    hot = (journal.exists() and journal.stat().st_size > 0) or (wal.exists() and not shm.exists())
    folder = path.parent if str(path.parent) else Path(".")
    if not hot or not os.access(folder, os.W_OK) or not os.access(path, os.W_OK):
        return
    try:
        conn = (
            encryption.connect(path, key)
            if key is not None
            else sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        )
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except encryption.db_errors(sqlite3.Error, StorageError):
        pass  # the checks that follow report what is wrong


def _damaged_or_unreachable(path: Path, detail: str) -> StorageError:
    """SQLite says "unable to open" both for a damaged file and for a sound one it cannot
    reach (a WAL file in a read-only folder needs its -shm beside it): only the first is
    damage."""
    folder = path.parent if str(path.parent) else Path(".")
    if ("unable to open" in detail or "readonly" in detail or "read-only" in detail) and (
        not os.access(folder, os.W_OK) or not os.access(path, os.R_OK)
    ):
        return StorageError(
            f"{path} cannot be opened: the folder {folder} is read-only and "
            "SQLite needs to write beside the file. Copy it to a writable "
            "folder, or make this one writable."
        )
    return DamagedDatabaseError(path, detail)


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(where: str | DatabaseLocation, key: DatabaseKey | None = None) -> Engine:
    location = where if isinstance(where, DatabaseLocation) else DatabaseLocation.parse(where)
    url, path = location.url, location.path
    if location.kind == "sqlite" and key is not None:
        if path is None:
            raise encryption.EncryptionError("An encrypted database must be a file.")

        def connect() -> object:  # the raw key on every connection: no KDF here
            return encryption.connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000)

        engine = create_engine(url, module=encryption.sqlcipher(), creator=connect)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if key is not None:
        raise encryption.EncryptionUnavailableError(encryption.SERVER_MESSAGE)
    if location.kind == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ImportError as e:  # the driver is missing, or psycopg found no libpq to load
        if e.name == "psycopg":
            raise StorageError(
                "PostgreSQL needs the psycopg package: pip install 'crm-desktop[postgres]'."
            ) from None
        if "pq wrapper" in str(e) or "libpq" in str(e):
            raise StorageError(
                "PostgreSQL needs libpq installed (Debian and Ubuntu: libpq5, Fedora: libpq)."
            ) from None
        raise


def backup_file(path: Path, dest_dir: Path, reason: str, key: DatabaseKey | None = None) -> Path:
    """A consistent, verified copy through SQLite's online backup API (encrypted under
    the same key when ``key`` is given)."""
    return backups.make_backup(path, dest_dir, reason, key)


def online_backup(src: Path, dest: Path, key: DatabaseKey | None = None) -> None:
    backups.online_backup(src, dest, key)


def open_database(
    where: str | DatabaseLocation,
    *,
    backups_dir: Path | None = None,
    migrate: bool = True,
    create: bool = True,
    key: DatabaseKey | None = None,
    full_check: bool | str = False,
) -> Database:
    """Open (and create or upgrade) a database. Errors are StorageError with a clear text.

    ``where`` is a parsed location (the front ends' way) or a URL, parsed here once.

    ``key`` opens an encrypted SQLite file, or creates a new file encrypted.
    ``full_check``: False (quick_check), True or "full" (integrity_check), or "light"
    (header, schema and version only; the caller checks the whole file afterwards).
    """
    location = where if isinstance(where, DatabaseLocation) else DatabaseLocation.parse(where)
    url, path = location.url, location.path
    revision: str | None = None
    if key is not None and path is None:
        raise encryption.EncryptionUnavailableError(encryption.SERVER_MESSAGE)
    if path is not None:
        check_location(path, write=False)
        if path.exists():
            if path.is_dir():
                raise StorageError(f"{path} is a folder, not a database file.")
            if key is not None and path.stat().st_size > 0 and not encryption.is_encrypted(path):
                key = None  # a plain file stays plain until it is converted
            revision = _check_sqlite_file(path, key, full_check)
        elif not create:
            raise StorageError(f"{path} does not exist.")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StorageError(f"Cannot create {path.parent}: {e.strerror}.") from None
    head = head_revision()
    _refuse_unknown(path, revision)
    engine = make_engine(location, key)
    db = Database(
        url=url, engine=engine, session_factory=_session_factory(engine), path=path, key=key
    )
    db._guard_writes()
    try:
        if path is None:
            _check_server(db)
            revision = db.schema_version()
        if migrate and revision != head:
            if path is not None and revision is not None and backups_dir is not None:
                db.backup_made = backup_file(path, backups_dir, f"before-{head}", key)
            db.migrated_from = revision
            upgrade(engine)
    except StorageError:
        engine.dispose()
        raise
    except Exception as e:  # driver errors (server down, bad password) become one line
        engine.dispose()
        raise StorageError(
            f"Cannot open the database: {e.__class__.__name__}: "
            f"{str(e).splitlines()[0] if str(e) else ''}"
        ) from e
    return db


def check_location(path: Path, *, write: bool) -> None:
    """Refuse, before any lock or connection, a database path that cannot work: a device,
    FIFO or other node that is not a file (``--db /dev/null``), and for a command that
    writes, a read-only file or folder (SQLite's own message is "attempt to write a
    readonly database", after the work is done)."""
    if path.exists() and not path.is_dir() and not path.is_file():
        raise StorageError(
            f"{path} is not a regular file (a device, FIFO or socket); a database is a file."
        )
    if not write:
        return
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_file() and not os.access(path, os.W_OK):
        raise StorageError(f"{path} is read-only; nothing was changed.")
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(
            f"The folder {folder} is read-only (SQLite writes its journal "
            f"beside {path.name}); nothing was changed."
        )


def _refuse_unknown(path: Path | None, revision: str | None) -> None:
    if revision is None or revision == head_revision():
        return
    if revision not in migration_graph():
        raise StorageError(
            f"{path} was written by a newer crm-desktop "
            f"(schema {revision}); please update the application."
        )


def refuse_newer_schema(path: Path, key: DatabaseKey | None = None) -> None:
    """Whole-file operations (encrypt, decrypt, re-key, demo --force) refuse a file every
    other command refuses: one written by a newer crm-desktop."""
    _refuse_unknown(path, _check_sqlite_file(path, key, "light"))


def _check_server(db: Database) -> None:
    tables = set(inspect(db.engine).get_table_names())
    if tables and not (CORE_TABLES <= tables and "alembic_version" in tables):
        if tables & CORE_TABLES or "alembic_version" in tables:
            return  # a partly migrated crm-desktop schema: let Alembic continue
        raise StorageError(
            "The server database has tables of another program; "
            "point crm-desktop at an empty database or schema."
        )


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _session_factory(engine: Engine) -> sessionmaker[Session]:
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    hooks.install(factory)
    for hook in _extra_hooks:
        hook(factory)
    return factory


def integrity_check(db: Database) -> list[str]:
    """Problems found; an empty list means the database is sound."""
    problems: list[str] = []
    with db.engine.connect() as conn:
        if db.is_sqlite:
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            if rows != ["ok"]:
                problems.extend(rows)
            fk = list(conn.execute(text("PRAGMA foreign_key_check")))
            problems.extend(f"broken reference in {r[0]} row {r[1]} -> {r[2]}" for r in fk)
    if db.schema_version() != head_revision():
        problems.append(f"schema {db.schema_version()} is not the current {head_revision()}")
    return problems


def remove_stale_before_parts(folder: Path, stem: str) -> None:
    """Half-written ``<stem>-before-<reason>-<time>`` backups (before restore, demo,
    migration) a killed command left; the general backup name pattern reads their stem
    as ``<stem>-before``, so backups.remove_stale_parts misses them."""
    import re

    pattern = re.compile(
        rf"^{re.escape(stem)}-before-[a-z0-9_.-]+-\d{{8}}T\d{{12}}Z"
        r"\.[a-z0-9]+\.part(-journal|-wal|-shm)?$"
    )
    try:
        for p in folder.iterdir():
            if pattern.match(p.name):
                p.unlink(missing_ok=True)
    except OSError:
        pass


def recover_interrupted(path: Path, backups_dir: Path | None = None) -> list[str]:
    """Finish or undo what a killed restore, encrypt, decrypt or re-key left beside
    ``path``; the caller holds the writer or the exclusive open lock, so nothing is in
    progress. Returns what was done (for a log line).

    - ``<name>.restoring-*``: a complete, verified copy staged by restore (the current
      file is only removed after it is written); it takes the name when the database is
      gone (killed between the two renames), and is removed otherwise.
    - ``<name>.old-*``: the original a conversion renamed aside. Without a database it
      goes back (the conversion never finished); with one it is shredded, since it may
      hold plaintext the user has since encrypted.
    - ``<name>.converting-*``: a half-made converted copy; removed.
    - in ``backups_dir``: half-written backups of this database.
    """
    done: list[str] = []
    if backups_dir is not None and backups_dir.is_dir():
        from crm_desktop.storage import identity

        # a backup a killed one began (named by this database's identity; an encrypted
        # file's identity needs its key: its leftovers go at the GUI's next start)
        backups.remove_stale_parts(backups_dir, identity.read(path))
        remove_stale_before_parts(backups_dir, path.stem)  # names older versions wrote
    folder = path.parent
    if not folder.is_dir():
        return done

    def siblings(tag: str) -> list[Path]:
        return sorted(
            p
            for p in folder.glob(f"{path.name}.{tag}-*")
            if p.is_file() and not p.name.endswith(("-wal", "-shm", "-journal"))
        )

    try:
        olds, staged, converting = (siblings("old"), siblings("restoring"), siblings("converting"))
        if not path.exists() and olds:
            os.replace(olds[-1], path)
            done.append(f"put back {olds[-1].name} (an interrupted conversion)")
            olds = olds[:-1]
        elif not path.exists() and staged:
            os.replace(staged[-1], path)
            done.append(f"finished the interrupted restore of {staged[-1].name}")
            staged = staged[:-1]
        for p in olds:
            encryption.shred(p)
            done.append(f"removed {p.name}")
        for p in staged + converting:
            for side in [p, *(Path(str(p) + s) for s in ("-wal", "-shm", "-journal"))]:
                side.unlink(missing_ok=True)
            done.append(f"removed {p.name}")
    except OSError as e:
        done.append(f"could not tidy {folder}: {e.strerror or e}")
    return done
