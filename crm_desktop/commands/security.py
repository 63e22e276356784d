"""encrypt, decrypt, change-passphrase, backups (list) — SQLite files only.

Every command reads a passphrase from the terminal (never echoed), or from
CRM_PASSPHRASE for scripts; change-passphrase reads the new one from CRM_NEW_PASSPHRASE.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from crm_desktop.commands import REPLACE, CliEnv, add_command, out
from crm_desktop.config import Settings
from crm_desktop.domain.errors import CrmError
from crm_desktop.runtime import backups_folder
from crm_desktop.storage import backups, encryption
from crm_desktop.storage import database as storage
from crm_desktop.storage.drafts import DraftStore, drafts_folder
from crm_desktop.storage.lock import WriterLock

ENV_NEW_PASSPHRASE = "CRM_NEW_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:
    add_command(sub, "encrypt", "encrypt the database file (SQLCipher) and its backups",
                cmd_encrypt)
    add_command(sub, "decrypt", "turn an encrypted database (and its backups) back into "
                "plain SQLite", cmd_decrypt)
    add_command(sub, "change-passphrase", "set a new passphrase for an encrypted database "
                "and its backups", cmd_change_passphrase)
    add_command(sub, "backups", "list this database's backups, newest first, and check them",
                cmd_backups)


def _prompt(text: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise CrmError(f"No terminal to ask for the passphrase; set {encryption.ENV_PASSPHRASE}.")
    try:
        return getpass.getpass(text)
    except EOFError:
        raise CrmError("No passphrase given.") from None


def terminal_passphrase(path: Path) -> str:
    """The passphrase of an existing encrypted file: CRM_PASSPHRASE, else a prompt."""
    env = encryption.passphrase_from_env()
    if env is not None:
        return env
    return _prompt(f"Passphrase for {path}: ")


def new_passphrase(env_name: str = encryption.ENV_PASSPHRASE) -> str:
    """A new passphrase, typed twice, or from the environment variable."""
    env = os.environ.get(env_name)
    if env:
        encryption.check_passphrase_strength(env)
        return env
    first = _prompt("New passphrase: ")
    encryption.check_passphrase_strength(first)
    if _prompt("Repeat the new passphrase: ") != first:
        raise CrmError("The two passphrases differ; nothing was changed.")
    return first


def _database_file(env: CliEnv) -> Path:
    path = storage.sqlite_path(env.url)
    if path is None:
        raise CrmError(encryption.SERVER_MESSAGE)
    if not path.is_file() or path.stat().st_size == 0:
        raise CrmError(f"{path} does not exist.")
    return path


def _folder(env: CliEnv) -> Path:
    return backups_folder(env.paths, Settings.load(env.paths.settings_file))


def _rekey_drafts(env: CliEnv, path: Path, old: encryption.DatabaseKey | None,
                  new: encryption.DatabaseKey | None) -> None:
    DraftStore(drafts_folder(env.paths.data_dir, path), old).rekey(new)


def _report_backups(skipped: list[Path]) -> None:
    for p in skipped:
        out(f"warning: backup {p} was left as it was (it does not open with the old key)")


def cmd_encrypt(args: argparse.Namespace, env: CliEnv) -> int:
    path = _database_file(env)
    env.hold(REPLACE)  # alone with the file: nobody else has it open
    if encryption.is_encrypted(path):
        raise CrmError(f"{path} is already encrypted; use change-passphrase.")
    with WriterLock(path):
        storage._check_sqlite_file(path)  # ours, sound, and never converted when damaged
        storage.refuse_newer_schema(path)
        passphrase = new_passphrase()
        key = encryption.encrypt_file(path, passphrase)
        skipped = encryption.convert_backups(_folder(env), path.stem, None, key)
        _rekey_drafts(env, path, None, key)
    out(f"Encrypted {path}. Keep the passphrase safe: without it the data cannot be read.")
    _report_backups(skipped)
    return 0


def cmd_decrypt(args: argparse.Namespace, env: CliEnv) -> int:
    path = _database_file(env)
    env.hold(REPLACE)  # alone with the file: nobody else has it open
    if not encryption.is_encrypted(path):
        raise CrmError(f"{path} is not encrypted.")
    with WriterLock(path):
        key = encryption.unlock(path, terminal_passphrase(path))
        storage.refuse_newer_schema(path, key)
        encryption.decrypt_file(path, key)
        skipped = encryption.convert_backups(_folder(env), path.stem, key, None)
        _rekey_drafts(env, path, key, None)
    out(f"Decrypted {path}: it is a plain SQLite file again.")
    _report_backups(skipped)
    return 0


def cmd_change_passphrase(args: argparse.Namespace, env: CliEnv) -> int:
    path = _database_file(env)
    env.hold(REPLACE)  # alone with the file: nobody else has it open
    if not encryption.is_encrypted(path):
        raise CrmError(f"{path} is not encrypted; use encrypt.")
    with WriterLock(path):
        old_key = encryption.unlock(path, terminal_passphrase(path))
        storage.refuse_newer_schema(path, old_key)
        new_key = encryption.rekey_file(path, old_key, new_passphrase(ENV_NEW_PASSPHRASE))
        skipped = encryption.convert_backups(_folder(env), path.stem, old_key, new_key)
        _rekey_drafts(env, path, old_key, new_key)
    out(f"The passphrase of {path} was changed (and of its backups).")
    _report_backups(skipped)
    return 0


def cmd_backups(args: argparse.Namespace, env: CliEnv) -> int:
    path = storage.sqlite_path(env.url)
    if path is None:
        raise CrmError("Backups of a server database are made with the server's tools.")
    folder = _folder(env)
    found = backups.list_backups(folder, path.stem)
    key = None
    if any(b.encrypted for b in found):
        key = env.runtime().key if path.exists() and encryption.is_encrypted(path) else None
    out(f"backups of {path} in {folder}:")
    for b in found:
        problems = backups.verify_backup(b.path, key if b.encrypted else None)
        state = "ok" if not problems else f"BAD: {problems[0]}"
        lock = " encrypted" if b.encrypted else ""
        out(f"{b.made_at:%Y-%m-%d %H:%M:%S} UTC  {b.reason:<16} {b.size:>10}{lock}  "
            f"{state}  {b.path.name}")
    if not found:
        out("(none)")
    return 0
