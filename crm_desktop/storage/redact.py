"""Passwords never reach a screen, a terminal or a log: the one place that masks them.

Every path that prints a database URL or the text of an exception that may hold one
(the driver's connection errors, SQLAlchemy's URL parser) goes through :func:`mask`.
"""

from __future__ import annotations

import re

MASK = "***"
# scheme://user:password@host  (up to the last "@" before the path: an unquoted "@" in
# the password must not leave its tail visible)
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s]*:)(?P<pw>[^/\s]*)@")
# libpq conninfo and query strings: password=... / password='...'
_KV_PASSWORD = re.compile(
    r"(?P<head>\bpassword\s*=\s*)(?P<pw>'(?:[^'\\]|\\.)*'|[^\s&;]+)", re.IGNORECASE
)


def mask(text: str, *secrets: str | None) -> str:
    """``text`` with every password in it replaced by ``***``: the password part of any
    URL, ``password=`` values, and each of ``secrets`` wherever it appears."""
    out = _URL_PASSWORD.sub(lambda m: m.group("head") + MASK + "@", text)
    out = _KV_PASSWORD.sub(lambda m: m.group("head") + MASK, out)
    for secret in secrets:
        if secret:
            out = out.replace(secret, MASK)
    return out


def url_password(url: str) -> str | None:
    """The password in a database URL (to mask it wherever a driver repeats it)."""
    m = _URL_PASSWORD.search(url)
    if not m or not m.group("pw"):
        return None
    from urllib.parse import unquote

    return unquote(m.group("pw"))


def mask_url(url: str) -> str:
    return mask(url)
