"""Keep spreadsheet programs from running what is only text.

Excel and LibreOffice treat a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and,
after trimming, a tab or carriage return) as a formula: "=HYPERLINK(...)" in a
contact's name would run when someone opens the export. Text cells get a leading
apostrophe, the OWASP-recommended neutraliser. Phone numbers are different: their
leading ``+`` is data and must survive; see ``csv_io.phone_cell``.
"""

from __future__ import annotations

import re

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-./]*$")


def is_formula_like(text: str) -> bool:
    return bool(text) and text.startswith(FORMULA_TRIGGERS)


_TRIGGER_CHARS = frozenset(FORMULA_TRIGGERS)


def neutralise(text: str) -> str:
    """``'=1+2`` for ``=1+2``; everything else unchanged."""
    # text[:1] is "" for "", never a trigger: one set lookup per cell on a 200,000-row export
    return "'" + text if text[:1] in _TRIGGER_CHARS else text


def unneutralise(text: str) -> str:
    """Undo ``neutralise`` on import: our own exports must round-trip exactly."""
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        return text[1:]
    return text


def looks_like_phone(text: str) -> bool:
    return bool(_PHONE.match(text.strip()))
