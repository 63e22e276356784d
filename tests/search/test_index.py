"""The index follows every write, and every spelling finds its record, on SQLite and
PostgreSQL (the `runtime` fixture runs each test on both when a server is configured)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from crm_desktop.cli import main
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import ContactInput
from crm_desktop.domain.services.meetings import MeetingInput
from crm_desktop.domain.services.members import MemberInput
from crm_desktop.domain.services.projects import ProjectInput
from crm_desktop.domain.services.reference import SiteInput
from crm_desktop.search import index as search_index
from crm_desktop.search import service as search_service
from crm_desktop.search.service import SearchService

KAIQUAN_SPELLINGS = [
    "凯泉",
    "凯",
    "凯泉泵业",
    "Kaiquan",
    "kaiquan",
    "kai quan",
    "KAI QUAN",
    "Kǎiquán",
    "Кайцюань",
    "кай цюань",
    "rfqw.fym",
    "RFQW.FYM",
]


@pytest.fixture
def search(runtime) -> SearchService:
    return SearchService(runtime.db.session_factory)


@pytest.fixture
def kaiquan(services) -> str:
    return services.companies.create(
        CompanyInput(name_native="上海凯泉泵业（集团）有限公司", country="CN", city="Шанхай")
    ).id


def ids(results, kind: str) -> list[str]:
    return results.ids(kind)


@pytest.mark.parametrize("query", KAIQUAN_SPELLINGS)
def test_every_spelling_finds_the_company(search, kaiquan, query) -> None:
    assert ids(search.search(query), "company") == [kaiquan]


def test_match_is_highlighted_in_the_characters(search, kaiquan) -> None:
    hit = search.search("Kaiquan").groups[0].hits[0]
    assert hit.title.text == "上海凯泉泵业（集团）有限公司"
    a, b = hit.title.spans[0]
    assert hit.title.text[a:b] == "凯泉"


def test_contact_found_by_each_script(search, services, kaiquan) -> None:
    c = services.contacts.create(
        ContactInput(
            company_id=kaiquan,
            family_name_native="曾",
            given_name_native="国明",
            family_name_ru="Цзэн",
            given_name_ru="Гомин",
            position="Генеральный директор",
        )
    ).id
    spellings = ["曾国明", "曾", "zeng", "Zeng Guoming", "zengguoming", "Цзэн", "цзэн гомин"]
    for q in [*spellings, "wp'y", "Генеральный"]:
        assert ids(search.search(q), "contact") == [c], q
    hit = search.search("Цзэн").groups[0].hits[0]
    assert "上海凯泉泵业" in hit.subtitle  # the company, for context


def test_russian_names_by_latin_layout_and_yo(search, services) -> None:
    c = services.contacts.create(
        ContactInput(family_name_ru="Семёнов", given_name_ru="Пётр", position="Глава")
    ).id
    for q in ("Семенов", "семёнов", "Semenov", "Semyonov", "Ctvtyjd", "Пётр Семёнов", "се"):
        assert ids(search.search(q), "contact") == [c], q


def test_one_and_two_character_queries(search, services) -> None:
    wang = services.contacts.create(
        ContactInput(family_name_native="王", given_name_native="伟")
    ).id
    li = services.contacts.create(ContactInput(family_name_native="李", given_name_native="娜")).id
    lisitsyn = services.contacts.create(ContactInput(family_name_ru="Лисицын")).id
    assert ids(search.search("王"), "contact") == [wang]
    assert ids(search.search("伟"), "contact") == [wang]  # a given name inside 王伟
    assert ids(search.search("王伟"), "contact") == [wang]
    assert set(ids(search.search("ли"), "contact")) == {li, lisitsyn}
    assert ids(search.search("娜"), "contact") == [li]
    assert ids(search.search("кщ"), "contact") == []


def test_index_follows_edit_delete_restore(search, services, kaiquan) -> None:
    data = CompanyInput.from_row(services.companies.get(kaiquan))
    data.name = data.name_native = "华为技术有限公司"
    services.companies.update(kaiquan, data)
    assert ids(search.search("Kaiquan"), "company") == []
    assert ids(search.search("Хуавэй"), "company") == [kaiquan]

    services.companies.delete(kaiquan)
    assert ids(search.search("Хуавэй"), "company") == []
    assert ids(search.search("华为"), "company") == []

    services.companies.restore(kaiquan)
    assert ids(search.search("Хуавэй"), "company") == [kaiquan]
    assert ids(search.search("华"), "company") == [kaiquan]


def test_a_rolled_back_write_leaves_no_trace(search, runtime) -> None:
    from crm_desktop.domain.models import Company

    with pytest.raises(RuntimeError), runtime.services.ctx.unit_of_work() as s:
        s.add(Company(name="Rollback Pumps", name_native="回滚泵业"))
        s.flush()
        assert ids(_search_in(s, "Rollback"), "company") != []  # seen inside
        raise RuntimeError("cancelled")
    assert ids(search.search("Rollback"), "company") == []
    assert ids(search.search("回滚"), "company") == []


def _search_in(session, query: str):
    return SearchService(lambda: _Borrowed(session)).search(query)


class _Borrowed:
    """The caller's open session, not closed by the service (to look inside a transaction)."""

    def __init__(self, session) -> None:
        self.session = session

    def __enter__(self):
        return self.session

    def __exit__(self, *exc) -> None:
        return None


