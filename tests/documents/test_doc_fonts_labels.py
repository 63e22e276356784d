"""Font runs, escaping and label sets."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from crm_desktop.documents.fonts import (
    CJK,
    CJK_BOLD,
    REPLACEMENT,
    SANS,
    SANS_BOLD,
    bundled_fonts,
    clean_text,
)
from crm_desktop.documents.labels import EN, LABEL_SETS, RU, ZH, Labels, LanguageError


@pytest.fixture(scope="module")
def fonts():
    return bundled_fonts()


def test_runs_split_by_script(fonts):
    runs = fonts.runs("ООО «Ромашка» 深圳蓝泉泵业 (Shenzhen), 张伟。")
    assert [(r.font, r.text) for r in runs] == [
        (SANS, "ООО «Ромашка» "),
        (CJK, "深圳蓝泉泵业 "),
        (SANS, "(Shenzhen), "),
        (CJK, "张伟。"),
    ]


def test_bold_runs_use_bold_latin_and_bold_cjk(fonts):
    runs = fonts.runs("Отчёт 报告", bold=True)
    assert [r.font for r in runs] == [SANS_BOLD, CJK_BOLD]


def test_every_run_font_has_its_glyphs(fonts):
    text = "Привет, Hello, Γειά, 你好，世界！ 한국어 かな № ₽ € ¥ — «»"
    for run in fonts.runs(text):
        cmap = fonts._load(run.font).face.charToGlyph
        for ch in run.text:
            assert ord(ch) in cmap, (ch, run.font)


def test_character_without_glyph_becomes_visible_replacement(fonts):
    runs = fonts.runs("a\U0001fae0b")  # an emoji no bundled font has
    assert "".join(r.text for r in runs) == f"a{REPLACEMENT}b"


def test_markup_escapes_user_text(fonts):
    markup = fonts.markup('<b>bold?</b> & "quotes" > <font name="x">')
    assert "<b>" not in markup and "&lt;b&gt;bold?&lt;/b&gt; &amp;" in markup
    assert '&lt;font name="x"&gt;' in markup


def test_markup_keeps_line_breaks(fonts):
    assert fonts.markup("one\r\ntwo").count("<br/>") == 1


def test_clean_text_drops_control_characters():
    assert clean_text("a\x00b\x07c\u200bd\te") == "abcd    e"


def test_label_sets_complete():
    for labels in LABEL_SETS.values():
        for f in dataclasses.fields(labels):
            value = getattr(labels, f.name)
            if f.name in ("public",):
                continue
            assert value, (labels.code, f.name)
    # every enumeration has the same codes in every language
    for table in (
        "formats",
        "project_statuses",
        "task_statuses",
        "company_kinds",
        "site_kinds",
        "measure_kinds",
    ):
        assert getattr(RU, table).keys() == getattr(EN, table).keys() == getattr(ZH, table).keys()


def test_enumerations_cover_domain_values():
    from crm_desktop.domain import models

    for enum_cls, table in (
        (models.MeetingFormat, "formats"),
        (models.ProjectStatus, "project_statuses"),
        (models.TaskStatus, "task_statuses"),
        (models.CompanyKind, "company_kinds"),
        (models.SiteKind, "site_kinds"),
        (models.MeasureKind, "measure_kinds"),
    ):
        for member in enum_cls:
            assert member.value in getattr(RU, table), (table, member.value)


def test_page_of_in_each_language():
    assert Labels.parse("ru").page_of(2, 5) == "Стр. 2 из 5"
    assert Labels.parse("en").page_of(2, 5) == "Page 2 of 5"
    assert Labels.parse("zh").page_of(2, 5) == "第 2 页，共 5 页"
    assert Labels.parse("ru+zh").page_of(1, 3) == "Стр. 1 из 3  ·  第 1 页，共 3 页"


def test_bilingual_labels_side_by_side():
    labels = Labels.parse("ru+zh")
    assert labels.inline("agenda") == "Повестка / 议程"
    assert labels.pair("agreements") == ("Достигнутые договорённости", "达成的共识")
    assert labels.marking("confidential") == "КОНФИДЕНЦИАЛЬНО / 机密"
    assert labels.marking("public") == ""
    assert Labels.parse("ru+en").code == "ru+en"


@pytest.mark.parametrize("spec", ["de", "ru+ru", "ru+zh+en", ""])
def test_unknown_language_rejected(spec):
    if spec == "":
        assert Labels.parse(spec).code == "ru"  # empty means the default
        return
    with pytest.raises(LanguageError):
        Labels.parse(spec)


def test_value_formatting():
    assert RU.format_date(dt.date(2025, 11, 18)) == "18 ноября 2025 г."
    assert EN.format_date(dt.date(2025, 11, 18)) == "18 November 2025"
    assert ZH.format_date(dt.date(2025, 11, 18)) == "2025年11月18日"
    assert RU.format_money(Decimal("2400000000.00"), "RUB") == "2\u00a0400\u00a0000\u00a0000 RUB"
    assert EN.format_number(Decimal("12.5")) == "12.50"
    assert RU.format_number(Decimal("12.5")) == "12,50"


def test_short_russian_names_in_summary_tables():
    from crm_desktop.documents.labels import short_name

    assert short_name("Белов Дмитрий Сергеевич") == "Белов Д. С."
    assert short_name("Римский-Корсаков Николай") == "Римский-Корсаков Н."
    assert short_name("王建国") == "王建国"
    assert short_name("Anna Sokolova") == "Anna Sokolova"
    assert short_name("Громов И. П.") == "Громов И. П."
