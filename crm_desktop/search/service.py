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
    QueryVariant,
    Route,
    fold,
    fold_mapped,
    iter_search_keys,
    pinyin_syllables,
    query_variants,
)

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
        for doc_id, _ref, names in docs:
            c = by_doc[doc_id]
            c.in_names = c.in_names or any(v.text in names for v in variants)
        ranked = sorted(
            docs,
            key=lambda d: (
                _ROUTE_RANK[by_doc[d[0]].route],
                0 if by_doc[d[0]].in_names else 1,
                _key_quality(d[2], variants),
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
            title, detail = _highlight(kind, row, variants)
            route = by_doc[doc_id].route
            hits.append(SearchHit(kind, ref, title, _subtitle(kind, row), detail, route))
        return hits, len(docs) <= limit


def _key_quality(names: str, variants: tuple[QueryVariant, ...]) -> int:
    """0: a key starts with the query, 1: a word does, 2: it is inside a word."""
    best = 2
    for v in variants:
        t = v.text
        if names.startswith(t) or ("\n" + t) in names:
            return 0
        if (" " + t) in names:
            best = 1
    return best


# --------------------------------------------------------------------------- display


def _title(kind: str, row: Any) -> str:
    if kind == "contact":
        return row.display_name or row.name_latin or row.name_ru
    if kind in ("project", "meeting"):
        return row.title
    return row.name


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


def _find_in(
    text_: str, variants: tuple[QueryVariant, ...], surname: bool
) -> tuple[tuple[int, int] | None, int]:
    """The source span of ``text_`` one of the variants matches, and how well (0 = the
    key starts with it, 1 = a word does, 2 = somewhere inside)."""
    if not text_:
        return None, 9
    best: tuple[tuple[int, int] | None, int] = (None, 9)
    for k in iter_search_keys(text_, surname=surname):
        key = k.key.text
        for v in variants:
            pos = key.find(v.text)
            if pos < 0:
                continue
            quality = 0 if pos == 0 else (1 if key[pos - 1] == " " else 2)
            if quality < best[1]:
                span = k.key.source_span(pos, pos + len(v.text))
                best = (span, quality)
        if best[0] is not None:
            return best  # the first key that matches is the most natural one to show
    return best


def _find_folded(text_: str, variants: tuple[QueryVariant, ...]) -> tuple[int, int] | None:
    m = fold_mapped(text_)
    for v in variants:
        pos = m.text.find(v.text)
        if pos >= 0:
            return m.source_span(pos, pos + len(v.text))
    return None


def _highlight(
    kind: str, row: Any, variants: tuple[QueryVariant, ...]
) -> tuple[Highlighted, Highlighted | None]:
    title = _title(kind, row)
    span = _find_folded(title, variants)  # most matches are in the text as written
    if span is not None:
        return Highlighted(title, (span,)), None
    span, _ = _find_in(title, variants, surname=kind == "contact")
    if span is not None:
        return Highlighted(title, (span,)), None
    names, body = FIELDS[kind](row)
    for f in names:
        if not f.text or f.text == title:
            continue
        span, _ = _find_in(f.text, variants, f.surname)
        if span is not None:
            return Highlighted(title), Highlighted(f.text, (span,))
    for b in body:
        folded = fold(b)
        for v in variants:
            if v.text in folded:
                return Highlighted(title), _snippet(b, v.text)
    return Highlighted(title), None


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