def test_all_kinds_are_searchable(search, services, kaiquan) -> None:
    stage = services.stages.list()[0].id
    member = services.members.create(MemberInput(name="Есипов Андрей", position="Министр")).id
    site = services.sites.create(
        SiteInput(name="Индустриальный парк «Есипово»", name_zh="叶西波沃工业园")
    ).id
    project = services.projects.create(
        ProjectInput(
            title="Насосные станции", company_id=kaiquan, stage_id=stage, code_name="Водолей"
        )
    ).id
    meeting = services.meetings.create(
        MeetingInput(
            title="Переговоры о площадке",
            starts_at=datetime(2026, 5, 20, 2, 0, tzinfo=UTC),
            company_id=kaiquan,
            discussion="Обсудили подключение к газу и льготы по налогу на имущество.",
        )
    ).id
    r = search.search("esipov")
    assert ids(r, "member") == [member]
    assert ids(r, "site") == [site]
    assert ids(search.search("Водолей"), "project") == [project]
    assert ids(search.search("vodoley"), "project") == [project]
    r = search.search("подключение к газу")
    assert ids(r, "meeting") == [meeting]
    hit = r.groups[0].hits[0]
    assert hit.detail is not None
    a, b = hit.detail.spans[0]
    assert hit.detail.text[a:b] == "подключение к газу"
    assert ids(search.search("叶西波沃"), "site") == [site]


def test_groups_are_limited_and_say_there_is_more(search, services) -> None:
    made = [
        services.contacts.create(ContactInput(family_name_native="王", given_name_native=g)).id
        for g in "一二三四五六七八九十"
    ]
    r = search.search("wang", limit=4)
    (group,) = r.groups
    assert len(group.hits) == 4 and group.more
    assert {h.id for h in group.hits} <= set(made)
    assert search.search("wang", kinds=["company"]).groups == ()
    assert set(search.matching_ids("contact", "王")) == set(made)


def test_fts_and_portable_fallback_agree(search, services, runtime, monkeypatch) -> None:
    """What PostgreSQL runs (LIKE over search_doc) finds exactly what FTS5 finds."""
    for fam, giv, ru in [("王", "伟", "Ван Вэй"), ("张", "伟", "Чжан Вэй"), ("李", "娜", "Ли На")]:
        services.contacts.create(
            ContactInput(
                family_name_native=fam,
                given_name_native=giv,
                family_name_ru=ru,
                notes="встреча в Шанхае",
            )
        )
    services.companies.create(CompanyInput(name_native="凯泉", name_latin="Kaiquan Pump"))
    queries = ["wei", "вэй", "Шанхае", "pump", "kai", "zhang wei", "ли на", "нет такого"]
    native = {
        q: [(g.kind, [h.id for h in g.hits]) for g in search.search(q).groups] for q in queries
    }
    monkeypatch.setattr(search_service, "has_fts5", lambda conn: False)
    portable = {
        q: [(g.kind, [h.id for h in g.hits]) for g in search.search(q).groups] for q in queries
    }
    assert native == portable
    assert native["нет такого"] == []


def test_reindex_restores_a_lost_index(runtime, search, kaiquan, db_url, capsys) -> None:
    with runtime.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM search_word"))
        conn.execute(text("DELETE FROM search_doc"))
    assert search.search("Kaiquan").groups == ()
    assert main(["check", "--db", db_url, "--reindex"]) == 0
    assert "search index rebuilt: 1 record (" in capsys.readouterr().out
    assert ids(search.search("Kaiquan"), "company") == [kaiquan]


