"""Chinese headings and names print in a real bold face (Noto Sans CJK SC Bold subset),
embedded in the PDF, with the Chinese text still extractable."""

from __future__ import annotations

import io
import json
import re

import pytest
from document_samples import COMPANY_ZH, sample_memo
from pdfcheck import assert_all_fonts_embedded, inspect_pdf, squash
from pypdf import PdfReader
from stress import TITLE_ZH, stress_memo

from crm_desktop.config import resources_dir
from crm_desktop.documents.fonts import CJK, CJK_BOLD, SANS_BOLD, bundled_fonts
from crm_desktop.documents.memo import MemoRenderer

ORG = "Министерство инвестиций Московской области"
BOLD_FONT = "NotoSansCJKsc-Bold"
REGULAR_FONT = "DroidSansFallback"


def _runs_by_font(pdf: bytes) -> list[tuple[str, str]]:
    """(base font without the subset prefix, text) of every text run on every page."""
    runs: list[tuple[str, str]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:

        def visit(text, cm, tm, font, size):
            if text.strip() and font is not None:
                runs.append((str(font["/BaseFont"]).split("+", 1)[-1], text))

        page.extract_text(visitor_text=visit)
    return runs


def _text_in(runs: list[tuple[str, str]], font: str) -> str:
    return squash("".join(text for name, text in runs if name == font))


@pytest.fixture(scope="module")
def partner_zh() -> bytes:
    return MemoRenderer("zh", ORG, copy="partner").render(stress_memo())


def test_chinese_title_and_headings_are_set_in_the_embedded_bold(partner_zh):
    info = inspect_pdf(partner_zh)
    assert_all_fonts_embedded(info)
    bold = [name for name in info.fonts if name.endswith(BOLD_FONT)]
    assert bold and bold[0].startswith("/") and "+" in bold[0], info.fonts  # a subset
    runs = _runs_by_font(partner_zh)
    in_bold = _text_in(runs, BOLD_FONT)
    assert squash(TITLE_ZH) in in_bold  # the title in the partner's language
    for heading in ("参会人员", "议程", "达成的共识", "后续工作"):
        assert heading in in_bold, heading
    # Body text stays regular: the agreements are in Droid, not in the bold face.
    assert "双方同意在七月前完成场地选择" in _text_in(runs, REGULAR_FONT)
    assert "双方同意在七月前完成场地选择" not in in_bold


def test_chinese_text_in_bold_is_still_extractable(partner_zh):
    info = inspect_pdf(partner_zh)
    assert info.contains(TITLE_ZH)
    assert info.contains("参会人员")


@pytest.mark.parametrize("lang", ["ru", "ru+zh"])
def test_chinese_company_name_is_bold_in_russian_memos(lang):
    pdf = MemoRenderer(lang, ORG).render(sample_memo())
    runs = _runs_by_font(pdf)
    assert COMPANY_ZH in _text_in(runs, BOLD_FONT)
    assert COMPANY_ZH in squash(inspect_pdf(pdf).text)


def test_bold_style_makes_chinese_bold_without_the_flag():
    fonts = bundled_fonts()
    markup = fonts.markup("合同 Contract", style_font=SANS_BOLD)
    assert f'<font name="{CJK_BOLD}">合同 </font>' in markup


def test_character_outside_the_bold_subset_prints_in_the_regular_face():
    fonts = bundled_fonts()
    rare = "䶵"  # CJK extension A: in Droid, not in GB 2312 / Big5 level 1
    assert ord(rare) in fonts._load(CJK).face.charToGlyph
    assert ord(rare) not in fonts._load(CJK_BOLD).face.charToGlyph
    assert [(r.font, r.text) for r in fonts.runs(f"会议{rare}纪要", bold=True)] == [
        (CJK_BOLD, "会议"),
        (CJK, rare),
        (CJK_BOLD, "纪要"),
    ]


def test_bold_subset_covers_the_chinese_the_application_prints():
    fonts = bundled_fonts()
    cmap = fonts._load(CJK_BOLD).face.charToGlyph
    demo = (resources_dir() / "demo" / "demo.json").read_text(encoding="utf-8")
    chinese = set(re.findall(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]", json.dumps(demo)))
    chinese |= set(re.findall(r"[\u4e00-\u9fff]", TITLE_ZH + COMPANY_ZH))
    missing = sorted(c for c in chinese if ord(c) not in cmap)
    assert not missing, "".join(missing)
