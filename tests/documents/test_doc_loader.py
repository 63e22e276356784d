"""The loader reads the database into document data; deleted rows never reach paper."""

from __future__ import annotations

import pytest
from dbfixture import AGREED, COMPANY_ZH, build_story
from pdfcheck import assert_all_fonts_embedded, inspect_pdf

from crm_desktop.documents.dossier import DossierRenderer
from crm_desktop.documents.loader import DocumentLoader
from crm_desktop.documents.memo import MemoRenderer
from crm_desktop.documents.trip import TripReportRenderer
from crm_desktop.domain.errors import NotFoundError


@pytest.fixture(scope="module")
def story():
    return build_story()


@pytest.fixture(scope="module")
def loader(story):
    return DocumentLoader(story.session_factory)


def test_memo_data(story, loader):
    memo = loader.memo(story.meeting_id, prepared_by="Громов И. П.")
    assert memo.company_names == (
        COMPANY_ZH,
        "Shenzhen Lanquan Pump Technology Co., Ltd.",
        "Шэньчжэнь Ланьцюань Памп Текнолоджи",
        "Lanquan Pump",
    )
    assert [p.names for p in memo.their_side] == [
        ("王建国", "Jianguo Wang", "Ван Цзяньго"),
        ("李娜", "Na Li", "Ли На"),
    ]
    # rank order: the deputy minister heads the delegation, before the head of division
    assert [p.name for p in memo.our_side] == ["Соколова Анна Викторовна", "Громов Илья Петрович"]
    assert [p.head for p in memo.our_side] == [True, False]
    assert memo.stage_before.en == "Presentation of the region"
    assert memo.stage_after.en == "Site selection"
    assert (memo.stage_before_position, memo.stage_after_position) == (3, 4)
    assert [s.title for s in memo.next_steps] == ["Направить сравнение площадок", "Без срока"]
    assert memo.next_steps[0].owner == "Громов Илья Петрович"
    assert memo.confidentiality == "confidential" and memo.format == "in_person"
    assert memo.agreements == AGREED
    assert memo.trip_title == "Деловая миссия в КНР"


def test_memo_without_own_stage_move_shows_stage_at_the_time(story, loader):
    memo = loader.memo(story.second_meeting_id)
    assert memo.stage_before == memo.stage_after
    assert memo.stage_after.en == "Site selection"
    assert memo.company_names[0] == COMPANY_ZH  # taken from the project


def test_unknown_and_deleted_ids(story, loader):
    with pytest.raises(NotFoundError):
        loader.memo("no-such-id")
    with pytest.raises(NotFoundError):
        loader.memo(story.deleted_meeting_id)
    with pytest.raises(NotFoundError):
        loader.trip("nope")
    with pytest.raises(NotFoundError):
        loader.dossier("nope")


def test_meeting_ids_skip_deleted(story, loader):
    assert loader.meeting_ids() == [story.meeting_id, story.second_meeting_id]
    assert loader.meeting_ids(story.trip_id) == [story.meeting_id, story.second_meeting_id]


def test_organisation_from_settings(loader):
    assert loader.organisation() == "Мининвест <МО> & Co"


def test_trip_data(story, loader):
    trip = loader.trip(story.trip_id)
    assert [m.id for m in trip.memos] == [story.meeting_id, story.second_meeting_id]
    assert [m.name for m in trip.members] == ["Соколова Анна Викторовна", "Громов Илья Петрович"]
    assert trip.confidentiality == "confidential"


def test_dossier_data(story, loader):
    d = loader.dossier(story.company_id)
    assert d.names[0] == COMPANY_ZH
    assert [c.names[0] for c in d.contacts] == ["王建国", "李娜"]  # decision maker first
    assert d.contacts[0].phones == ("+8613800000001",)
    (project,) = d.projects
    assert [m.to_stage.en for m in project.history] == [
        "Presentation of the region",
        "Site selection",
    ]
    assert project.sites[0].name.en == "Esipovo Industrial Park"
    assert [m.title for m in d.past_meetings] == ["Вторая встреча", "Переговоры о локализации"]
    assert [t.title for t in d.open_tasks] == ["Направить сравнение площадок", "Без срока"]


def test_rendered_from_database(story, loader):
    org = loader.organisation()
    memo_pdf = inspect_pdf(MemoRenderer("ru+zh", org).render(loader.memo(story.meeting_id)))
    for text in (
        COMPANY_ZH,
        "Соколова Анна Викторовна",
        "Громов Илья Петрович",
        "王建国",
        "Ван Цзяньго",
        AGREED,
        "Мининвест <МО> & Co",
    ):
        assert memo_pdf.contains(text), text
    assert "Удалённый" not in memo_pdf.text and "Удалённая задача" not in memo_pdf.text
    assert_all_fonts_embedded(memo_pdf)

    trip_pdf = inspect_pdf(TripReportRenderer("ru", org).render(loader.trip(story.trip_id)))
    assert trip_pdf.body_contains(AGREED) and "Удалённая встреча" not in trip_pdf.text
    assert_all_fonts_embedded(trip_pdf)

    dossier_pdf = inspect_pdf(DossierRenderer("en", org).render(loader.dossier(story.company_id)))
    assert dossier_pdf.contains("Esipovo Industrial Park") and dossier_pdf.contains(COMPANY_ZH)
    assert "Prepared on: " in dossier_pdf.pages[0]  # the day the briefing was taken
    assert "Выполненная задача" not in dossier_pdf.text
    assert_all_fonts_embedded(dossier_pdf)


def test_batch_reports_progress_and_stops_when_asked(story, loader):
    from crm_desktop.documents.batch import render_memos

    ids = loader.meeting_ids()
    items = render_memos(loader, MemoRenderer("ru", "Org"), ids)
    first = next(items)
    assert (first.done, first.total) == (1, 2)
    assert first.pdf.startswith(b"%PDF-")
    assert first.filename.startswith("2025-11-18_Переговоры-о-локализации_")
    items.close()  # a cancelled export renders nothing more
    assert [i.done for i in render_memos(loader, MemoRenderer("en", "Org"), ids)] == [1, 2]


def test_document_service_for_the_gui(story):
    from crm_desktop.documents.service import DocumentService

    docs = DocumentService(story.session_factory)
    memo = docs.memo(story.meeting_id, "ru+zh")
    assert memo.filename.endswith(f"_{story.meeting_id[:8]}.pdf")
    assert memo.title == "Протокол встречи: Переговоры о локализации"
    assert inspect_pdf(memo.data).contains(COMPANY_ZH)
    trip = docs.trip_report(story.trip_id, "en")
    assert trip.filename == "2025-11-17_Деловая-миссия-в-КНР_trip.pdf"
    dossier = docs.dossier(story.company_id[:8], "zh")
    assert dossier.filename.startswith("dossier_Shenzhen-Lanquan-Pump-Technology-Co.,-Ltd_")
    assert inspect_pdf(dossier.data).contains("公司档案")
