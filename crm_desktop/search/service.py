"""Find anything: the Qt-free search the Ctrl+K dialog, the list filters and the CLI call.

A query is folded and expanded into its variants (as typed, transliterated, as if typed
on the other keyboard layout); each variant is looked up per record kind, as a substring
of the name keys (FTS5 trigram on SQLite, LIKE elsewhere), or, when it is one or two
characters long, as a word prefix in the short-word table.  Candidates are ranked, loaded
and returned grouped by kind, with the spans of the displayed text that matched.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, select, text
from sqlalchemy.orm import Session, joinedload, lazyload

from crm_desktop.domain.models import Contact, Meeting, Project
from crm_desktop.search.documents import (
    FIELDS,
    KIND_CODES,
    KINDS,
    SHORT_WORD,
    kind_range,
)
from crm_desktop.search.index import MODELS, has_fts5
from crm_desktop.search.keys import (
    KeyKind,
    QueryVariant,
    Route,
    SearchKey,
    query_variants,
    search_keys,
)
from crm_desktop.text.scripts import is_han
from crm_desktop.text.translit import fold, fold_mapped, pinyin_syllables

GROUP_LABELS: dict[str, str] = {
    "company": "Companies",
    "contact": "Contacts",
    "project": "Projects",
    "meeting": "Meetings",
    "site": "Sites",
    "member": "Our team",
}
# Only what a hit displays: the default eager loads (tags, participants) cost more than
# the search itself.
_LOAD_OPTIONS: dict[str, tuple[Any, ...]] = {
    "company": (lazyload("*"),),
    "contact": (lazyload("*"), joinedload(Contact.company).lazyload("*")),
    "project": (
        lazyload("*"),
        joinedload(Project.company).lazyload("*"),
        joinedload(Project.stage).lazyload("*"),
    ),
    "meeting": (lazyload("*"), joinedload(Meeting.company).lazyload("*")),
    "site": (lazyload("*"),),
    "member": (lazyload("*"),),
}
_ROUTE_RANK = {Route.AS_TYPED: 0, Route.TRANSLITERATED: 1, Route.LAYOUT: 2}


@dataclass(frozen=True)
class Highlighted:
    """A text to display and the [start, end) ranges of it that matched the query."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class SearchHit:
    kind: str  # company, contact, project, meeting, site, member
    id: str
    title: Highlighted
    subtitle: str  # context: company and position, date, municipality...
    detail: Highlighted | None  # the other field that matched, when it is not the title
    route: Route  # how the query reached it: as typed, transliterated, keyboard layout
    # the name in Chinese characters (or Hangul, kana) when the title is another one
    native: Highlighted | None = None
    # the spelling the query matched when it is not the text as written: "Wang Jianguo"
    # for "wang" on 王建国, "Kaiyuanbengye…" for "kaiyuan" on 凯源泵业
    spelling: Highlighted | None = None
    tier: int = 6  # how well it matched, see _name_tier: 0 the whole name ... 6 a text


@dataclass(frozen=True)
class SearchGroup:
    kind: str
    label: str
    hits: tuple[SearchHit, ...]
    more: bool  # there are more matches than shown


@dataclass(frozen=True)
class SearchResults:
    query: str
    groups: tuple[SearchGroup, ...]
    elapsed_ms: float = 0.0
    variants: tuple[QueryVariant, ...] = field(default=())

    @property
    def hits(self) -> list[SearchHit]:
        return [h for g in self.groups for h in g.hits]

    def ids(self, kind: str) -> list[str]:
        return [h.id for g in self.groups if g.kind == kind for h in g.hits]


@dataclass
class _Candidate:
    doc_id: int
    route: Route
    in_names: bool
    order: int


_DOCS = text("SELECT doc_id, ref_id, names FROM search_doc WHERE doc_id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_REFS = text("SELECT doc_id, ref_id FROM search_doc WHERE doc_id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)


