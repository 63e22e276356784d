"""SQLCipher at rest: create, open, wrong passphrase, convert, change passphrase."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from secutil import PASSPHRASE, digest, folder_state, identity_of

from crm_desktop import cli
from crm_desktop.application import database as app_database
from crm_desktop.application.database import DatabaseLocation
from crm_desktop.config import Paths
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.runtime import open_runtime
from crm_desktop.storage import backups, encryption
from crm_desktop.storage.database import open_database
from crm_desktop.storage.encryption import (
    DatabaseKey,
    EncryptionUnavailableError,
    PassphraseRequiredError,
    WrongPassphraseError,
)

MARKER = "Zebrafinch-Ёлкопалкин-龙猫密钥"


def _add_company(rt: object, name: str = MARKER) -> str:
    return rt.services.companies.create(CompanyInput(name=name)).id  # type: ignore[attr-defined]


def test_a_new_encrypted_database_has_no_plaintext_and_opens_with_the_passphrase(
    enc_runtime, enc_path: Path, paths: Paths
):
    cid = _add_company(enc_runtime)
    enc_runtime.close()
    raw = b"".join(p.read_bytes() for p in enc_path.parent.glob("crm.sqlite3*"))
    assert not raw.startswith(b"SQLite format 3")
    for enc in ("utf-8", "utf-16-le"):
        assert MARKER.encode(enc) not in raw
    assert encryption.is_encrypted(enc_path)
    with pytest.raises(sqlite3.DatabaseError):  # plain SQLite cannot read it
        sqlite3.connect(enc_path).execute("SELECT * FROM sqlite_master").fetchall()

    asked: list[Path] = []

    def ask(path: Path) -> str:
        asked.append(path)
        return PASSPHRASE

    rt = app_database.open_database(
        DatabaseLocation.parse("sqlite:///" + str(enc_path)), paths, passphrase=ask
    )
    try:
        assert rt.db.encrypted
        assert rt.services.companies.get(cid).name == MARKER
        assert asked == [enc_path]  # asked once: the key is derived once per start
    finally:
        rt.close()


def test_the_file_opens_in_any_sqlcipher4_tool_with_the_plain_passphrase(
    enc_runtime, enc_path: Path
):
    _add_company(enc_runtime)
    enc_runtime.close()
    conn = encryption.sqlcipher().connect(str(enc_path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")  # SQLCipher 4 defaults, its own KDF
    assert conn.execute("SELECT name FROM company").fetchall() == [(MARKER,)]
    conn.close()


def test_wrong_passphrase_gives_a_clear_message_and_changes_nothing(
    enc_runtime, enc_path: Path, paths: Paths
):
    _add_company(enc_runtime)
    enc_runtime.close()
    before = folder_state(paths.data_dir)
    with pytest.raises(WrongPassphraseError) as e:
        app_database.open_database(
            DatabaseLocation.parse("sqlite:///" + str(enc_path)),
            paths,
            passphrase=lambda p: "not it at all",
        )
    assert "Wrong passphrase" in str(e.value) and "Nothing was changed" in str(e.value)
    assert folder_state(paths.data_dir) == before


def test_a_key_that_pragma_accepts_is_still_refused_before_any_use(enc_runtime, enc_path: Path):
    enc_runtime.close()
    wrong = DatabaseKey.derive("another passphrase", encryption.file_header(enc_path))
    with pytest.raises(WrongPassphraseError):
        open_database("sqlite:///" + str(enc_path), key=wrong)


def test_an_encrypted_file_without_a_passphrase_says_so(enc_runtime, enc_path: Path, paths: Paths):
    enc_runtime.close()
    with pytest.raises(PassphraseRequiredError, match="encrypted"):
        open_runtime("sqlite:///" + str(enc_path), paths)


def test_encryption_on_a_server_is_refused_with_a_message_naming_sqlite(key: DatabaseKey):
    with pytest.raises(EncryptionUnavailableError, match="SQLite database files only"):
        open_database("postgresql+psycopg://user@localhost/crm", key=key)


def _cli(
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    passphrase: str | None = PASSPHRASE,
    new: str | None = None,
) -> int:
    if passphrase is None:
        monkeypatch.delenv("CRM_PASSPHRASE", raising=False)
    else:
        monkeypatch.setenv("CRM_PASSPHRASE", passphrase)
    if new is None:
        monkeypatch.delenv("CRM_NEW_PASSPHRASE", raising=False)
    else:
        monkeypatch.setenv("CRM_NEW_PASSPHRASE", new)
    return cli.main(list(args))


def _plain_db_with_backup(paths: Paths) -> tuple[Path, str]:
    path = paths.data_dir / "crm.sqlite3"
    rt = open_runtime("sqlite:///" + str(path), paths)
    cid = _add_company(rt)
    rt.close()
    backups.make_backup(path, paths.backups_dir, "manual")
    return path, cid


def test_cli_encrypt_then_change_passphrase_then_decrypt(paths: Paths, monkeypatch, capsys):
    path, cid = _plain_db_with_backup(paths)
    ident = identity_of(path)
    db = str(path)
    assert _cli(monkeypatch, "--db", db, "encrypt") == 0
    assert encryption.is_encrypted(path)
    # The plain original is gone and so is every plaintext backup.
    every = b"".join(p.read_bytes() for p in paths.data_dir.rglob("*") if p.is_file())
    assert MARKER.encode() not in every
    found = backups.list_backups(paths.backups_dir, ident)
    assert found and all(b.encrypted for b in found)
    assert sorted(p.name for p in path.parent.glob("crm.sqlite3*")) == [
        "crm.sqlite3"
    ]  # the lock files go with their last holder

    assert _cli(monkeypatch, "--db", db, "list", "companies", passphrase="wrong one!") == 1
    assert "Wrong passphrase" in capsys.readouterr().err

    new = "a brand new passphrase"
    assert _cli(monkeypatch, "--db", db, "change-passphrase", new=new) == 0
    with pytest.raises(WrongPassphraseError):
        encryption.unlock(path, PASSPHRASE)
    key = encryption.unlock(path, new)
    for b in backups.list_backups(paths.backups_dir, ident):
        assert (
            backups.verify_backup(b.path, DatabaseKey.derive(new, encryption.file_header(b.path)))
            == []
        )

    assert _cli(monkeypatch, "--db", db, "decrypt", passphrase=new) == 0
    assert not encryption.is_encrypted(path)
    rt = open_runtime("sqlite:///" + db, paths)
    try:
        assert rt.services.companies.get(cid).name == MARKER
    finally:
        rt.close()
    assert key.raw  # the derived key object never shows its bytes
    assert "raw" not in repr(key) or key.raw.hex() not in repr(key)


def test_cli_encrypt_needs_a_passphrase_of_some_length(paths: Paths, monkeypatch, capsys):
    path, _ = _plain_db_with_backup(paths)
    before = digest(path)
    assert _cli(monkeypatch, "--db", str(path), "encrypt", passphrase="short") == 1
    assert "at least" in capsys.readouterr().err
    assert digest(path) == before


def test_a_failed_conversion_keeps_the_original_and_leaves_no_file(paths: Paths, monkeypatch):
    path, _ = _plain_db_with_backup(paths)
    before = folder_state(paths.data_dir)

    def broken(*args: object) -> None:
        raise encryption.StorageError("simulated: the copy differs")

    monkeypatch.setattr(encryption, "verify_copy", broken)
    with pytest.raises(encryption.StorageError, match="simulated"):
        encryption.encrypt_file(path, PASSPHRASE)
    assert folder_state(paths.data_dir) == before


def test_encrypting_an_already_encrypted_file_is_refused(enc_runtime, enc_path: Path):
    enc_runtime.close()
    with pytest.raises(encryption.EncryptionError, match="already encrypted"):
        encryption.encrypt_file(enc_path, PASSPHRASE)
