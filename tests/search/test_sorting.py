"""Lists sort names the way people expect, in SQL, on SQLite and PostgreSQL (the ``runtime``
fixture): Chinese by pinyin (曾 under Z), Russian by the Russian alphabet (ё with е)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import ContactInput
from crm_desktop.search.sorting import name_sort_key, person_sort_key


def test_sort_keys() -> None:
    assert person_sort_key("曾", "国强", "曾国强") == "zeng guoqiang"  # not ceng
    assert person_sort_key("单", "田芳", "单田芳") == "shan tianfang"
    assert person_sort_key("", "", "Ёлкин Пётр") == "елкин петр"
    assert name_sort_key("厦门TCL纺织") == "xiamen tcl fangzhi"
    assert name_sort_key("현대") == "hyeondae"


def _contact(services, **kw) -> str:
    return services.contacts.create(ContactInput(**kw)).id


def test_contacts_sort_by_pinyin_and_russian_alphabet(services) -> None:
    people = {
        "曾国强": _contact(services, family_name_native="曾", given_name_native="国强"),
        "王伟": _contact(services, family_name_native="王", given_name_native="伟"),
        "安娜": _contact(services, family_name_native="安", given_name_native="娜"),
        "Zhukov": _contact(services, family_name_latin="Zhukov", given_name_latin="Ivan"),
        "Baker": _contact(services, family_name_latin="Baker", given_name_latin="Tom"),
        "Ёлкин": _contact(services, family_name_ru="Ёлкин", given_name_ru="Пётр"),
        "Ершов": _contact(services, family_name_ru="Ершов", given_name_ru="Олег"),
        "Егоров": _contact(services, family_name_ru="Егоров", given_name_ru="Иван"),
        "Жуков": _contact(services, family_name_ru="Жуков", given_name_ru="Антон"),
        "абрамов": _contact(services, family_name_ru="абрамов", given_name_ru="Илья"),
    }
    by_id = {v: k for k, v in people.items()}
    order = [by_id[c.id] for c in services.contacts.list(services.contacts.query(sort="name"))]
    assert order == [
        "安娜",
        "Baker",
        "王伟",
        "曾国强",
        "Zhukov",
        "абрамов",
        "Егоров",
        "Ёлкин",
        "Ершов",
        "Жуков",
    ]
    # descending is the mirror image, and paging follows the same order
    down = services.contacts.list(services.contacts.query(sort="name", descending=True))
    assert [by_id[c.id] for c in down] == order[::-1]
    page = services.contacts.list(services.contacts.query(sort="name", offset=3, limit=2))
    assert [by_id[c.id] for c in page] == ["曾国强", "Zhukov"]


def test_a_renamed_contact_moves(services) -> None:
    a = _contact(services, family_name_native="曾", given_name_native="国强")
    b = _contact(services, family_name_ru="Ершов")
    data = services.contacts.get(a)
    from dataclasses import replace

    from crm_desktop.domain.services.contacts import ContactInput as CI

    services.contacts.update(
        a,
        replace(CI(), family_name_native="安", given_name_native="娜", company_id=data.company_id),
    )
    order = [c.id for c in services.contacts.list(services.contacts.query(sort="name"))]
    assert order == [a, b]


def test_companies_sort_by_pinyin(services) -> None:
    made = {
        n: services.companies.create(CompanyInput(name=n)).id
        for n in (
            "中联重工",
            "Alpha Pumps",
            "厦门金龙",
            "ООО «Жук»",
            "ООО «Ёлка»",
            "ООО «Дуб»",
            "北方机械",
        )
    }
    by_id = {v: k for k, v in made.items()}
    order = [by_id[c.id] for c in services.companies.list(services.companies.query(sort="name"))]
    # Alpha, beifang, xiamen (not shamen), zhonglian; then Cyrillic with ё as е
    assert order == [
        "Alpha Pumps",
        "北方机械",
        "厦门金龙",
        "中联重工",
        "ООО «Дуб»",
        "ООО «Ёлка»",
        "ООО «Жук»",
    ]
    choices = [c.name for c in services.companies.choices(services.companies.query(sort="name"))]
    assert choices == order


def test_upgraded_database_gets_its_sort_keys_on_open(runtime, paths, db_url) -> None:
    from crm_desktop.runtime import open_runtime

    services = runtime.services
    zeng = _contact(services, family_name_native="曾", given_name_native="国强")
    baker = _contact(services, family_name_latin="Baker")
    with runtime.db.engine.begin() as conn:
        # what 0004_sort_keys leaves before the index is rebuilt
        conn.execute(text("UPDATE contact SET sort_key = ''"))
        conn.execute(text("UPDATE search_meta SET value = '1' WHERE key = 'version'"))
    runtime.close()
    rt = open_runtime(db_url, paths)
    try:
        with rt.db.engine.connect() as conn:
            keys = dict(conn.execute(text("SELECT id, sort_key FROM contact")).all())
        assert keys == {zeng: "zeng guoqiang", baker: "baker"}
    finally:
        rt.close()


@pytest.mark.parametrize("sort", ["name"])
def test_the_sorted_list_uses_the_index(demo_db: Path, paths, sort) -> None:
    from crm_desktop.runtime import open_runtime

    rt = open_runtime("sqlite:///" + str(demo_db), paths)
    rt.db.optimize()
    rt.close()
    conn = sqlite3.connect(demo_db)
    try:
        plan = " ".join(
            str(r[3])
            for r in conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM contact WHERE deleted_at IS NULL "
                "ORDER BY sort_key, id LIMIT 100"
            )
        )
        assert "ix_contact_live_sort" in plan and "TEMP B-TREE" not in plan
    finally:
        conn.close()
