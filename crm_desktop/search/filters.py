"""The lists' quick filters through the search keys: "Кайцюань" filters the companies list
down to 凯泉 just as Find anything does.

:func:`text_index_for` gives the composition root a function the domain services call
with (entity, id column, typed text); it returns a SQL condition on the id column that
composes with the list's other filters, its sorting and its paging, or None for an
entity the index does not cover.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, String, bindparam, text

from crm_desktop.search.documents import KIND_CODES, SHORT_WORD, kind_range
from crm_desktop.search.keys import query_variants

TextIndex = Callable[[str, Any, str], Any]


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def id_clause(kind: str, id_column: Any, query: str, *, fts: bool) -> Any:
    """``id_column IN (ids of records of this kind that the query finds)``."""
    if kind not in KIND_CODES:
        return None
    variants = query_variants(query)
    if not variants:
        return None
    lo, hi = kind_range(kind)
    parts: list[str] = []
    params: dict[str, Any] = {"k": KIND_CODES[kind], "lo": lo, "hi": hi}
    for n, v in enumerate(variants):
        if len(v.text) < 3:
            parts.append(
                f"SELECT doc_id FROM search_word WHERE kind = :k AND word >= :a{n} AND word < :b{n}"
            )
            params[f"a{n}"] = v.text[:SHORT_WORD]
            params[f"b{n}"] = v.text + "\U0010ffff"
        elif fts:
            parts.append(
                f"SELECT rowid FROM search_fts WHERE search_fts MATCH :q{n} "
                "AND rowid BETWEEN :lo AND :hi"
            )
            params[f"q{n}"] = '"' + v.text.replace('"', '""') + '"'
        else:
            parts.append(
                f"SELECT doc_id FROM search_doc WHERE doc_id BETWEEN :lo AND :hi "
                f"AND (names LIKE :q{n} ESCAPE '\\' OR body LIKE :q{n} ESCAPE '\\')"
            )
            params[f"q{n}"] = f"%{_escape_like(v.text)}%"
    sql = "SELECT ref_id FROM search_doc WHERE doc_id IN (" + " UNION ".join(parts) + ")"
    ids = (
        text(sql)
        .bindparams(*(bindparam(k, value=v) for k, v in params.items() if f":{k}" in sql))
        .columns(ref_id=String)
    )
    return id_column.in_(ids)


def text_index_for(engine: Engine) -> TextIndex:
    """The quick-filter function for this database (FTS5 on SQLite, LIKE elsewhere)."""
    fts = engine.dialect.name == "sqlite"

    def text_index(kind: str, id_column: Any, query: str) -> Any:
        return id_clause(kind, id_column, query, fts=fts)

    return text_index
