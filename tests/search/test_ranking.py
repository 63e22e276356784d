"""Ctrl+K's ranking on the demo data: a whole name or a family name first, across kinds;
each hit carries its native name and the spelling that matched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import ContactInput
from crm_desktop.search.keys import query_variants
from crm_desktop.search.service import SearchService, _name_tier


@pytest.fixture
def demo(demo_db: Path, paths) -> Iterator[SearchService]:
    from crm_desktop.runtime import open_runtime

    rt = open_runtime("sqlite:///" + str(demo_db), paths)
    try:
        yield SearchService(rt.db.session_factory)
    finally:
        rt.close()


@pytest.mark.parametrize("query", ["ван", "wang", "Ван", "Wang", "dfy"])
def test_a_family_name_puts_the_person_above_texts_that_contain_it(demo, query) -> None:
    hits = demo.search(query).hits
    first = hits[0]
    assert (first.kind, first.title.text) == ("contact", "王建国")
    assert first.title.spans == ((0, 1),)  # 王 in bold
    # the pump company (its industry says "оборудоВАНие") and the meeting
    # "согласоВАНие" come later
    titles = [h.title.text for h in hits]
    kaiyuan = titles.index("Kaiyuan Pump Group Co., Ltd.")
    agreement = next(i for i, t in enumerate(titles) if "согласование" in t)
    assert 0 < agreement and 0 < kaiyuan
    assert first.tier == 1 and hits[kaiyuan].tier > first.tier


def test_the_spelling_that_matched_is_shown_as_written_abroad(demo) -> None:
    hit = demo.search("wang").hits[0]
    assert hit.spelling is not None and hit.spelling.text == "Wang Jianguo"
    assert hit.spelling.spans == ((0, 4),)
    hit = demo.search("ван").hits[0]
    assert hit.spelling is not None and hit.spelling.text == "Ван Цзяньго"
    hit = demo.search("jianguo").hits[0]
    assert hit.spelling is not None and hit.spelling.text == "Wang Jianguo"
    assert hit.title.spans == ((1, 3),)  # 建国


def test_a_company_shows_its_chinese_name_with_the_match_in_it(demo) -> None:
    hit = demo.search("凯源").hits[0]
    assert hit.title.text == "Kaiyuan Pump Group Co., Ltd."
    assert hit.native is not None and hit.native.text == "凯源泵业集团有限公司"
    assert hit.native.spans == ((0, 2),)
    hit = demo.search("Кайюань").hits[0]
    assert hit.kind == "company" and hit.native is not None


def test_pinyin_typed_word_by_word_finds_a_name_written_together(demo) -> None:
    assert demo.search("kaiyuan bengye").hits[0].native.text == "凯源泵业集团有限公司"
    assert "kaiyuanbengye" in [v.text for v in query_variants("kaiyuan bengye")]


def test_exact_name_before_longer_names_and_word_starts(services, runtime) -> None:
    search = SearchService(runtime.db.session_factory)
    inside = services.companies.create(CompanyInput(name="Taiwang Trading")).id
    starts = services.companies.create(CompanyInput(name="Wangfujing Holdings")).id
    exact = services.companies.create(CompanyInput(name="Wang")).id
    person = services.contacts.create(
        ContactInput(family_name_native="王", given_name_native="芳")
    ).id
    r = search.search("wang")
    assert r.ids("company") == [exact, starts, inside]
    # a whole name (the company "Wang") before a family name, before a word start
    assert [g.kind for g in r.groups][:2] == ["company", "contact"]
    assert r.ids("contact") == [person]


@pytest.mark.parametrize(
    ("names", "tier"),
    [
        ("wang", 0),
        ("wang jianguo\nwangjianguo", 1),
        ("li wang", 2),
        ("wangjianguo", 3),
        ("li wangfang", 4),
        ("taiwang", 5),
        ("kaiyuan", 6),
    ],
)
def test_name_tiers(names, tier) -> None:
    assert _name_tier(names, tuple(query_variants("wang"))) == tier
