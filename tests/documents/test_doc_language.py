"""Values recorded in Russian print in the document's language (en, zh, ru+zh)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.config import Paths
from crm_desktop.documents.labels import Labels
from crm_desktop.documents.service import DocumentService
from crm_desktop.documents.values import job_title, language_list
from tests.documents.pdfcheck import inspect_pdf, squash

CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")


def test_language_lists_in_each_language():
    assert language_list("китайский, русский", "en") == "Chinese, Russian"
    assert language_list("китайский, русский", "zh") == "中文、俄语"
    assert language_list("zh, en", "ru") == "китайский, английский"
    assert language_list("Chinese and English", "ru") == "китайский, английский"
    assert language_list("普通话/俄语", "en") == "Chinese, Russian"
    assert language_list("китайский, суахили", "en") == "Chinese, суахили"  # unknown: as typed
    assert language_list("", "en") == ""
    both = Labels.parse("ru+zh")
    assert both.languages("китайский, русский") == "китайский, русский / 中文、俄语"


def test_job_titles_in_any_of_their_forms():
    assert job_title("Председатель совета директоров", "en") == "Chairman of the Board of Directors"
    assert job_title("председатель  совета директоров", "zh") == "董事长"
    assert job_title("General Manager", "ru") == "Генеральный менеджер"
    assert job_title("Специалист по охране труда", "en") == "Специалист по охране труда"
    assert Labels.parse("en").job_title("Заместитель министра") == "Deputy Minister"
    assert Labels.parse("ru").job_title("Заместитель министра") == "Заместитель министра"


@pytest.fixture
def docs(demo_db: Path, paths: Paths) -> Iterator[tuple[DocumentService, str]]:
    from crm_desktop.runtime import open_runtime

    rt = open_runtime("sqlite:///" + str(demo_db), paths)
    meeting = next(m for m in rt.services.meetings.list() if "итоги трёх лет" in m.title)
    member = next(m for m in rt.services.members.list() if m.name.startswith("Кузнецова"))
    yield DocumentService(rt.services.ctx.session_factory, member.id), meeting.id
    rt.close()


def _free_text_words(docs: DocumentService, meeting_id: str) -> set[str]:
    """The Cyrillic words a memo may print in any language: what people typed (titles,
    places, discussion, task titles), the organisation and people's and companies' names."""
    m = docs.loader.memo(meeting_id, docs.prepared_by())
    texts = [
        m.title,
        m.place,
        m.trip_title,
        m.project_title,
        m.agenda,
        m.discussion,
        m.agreements,
        docs.loader.organisation(),
        *m.company_names,
        *(step.title for step in m.next_steps),
    ]
    texts += [name for p in (*m.our_side, *m.their_side) for name in p.names]
    return {w for t in texts for w in CYRILLIC_WORD.findall(t)}


def test_english_memo_prints_no_russian_values(docs):
    service, meeting_id = docs
    text = inspect_pdf(service.memo(meeting_id, "en").data).text
    allowed = _free_text_words(service, meeting_id)
    stray = sorted(set(CYRILLIC_WORD.findall(text)) - allowed)
    assert stray == [], f"Russian values in the English memo: {stray}"
    flat = squash(text)
    for english in (
        "LanguageChinese,Russian",
        "InterpreterEkaterinaOrlova",
        "Inperson",
        "DeputyMinister",
        "ChairmanoftheBoardofDirectors",
        "IlyaZhukov",
        "Compiledby",
        "MarinaKuznetsova",
        "Siteselection→Offerandsupportmeasures",
    ):
        assert english.lower() in flat.lower(), english
    for russian in ("китайский", "ОрловаЕ.А.", "Заместительминистра", "ЖуковИльяПавлович"):
        assert russian not in flat


def test_chinese_memo_prints_chinese_values(docs):
    service, meeting_id = docs
    info = inspect_pdf(service.memo(meeting_id, "zh").data)
    allowed = _free_text_words(service, meeting_id)
    assert sorted(set(CYRILLIC_WORD.findall(info.text)) - allowed) == []
    for chinese in ("中文、俄语", "董事长", "副部长", "面谈", "Ekaterina Orlova"):
        assert info.contains(chinese), chinese


def test_russian_memo_and_partners_copy(docs):
    service, meeting_id = docs
    ru = inspect_pdf(service.memo(meeting_id, "ru").data)
    for russian in (
        "китайский, русский",
        "Орлова Е. А.",
        "Председатель совета директоров",
        "Жуков И. П.",
    ):
        assert ru.contains(russian), russian
    both = inspect_pdf(service.memo(meeting_id, "ru+zh").data)
    assert both.contains("китайский, русский / 中文、俄语")
    assert both.contains("Председатель совета директоров / 董事长")


def test_trip_report_and_dossier_in_english(demo_db: Path, paths: Paths):
    from crm_desktop.runtime import open_runtime

    rt = open_runtime("sqlite:///" + str(demo_db), paths)
    try:
        service = DocumentService(rt.services.ctx.session_factory)
        trip = rt.services.trips.list()[0]
        report = inspect_pdf(service.trip_report(trip.id, "en").data)
        assert report.contains("Marina Kuznetsova — Head of the Foreign Investor Relations")
        assert not report.contains("Кузнецова Марина Олеговна —")
        company = next(
            c for c in rt.services.companies.list() if c.name_native == "凯源泵业集团有限公司"
        )
        dossier = inspect_pdf(service.dossier(company.id, "en").data)
        assert dossier.contains("Responsible Ilya Zhukov")
        assert dossier.contains("Lead → First meeting Ilya Zhukov")
        assert dossier.contains("Chairman of the Board of Directors")
        assert not dossier.contains("Жуков")
        assert not dossier.contains("Председатель совета директоров")
    finally:
        rt.close()