def test_an_old_database_is_indexed_on_open(runtime, kaiquan, paths, db_url) -> None:
    from crm_desktop.runtime import open_runtime

    with runtime.db.engine.begin() as conn:
        search_index.drop_schema(conn)
    runtime.close()
    rt = open_runtime(db_url, paths)
    try:
        assert ids(SearchService(rt.db.session_factory).search("凯泉"), "company") == [kaiquan]
    finally:
        rt.close()


def test_cli_search(db_url, runtime, kaiquan, capsys) -> None:
    assert main(["search", "--db", db_url, "rfqw.fym"]) == 0
    printed = capsys.readouterr().out
    assert "Companies:" in printed and "[凯泉]" in printed and "keyboard layout" in printed
    assert main(["search", "--db", db_url, "--json", "Кайцюань"]) == 0
    data = json.loads(capsys.readouterr().out)
    (group,) = data["groups"]
    assert group["kind"] == "company" and group["hits"][0]["id"] == kaiquan
    assert group["hits"][0]["title"]["spans"] == [[2, 4]]
    assert main(["search", "--db", db_url, "Несуществующий"]) == 1
    assert "Nothing found" in capsys.readouterr().err


def test_list_quick_filters_use_the_search_keys(services, kaiquan) -> None:
    """The companies and contacts lists filter by every spelling, as Find anything does."""
    c = services.contacts.create(
        ContactInput(company_id=kaiquan, family_name_native="王", given_name_native="伟")
    ).id
    companies, contacts = services.companies, services.contacts
    for q in ("Кайцюань", "rfqw.fym", "kai quan", "凯泉", "Шанхай"):
        assert [r.id for r in companies.list(companies.query(text=q))] == [kaiquan], q
        assert companies.count(companies.query(text=q)) == 1
    for q in ("Ван Вэй", "wangwei", "王", "ван"):
        assert [r.id for r in contacts.list(contacts.query(text=q))] == [c], q
    assert companies.list(companies.query(text="Хуавэй")) == []
    # composes with the list's other filters
    assert contacts.list(contacts.query(text="Ван", company_id=kaiquan))[0].id == c


def _body_update_state(conn, fts: bool) -> tuple[object, ...]:
    docs = sorted(conn.execute(text("SELECT doc_id, kind, ref_id, names, body FROM search_doc")))
    if not fts:
        return (docs,)
    conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')"))
    found = {
        q: sorted(
            conn.scalars(
                text("SELECT rowid FROM search_fts WHERE search_fts MATCH :q"), {"q": f'"{q}"'}
            )
        )
        for q in ("встреча", "переговоры", "Шанхае", "Пекин", "заметка")
    }
    return docs, found


def test_body_updates_in_few_statements_match_one_per_document(
    runtime, services, monkeypatch
) -> None:
    """update_bodies (on SQLite a few documents per UPDATE ... FROM VALUES) leaves
    search_doc and the full-text index as one UPDATE per document does; for a document
    given twice the last body counts."""
    made = [
        services.contacts.create(
            ContactInput(family_name_native="王", given_name_native=g, notes="встреча в Шанхае")
        ).id
        for g in "伟娜芳敏静"
    ]
    code = search_index.KIND_CODES["contact"]
    bodies = [{"b": f"переговоры {n} в Пекине", "r": ref, "k": code} for n, ref in enumerate(made)]
    bodies.append({"b": "заметка последняя", "r": made[1], "k": code})
    monkeypatch.setattr(search_index, "_BODIES_PER_STATEMENT", 2)
    engine = runtime.db.engine
    fts = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        tx = conn.begin()
        before = _body_update_state(conn, fts)
        tx.rollback()
        tx = conn.begin()
        search_index.update_bodies(conn, bodies)
        fast = _body_update_state(conn, fts)
        tx.rollback()
        tx = conn.begin()
        assert _body_update_state(conn, fts) == before
        for b in bodies:
            conn.execute(text("UPDATE search_doc SET body = :b WHERE ref_id = :r AND kind = :k"), b)
        plain = _body_update_state(conn, fts)
        tx.rollback()
    assert fast == plain
    assert fast != before
