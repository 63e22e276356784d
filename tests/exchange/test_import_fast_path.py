"""The import's fast paths change nothing a user can see.

A seeded address book (Chinese, Latin and Russian names, duplicates by email, phone and
name across scripts, rejected rows, unreadable phones, new and known companies) is
imported twice into the same starting database: once as the import now runs (documents a
few hundred per prebuilt statement, word rows as driver tuples, no garbage collections,
pinyin conversions remembered, name-part keys without origins, warm transliteration
caches, new contacts inserted in bulk) and once the way it ran before (one document per
SQLAlchemy statement, word rows through SQLAlchemy, the collector on,
pypinyin's lazy_pinyin, the mapped pinyin and Palladius keys, cold caches, new contacts
as ORM objects through the unit of work and its hooks). Rows, outcomes, contacts, their
stamps, search documents and hits, and history must be the same, on SQLite and on
PostgreSQL.
"""

from __future__ import annotations

import contextlib
import csv
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from crm_desktop.config import Paths
from crm_desktop.domain.models import AuditEntry, Company, Contact
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import Channel, ContactInput
from crm_desktop.exchange import db_import, matching
from crm_desktop.exchange.db_import import ImportOptions, OnDuplicate, import_file
from crm_desktop.exchange.new_contacts import NewContacts
from crm_desktop.runtime import open_runtime
from crm_desktop.search import index as search_index
from crm_desktop.search.documents import KIND_CODES
from crm_desktop.search.service import SearchService
from crm_desktop.text import translit
from crm_desktop.text.translit import palladius, pinyin_syllables

FAMILIES = "王李张刘陈杨赵黄曾单"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超"
COMPANIES = ["凯源泵业", "Desert Crescent Steel", "ООО Ромашка", "上海电气", ""]


def _book(seed: int) -> list[list[str]]:
    r = random.Random(seed)
    rows: list[list[str]] = []
    for n in range(260):
        fam, given = r.choice(FAMILIES), r.choice(GIVEN) + r.choice(GIVEN)
        fs, gs = pinyin_syllables(fam, surname=True), pinyin_syllables(given)
        latin_f, latin_g = fs[0].capitalize(), "".join(gs).capitalize()
        ru_f, ru_g = palladius(fs).capitalize(), palladius(gs).capitalize()
        company = r.choice(COMPANIES)
        email = f"p{n}@example.cn" if r.random() < 0.7 else ""
        phone = f"+86 139{n:08d}" if r.random() < 0.5 else ""
        form = r.random()
        if form < 0.4:
            names = [fam, given, "", "", "", ""]
        elif form < 0.7:
            names = ["", "", latin_f, latin_g, "", ""]
        elif form < 0.9:
            names = ["", "", "", "", ru_f, ru_g]
        else:
            names = [fam, given, latin_f, latin_g, ru_f, ru_g]
        rows.append([*names, company, email, phone, ""])
    for n in range(0, 260, 9):  # the same person again, in another script or by address
        src = rows[n]
        again = list(src)
        if src[0]:
            fs = pinyin_syllables(src[0], surname=True)
            gs = pinyin_syllables(src[1])
            again[:6] = ["", "", "", "", palladius(fs).capitalize(), palladius(gs).capitalize()]
        rows.append(again)
    rows.append(["王", "伟", "", "", "", "", "凯源泵业", "not-an-email", "", ""])  # rejected
    rows.append(["", "", "", "", "", "", "凯源泵业", "", "", ""])  # no name: rejected
    rows.append(["", "", "Li", "Na", "", "", "", "", "12345", ""])  # phone kept in notes
    rows.append(["", "", "Desk", "Front", "", "", "", "INFO@shared.example", "", "vip"])
    return rows


HEADER = [
    "Family name",
    "Given name",
    "Family name (Latin)",
    "Given name (Latin)",
    "Family name (Russian)",
    "Given name (Russian)",
    "Organization",
    "Email",
    "Mobile phone",
    "Tags",
]


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(rows)
    return path


