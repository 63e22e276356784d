"""Encryption at rest with SQLCipher 4 (the ``sqlcipher3`` package), SQLite files only.

The passphrase is stretched once per start with SQLCipher 4's own default KDF
(PBKDF2-HMAC-SHA512, 256,000 iterations, the 16-byte salt SQLCipher keeps at the start
of the file). The resulting raw key is handed to every connection as
``PRAGMA key = "x'<key><salt>'"``, so no connection or thread pays for the KDF again,
and the file still opens in any SQLCipher 4 tool with the plain passphrase.

``PRAGMA key`` answers "ok" for any key; a key is only known to be right after a real
read, which :func:`connect` does.

Conversions (encrypt, decrypt, change passphrase) never touch the original in place:
``sqlcipher_export`` writes a new file, the new file is checked (integrity and the row
count of every table), and only then does it replace the original.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crm_desktop.domain.errors import StorageError
from crm_desktop.files import fsync_path

SQLITE_HEADER = b"SQLite format 3\x00"
KDF_ITERATIONS = 256_000  # SQLCipher 4 default: the file opens with the passphrase anywhere
KEY_BYTES = 32
SALT_BYTES = 16
MIN_PASSPHRASE = 8
ENV_PASSPHRASE = "CRM_PASSPHRASE"
SERVER_MESSAGE = (
    "Encryption is available for SQLite database files only; a PostgreSQL "
    "server is protected by the server's own disk encryption and access rules."
)

PassphraseSource = Callable[[Path], str]


class EncryptionError(StorageError):
    code = "encryption"


class PassphraseRequiredError(EncryptionError):
    code = "passphrase_required"

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is encrypted; its passphrase is needed to open it.")
        self.path = path


class WrongPassphraseError(EncryptionError):
    code = "wrong_passphrase"

    def __init__(self, path: Path) -> None:
        super().__init__(f"Wrong passphrase for {path}. Nothing was changed; try again.")
        self.path = path


class EncryptionUnavailableError(EncryptionError):
    code = "encryption_unavailable"


def sqlcipher() -> Any:
    """The sqlcipher3 DB-API module; a clear error when the package is missing."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:  # pragma: no cover - the package is a dependency
        raise EncryptionUnavailableError(
            "Encryption needs the sqlcipher3 package (SQLCipher 4), which is not installed."
        ) from None
    return dbapi2


@dataclass(frozen=True)
class DatabaseKey:
    """A derived raw key and the salt stored in the file. Never printed."""

    raw: bytes = field(repr=False)
    salt: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.raw) != KEY_BYTES or len(self.salt) != SALT_BYTES:
            raise ValueError("a SQLCipher raw key is 32 bytes with a 16-byte salt")

    @classmethod
    def derive(cls, passphrase: str, salt: bytes) -> DatabaseKey:
        raw = hashlib.pbkdf2_hmac(
            "sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES
        )
        return cls(raw, salt)

    @classmethod
    def new(cls, passphrase: str) -> DatabaseKey:
        return cls.derive(passphrase, secrets.token_bytes(SALT_BYTES))

    def pragma_literal(self) -> str:
        """The value for PRAGMA key / ATTACH ... KEY: raw key plus salt, no KDF."""
        return f"\"x'{self.raw.hex()}{self.salt.hex()}'\""


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise EncryptionError(f"The passphrase must be at least {MIN_PASSPHRASE} characters.")


def db_errors(*more: type[Exception]) -> tuple[type[Exception], ...]:
    """The error classes of both DB-API modules (plain sqlite3 and sqlcipher3), and
    ``more``: ``except db_errors(OSError)``."""
    import sqlite3

    return (sqlite3.Error, sqlcipher().Error, *more)


