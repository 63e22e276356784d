"""What of each record is searchable: its names (every spelling) and its texts.

An extractor reads attributes by name, so it works on an ORM object and on a Core row
of the same table alike (the bulk rebuild reads rows, the flush listener objects).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from crm_desktop.domain import kinds
from crm_desktop.search.keys import search_keys
from crm_desktop.text.scripts import is_han, is_hangul
from crm_desktop.text.translit import fold

# Kinds in the order the Find anything dialog shows their groups; their codes are stored.
KINDS: tuple[str, ...] = tuple(k.name for k in kinds.searchable())
KIND_CODES: dict[str, int] = {k: i + 1 for i, k in enumerate(KINDS)}
KIND_BY_CODE: dict[int, str] = {v: k for k, v in KIND_CODES.items()}

# doc_id = kind code << 40 | sequence: a kind is one rowid range, which FTS5 and B-trees
# seek into directly, so "contacts only" costs no more than the contacts themselves.
KIND_SHIFT = 40
SHORT_WORD = 2  # the word table keeps the first two letters of each word


def kind_range(kind: str) -> tuple[int, int]:
    code = KIND_CODES[kind]
    return code << KIND_SHIFT, ((code + 1) << KIND_SHIFT) - 1


@dataclass(frozen=True)
class NameField:
    text: str
    surname: bool = False  # a Chinese full name or family name: read 曾 as Zeng


@dataclass(frozen=True)
class Document:
    kind: str
    ref_id: str
    names: str  # every key of every name, one per line, folded
    body: str  # other texts, folded
    words: frozenset[str]  # short prefixes for one- and two-character queries
    # a contact's e-mails (stripped, lower case) and phones (as stored), which the
    # import's duplicate check looks up; empty for the other kinds
    channels: frozenset[str] = frozenset()


def _s(row: Any, attr: str) -> str:
    value = getattr(row, attr, "")
    return value if isinstance(value, str) else ""


def _join(*parts: str, sep: str = " ") -> str:
    return sep.join(p for p in parts if p)


def _values(items: Any) -> list[str]:
    if not isinstance(items, list):
        return []
    return [str(i.get("value", "")) for i in items if isinstance(i, dict)]


def _texts(items: Any) -> list[str]:
    """The text values of a JSON array of {"kind", "value"} objects (no others)."""
    if not isinstance(items, list):
        return []
    return [v for i in items if isinstance(i, dict) and isinstance(v := i.get("value"), str)]


def _native_full(family: str, given: str) -> str:
    """Chinese and Korean full names are written without a space: 王伟, 김민준."""
    if (
        family
        and given
        and (
            (is_han(family[-1]) and is_han(given[0]))
            or (is_hangul(family[-1]) and is_hangul(given[0]))
        )
    ):
        return family + given
    return _join(family, given)


def company_fields(r: Any) -> tuple[list[NameField], list[str]]:
    names = [NameField(_s(r, a)) for a in ("name", "name_native", "name_latin", "name_ru")]
    body = [
        _s(r, a)
        for a in ("city", "industry", "registration_code", "website", "address", "description")
    ]
    return names, body


def contact_channels(r: Any) -> frozenset[str]:
    """The values a contact is found by in ``search_channel``: each e-mail stripped and
    in lower case (as the import's duplicate check compares them), each phone as stored
    (E.164)."""
    emails = (e.strip().lower() for e in _texts(getattr(r, "emails", None)))
    phones = _texts(getattr(r, "phones", None))
    return frozenset(v for v in (*emails, *phones) if v)


# the kinds with channels, how to read them, and the columns they are read from
CHANNELS: dict[str, Callable[[Any], frozenset[str]]] = {"contact": contact_channels}
CHANNEL_COLUMNS: dict[str, tuple[str, ...]] = {"contact": ("emails", "phones")}


def channels_of(kind: str, row: Any) -> frozenset[str]:
    read = CHANNELS.get(kind)
    return read(row) if read is not None else frozenset()


def contact_fields(r: Any) -> tuple[list[NameField], list[str]]:
    fam_n, giv_n = _s(r, "family_name_native"), _s(r, "given_name_native")
    fam_l, giv_l = _s(r, "family_name_latin"), _s(r, "given_name_latin")
    fam_r, giv_r = _s(r, "family_name_ru"), _s(r, "given_name_ru")
    names = [
        NameField(_native_full(fam_n, giv_n), surname=bool(fam_n)),
        NameField(_join(giv_l, fam_l)),
        NameField(_join(fam_l, giv_l)),
        NameField(_join(fam_r, giv_r)),
        NameField(_join(giv_r, fam_r)),
        NameField(_s(r, "display_name")),
    ]
    body = [_s(r, "position"), _s(r, "department"), _s(r, "wechat"), _s(r, "telegram")]
    body += _values(getattr(r, "emails", None)) + _values(getattr(r, "phones", None))
    body.append(_s(r, "notes"))
    return names, body


def project_fields(r: Any) -> tuple[list[NameField], list[str]]:
    names = [NameField(_s(r, "title")), NameField(_s(r, "code_name"))]
    body = [_s(r, a) for a in ("product", "planned_output", "description", "status_reason")]
    return names, body


def meeting_fields(r: Any) -> tuple[list[NameField], list[str]]:
    names = [NameField(_s(r, "title"))]
    body = [_s(r, a) for a in ("place", "interpreter", "agenda", "discussion", "agreements")]
    return names, body


def site_fields(r: Any) -> tuple[list[NameField], list[str]]:
    names = [NameField(_s(r, a)) for a in ("name", "name_en", "name_zh")]
    body = [_s(r, a) for a in ("municipality", "address", "utilities", "description")]
    return names, body


def member_fields(r: Any) -> tuple[list[NameField], list[str]]:
    names = [NameField(_s(r, "name")), NameField(_s(r, "name_latin"))]
    body = [_s(r, a) for a in ("position", "department", "email", "phone")]
    return names, body


FIELDS: dict[str, Callable[[Any], tuple[list[NameField], list[str]]]] = {
    "company": company_fields,
    "contact": contact_fields,
    "project": project_fields,
    "meeting": meeting_fields,
    "site": site_fields,
    "member": member_fields,
}


_HAN_RE = re.compile(
    "[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3\U00020000-\U0003134f]"
)


def short_words(text: str) -> set[str]:
    """Entries of the word table for keys: word prefixes, and every one or two Chinese
    characters or Hangul syllables wherever they stand (a Chinese or Korean name has no
    spaces: 王 must find 大王伟, 张国 张国强, 대 현대)."""
    words = set(text.split())
    out = {w[:SHORT_WORD] for w in words}
    for word in words:
        if _HAN_RE.search(word):
            out.update(
                word[i : i + SHORT_WORD]
                for i, ch in enumerate(word)
                if i and (is_han(ch) or is_hangul(ch))
            )
    return out


def body_text(body: list[str]) -> str:
    """The body text of a record's document, made of its body fields (the second half
    of what FIELDS gives)."""
    return "\n".join(t for t in (fold(b) for b in body) if t)


def build_document(kind: str, row: Any) -> Document:
    names, body = FIELDS[kind](row)
    lines: dict[str, None] = {}  # ordered and without repeats
    for f in dict.fromkeys(names):
        for k in search_keys(f.text, surname=f.surname):
            lines[k.key.text] = None
    names_text = "\n".join(lines)
    return Document(
        kind,
        str(row.id),
        names_text,
        body_text(body),
        frozenset(short_words(names_text)),
        channels_of(kind, row),
    )
