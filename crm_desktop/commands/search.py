"""search: find any record by any spelling, as the Find anything dialog does."""

from __future__ import annotations

import argparse
import json
import sys

from crm_desktop.commands import CliEnv, out
from crm_desktop.commands.plural import count
from crm_desktop.domain.errors import CrmError
from crm_desktop.runtime import Runtime
from crm_desktop.search.index import index_counts, reindex
from crm_desktop.search.service import Highlighted, SearchResults, SearchService


def cmd_search(args: argparse.Namespace, env: CliEnv) -> int:
    query = " ".join(args.query).strip()
    if not query:
        raise CrmError("Give something to search for.")
    if args.limit < 1:
        raise CrmError("--limit must be at least 1.")
    rt = env.runtime()
    results = SearchService(rt.db.session_factory).search(query, kinds=args.kind, limit=args.limit)
    if args.json:
        out(json.dumps(results_json(results), ensure_ascii=False, indent=2))
    else:
        print_results(results)
    return 0 if results.groups else 1


def results_json(results: SearchResults) -> dict[str, object]:
    def hl(h: Highlighted | None) -> dict[str, object] | None:
        if h is None:
            return None
        return {"text": h.text, "spans": [list(s) for s in h.spans]}

    return {
        "query": results.query,
        "elapsed_ms": round(results.elapsed_ms, 2),
        "variants": [{"text": v.text, "route": v.route.value} for v in results.variants],
        "groups": [
            {
                "kind": g.kind,
                "label": g.label,
                "more": g.more,
                "hits": [
                    {
                        "kind": h.kind,
                        "id": h.id,
                        "title": hl(h.title),
                        "subtitle": h.subtitle,
                        "detail": hl(h.detail),
                        "route": h.route.value,
                    }
                    for h in g.hits
                ],
            }
            for g in results.groups
        ],
    }


def _marked(h: Highlighted) -> str:
    """The text with matches in [brackets] (the terminal has no highlighting to rely on)."""
    parts, pos = [], 0
    for a, b in sorted(h.spans):
        parts += [h.text[pos:a], "[", h.text[a:b], "]"]
        pos = b
    parts.append(h.text[pos:])
    return "".join(parts)


def print_results(results: SearchResults) -> None:
    if not results.groups:
        print(f"Nothing found for {results.query!r}.", file=sys.stderr)
        return
    for g in results.groups:
        out(f"{g.label}:")
        for h in g.hits:
            line = f"  {h.id[:8]}  {_marked(h.title)}"
            if h.subtitle:
                line += f"  — {h.subtitle}"
            if h.detail is not None:
                line += f"  ({_marked(h.detail)})"
            if h.route.value != "as typed":
                line += f"  <{h.route.value}>"
            out(line)
        if g.more:
            out("  …")


def reindex_database(rt: Runtime) -> None:
    """`check --reindex`: rebuild the search index from the records."""

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rreindexing: {done}/{total}", end="", file=sys.stderr, flush=True)

    n = reindex(rt.db.engine, progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    with rt.db.engine.connect() as conn:
        counts = index_counts(conn)
    out(
        f"search index rebuilt: {count(n, 'record')} ("
        + ", ".join(count(v, k) for k, v in counts.items())
        + ")"
    )