def file_header(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(SALT_BYTES)
    except FileNotFoundError:
        return b""
    except OSError as e:
        raise StorageError(f"Cannot read {path}: {e.strerror}.") from None


def is_encrypted(path: Path) -> bool:
    """Not plain SQLite but shaped like SQLCipher: a random salt first, whole pages."""
    header = file_header(path)
    if len(header) != SALT_BYTES or header == SQLITE_HEADER:
        return False
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return size >= 1024 and size % 512 == 0


def unlock(path: Path, passphrase: str) -> DatabaseKey:
    """Derive the key for an existing encrypted file and prove it with a real read."""
    salt = file_header(path)
    if len(salt) != SALT_BYTES or salt == SQLITE_HEADER:
        raise EncryptionError(f"{path} is not encrypted.")
    key = DatabaseKey.derive(passphrase, salt)
    connect(path, key, readonly=True).close()
    return key


def connect(
    path: Path,
    key: DatabaseKey,
    *,
    readonly: bool = False,
    timeout: float = 5.0,
    verify: bool = True,
) -> Any:
    """A sqlcipher3 connection keyed with the raw key; the key is proven with a read."""
    db = sqlcipher()
    if readonly:
        conn = db.connect(
            "file:" + str(Path(path).resolve()) + "?mode=ro",
            uri=True,
            timeout=timeout,
            check_same_thread=False,
        )
    else:
        conn = db.connect(str(path), timeout=timeout, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not a log
        conn.execute(f"PRAGMA key = {key.pragma_literal()}")
        conn.execute("PRAGMA temp_store = MEMORY")  # no decrypted temporary files on disk
        if verify:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except db.DatabaseError as e:
        conn.close()
        if "not a database" in str(e) or "encrypted" in str(e):
            raise WrongPassphraseError(Path(path)) from None
        raise StorageError(f"{path} cannot be read: {e}.") from None
    return conn


def passphrase_from_env() -> str | None:
    return os.environ.get(ENV_PASSPHRASE) or None


# -- conversions ---------------------------------------------------------------------------


def table_counts(conn: Any) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    counts: dict[str, int] = {}
    for name in names:
        try:
            counts[name] = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        except db_errors():  # a virtual table whose module is missing: not data we copy
            continue
    return counts


def _integrity(conn: Any) -> list[str]:
    rows = [
        r[0] if isinstance(r[0], str) else repr(r[0])
        for r in conn.execute("PRAGMA integrity_check")
    ]
    return [] if rows == ["ok"] else rows


def _open_source(path: Path, key: DatabaseKey | None) -> Any:
    if key is not None:
        return connect(path, key)
    conn = sqlcipher().connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def _checkpoint(conn: Any) -> None:
    """Fold the WAL into the main file so the export sees every committed row."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def _sidecars(path: Path) -> list[Path]:
    return [Path(str(path) + s) for s in ("-wal", "-shm", "-journal")]


def _attach_literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_copy(
    src: Path, src_key: DatabaseKey | None, dest: Path, dest_key: DatabaseKey | None
) -> None:
    """Write ``dest`` (must not exist) as a verified copy of ``src`` under another key.

    ``None`` as a key means plain SQLite. On any failure ``dest`` is removed and the
    source is untouched.
    """
    if dest.exists():
        raise StorageError(f"{dest} already exists; it is not overwritten.")
    conn = _open_source(src, src_key)
    try:
        fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # owner-only
        os.close(fd)
        _checkpoint(conn)
        problems = _integrity(conn)
        if problems:
            raise StorageError(f"{src} is damaged ({problems[0]}); it was not converted.")
        expected = table_counts(conn)
        literal = dest_key.pragma_literal() if dest_key is not None else "''"
        conn.execute(f"ATTACH DATABASE {_attach_literal(dest)} AS converted KEY {literal}")
        try:
            conn.execute("SELECT sqlcipher_export('converted')").fetchall()
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA converted.user_version = {int(version)}")
        finally:
            conn.execute("DETACH DATABASE converted")
    except StorageError:
        conn.close()
        _remove(dest)
        raise
    except db_errors(OSError) as e:
        conn.close()
        _remove(dest)
        raise StorageError(f"Could not write {dest}: {e}.") from None
    conn.close()
    try:
        verify_copy(dest, dest_key, expected)
    except BaseException:
        _remove(dest)
        raise
    with contextlib.suppress(OSError):  # the copy is verified; durability is best effort
        fsync_path(dest)


def verify_copy(path: Path, key: DatabaseKey | None, expected: dict[str, int]) -> None:
    check = _open_source(path, key)
    try:
        problems = _integrity(check)
        if problems:
            raise StorageError(f"The converted copy {path} failed its check ({problems[0]}).")
        got = table_counts(check)
    finally:
        check.close()
    if got != expected:
        diff = sorted(k for k in set(got) | set(expected) if got.get(k) != expected.get(k))
        raise StorageError(
            f"The converted copy {path} differs from the original in "
            f"{', '.join(diff)}; the original was kept."
        )
    if key is not None and not is_encrypted(path):
        raise StorageError(f"The converted copy {path} is not encrypted; the original was kept.")


def _remove(path: Path) -> None:
    for p in [path, *_sidecars(path)]:
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def shred(path: Path) -> None:
    """Overwrite a plaintext file before unlinking it (best effort: SSDs and copy-on-write
    file systems may keep old blocks; the point is that no readable file is left)."""
    try:
        size = path.stat().st_size
        with path.open("r+b") as f:
            chunk = b"\0" * 65536
            left = size
            while left > 0:
                n = min(left, len(chunk))
                f.write(chunk[:n])
                left -= n
            f.flush()
            os.fsync(f.fileno())
    except OSError:
        pass
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def swap_in(original: Path, converted: Path, *, original_was_plain: bool) -> None:
    """Put a verified ``converted`` file in place of ``original``.

    The original is renamed aside first (kept until the new file is in place), then the
    converted file takes its name; only then is the original removed, shredded when it
    held plaintext.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = original.with_name(f"{original.name}.old-{stamp}")
    for side in _sidecars(original):
        # The source connection was checkpointed with TRUNCATE and closed: these hold
        # nothing the converted copy lacks.
        if side.exists():
            (shred if original_was_plain else Path.unlink)(side)
    os.replace(original, aside)
    try:
        os.replace(converted, original)
    except OSError:
        os.replace(aside, original)
        raise
    if original_was_plain:
        shred(aside)
    else:
        aside.unlink(missing_ok=True)


def convert_in_place(path: Path, old_key: DatabaseKey | None, new_key: DatabaseKey | None) -> None:
    """Encrypt (None -> key), decrypt (key -> None) or re-key a database file safely."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    tmp = path.with_name(f"{path.name}.converting-{stamp}")
    export_copy(path, old_key, tmp, new_key)
    swap_in(path, tmp, original_was_plain=old_key is None)


def encrypt_file(path: Path, passphrase: str) -> DatabaseKey:
    """Encrypt a plain database; returns the new key (already derived, no second KDF)."""
    if is_encrypted(path):
        raise EncryptionError(f"{path} is already encrypted.")
    check_passphrase_strength(passphrase)
    key = DatabaseKey.new(passphrase)
    convert_in_place(path, None, key)
    return key


def decrypt_file(path: Path, key: DatabaseKey) -> None:
    convert_in_place(path, key, None)


def rekey_file(path: Path, old_key: DatabaseKey, new_passphrase: str) -> DatabaseKey:
    check_passphrase_strength(new_passphrase)
    new_key = DatabaseKey.new(new_passphrase)
    convert_in_place(path, old_key, new_key)
    return new_key
