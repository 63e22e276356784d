"""Passphrases on the terminal (never echoed), or from the environment for scripts.

Its own module because ``CliEnv`` (``commands``) unlocks databases with it and the
security commands (``commands.security``) build on ``CliEnv``.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from crm_desktop.application import security
from crm_desktop.domain.errors import CrmError


def _prompt(text: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise CrmError(f"No terminal to ask for the passphrase; set {security.ENV_PASSPHRASE}.")
    try:
        return getpass.getpass(text)
    except EOFError:
        raise CrmError("No passphrase given.") from None


def terminal_passphrase(path: Path) -> str:
    """The passphrase of an existing encrypted file: CRM_PASSPHRASE, else a prompt."""
    env = security.passphrase_from_env()
    if env is not None:
        return env
    return _prompt(f"Passphrase for {path}: ")


def new_passphrase(env_name: str = security.ENV_PASSPHRASE) -> str:
    """A new passphrase, typed twice, or from the environment variable."""
    env = os.environ.get(env_name)
    if env:
        security.check_passphrase_strength(env)
        return env
    first = _prompt("New passphrase: ")
    security.check_passphrase_strength(first)
    if _prompt("Repeat the new passphrase: ") != first:
        raise CrmError("The two passphrases differ; nothing was changed.")
    return first
