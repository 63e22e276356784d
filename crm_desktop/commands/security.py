"""encrypt, decrypt, change-passphrase, backups (list) — SQLite files only.

Every command reads a passphrase from the terminal (never echoed), or from
CRM_PASSPHRASE for scripts; change-passphrase reads the new one from CRM_NEW_PASSPHRASE.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from crm_desktop.application import backups as app_backups
from crm_desktop.application import security
from crm_desktop.application.database import unlock
from crm_desktop.application.errors import DamagedDatabaseError
from crm_desktop.commands import REPLACE, CliEnv, out
from crm_desktop.commands.passphrase import new_passphrase, terminal_passphrase
from crm_desktop.config import Settings
from crm_desktop.domain.errors import CrmError
from crm_desktop.runtime import backups_folder, backups_folders

ENV_NEW_PASSPHRASE = "CRM_NEW_PASSPHRASE"


def _folder(env: CliEnv) -> Path:
    return backups_folder(env.paths, Settings.load(env.paths.settings_file))


def _folders(env: CliEnv) -> list[Path]:
    return backups_folders(env.paths, Settings.load(env.paths.settings_file))


def _report(done: security.Conversion) -> None:
    for p in done.skipped_backups:
        out(f"warning: backup {p} was left as it was (it does not open with the old key)")
    for p in done.plaintext_left:
        out(
            f"warning: {p} is a damaged copy moved aside earlier and is NOT encrypted; "
            "delete it once nothing needs to be recovered from it"
        )


def cmd_encrypt(args: argparse.Namespace, env: CliEnv) -> int:
    path = security.database_file(env.location)
    env.hold(REPLACE)  # alone with the file: nobody else has it open
    security.refuse_encrypted(path)
    done = security.encrypt(
        path, new_passphrase(), _folders(env), env.paths.data_dir, has_file_alone=True
    )
    out(f"Encrypted {path}. Keep the passphrase safe: without it the data cannot be read.")
    _report(done)
    return 0


def cmd_decrypt(args: argparse.Namespace, env: CliEnv) -> int:
    path = security.database_file(env.location)
    env.hold(REPLACE)  # alone with the file: nobody else has it open
    security.refuse_plain(path)
    key = security.unlock_file(path, terminal_passphrase(path))
    done = security.decrypt(path, key, _folders(env), env.paths.data_dir, has_file_alone=True)
    out(f"Decrypted {path}: it is a plain SQLite file again.")
    _report(done)
    return 0


def cmd_change_passphrase(args: argparse.Namespace, env: CliEnv) -> int:
    path = security.database_file(env.location)
    env.hold(REPLACE)  # alone with the file: nobody else has it open
    security.refuse_plain(path, "use encrypt")
    old_key = security.unlock_file(path, terminal_passphrase(path))
    done = security.change_passphrase(
        path,
        old_key,
        new_passphrase(ENV_NEW_PASSPHRASE),
        _folders(env),
        env.paths.data_dir,
        has_file_alone=True,
    )
    out(f"The passphrase of {path} was changed (and of its backups).")
    _report(done)
    return 0


def cmd_backups(args: argparse.Namespace, env: CliEnv) -> int:
    path = env.location.path
    if path is None:
        raise CrmError("Backups of a server database are made with the server's tools.")
    folder = _folder(env)
    key, ident = None, None
    if path.exists():
        try:
            rt = env.runtime()  # a copy of another database is told apart before listing
            key, ident = rt.key, rt.identity
        except DamagedDatabaseError:  # the listing is how to find a good backup
            key = unlock(env.location, terminal_passphrase)
            ident = app_backups.last_identity(path, key, env.paths.data_dir)
    found = app_backups.list_checked(path, folder, key, ident)
    out(f"backups of {path} in {folder}:")
    for row in found:
        b = row.info
        state = "ok" if row.ok else f"BAD: {row.problems[0]}"
        lock = " encrypted" if b.encrypted else ""
        out(
            f"{b.made_at:%Y-%m-%d %H:%M:%S} UTC  {b.reason:<16} {b.size:>10}{lock}  "
            f"{state}  {b.path.name}"
        )
    if not found:
        out("(none)")
    return 0
