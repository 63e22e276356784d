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

from crm_desktop.text.scripts import has_cyrillic, has_han, has_latin
from crm_desktop.text.translit import cyrillic_to_latin, han_key_texts, latin_to_cyrillic

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
        # the texts of pinyin_key and palladius_key, without their character origins
        texts = han_key_texts(text, surname=surname)
        if texts is not None:
            keys.update(_squash(t) for t in texts)
    if has_cyrillic(text):
        keys.add(_squash(cyrillic_to_latin(text)))
    if has_latin(text):
        keys.update(_squash(v) for v in latin_to_cyrillic(text))
    keys.discard("")
    return frozenset(keys)


NameForm = tuple[str, str]  # (family, given)
FormKeys = tuple[frozenset[str], frozenset[str]]  # (family spellings, given spellings)


def form_keys(forms: Iterable[NameForm]) -> tuple[FormKeys, ...]:
    """Spellings of every form that has both parts: "Wang" alone identifies nobody."""
    return tuple(
        (part_keys(family, True), part_keys(given, False))
        for family, given in forms
        if family.strip() and given.strip()
    )


def same_name(a: tuple[FormKeys, ...], b: tuple[FormKeys, ...]) -> bool:
    """Some form of ``a`` and some form of ``b`` share a family and a given spelling
    (also when one file swapped family and given name)."""
    for fa, ga in a:
        for fb, gb in b:
            if (fa & fb and ga & gb) or (fa & gb and ga & fb):
                return True
    return False


@dataclass
class Candidate:
    id: str
    company_id: str | None
    forms: tuple[NameForm, ...]


class DuplicateIndex:
    """Lookup of existing (and just imported) contacts by id, email, phone and name.

    Names are indexed per company by family-name spelling only (a dozen keys per
    contact); the given names are compared on the few candidates that share one. The
    spelling sets themselves are shared through ``part_keys``' cache.
    """

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.names: dict[str, str] = {}  # id -> display name, for the report
        self.by_email: dict[str, str] = {}
        self.by_phone: dict[str, str] = {}
        self._pending: dict[str | None, list[Candidate]] = {}
        self._by_name: dict[str | None, dict[str, list[str]]] = {}
        self._keys: dict[str, tuple[FormKeys, ...]] = {}
        self._native: dict[str, str] = {}

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
        keys = form_keys(cand.forms)
        if not keys:
            return
        self._keys[cand.id] = keys
        native = _native(cand.forms)
        if native:
            self._native[cand.id] = native
        bucket = self._by_name.setdefault(cand.company_id, {})
        for family, given in keys:
            for k in family | given:  # given too: a file may have swapped the two
                ids = bucket.setdefault(k, [])
                if not ids or ids[-1] != cand.id:
                    ids.append(cand.id)

    def _bucket(self, company_id: str | None) -> dict[str, list[str]]:
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
        if not bucket:
            return None
        forms = tuple(forms)
        mine = form_keys(forms)
        native = _native(forms)
        for family, _given in mine:
            for k in family:
                for cid in bucket.get(k, ()):
                    theirs = self._native.get(cid, "")
                    if native and theirs and native != theirs:
                        continue  # 李娜 and 丽娜 sound alike but are written apart: two people
                    if same_name(mine, self._keys[cid]):
                        return cid, "name"
        return None


def _native(forms: Iterable[NameForm]) -> str:
    """The first form if it is written in Han/Kana/Hangul (the native form comes first)."""
    for family, given in forms:
        text = (family + given).strip()
        if text and has_han(text):
            return "|".join(sorted((_squash(family), _squash(given))))  # order-free
        break
    return ""
