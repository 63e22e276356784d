"""Phone numbers: E.164 for storage and matching, readable international form for people."""

from __future__ import annotations

import re

import phonenumbers

_JUNK = re.compile(r"[^\d+*#]")
_SEPARATORS = re.compile(r"[\s\-().\u00a0]")
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def to_e164(raw: str, default_region: str = "RU", second_region: str = "") -> str:
    """E.164 (``+8613800138000``) when the number parses, else the digits as given.

    Numbers without a country code are read in ``default_region`` and must be valid
    there (or in ``second_region``, tried next); a phone that cannot be read is
    returned as written (trimmed), so nothing a user typed is lost.
    """
    text = raw.strip()
    if text.lower().startswith("tel:"):
        text = text[4:]
    text = text.split(";", 1)[0].strip()  # tel: URI parameters (;ext=...)
    if not text:
        return ""
    if text.startswith("00"):
        text = "+" + text[2:]
    compact = _SEPARATORS.sub("", text)
    if _E164.match(compact):
        # Already international: E.164 is the digits after the plus. Whether such a
        # number can exist is checked by the service's validation (parsing twice per
        # phone was a tenth of a 200,000-row import).
        return compact
    try:
        parsed = phonenumbers.parse(text, None if text.startswith("+") else default_region)
    except phonenumbers.NumberParseException:
        return raw.strip()
    if (
        not text.startswith("+")
        and second_region
        and second_region != default_region
        and not phonenumbers.is_valid_number(parsed)
    ):
        try:
            again = phonenumbers.parse(text, second_region)
        except phonenumbers.NumberParseException:
            again = None
        if again is not None and phonenumbers.is_valid_number(again):
            parsed = again
    if not text.startswith("+") and not phonenumbers.is_valid_number(parsed):
        # A spreadsheet that turned "+79161234567" into the number 79161234567 lost
        # only the plus: try the digits as an international number.
        digits = _JUNK.sub("", text)
        if len(digits) >= 11:
            try:
                again = phonenumbers.parse("+" + digits, None)
            except phonenumbers.NumberParseException:
                again = None
            if again is not None and phonenumbers.is_valid_number(again):
                parsed = again
    if not phonenumbers.is_possible_number(parsed):
        return raw.strip()
    if not text.startswith("+") and not phonenumbers.is_valid_number(parsed):
        # A national number that is no number of the region ("8 926 111-22-33" read in
        # CN would become +86 89261112233): keep the text; the caller decides.
        return raw.strip()
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


_COUNTRY_CODES = frozenset(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)


def spaced(e164: str) -> str:
    """``+86 13800138000``: a space after the country code, nothing else.

    Cheap (no parsing, about 100 times faster than ``international``), so a 200,000-row
    export can afford it. The space is what keeps spreadsheets from reading the cell as
    a number or a formula; numbers that are not E.164 come back unchanged.
    """
    if len(e164) < 4 or e164[0] != "+" or not e164[1:].isdigit():
        return e164
    for size in (1, 2, 3):
        if int(e164[1 : 1 + size]) in _COUNTRY_CODES:
            return f"{e164[: 1 + size]} {e164[1 + size :]}"
    return e164


def international(e164: str) -> str:
    """``+86 138 0013 8000`` for display; the input unchanged when it does not parse."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
