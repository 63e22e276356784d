"""Search keys: every spelling under which a user may look for a name.

The functions here turn a stored name into a handful of folded keys (native text, pinyin
joined and spaced, Palladius Cyrillic, Latin transliteration of Cyrillic, Cyrillic
rendering of Latin, Korean in both) and a query into the few variants worth trying against
those keys. The transliterations themselves are in ``crm_desktop.text.translit``; every
key keeps their ``Mapped.origin``, so a match found in "kaiquan" can highlight 凯泉.

Pure functions, no I/O, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any, TypeGuard

from crm_desktop.text.scripts import has_cyrillic, has_han, has_hangul, has_latin, is_han
from crm_desktop.text.translit import (
    Mapped,
    cyrillic_to_latin,
    cyrillic_to_latin_mapped,
    fold,
    fold_mapped,
    han_mapped,
    han_run_mapped,
    hangul_mapped,
    is_han_run,
    korean_name_mapped,
    latin_to_cyrillic,
    latin_to_cyrillic_mapped,
    palladius_join,
    palladius_key,
    pinyin_key,
    pinyin_syllables,
    segment_pinyin,
    surname_length,
    swap_layout,
)

__all__ = [
    "KeyKind",
    "QueryVariant",
    "Route",
    "SearchKey",
    "iter_search_keys",
    "query_variants",
    "search_keys",
]


class KeyKind(StrEnum):
    NATIVE = "native"
    PINYIN = "pinyin"
    PINYIN_SPACED = "pinyin_spaced"
    PALLADIUS = "palladius"
    PALLADIUS_SPACED = "palladius_spaced"
    LATIN = "latin"  # Cyrillic written in Latin letters
    CYRILLIC = "cyrillic"  # Latin (pinyin or not) written in Cyrillic letters
    JOINED = "joined"  # "Wang Wei" -> "wangwei"
    NAME = "name"  # a Chinese full name as written abroad: 毛泽东 -> "mao zedong", "мао цзэдун"
    KOREAN_LATIN = "korean_latin"  # 현대 -> "hyeondae" (Revised Romanization)
    KOREAN_CYRILLIC = "korean_cyrillic"  # 현대 -> "хендэ" (Kontsevich, folded)


# slots and a written-out init, like Mapped's (see there)
@dataclass(frozen=True, slots=True, init=False)
class SearchKey:
    kind: KeyKind
    key: Mapped

    def __init__(self, kind: KeyKind, key: Mapped) -> None:
        _SET_KIND(self, kind)
        _SET_KEY(self, key)


_SET_KIND: Any = vars(SearchKey)["kind"].__set__
_SET_KEY: Any = vars(SearchKey)["key"].__set__


def search_keys(text: str, *, surname: bool = False) -> tuple[SearchKey, ...]:
    """All folded keys under which ``text`` should be found, no two alike.

    ``surname`` reads a leading Chinese family name as such (曾 -> Zeng, not ceng).
    """
    if not text or not text.strip():
        return ()
    return _search_keys(text, surname)


@lru_cache(maxsize=65536)  # a rebuild meets the same given and family names again and again
def _search_keys(text: str, surname: bool) -> tuple[SearchKey, ...]:
    return tuple(iter_search_keys(text, surname=surname))


def iter_search_keys(text: str, *, surname: bool = False) -> Iterator[SearchKey]:
    """The keys of :func:`search_keys` one by one, each computed only when asked for
    (highlighting stops at the first key that matches)."""
    if not text or not text.strip():
        return
    seen: set[str] = set()
    native = fold_mapped(text)

    def fresh(m: Mapped | None) -> TypeGuard[Mapped]:
        if m is None or not m.text or m.text in seen:
            return False
        seen.add(m.text)
        return True

    if fresh(native):
        yield SearchKey(KeyKind.NATIVE, native)
    if is_han_run(text):
        # nothing but Chinese characters: no Hangul, Cyrillic or Latin letters to render
        # (not even in the compatibility ideographs' decompositions, see test_keys_speed)
        yield from _han_run_keys(text, surname, fresh)
        return
    if has_han(text):
        m = pinyin_key(text, surname=surname)
        if fresh(m):
            yield SearchKey(KeyKind.PINYIN, m)
        m = pinyin_key(text, spaced=True, surname=surname)
        if fresh(m):
            yield SearchKey(KeyKind.PINYIN_SPACED, m)
        m = palladius_key(text, surname=surname)
        if fresh(m):
            yield SearchKey(KeyKind.PALLADIUS, m)
        m = palladius_key(text, spaced=True, surname=surname)
        if fresh(m):
            yield SearchKey(KeyKind.PALLADIUS_SPACED, m)
        if surname:
            family = surname_length(text)
            if 0 < family < len(text) and is_han(text[family]):

                def as_name(pieces: list[str]) -> list[str]:
                    return [(" " + p if k == family else p) for k, p in enumerate(pieces)]

                m = han_mapped(
                    text,
                    lambda syl: as_name([p.replace("ü", "u") for p in syl]),
                    spaced=False,
                    surname=True,
                )
                if fresh(m):
                    yield SearchKey(KeyKind.NAME, m)
                m = han_mapped(
                    text,
                    lambda syl: as_name([p.replace("ъ", "") for p in palladius_join(syl)]),
                    spaced=False,
                    surname=True,
                )
                if fresh(m):
                    yield SearchKey(KeyKind.NAME, m)
    if has_hangul(text):
        m = hangul_mapped(text, cyrillic=False)
        if fresh(m):
            yield SearchKey(KeyKind.KOREAN_LATIN, m)
        m = hangul_mapped(text, cyrillic=True)
        if fresh(m):
            yield SearchKey(KeyKind.KOREAN_CYRILLIC, m)
        if surname:
            for cyr in (False, True):
                m = korean_name_mapped(text, cyr)
                if fresh(m):
                    yield SearchKey(KeyKind.NAME, m)
    if has_cyrillic(text):
        m = cyrillic_to_latin_mapped(text)
        if fresh(m):
            yield SearchKey(KeyKind.LATIN, m)
    if not _RUSSIAN.fullmatch(text) and has_latin(text):
        m = latin_to_cyrillic_mapped(text, pinyin_first=True)
        if fresh(m):
            yield SearchKey(KeyKind.CYRILLIC, m)
        m = latin_to_cyrillic_mapped(text, pinyin_first=False)
        if fresh(m):
            yield SearchKey(KeyKind.CYRILLIC, m)
        words = native.text.split(" ")
        if len(words) > 1 and all(segment_pinyin(w) for w in words):
            idx = [o for ch, o in zip(native.text, native.origin, strict=True) if ch != " "]
            m = Mapped("".join(words), tuple(idx))
            if fresh(m):
                yield SearchKey(KeyKind.JOINED, m)


# Russian letters and spaces: no Latin letter, also not after NFKD (has_latin decomposes
# й and ё, a search in C saves that; test_keys_speed checks every character)
_RUSSIAN = re.compile("[ А-яЁё]*")


def _han_run_keys(
    text: str, surname: bool, fresh: Callable[[Mapped | None], TypeGuard[Mapped]]
) -> Iterator[SearchKey]:
    """The Chinese keys of :func:`iter_search_keys` for a text of Chinese characters only
    (nearly every native name): the same keys, with the syllables read and their pinyin
    and Palladius pieces made once for all six instead of once for each."""
    syllables = pinyin_syllables(text, surname=surname)
    pinyin = [p.replace("ü", "u") for p in syllables]
    m = han_run_mapped(pinyin, spaced=False)
    if fresh(m):
        yield SearchKey(KeyKind.PINYIN, m)
    m = han_run_mapped(pinyin, spaced=True)
    if fresh(m):
        yield SearchKey(KeyKind.PINYIN_SPACED, m)
    pall = [p.replace("ъ", "") for p in palladius_join(syllables)]
    m = han_run_mapped(pall, spaced=False)
    if fresh(m):
        yield SearchKey(KeyKind.PALLADIUS, m)
    m = han_run_mapped(pall, spaced=True)
    if fresh(m):
        yield SearchKey(KeyKind.PALLADIUS_SPACED, m)
    if surname:
        family = surname_length(text)
        if 0 < family < len(text):  # every character is Chinese
            m = han_run_mapped(
                [(" " + p if k == family else p) for k, p in enumerate(pinyin)], spaced=False
            )
            if fresh(m):
                yield SearchKey(KeyKind.NAME, m)
            m = han_run_mapped(
                [(" " + p if k == family else p) for k, p in enumerate(pall)], spaced=False
            )
            if fresh(m):
                yield SearchKey(KeyKind.NAME, m)


class Route(StrEnum):
    """How a query variant was derived; earlier routes rank higher."""

    AS_TYPED = "as typed"
    TRANSLITERATED = "transliterated"
    LAYOUT = "keyboard layout"


@dataclass(frozen=True)
class QueryVariant:
    text: str
    route: Route


def query_variants(query: str) -> list[QueryVariant]:
    """The folded forms of a query worth trying against the keys, best first.

    The keys already hold pinyin, Palladius and transliterations of every record, so the
    query needs only: itself; its Cyrillic/Latin rendering (a Russian record found by
    "Yesipovo", a Chinese record written only in Russian found by "Kaiquan"); and itself
    as typed on the other keyboard layout.
    """
    out: list[QueryVariant] = []
    seen: set[str] = set()

    def put(text: str | None, route: Route) -> None:
        if text and text not in seen:
            seen.add(text)
            out.append(QueryVariant(text, route))

    q = fold(query)
    put(q, Route.AS_TYPED)
    if not q:
        return out
    if has_latin(q) and not has_cyrillic(q):
        for v in latin_to_cyrillic(q):
            put(v, Route.TRANSLITERATED)
        # pinyin typed word by word finds a name whose key runs it together: "kaiyuan
        # bengye" is in "kaiyuanbengyejituan..."
        words = q.split()
        if len(words) > 1 and all(segment_pinyin(w) for w in words):
            put("".join(words), Route.TRANSLITERATED)
        # "lv" and "nv" are how pinyin keyboards type lü and nü
        if "v" in q and all(segment_pinyin(w) for w in q.split()):
            put(q.replace("v", "u"), Route.TRANSLITERATED)
    elif has_cyrillic(q) and not has_latin(q):
        put(cyrillic_to_latin(q), Route.TRANSLITERATED)
    swapped = swap_layout(query.strip())
    if swapped is not None:
        put(fold(swapped), Route.LAYOUT)
    return out
