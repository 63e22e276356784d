"""Generated PDFs: the recorded text comes back out, every font is embedded, pages flow."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from document_samples import (
    AGREEMENTS,
    COMPANY_ZH,
    sample_dossier,
    sample_memo,
    sample_trip,
)
from pdfcheck import assert_all_fonts_embedded, inspect_pdf, squash

from crm_desktop.documents.data import Person
from crm_desktop.documents.dossier import DossierRenderer
from crm_desktop.documents.memo import MemoRenderer
from crm_desktop.documents.trip import TripReportRenderer

ORG = "Министерство инвестиций Московской области"


@pytest.fixture(scope="module")
def memo_info():
    return inspect_pdf(MemoRenderer("ru", ORG, invariant=True).render(sample_memo()))


def test_memo_contains_recorded_text(memo_info):
    memo = sample_memo()
    assert memo_info.contains(COMPANY_ZH)
    for person in memo.our_side + memo.their_side:
        for name in person.names:
            assert memo_info.contains(name), name
    assert memo_info.contains("Соколова Анна Викторовна")
    assert memo_info.contains("王建国") and memo_info.contains("Ван Цзяньго")
    assert memo_info.body_contains(AGREEMENTS)
    assert memo_info.body_contains(memo.discussion)
    for step in memo.next_steps:
        assert memo_info.contains(step.title)
    assert memo_info.contains("15.12.2025")


def test_memo_fonts_embedded_and_subset(memo_info):
    assert_all_fonts_embedded(memo_info)
    names = " ".join(memo_info.fonts)
    assert "DejaVuSans" in names and "DroidSansFallback" in names
    assert "Helvetica" not in names


def test_memo_times_in_venue_and_moscow(memo_info):
    # 02:00 UTC: 10:00 in Shanghai, 05:00 in Moscow
    assert memo_info.contains("10:00–11:30")
    # zones named as people say them, not as zone ids
    assert memo_info.contains("10:00–11:30 (пекинское время)")
    assert not memo_info.contains("Asia/Shanghai")
    assert memo_info.contains("05:00–06:30 (по московскому времени)")


def test_memo_marks_every_page_and_numbers_pages(memo_info):
    total = len(memo_info.pages)
    for number, page in enumerate(memo_info.pages, start=1):
        assert "КОНФИДЕНЦИАЛЬНО" in page
        assert f"Стр. {number} из {total}" in page
        assert ORG in page


def test_memo_metadata(memo_info):
    assert memo_info.metadata["/Title"].startswith("Протокол встречи: ")
    assert memo_info.metadata["/Author"] == ORG


def test_public_memo_has_no_marking():
    memo = dataclasses.replace(sample_memo(), confidentiality="public")
    info = inspect_pdf(MemoRenderer("ru", ORG).render(memo))
    assert "КОНФИДЕНЦИАЛЬНО" not in info.text and "СЛУЖЕБНОГО" not in info.text


def test_long_memo_flows_over_pages():
    paragraph = (
        "Стороны подробно обсудили логистику комплектующих из Шэньчжэня, таможенное "
        "оформление и сертификацию по техническим регламентам ЕАЭС. 双方讨论了物流。 "
    )
    discussion = "\n\n".join(f"{i}. {paragraph * 3}" for i in range(1, 61))
    steps = sample_memo().next_steps * 20
    memo = dataclasses.replace(sample_memo(), discussion=discussion, next_steps=steps)
    info = inspect_pdf(MemoRenderer("ru+zh", ORG).render(memo))
    total = len(info.pages)
    assert total >= 5
    for number, page in enumerate(info.pages, start=1):
        assert f"Стр. {number} из {total}" in page
        assert squash(f"第 {number} 页，共 {total} 页") in squash(page)
    assert info.body_contains(discussion)
    # the next-steps table repeats its header on every page it spans
    assert info.text.count("Ответственный") >= 2
    assert_all_fonts_embedded(info)


def test_markup_characters_print_literally():
    hostile = (
        '<b>not bold</b> & <font name="Helvetica">x</font> <br/> &amp; &lt; 5 > 3 '
        '<para> ]]> <!-- c --> <img src="/etc/passwd"/> «ёлки» 合同<签署>'
    )
    memo = dataclasses.replace(
        sample_memo(),
        title=hostile,
        agenda=hostile,
        discussion=hostile + "\n\n- " + hostile,
        agreements=hostile,
        their_side=(Person((hostile, "<Li & Na>"), "<CEO>", "A&B <Ltd>"),),
        interpreter="<none>",
        place="R&D <lab>",
    )
    info = inspect_pdf(MemoRenderer("en", "Org <&> Ltd").render(memo))
    assert squash(info.text).count(squash(hostile)) >= 5
    for literal in ("<Li & Na>", "<CEO>", "A&B <Ltd>", "<none>", "R&D <lab>", "Org <&> Ltd"):
        assert info.contains(literal), literal
    assert "Helvetica" not in " ".join(info.fonts)
    assert_all_fonts_embedded(info)


@pytest.mark.parametrize(
    "lang,agenda",
    [
        ("ru", "Повестка"),
        ("en", "Agenda"),
        ("zh", "议程"),
        ("ru+zh", "Повестка / 议程"),
        ("ru+en", "Повестка / Agenda"),
    ],
)
def test_label_languages(lang, agenda):
    info = inspect_pdf(MemoRenderer(lang, ORG).render(sample_memo()))
    assert info.contains(agenda)
    assert info.contains(COMPANY_ZH)
    assert_all_fonts_embedded(info)


def test_memo_without_optional_data():
    memo = dataclasses.replace(
        sample_memo(),
        company_names=(),
        project_title="",
        project_code_name="",
        stage_before=None,
        stage_after=None,
        our_side=(),
        their_side=(),
        agenda="",
        discussion="",
        agreements="",
        next_steps=(),
        interpreter="",
        trip_title="",
        duration_min=None,
        timezone="Europe/Moscow",
        prepared_by="",
    )
    info = inspect_pdf(MemoRenderer("ru", "").render(memo))
    assert "Нет записей." in info.text
    assert "время московское" not in info.text  # the venue already is in Moscow time
    assert_all_fonts_embedded(info)


def test_output_is_reproducible_when_invariant():
    a = MemoRenderer("ru", ORG, invariant=True).render(sample_memo())
    b = MemoRenderer("ru", ORG, invariant=True).render(sample_memo())
    assert a == b


def test_trip_report():
    trip = sample_trip()
    info = inspect_pdf(
        TripReportRenderer("ru", ORG, generated_at=dt.datetime(2025, 11, 25)).render(trip)
    )
    assert "Отчёт о командировке" in info.pages[0]
    assert info.contains(trip.title)
    assert info.contains("17 ноября 2025 г. – 22 ноября 2025 г.")
    assert info.contains("Китай: Шэньчжэнь, Ханчжоу, Сучжоу")
    summary = squash(info.pages[1])
    for memo in trip.memos:
        assert squash(memo.company_names[0]) in summary
    assert "4→5" in summary and "5→6" in summary
    # every memo follows, each starting on its own page
    for memo in trip.memos:
        assert any(squash(memo.title) in squash(p) for p in info.pages[2:])
    assert info.body_contains(AGREEMENTS)
    assert "Подготовлено: 25.11.2025" in info.pages[0]
    assert_all_fonts_embedded(info)


def test_dossier():
    dossier = sample_dossier()
    info = inspect_pdf(DossierRenderer("ru+zh", ORG).render(dossier))
    for text in (
        COMPANY_ZH,
        dossier.name_latin,
        dossier.name_ru,
        "91440300MA5FXXXX0Q",
        "+86 138 0000 0002",
        "lina@lanquan-pump.example.cn",
        "Ван Цзяньго",
        "Презентация региона / 地区推介 → Подбор площадки / 选址",
        "Индустриальный парк «Есипово» / 叶西波沃工业园",
        "Специальный инвестиционный контракт / 特别投资合同",
        "Направить сравнение площадок (RU/ZH)",
        "2 400 000 000 RUB",
    ):
        assert info.body_contains(text), text
    assert info.body_contains(AGREEMENTS)
    assert "Справка о компании / 公司档案" in info.pages[0]
    assert_all_fonts_embedded(info)


def test_dossier_of_an_empty_company():
    from crm_desktop.documents.data import DossierData

    info = inspect_pdf(DossierRenderer("en", ORG).render(DossierData(id="x", names=("ACME",))))
    assert info.text.count("Nothing recorded.") >= 5
    assert_all_fonts_embedded(info)


def test_chinese_paragraphs_break_lines_by_chinese_rules():
    zh = (
        "双方就在莫斯科州建设水泵站生产基地进行了深入交流，中方介绍了公司的生产能力和产品线，"
        "俄方介绍了叶西波沃工业园的基础设施、土地价格和税收优惠政策。"
    )
    memo = dataclasses.replace(
        sample_memo(), discussion="\n\n".join([zh * 5] * 4), agreements="一、" + zh * 3
    )
    info = inspect_pdf(MemoRenderer("zh", "莫斯科州投资部").render(memo))
    lines = [line for page in info.bodies for line in page.splitlines()]
    assert sum("双方" in line for line in lines) >= 10
    assert not [line for line in lines if line.startswith(("，", "。", "、", "；", "）"))]
    assert info.body_contains(zh * 5)


def test_only_mostly_chinese_text_gets_chinese_line_breaking():
    from crm_desktop.documents.base import _mostly_cjk

    assert _mostly_cjk("双方就在莫斯科州建设水泵站生产基地进行了深入交流。中方介绍了公司。")
    assert not _mostly_cjk("Переговоры с 深圳蓝泉泵业科技有限公司 о локализации насосов")
    assert not _mostly_cjk("王建国")  # a name inside Russian text
