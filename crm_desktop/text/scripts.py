"""Which script a text is written in: the one place that knows the Unicode ranges.

Import readers decide which form of a name a field holds (``script_of``), the search keys
which transliterations to build (``has_han``, ``has_cyrillic``...), vCards which language
a native name is in (``language_tag``) and display names whether to put a space between
family and given name (``is_cjk``).
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from functools import cache

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3  # precomposed Hangul syllables


class Script(StrEnum):
    NONE = ""
    LATIN = "latin"
    CYRILLIC = "cyrillic"
    NATIVE = "native"  # anything else: Han, Kana, Hangul, Arabic, Thai...


def script_of(text: str) -> Script:
    """The script of the majority of letters in ``text``."""
    latin = cyrillic = other = 0
    for ch in text:
        if not ch.isalpha():
            continue
        cp = ord(ch)
        if cp < 0x250 or 0x1E00 <= cp <= 0x1EFF:
            latin += 1
        elif 0x400 <= cp <= 0x52F:
            cyrillic += 1
        else:
            other += 1
    if other and other >= max(latin, cyrillic):
        return Script.NATIVE
    if cyrillic and cyrillic >= latin:
        return Script.CYRILLIC
    if latin:
        return Script.LATIN
    return Script.NONE


def is_han(ch: str) -> bool:
    """A Chinese character (CJK unified ideographs, their extensions, compatibility, 〇)."""
    cp = ord(ch)
    if cp < 0x3400:
        return cp == 0x3007  # 〇
    return (
        cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3134F
    )


# The ranges of is_han, is_cyrillic and is_hangul as character classes: one search in C
# instead of a Python call per character (the search keys ask these of every name).
_HAN_RE = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_HANGUL_RE = re.compile(f"[{chr(HANGUL_FIRST)}-{chr(HANGUL_LAST)}]")
_ASCII_LETTER_RE = re.compile("[A-Za-z]")


def has_han(text: str) -> bool:
    return _HAN_RE.search(text) is not None


def is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC_RE.search(text) is not None


def has_latin(text: str) -> bool:
    """An ASCII letter, also one decomposed from an accented letter (é, ü)."""
    if _ASCII_LETTER_RE.search(text) is not None:
        return True
    return not text.isascii() and (
        _ASCII_LETTER_RE.search(unicodedata.normalize("NFKD", text)) is not None
    )


def is_hangul(ch: str) -> bool:
    return HANGUL_FIRST <= ord(ch) <= HANGUL_LAST


def has_hangul(text: str) -> bool:
    return _HANGUL_RE.search(text) is not None


@cache
def _is_cjk_char(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))


def is_cjk(text: str) -> bool:
    """Any Chinese, Japanese or Korean character in ``text``."""
    # No character below U+1100 (Hangul Jamo) is CJK: Latin and Cyrillic names stop here,
    # in C, which matters on a 200,000-contact export.
    if not text or max(text) < "\u1100":
        return False
    return any(map(_is_cjk_char, text))


def language_tag(text: str) -> str:
    """A BCP 47 language for a native-script name (used in vCard 4.0 LANGUAGE=)."""
    for ch in text:
        name = unicodedata.name(ch, "")
        if name.startswith(("HIRAGANA", "KATAKANA")):
            return "ja"
        if name.startswith("HANGUL"):
            return "ko"
    for ch in text:
        if unicodedata.name(ch, "").startswith("CJK"):
            return "zh"
    return ""
