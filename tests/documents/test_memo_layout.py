"""Page layout of a memo at full size: pages filled, headings with their first lines, the
signature with the last lines, the ministry name whole, participants in rank order."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from crm_desktop.documents.base import chinese_punctuation
from crm_desktop.documents.data import Localized, Person
from crm_desktop.documents.dossier import DossierRenderer
from crm_desktop.documents.memo import MemoRenderer
from tests.documents.pdfcheck import PdfInfo, inspect_pdf, squash
from tests.documents.stress import (
    LONG_ORGANISATION,
    ORGANISATION_ZH,
    stress_dossier,
    stress_memo,
)

NAMES = Localized(LONG_ORGANISATION, "", ORGANISATION_ZH)


def _render(copy: str, lang: str = "ru+zh", **changes: object) -> PdfInfo:
    renderer = MemoRenderer(lang, LONG_ORGANISATION, copy=copy, organisation_names=NAMES)
    return inspect_pdf(renderer.render(stress_memo(**changes)))


@pytest.fixture(scope="module")
def internal() -> PdfInfo:
    return _render("internal")


@pytest.fixture(scope="module")
def partner() -> PdfInfo:
    return _render("partner")


def _assert_pages_filled(info: PdfInfo) -> None:
    assert len(info.pages) > 2
    thin = [
        (i + 1, round(info.used(i), 2)) for i in range(len(info.pages) - 1) if info.used(i) < 1 / 3
    ]
    assert thin == [], f"pages less than a third full (page, share): {thin}"


def test_no_page_of_the_long_memo_is_mostly_blank(internal, partner):
    # 40 participants, 25,000 characters of minutes, 30 next steps
    assert len(internal.pages) >= 8
    _assert_pages_filled(internal)
    _assert_pages_filled(partner)
    # the participant table starts on page 1 instead of leaving it half empty
    assert internal.used(0) > 0.8


def test_dossier_of_a_200_contact_company_fills_its_pages():
    info = inspect_pdf(DossierRenderer("ru", LONG_ORGANISATION).render(stress_dossier()))
    _assert_pages_filled(info)


def test_signature_stays_with_the_last_lines(internal, partner):
    for info, last_text in ((internal, "Шаг 30"), (partner, "俄方提供三个场地的比较")):
        page = next(i for i, body in enumerate(info.bodies) if "подпись" in body)
        assert squash(last_text) in squash(info.bodies[page]), page
        before_signature = squash(info.bodies[page]).split(squash("Руководитель делегации"))[0]
        assert len(before_signature) > 20 or info is internal


def test_headings_are_not_left_at_the_bottom_of_a_page(internal):
    for i, body in enumerate(internal.bodies[:-1]):
        lines = [line for line in body.split("\n") if line.strip()]
        last = lines[-1] if lines else ""
        for heading in (
            "Повестка",
            "Ход обсуждения",
            "Достигнутые договорённости",
            "Дальнейшие шаги",
            "Со стороны партнёра",
        ):
            assert not last.startswith(heading), (i + 1, last)


def test_ministry_name_is_never_cut(internal, partner):
    for info in (internal, partner):
        for page in info.pages:
            assert squash(LONG_ORGANISATION) in squash(page)
        assert "…" not in info.pages[0].split("\n")[0]
    # the partner's copy names the ministry in the partner's language as well
    assert all(squash(ORGANISATION_ZH) in squash(page) for page in partner.pages)


def test_participants_in_rank_order_head_first(internal):
    text = squash(internal.body)
    # the deputy minister heads our side; the chairman theirs
    assert text.index(squash("Ёлкин Пётр Сергеевич")) < text.index(squash("Егоров Пётр"))
    assert text.index("王建国") < text.index("李娜")


def test_times_are_named_and_dates_given_on_both_sides_of_midnight():
    late = _render(
        "internal", "ru", starts_at=dt.datetime(2026, 5, 20, 15, 0, tzinfo=dt.UTC), duration_min=120
    )
    # 23:00-01:00 Beijing time: both dates
    assert late.contains("20 мая 2026 г., 23:00 – 21 мая 2026 г., 01:00 (пекинское время)")
    assert late.contains("18:00–20:00 (по московскому времени)")
    english = _render("internal", "en")
    assert english.contains("Beijing time") and english.contains("Moscow time")
    assert not english.contains("Asia/Shanghai")
    chinese = _render("partner", "zh")
    assert chinese.contains("北京时间") and chinese.contains("莫斯科时间")


def test_video_call_from_moscow_shows_the_partners_time():
    info = _render(
        "partner",
        "ru",
        timezone="Europe/Moscow",
        format="video",
        partner_timezone="Asia/Shanghai",
        starts_at=dt.datetime(2026, 5, 20, 7, 0, tzinfo=dt.UTC),
    )
    assert info.contains("10:00–12:00 (по московскому времени)")
    assert info.contains("15:00–17:00 (пекинское время)")


def test_chinese_text_gets_full_width_punctuation(partner):
    assert chinese_punctuation("双方同意,继续谈判.") == "双方同意，继续谈判。"
    assert chinese_punctuation("ISO 9001:2015, 1.5 MW") == "ISO 9001:2015, 1.5 MW"
    assert partner.contains("完成场地选择，并签署投资意向书。")
    assert not partner.contains("完成场地选择,")


def test_names_do_not_break_inside(internal):
    # "Кузнецова М. О." in the owner column stays on one line
    for body in internal.bodies:
        for line in body.split("\n"):
            assert not line.rstrip().endswith("Кузнецова М."), line


def test_position_typed_for_the_partners_language_wins():
    head = Person(
        ("Соколов Андрей Викторович",),
        "Заместитель министра",
        head=True,
        position_zh="州政府副部长",
    )
    memo = stress_memo()
    info = inspect_pdf(
        MemoRenderer("ru+zh", LONG_ORGANISATION, copy="partner").render(
            dataclasses.replace(memo, our_side=(head, *memo.our_side[1:]))
        )
    )
    assert info.contains("Заместитель министра / 州政府副部长")


def test_trip_report_summary_page_is_not_left_empty_and_signed_once():
    from crm_desktop.documents.trip import TripReportRenderer
    from tests.documents.document_samples import sample_trip

    trip = sample_trip()
    trip = dataclasses.replace(
        trip,
        memos=trip.memos * 3,
        conclusions="Площадки подобраны.",
        proposals="Провести ответный визит осенью.",
    )
    info = inspect_pdf(TripReportRenderer("ru", LONG_ORGANISATION).render(trip))
    # the summary table starts under its heading on page 2 instead of jumping to page 3
    # with the signature it is kept with
    assert info.used(1) > 0.5
    assert info.contains("Выводы") and info.contains("Площадки подобраны.")
    assert info.contains("Провести ответный визит осенью.")
    # one signature, the head of delegation's, not one approval block per meeting
    assert info.text.count("подпись") == 1
    assert info.contains("Руководитель делегации")