def _refs(conn: Connection, doc_ids: list[int]) -> dict[int, str]:
    return {d: r for d, r in conn.execute(_REFS, {"ids": doc_ids})}


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts_phrase(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def _upper_bound(prefix: str) -> str:
    return prefix + "\U0010ffff"


class SearchService:
    """Search over the index; takes the session factory like every other service."""

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory

    # -- public -----------------------------------------------------------------------
    @staticmethod
    def warm_up() -> None:
        """Load the pinyin dictionaries (about half a second, once per process) so the
        first Chinese name saved or highlighted does not wait for them; call it from a
        worker thread once the window is up."""
        pinyin_syllables("凯泉泵业")

    def search(
        self,
        query: str,
        *,
        kinds: Iterable[str] | None = None,
        limit: int = 8,
    ) -> SearchResults:
        """Results grouped by kind, ``limit`` per kind, best first."""
        started = time.perf_counter()
        variants = tuple(query_variants(query))
        wanted = [k for k in KINDS if kinds is None or k in set(kinds)]
        groups: list[SearchGroup] = []
        if variants:
            with self._session_factory() as s:
                conn = s.connection()
                for kind in wanted:
                    found, more = self._candidates(conn, kind, variants, limit)
                    if not found:
                        continue
                    hits, shown_all = self._hits(s, kind, found, variants, limit)
                    if hits:
                        more = more or not shown_all
                        groups.append(SearchGroup(kind, GROUP_LABELS[kind], tuple(hits), more))
        # The kind with the best match comes first: "ван" shows the person Ван Цзяньго
        # before a company whose description says "насосное оборудование".
        groups.sort(
            key=lambda g: (
                min((h.tier, _ROUTE_RANK[h.route]) for h in g.hits),
                KINDS.index(g.kind),
            )
        )
        elapsed = (time.perf_counter() - started) * 1000
        return SearchResults(query, tuple(groups), elapsed, variants)

    def matching_ids(self, kind: str, query: str, limit: int = 10_000) -> list[str]:
        """Ids of records of one kind that the query finds (a list's quick filter)."""
        variants = tuple(query_variants(query))
        if not variants:
            return []
        with self._session_factory() as s:
            conn = s.connection()
            found, _ = self._candidates(conn, kind, variants, limit, rank=False)
            if not found:
                return []
            ids = [c.doc_id for c in found]
            refs = _refs(conn, ids)
            return [refs[i] for i in ids if i in refs]

    # -- candidates ---------------------------------------------------------------------
    def _candidates(
        self,
        conn: Connection,
        kind: str,
        variants: tuple[QueryVariant, ...],
        limit: int,
        rank: bool = True,
    ) -> tuple[list[_Candidate], bool]:
        # Fetch a few more than shown so ranking has something to choose from.
        fetch = limit * 3 if rank else limit
        found: dict[int, _Candidate] = {}
        more = False
        lo, hi = kind_range(kind)
        for v in variants:
            if len(found) >= fetch:
                break  # later variants rank lower; what they find would not be shown
            if len(v.text) < 3:
                matches = self._short(conn, kind, v.text, fetch + 1)
            else:
                # names and texts in one lookup; which of them matched is read from the
                # stored keys when ranking
                matches = self._substring(conn, v.text, lo, hi, fetch + 1)
            if len(matches) > fetch:
                more = True
            for doc_id in matches:
                if doc_id not in found:
                    found[doc_id] = _Candidate(doc_id, v.route, len(v.text) < 3, len(found))
        cands = list(found.values())
        if len(cands) > fetch:
            more = True
        return cands, more

    def _short(self, conn: Connection, kind: str, prefix: str, n: int) -> list[int]:
        # In index order, so the scan stops after n rows however common the prefix is.
        if has_fts5(conn):
            rows = conn.exec_driver_sql(
                "SELECT doc_id FROM search_word WHERE kind = ? AND word >= ? AND word < ? "
                "ORDER BY word, doc_id LIMIT ?",
                (KIND_CODES[kind], prefix[:SHORT_WORD], _upper_bound(prefix), n * 2),
            )
            return list(dict.fromkeys(r[0] for r in rows))[:n]
        rows = conn.execute(
            text(
                "SELECT doc_id FROM search_word WHERE kind = :k AND word >= :a "
                "AND word < :b ORDER BY word, doc_id LIMIT :n"
            ),
            {
                "k": KIND_CODES[kind],
                "a": prefix[:SHORT_WORD],
                "b": _upper_bound(prefix),
                "n": n * 2,
            },
        )
        return list(dict.fromkeys(r[0] for r in rows))[:n]

    def _substring(self, conn: Connection, needle: str, lo: int, hi: int, n: int) -> list[int]:
        if has_fts5(conn):
            # straight to the driver: this runs a few dozen times a keystroke
            rows = conn.exec_driver_sql(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH ? "
                "AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?",
                (_fts_phrase(needle), lo, hi, n),
            )
        else:
            rows = conn.execute(
                text(
                    "SELECT doc_id FROM search_doc WHERE doc_id BETWEEN :lo AND :hi "
                    "AND (names LIKE :q ESCAPE '\\' OR body LIKE :q ESCAPE '\\') "
                    "ORDER BY doc_id LIMIT :n"
                ),
                {"q": f"%{_escape_like(needle)}%", "lo": lo, "hi": hi, "n": n},
            )
        return [r[0] for r in rows]

    # -- hits ---------------------------------------------------------------------------
    def _hits(
        self,
        s: Session,
        kind: str,
        found: list[_Candidate],
        variants: tuple[QueryVariant, ...],
        limit: int,
    ) -> tuple[list[SearchHit], bool]:
        """The best ``limit`` hits, and whether that is all of the candidates.

        Ranking reads the stored keys (cheap); only the records shown are loaded and
        highlighted.
        """
        by_doc = {c.doc_id: c for c in found}
        docs = s.connection().execute(_DOCS, {"ids": list(by_doc)}).all()
        tiers = {doc_id: _name_tier(names, variants) for doc_id, _ref, names in docs}
        ranked = sorted(
            docs,
            key=lambda d: (
                tiers[d[0]],
                _ROUTE_RANK[by_doc[d[0]].route],
                len(d[2].partition("\n")[0]),
                by_doc[d[0]].order,
            ),
        )
        top = ranked[:limit]
        model = MODELS[kind]
        refs = [d[1] for d in top]
        rows: dict[str, Any] = {
            r.id: r
            for r in s.scalars(
                select(model)
                # by primary key only: "deleted_at IS NULL" tempts SQLite into scanning
                # its index of every live row; the index holds no tombstones anyway
                .where(model.id.in_(refs))
                .options(*_LOAD_OPTIONS[kind])
            ).unique()
        }
        hits = []
        for doc_id, ref, _names in top:
            row = rows.get(ref)
            if row is None or row.deleted_at is not None:
                continue
            shown = _highlight(kind, row, variants)
            route = by_doc[doc_id].route
            hits.append(
                SearchHit(
                    kind,
                    ref,
                    shown.title,
                    _subtitle(kind, row),
                    shown.detail,
                    route,
                    native=shown.native,
                    spelling=shown.spelling,
                    tier=tiers[doc_id],
                )
            )
        return hits, len(docs) <= limit


def _name_tier(names: str, variants: tuple[QueryVariant, ...]) -> int:
    """How well the query matches a record's name keys (one per line), best first:
    0 a whole name; 1 its first word or words (a family name: "wang" on "wang jianguo");
    2 other whole words; 3 the start of a name; 4 the start of a word; 5 inside a word;
    6 none of its names (only its texts)."""
    best = 6
    for line in names.split("\n"):
        for v in variants:
            t = v.text
            pos = line.find(t)
            if pos < 0:
                continue
            if line == t:
                return 0
            padded = f" {line} "
            whole = padded.find(f" {t} ")
            if whole == 0:
                tier = 1
            elif whole > 0:
                tier = 2
            elif pos == 0:
                tier = 3
            elif (" " + t) in line:
                tier = 4
            else:
                tier = 5
            best = min(best, tier)
    return best


# --------------------------------------------------------------------------- display


def _title(kind: str, row: Any) -> str:
    if kind == "contact":
        return str(row.display_name or row.name_latin or row.name_ru)
    if kind in ("project", "meeting"):
        return str(row.title)
    return str(row.name)


def _native(kind: str, row: Any) -> str:
    """The name in its own script (汉字, Hangul, kana), as the card shows it."""
    if kind == "company":
        return row.name_native or ""
    if kind == "contact":
        fam, giv = row.family_name_native or "", row.given_name_native or ""
        if fam and giv and is_han(fam[-1]) and is_han(giv[0]):
            return fam + giv
        return " ".join(p for p in (fam, giv) if p)
    if kind == "site":
        return row.name_zh or ""
    return ""


def _subtitle(kind: str, row: Any) -> str:
    parts: list[str] = []
    if kind == "company":
        parts = [row.name_ru or row.name_latin, row.city, row.industry]
    elif kind == "contact":
        other = row.name_ru if row.display_name != row.name_ru else row.name_latin
        company = row.company.name if row.company is not None else ""
        parts = [other, row.position, company]
    elif kind == "project":
        parts = [row.company.name if row.company else "", row.stage.name_ru if row.stage else ""]
    elif kind == "meeting":
        when = row.local_start.strftime("%Y-%m-%d %H:%M") if row.starts_at else ""
        parts = [when, row.company.name if row.company else "", row.place]
    elif kind == "site":
        parts = [row.name_en, row.municipality]
    elif kind == "member":
        parts = [row.position, row.department]
    return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class _KeyMatch:
    span: tuple[int, int] | None  # in the source text
    quality: int  # 0 = the key starts with it, 1 = a word does, 2 = somewhere inside
    key: SearchKey | None = None
    at: tuple[int, int] = (0, 0)  # in the key


def _find_in(text_: str, variants: tuple[QueryVariant, ...], surname: bool) -> _KeyMatch:
    """Where in ``text_`` one of the variants matches one of its keys, and how well."""
    best = _KeyMatch(None, 9)
    best_rank = (9, 9)
    if not text_:
        return best
    for k in search_keys(text_, surname=surname):  # cached: the same names come back
        key = k.key.text
        for v in variants:
            pos = key.find(v.text)
            if pos < 0:
                continue
            quality = 0 if pos == 0 else (1 if key[pos - 1] == " " else 2)
            # of equally good matches, the spelling people write: a name as written
            # abroad ("Wang Jianguo") before pinyin run together
            rank = (quality, _KEY_PREFERENCE.get(k.kind, 2))
            if rank < best_rank:
                span = k.key.source_span(pos, pos + len(v.text))
                best = _KeyMatch(span, quality, k, (pos, pos + len(v.text)))
                best_rank = rank
        if best_rank == (0, 0):
            break
    return best


_KEY_PREFERENCE = {
    KeyKind.NATIVE: 0,
    KeyKind.NAME: 0,
    KeyKind.PINYIN_SPACED: 1,
    KeyKind.PALLADIUS_SPACED: 1,
}


def _spelling(kind: str, match: _KeyMatch) -> Highlighted | None:
    """The key of a name that matched, for display ("Wang Jianguo"), when it is not the
    name as written.  (Titles of projects and meetings are sentences, not names: their
    highlighted title says enough.)"""
    if match.key is None or match.key.kind == KeyKind.NATIVE or kind in ("project", "meeting"):
        return None
    words = match.key.key.text.split(" ")
    shown = " ".join(w[:1].upper() + w[1:] for w in words)
    if len(shown) != len(match.key.key.text):  # a letter that changes length upper-cased
        shown = match.key.key.text
    return Highlighted(shown, (match.at,))


def _find_folded(text_: str, variants: tuple[QueryVariant, ...]) -> tuple[int, int] | None:
    m = fold_mapped(text_)
    for v in variants:
        pos = m.text.find(v.text)
        if pos >= 0:
            return m.source_span(pos, pos + len(v.text))
    return None


@dataclass(frozen=True)
class _Shown:
    title: Highlighted
    detail: Highlighted | None = None
    native: Highlighted | None = None
    spelling: Highlighted | None = None


def _highlight(kind: str, row: Any, variants: tuple[QueryVariant, ...]) -> _Shown:
    title = _title(kind, row)
    native = _native(kind, row)
    if native == title:
        native = ""
    plain_native = Highlighted(native) if native else None
    span = _find_folded(title, variants)  # most matches are in the text as written
    if span is not None:
        return _Shown(Highlighted(title, (span,)), native=plain_native)
    if native:
        span = _find_folded(native, variants)
        if span is not None:
            return _Shown(Highlighted(title), native=Highlighted(native, (span,)))
    found = _find_in(title, variants, surname=kind == "contact")
    if found.span is not None:
        return _Shown(
            Highlighted(title, (found.span,)), native=plain_native, spelling=_spelling(kind, found)
        )
    names, body = FIELDS[kind](row)
    for f in names:
        if not f.text or f.text == title:
            continue
        found = _find_in(f.text, variants, f.surname)
        if found.span is None:
            continue
        if f.text == native:  # matched through the native name's pinyin, Palladius...
            return _Shown(
                Highlighted(title),
                native=Highlighted(native, (found.span,)),
                spelling=_spelling(kind, found),
            )
        return _Shown(
            Highlighted(title),
            Highlighted(f.text, (found.span,)),
            native=plain_native,
            spelling=_spelling(kind, found),
        )
    for b in body:
        folded = fold(b)
        for v in variants:
            if v.text in folded:
                return _Shown(Highlighted(title), _snippet(b, v.text), native=plain_native)
    return _Shown(Highlighted(title), native=plain_native)


def _snippet(text_: str, needle: str, width: int = 80) -> Highlighted:
    m = fold_mapped(text_)
    pos = m.text.find(needle)
    span = m.source_span(pos, pos + len(needle)) if pos >= 0 else None
    if span is None:
        return Highlighted(text_[:width])
    a = max(0, span[0] - width // 3)
    b = min(len(text_), a + width)
    prefix = "…" if a > 0 else ""
    suffix = "…" if b < len(text_) else ""
    shown = prefix + text_[a:b].replace("\n", " ") + suffix
    off = len(prefix) - a
    return Highlighted(shown, ((span[0] + off, min(span[1], b) + off),))


__all__ = [
    "GROUP_LABELS",
    "Highlighted",
    "SearchGroup",
    "SearchHit",
    "SearchResults",
    "SearchService",
]
