"""Is an incoming contact someone we already have?

Three signals, cheapest first: the same id (our own export coming back), the same email
(case-insensitive), the same phone in E.164, and finally the same name across scripts
at the same company: 张伟, "Zhang Wei", "Wei Zhang" and "Чжан Вэй" are one name.
Name keys come from the search module's transliterations (pinyin, Palladius, Latin <->
Cyrillic) and are computed lazily, per company, only for rows the cheap signals missed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from crm_desktop.search.keys import (
    cyrillic_to_latin,
    has_cyrillic,
    has_han,
    has_latin,
    latin_to_cyrillic,
    palladius_key,
    pinyin_key,
)

_STRIP = re.compile(r"[\s\-‐'’.·•]+")


def _squash(text: str) -> str:
    return _STRIP.sub("", text.casefold()).replace("ё", "е")


@lru_cache(maxsize=200_000)
def part_keys(text: str, surname: bool) -> frozenset[str]:
    """Every spelling of one name part: itself, pinyin, Palladius, transliterations."""
    text = text.strip()
    if not text:
        return frozenset()
    keys = {_squash(text)}
    if has_han(text):
        for make in (pinyin_key, palladius_key):
            m = make(text, surname=surname)
            if m is not None:
                keys.add(_squash(m.text))
    if has_cyrillic(text):
        keys.add(_squash(cyrillic_to_latin(text)))
    if has_latin(text):
        keys.update(_squash(v) for v in latin_to_cyrillic(text))
    keys.discard("")
    return frozenset(keys)


NameForm = tuple[str, str]  # (family, given)


def name_pairs(forms: Iterable[NameForm]) -> frozenset[tuple[str, str]]:
    """(family key, given key) pairs of every form; two names match if they share one.
    Forms with only one part are not used: "Wang" alone identifies nobody."""
    pairs: set[tuple[str, str]] = set()
    for family, given in forms:
        if not family.strip() or not given.strip():
            continue
        fk = part_keys(family, True)
        gk = part_keys(given, False)
        pairs.update(product(fk, gk))
        pairs.update(product(gk, fk))  # a file that swapped family and given name
    return frozenset(pairs)


@dataclass
class Candidate:
    id: str
    company_id: str | None
    forms: tuple[NameForm, ...]


class DuplicateIndex:
    """Lookup of existing (and just imported) contacts by id, email, phone and name."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.names: dict[str, str] = {}  # id -> display name, for the report
        self.by_email: dict[str, str] = {}
        self.by_phone: dict[str, str] = {}
        self._pending: dict[str | None, list[Candidate]] = {}
        self._by_name: dict[str | None, dict[tuple[str, str], str]] = {}

    def add(
        self,
        id: str,
        company_id: str | None,
        emails: Iterable[str],
        phones: Iterable[str],
        forms: Iterable[NameForm],
        display: str = "",
    ) -> None:
        self.ids.add(id)
        self.names[id] = display
        for e in emails:
            self.by_email.setdefault(e.strip().lower(), id)
        for p in phones:
            if p:
                self.by_phone.setdefault(p, id)
        cand = Candidate(id, company_id, tuple(forms))
        if company_id in self._by_name:
            self._index(cand)
        else:
            self._pending.setdefault(company_id, []).append(cand)

    def _index(self, cand: Candidate) -> None:
        bucket = self._by_name.setdefault(cand.company_id, {})
        for pair in name_pairs(cand.forms):
            bucket.setdefault(pair, cand.id)

    def _bucket(self, company_id: str | None) -> dict[tuple[str, str], str]:
        if company_id not in self._by_name:
            self._by_name[company_id] = {}
            for cand in self._pending.pop(company_id, []):
                self._index(cand)
        return self._by_name[company_id]

    def find(
        self,
        uid: str,
        company_id: str | None,
        emails: Iterable[str],
        phones: Iterable[str],
        forms: Iterable[NameForm],
    ) -> tuple[str, str] | None:
        """(existing id, what matched: "id" | "email" | "phone" | "name") or None."""
        if uid and uid in self.ids:
            return uid, "id"
        for e in emails:
            hit = self.by_email.get(e.strip().lower())
            if hit:
                return hit, "email"
        for p in phones:
            hit = self.by_phone.get(p)
            if hit:
                return hit, "phone"
        bucket = self._bucket(company_id)
        if bucket:
            for pair in name_pairs(forms):
                hit = bucket.get(pair)
                if hit:
                    return hit, "name"
        return None
