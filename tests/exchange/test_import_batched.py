"""A large import writes its search index in batches and looks up duplicates per chunk;
what it writes is what the record-by-record path wrote: every new contact is found by
its characters, pinyin and Russian spelling, has its history, and the index equals one
rebuilt from the records."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import select, text

from crm_desktop.domain.models import AuditEntry
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import Channel, ContactInput
from crm_desktop.exchange.db_import import FLUSH_EVERY, Outcome, import_file
from crm_desktop.search import index as search_index
from crm_desktop.search.index import reindex
from crm_desktop.search.service import SearchService
from crm_desktop.text.translit import palladius, pinyin_syllables

FAMILIES = "王李张刘陈杨赵黄"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏飞建国志文斌宇浩凯"


def _people() -> list[tuple[str, str, str, str, str]]:
    """(family, given, Russian family, Russian given, pinyin joined) — all different."""
    out = []
    for fam in FAMILIES:
        for i, a in enumerate(GIVEN):
            for b in (GIVEN[(i + 3) % len(GIVEN)], GIVEN[(i + 11) % len(GIVEN)]):
                given = a + b
                fs, gs = pinyin_syllables(fam, surname=True), pinyin_syllables(given)
                out.append((fam, given, palladius(fs), palladius(gs), "".join(fs + gs)))
    return out


def _index(services) -> tuple[dict, set]:
    with services.ctx.reading() as s:
        docs = {
            (k, r): (n, b)
            for k, r, n, b in s.execute(text("SELECT kind, ref_id, names, body FROM search_doc"))
        }
        words = {
            tuple(r)
            for r in s.execute(
                text(
                    "SELECT d.kind, d.ref_id, w.word FROM search_word w "
                    "JOIN search_doc d ON d.doc_id = w.doc_id"
                )
            )
        }
    return docs, words


def test_a_large_import_is_found_by_every_spelling_and_keeps_its_history(services, tmp_path):
    company = services.companies.create(CompanyInput(name_native="凯源泵业", country="CN"))
    shared = [
        services.contacts.create(
            ContactInput(
                family_name_latin=f"Desk{i}",
                given_name_latin="Front",
                emails=[Channel("work", "info@shared.example")],
            )
        )
        for i in range(3)
    ]
    people = _people()
    assert len(people) > FLUSH_EVERY  # the index is written over several flushes
    path = tmp_path / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Family name",
                "Given name",
                "Family name (Russian)",
                "Given name (Russian)",
                "Organization",
                "Email",
            ]
        )
        for fam, given, fam_ru, given_ru, _ in people:
            w.writerow([fam, given, fam_ru, given_ru, "凯源泵业", ""])
        w.writerow(["", "", "Стойка", "Общая", "", "INFO@shared.example"])

    report = import_file(services, path)

    assert report.written and report.created == len(people)
    last = report.rows[-1]
    assert (last.outcome, last.matched_by) == (Outcome.SKIPPED, "email")
    assert last.duplicate_of == min(c.id for c in shared)  # one contact per address
    created = {r.contact_id: r for r in report.rows if r.outcome == Outcome.CREATED}
    search = SearchService(services.ctx.session_factory)
    for (fam, given, fam_ru, given_ru, pinyin), row in zip(people, report.rows, strict=False):
        assert row.contact_id in created
        for query in (fam + given, pinyin, f"{fam_ru} {given_ru}"):
            assert row.contact_id in search.matching_ids("contact", query), query
    with services.ctx.reading() as s:
        history = set(
            s.scalars(
                select(AuditEntry.entity_id).where(
                    AuditEntry.entity_type == "contact", AuditEntry.action == "create"
                )
            )
        )
    assert set(created) <= history
    assert all(services.contacts.get(cid).company_id == company.id for cid in created)

    written = _index(services)
    reindex(services.ctx.session_factory().get_bind())
    assert _index(services) == written  # batched writes = the index rebuilt from records


def _fts_hits(services, queries: list[str]) -> dict[str, set[str]]:
    with services.ctx.reading() as s:
        return {
            q: set(
                s.scalars(
                    text(
                        "SELECT d.ref_id FROM search_fts f JOIN search_doc d ON d.doc_id = f.rowid "
                        "WHERE search_fts MATCH :q"
                    ),
                    {"q": f'"{q}"'},
                )
            )
            for q in queries
        }


def test_documents_written_a_chunk_per_statement_make_the_same_full_text_index(
    runtime, services, tmp_path, monkeypatch, db_url
):
    """The import writes its documents a few hundred per INSERT (one FTS5 segment per
    statement, not per document); the full-text index must hold what a rebuild from the
    records holds, chunk boundaries included."""
    if not db_url.startswith("sqlite"):
        pytest.skip("FTS5 is SQLite's")
    monkeypatch.setattr(search_index, "_DOCS_PER_STATEMENT", 7)
    people = _people()[:150]
    path = tmp_path / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Family name", "Given name", "Family name (Russian)", "Given name (Russian)"])
        for fam, given, fam_ru, given_ru, _ in people:
            w.writerow([fam, given, fam_ru, given_ru])
    report = import_file(services, path)
    assert report.written and report.created == len(people)

    with services.ctx.reading() as s:
        s.execute(text("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')"))
    queries = sorted(
        {fam + given for fam, given, *_ in people}
        | {pinyin[:5] for *_, pinyin in people}
        | {f"{fam_ru} {given_ru}"[:6].lower() for _, _, fam_ru, given_ru, _ in people}
    )
    written = _fts_hits(services, queries)
    assert sum(map(len, written.values())) >= len(people)
    reindex(services.ctx.session_factory().get_bind())
    assert _fts_hits(services, queries) == written