def _seed(services) -> None:
    services.companies.create(CompanyInput(name_native="凯源泵业", country="CN"))
    services.companies.create(CompanyInput(name_latin="Desert Crescent Steel", country="AE"))
    services.contacts.create(
        ContactInput(
            family_name_latin="Desk",
            given_name_latin="Shared",
            emails=[Channel("work", "info@shared.example")],
        )
    )
    services.contacts.create(ContactInput(family_name_native="王", given_name_native="伟芳"))


def _plain_pinyin(text: str) -> list[str]:
    from pypinyin import lazy_pinyin

    return list(lazy_pinyin(text, v_to_u=True, errors="ignore"))


def _mapped_key_texts(text: str, *, surname: bool = False) -> tuple[str, str] | None:
    pinyin = translit.pinyin_key(text, surname=surname)
    pall = translit.palladius_key(text, surname=surname)
    return None if pinyin is None or pall is None else (pinyin.text, pall.text)


class _OrmNewContacts(NewContacts):
    """New contacts the way they were written before: ORM objects, flushed through the
    session hooks (stamps, field history, sort keys, search index)."""

    service: Any = None

    def write(self) -> None:
        for contact_id, data in self.pending:
            row = Contact(id=contact_id)
            self.service._write(self.s, row, data)
            self.s.add(row)
        self.s.flush()
        self.pending.clear()


def _outcome(
    tmp: Path, rows: list[list[str]], *, old_way: bool, monkeypatch, url: str = ""
) -> dict:
    with monkeypatch.context() as m:
        m.setattr(db_import, "FLUSH_EVERY", 60)  # several flushes, as in a large import
        # chunk boundaries inside each flush (the import writes 400 a statement)
        m.setattr(search_index, "_DOCS_PER_STATEMENT", 1 if old_way else 17)
        if old_way:
            # one INSERT per document through SQLAlchemy, no prebuilt multi-row statement
            m.setattr(
                search_index,
                "_insert_docs",
                lambda conn, docs: [conn.execute(search_index._INSERT_DOC, d) for d in docs],
            )
            m.setattr(
                search_index,
                "_insert_words",
                lambda conn, words: conn.execute(search_index._INSERT_WORD, words),
            )
            m.setattr(db_import, "collector_paused", contextlib.nullcontext)  # collections on
            m.setattr(db_import, "NewContacts", _OrmNewContacts)
            # pypinyin's own lazy_pinyin, conversions done anew on every call
            m.setattr(translit, "_pinyin_reader", lambda: _plain_pinyin)
            # the duplicate check's name keys from the mapped pinyin and Palladius keys
            m.setattr(matching, "han_key_texts", _mapped_key_texts)
            for cached in (
                matching.part_keys,
                translit._word_to_cyrillic,
                translit._run_pinyin,
                translit._pinyin_syllables,
                translit.fold_mapped,
                translit.segment_pinyin,
            ):
                cached.cache_clear()
        tmp.mkdir()
        data = tmp / "data"
        url = url or "sqlite:///" + str(tmp / "crm.sqlite3")
        rt = open_runtime(url, Paths(data, data / "config"))
        try:
            services = rt.services
            _OrmNewContacts.service = services.contacts
            _seed(services)
            report = import_file(
                services,
                _write(tmp / "book.csv", rows),
                ImportOptions(on_duplicate=OnDuplicate.SKIP),
            )
            with services.ctx.reading() as s:
                names = {i: n for i, n in s.execute(select(Contact.id, Contact.display_name))}
                company = {i: n for i, n in s.execute(select(Company.id, Company.name))}
                contacts = sorted(
                    (
                        c.display_name,
                        c.family_name_native,
                        c.given_name_native,
                        c.family_name_latin,
                        c.given_name_latin,
                        c.family_name_ru,
                        c.given_name_ru,
                        repr(c.emails),
                        repr(c.phones),
                        c.notes,
                        company.get(c.company_id or "", ""),
                        c.sort_key,
                        tuple(sorted(t.name for t in c.tags)),
                        c.version,
                        c.deleted_at,
                        c.origin == rt.services.ctx.device_id,
                        c.hlc.endswith("-" + c.origin),
                        c.created_at == c.updated_at,
                    )
                    for c in s.scalars(select(Contact))
                )
                history = Counter(
                    (
                        e.entity_type,
                        names.get(e.entity_id, ""),
                        e.action,
                        e.field,
                        e.member_id,
                        e.version,
                        e.origin == rt.services.ctx.device_id,
                        bool(e.hlc),
                    )
                    for e in s.scalars(select(AuditEntry))
                )
                # each contact's search document, and its short-word rows
                docs = sorted(
                    (names[ref], doc_names, body, words)
                    for ref, doc_names, body, words in s.execute(
                        text(
                            "SELECT d.ref_id, d.names, d.body, "
                            "(SELECT COUNT(*) FROM search_word w WHERE w.doc_id = d.doc_id) "
                            "FROM search_doc d WHERE d.kind = :k"
                        ),
                        {"k": KIND_CODES["contact"]},
                    )
                )
                if url.startswith("sqlite"):
                    s.execute(text("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')"))
            search = SearchService(services.ctx.session_factory)
            queries = sorted({q for row in rows for q in (row[0] + row[1], row[3], row[4]) if q})
            hits = {q: sorted(names[i] for i in search.matching_ids("contact", q)) for q in queries}
            return {
                "report": [
                    (
                        r.line,
                        r.name,
                        r.outcome,
                        r.reason,
                        r.matched_by,
                        r.duplicate_name,
                        names.get(r.contact_id or "", ""),
                        r.phones_in_notes,
                        r.warnings,
                    )
                    for r in report.rows
                ],
                "summary": report.summary(),
                "contacts": contacts,
                "history": history,
                "docs": docs,
                "hits": hits,
            }
        finally:
            rt.close()


