"""The spellings the benchmark's check once missed, each on its own: place names read as
words (厦门 is Xiamen, also with Latin letters in the name), two-character prefixes of a
Chinese full name, Korean names under the Revised Romanization and the Kontsevich system,
and a database indexed by an older version re-indexed on open.  On SQLite and PostgreSQL
(the ``runtime`` fixture)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import ContactInput
from crm_desktop.search import index as search_index
from crm_desktop.search.keys import KeyKind, search_keys
from crm_desktop.search.service import SearchService
from crm_desktop.text.translit import (
    kontsevich,
    palladius,
    pinyin_syllables,
    romanize_korean,
    swap_layout,
)

# --------------------------------------------------------------------------- readings


@pytest.mark.parametrize(
    ("native", "reading"),
    [
        ("厦门TCL纺织有限公司", "xia men fang zhi you xian gong si"),  # not sha men
        ("厦门", "xia men"),
        ("重庆长城重工", "chong qing chang cheng zhong gong"),
        ("长沙TCL电子", "chang sha dian zi"),
        ("乐清", "yue qing"),
    ],
)
def test_places_and_company_names_are_read_as_words(native, reading) -> None:
    assert " ".join(pinyin_syllables(native)) == reading


def test_family_names_keep_their_family_name_reading() -> None:
    # a person's family name is read as one, the rest of the name as words
    assert pinyin_syllables("曾国强", surname=True) == ["zeng", "guo", "qiang"]
    assert pinyin_syllables("单田芳", surname=True) == ["shan", "tian", "fang"]
    # the same characters in a company or place name are not a family name
    assert pinyin_syllables("曾经") == ["ceng", "jing"]


def test_a_company_name_with_latin_letters_has_the_place_read_as_a_word() -> None:
    keys = {k.key.text for k in search_keys("厦门TCL纺织有限公司")}
    assert "xiamen tcl fangzhiyouxiangongsi" in keys
    assert not any("shamen" in k for k in keys)
    assert any(k.startswith("сямэнь") for k in keys)


@pytest.mark.parametrize(
    ("hangul", "latin", "russian"),
    [
        ("현대", "hyeondae", "хёндэ"),
        ("두산", "dusan", "тусан"),
        ("삼성", "samseong", "самсон"),
        ("대우", "daeu", "тэу"),
        ("한국어", "hangugeo", "хангуго"),  # a final before a vowel starts the next syllable
        ("신라", "silla", "силла"),  # ㄴ+ㄹ is a double l
        ("설날", "seollal", "соллаль"),
        ("박지성", "bakjiseong", "пакчисон"),  # ㅈ voiceless after a voiceless final
        ("현대중공업", "hyeondaejunggongeop", "хёндэджунгоноп"),
    ],
)
def test_hangul_is_romanized_by_syllable(hangul, latin, russian) -> None:
    assert romanize_korean(hangul) == latin
    assert kontsevich(hangul) == russian


def test_korean_keys_keep_the_other_scripts_of_the_name() -> None:
    keys = {k.kind: k.key for k in search_keys("LG전자")}
    assert keys[KeyKind.KOREAN_LATIN].text == "lg jeonja"
    assert keys[KeyKind.KOREAN_CYRILLIC].text == "lg чонджа"
    # each letter remembers its syllable, so a match in "jeonja" highlights 전자
    key = keys[KeyKind.KOREAN_LATIN]
    assert key.source_span(3, 9) == (2, 4)


# --------------------------------------------------------------------------- index


@pytest.fixture
def search(runtime) -> SearchService:
    return SearchService(runtime.db.session_factory)


def test_xiamen_company_with_latin_letters_is_found_as_xiamen(services, search) -> None:
    native = "厦门TCL纺织有限公司"
    cid = services.companies.create(CompanyInput(name_native=native, country="CN")).id
    pal = palladius(pinyin_syllables("厦门"))
    assert pal == "сямэнь"
    # the benchmark's spellings of it: Latin letters of the name kept as written
    for query in (
        "xiamen tcl fangzhiyouxiangongsi",
        "xia men tcl fang zhi you xian gong si",
        f"{pal} tcl фанчжиюсяньгунсы",
        "xiamen",
        "Сямэнь",
        "厦门",
        swap_layout(pal),
    ):
        assert search.matching_ids("company", query) == [cid], query
    assert search.matching_ids("company", "shamen") == []


def test_two_character_prefix_of_a_chinese_full_name(services, search) -> None:
    zhang = services.contacts.create(
        ContactInput(family_name_native="张", given_name_native="国强")
    ).id
    services.contacts.create(ContactInput(family_name_native="张", given_name_native="伟"))
    assert search.matching_ids("contact", "张国") == [zhang]
    assert search.search("张国").ids("contact") == [zhang]
    assert search.matching_ids("contact", "国强") == [zhang]  # the given name alone


@pytest.mark.parametrize(
    "query", ["현대", "현", "대", "hyeondae", "Hyeondae", "хёндэ", "Хендэ", "hyeondae jung"]
)
def test_korean_company_found_in_every_spelling(services, search, query) -> None:
    hyundai = services.companies.create(
        CompanyInput(name_native="현대 중공업", name_latin="Hyundai Heavy Industries", country="KR")
    ).id
    services.companies.create(CompanyInput(name_native="두산", country="KR"))
    assert search.search(query).ids("company") == [hyundai]


@pytest.mark.parametrize("query", ["두산", "dusan", "Тусан", "두"])
def test_doosan_found(services, search, query) -> None:
    doosan = services.companies.create(CompanyInput(name_native="두산", country="KR")).id
    services.companies.create(CompanyInput(name_native="현대", country="KR"))
    assert search.search(query).ids("company") == [doosan]


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("kim minjun", "kim"),
        ("Kim", "kim"),
        ("gim minjun", "kim"),
        ("Ким Минджун", "kim"),
        ("김민", "kim"),
        ("lee sunsin", "lee"),
        ("Ли Сунсин", "lee"),
        ("이순신", "lee"),
    ],
)
def test_korean_people_by_their_family_names_as_written(services, search, query, who) -> None:
    people = {
        "kim": services.contacts.create(
            ContactInput(family_name_native="김", given_name_native="민준")
        ).id,
        "lee": services.contacts.create(
            ContactInput(family_name_native="이", given_name_native="순신")
        ).id,
    }
    assert search.search(query).ids("contact") == [people[who]]


def test_korean_match_is_highlighted_in_hangul(services, search) -> None:
    services.companies.create(CompanyInput(name_native="두산", country="KR"))
    hit = search.search("dusan").hits[0]
    shown = hit.detail or hit.title
    assert shown.text == "두산"
    assert shown.spans == ((0, 2),)


def test_an_index_of_the_previous_version_is_rebuilt_on_open(runtime, paths, db_url) -> None:
    from crm_desktop.runtime import open_runtime

    cid = runtime.services.companies.create(
        CompanyInput(name_native="厦门TCL纺织有限公司", country="CN")
    ).id
    with runtime.db.engine.begin() as conn:
        # what version 1 wrote: the place read character by character, no Korean keys
        conn.execute(text("UPDATE search_doc SET names = 'shamen'"))
        conn.execute(text("UPDATE search_meta SET value = '1' WHERE key = 'version'"))
    runtime.close()
    rt = open_runtime(db_url, paths)
    try:
        with rt.db.engine.connect() as conn:
            assert search_index.index_version(conn) == search_index.INDEX_VERSION != "1"
        assert SearchService(rt.db.session_factory).matching_ids("company", "xiamen") == [cid]
    finally:
        rt.close()


# --------------------------------------------------------------------------- names offered


@pytest.mark.parametrize(
    ("family", "given", "latin", "russian", "split"),
    [
        ("曾国强", "", "Zeng Guoqiang", "Цзэн Гоцян", ("曾", "国强")),  # a whole name, split
        ("曾", "国强", "Zeng Guoqiang", "Цзэн Гоцян", ("曾", "国强")),
        ("欧阳修", "", "Ouyang Xiu", "Оуян Сю", ("欧阳", "修")),  # a compound family name
        ("单", "田芳", "Shan Tianfang", "Шань Тяньфан", ("单", "田芳")),  # 单 as a family name
        ("王", "安", "Wang An", "Ван Ань", ("王", "安")),
        ("张", "国安", "Zhang Guo'an", "Чжан Гоань", ("张", "国安")),  # guo'an, not guan
        ("吕", "布", "Lü Bu", "Люй Бу", ("吕", "布")),
    ],
)
def test_chinese_name_spellings(family, given, latin, russian, split) -> None:
    from crm_desktop.text.names import chinese_name_spellings

    s = chinese_name_spellings(family, given)
    assert s is not None
    assert (s.latin, s.russian) == (latin, russian)
    assert (s.family_native, s.given_native) == split


def test_no_spellings_offered_for_other_scripts() -> None:
    from crm_desktop.text.names import chinese_name_spellings

    assert chinese_name_spellings("Ivanov", "") is None
    assert chinese_name_spellings("王", "Wei") is None
    assert chinese_name_spellings("", "") is None
