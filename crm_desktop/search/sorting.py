"""Sort keys: the order people expect names in, as one stored string SQL can sort by.

A Chinese name sorts by its pinyin, family name first and read as a family name (曾国强
is "zeng guoqiang", under Z beside Zhukov), a Korean one by its romanization; Russian
by the Russian alphabet with ё as е (Ёлкин between Егоров and Ершов); case, accents and
quotes do not count.  The keys compare in code-point order, which is the same on SQLite
and on PostgreSQL (the column is COLLATE "C" there): Latin letters (and so pinyin) first,
then Cyrillic.

Kept in step by the search index's flush hook (:mod:`crm_desktop.search.index`), which
also fills them when the index is rebuilt.
"""

from __future__ import annotations

from typing import Any

from crm_desktop.text.scripts import has_han, has_hangul, is_han
from crm_desktop.text.translit import fold, pinyin_syllables, romanize_korean

SORT_KEY_LENGTH = 300


def _spelled(text: str, *, surname: bool) -> str:
    """Chinese characters as pinyin words, Hangul romanized, the rest folded."""
    if has_hangul(text):
        text = romanize_korean(text)
    if not has_han(text):
        return fold(text)
    out: list[str] = []
    i, n, first = 0, len(text), True
    while i < n:
        if not is_han(text[i]):
            j = i
            while j < n and not is_han(text[j]):
                j += 1
            out.append(fold(text[i:j]))
        else:
            j = i
            while j < n and is_han(text[j]):
                j += 1
            out.append("".join(pinyin_syllables(text[i:j], surname=surname and first)))
            first = False
        i = j
    return " ".join(p for p in out if p)


def name_sort_key(text: str) -> str:
    """The key of a company's (or any record's) name: 厦门金龙 -> "xiamenjinlong"."""
    return _spelled(text or "", surname=False)[:SORT_KEY_LENGTH]


def person_sort_key(
    family_native: str,
    given_native: str,
    display_name: str,
    *,
    latin: tuple[str, str] = ("", ""),
    russian: tuple[str, str] = ("", ""),
) -> str:
    """A person's key, family name first, in the script the list shows the name in: a
    Chinese name by its pinyin (曾 read as Zeng), then the Latin form (Zhukov Ivan), then
    the Russian one (Ёлкин Пётр as елкин петр)."""
    if family_native and has_han(family_native):
        family = "".join(pinyin_syllables(family_native.strip(), surname=True))
        given = _spelled(given_native or "", surname=False).replace(" ", "")
        key = " ".join(p for p in (family, given) if p)
    elif family_native or given_native:
        key = _spelled(f"{family_native} {given_native}", surname=True)
    elif any(latin):
        key = fold(f"{latin[0]} {latin[1]}")
    elif any(russian):
        key = fold(f"{russian[0]} {russian[1]}")
    else:
        key = _spelled(display_name or "", surname=True)
    return key[:SORT_KEY_LENGTH]


def sort_key_of(kind: str, row: Any) -> str | None:
    """The sort key of a company or contact (ORM object or Core row); None for kinds
    without one."""

    def get(attr: str) -> str:
        value = getattr(row, attr, "")
        return value if isinstance(value, str) else ""

    if kind == "company":
        return name_sort_key(get("name"))
    if kind == "contact":
        return person_sort_key(
            get("family_name_native"),
            get("given_name_native"),
            get("display_name"),
            latin=(get("family_name_latin"), get("given_name_latin")),
            russian=(get("family_name_ru"), get("given_name_ru")),
        )
    return None