@pytest.mark.parametrize("seed", [15, 16])
def test_the_fast_import_writes_what_the_old_one_wrote(tmp_path, monkeypatch, seed) -> None:
    rows = _book(seed)
    new = _outcome(tmp_path / "new", rows, old_way=False, monkeypatch=monkeypatch)
    old = _outcome(tmp_path / "old", rows, old_way=True, monkeypatch=monkeypatch)
    outcomes = Counter(r[2] for r in new["report"])
    assert outcomes["created"] > 150 and outcomes["skipped"] > 20 and outcomes["rejected"] >= 1
    assert any(r[4] == "name" for r in new["report"])  # a duplicate found across scripts
    assert any(r[7] for r in new["report"])  # a phone kept in the notes
    assert sum(len(v) for v in new["hits"].values()) > len(new["hits"])
    for part in ("summary", "report", "contacts", "history", "docs", "hits"):
        assert new[part] == old[part], part


@pytest.mark.parametrize("backend", [pytest.param("postgres", marks=pytest.mark.postgres)])
def test_the_fast_import_writes_what_the_old_one_wrote_on(tmp_path, monkeypatch, backend) -> None:
    from tests.conftest import _postgres_schema_url

    rows = _book(17)
    got = []
    for name, old_way in (("new", False), ("old", True)):
        schema = _postgres_schema_url()
        url = next(schema)
        try:
            got.append(
                _outcome(tmp_path / name, rows, old_way=old_way, monkeypatch=monkeypatch, url=url)
            )
        finally:
            schema.close()
    new, old = got
    assert Counter(r[2] for r in new["report"])["created"] > 150
    for part in ("summary", "report", "contacts", "history", "docs", "hits"):
        assert new[part] == old[part], part


def test_a_database_that_refuses_writes_refuses_the_bulk_insert_too(runtime, tmp_path) -> None:
    """New contacts go in without a flush; a damaged database, refusing writes, still
    refuses the import with its reason, on either backend, and nothing is written."""
    from crm_desktop.storage.database import ReadOnlyDatabaseError

    services = runtime.services
    services.contacts.create(ContactInput(family_name_latin="Known", given_name_latin="Anna"))
    runtime.db.refuse_writes("crm.sqlite3 is damaged (page 7)")
    book = _write(tmp_path / "book.csv", [["王", "伟", "", "", "", "", "", "", "", ""]])
    with pytest.raises(ReadOnlyDatabaseError, match="damaged"):
        import_file(services, book)
    with services.ctx.reading() as s:
        assert [c.display_name for c in s.scalars(select(Contact))] == ["Anna Known"]
