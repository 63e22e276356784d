"""Internal memo and partner's copy; approving freezes a memo, editing makes revision 2."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlalchemy import select

from crm_desktop.application.memos import MemoService, number_from_format
from crm_desktop.documents.snapshot import memo_from_json, memo_to_json
from crm_desktop.domain.context import Context
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.models import (
    Meeting,
    Member,
    MemoRevision,
    Project,
    Setting,
    Task,
    TaskStatus,
)
from crm_desktop.domain.services.settings import (
    MEMO_APPROVER,
    MEMO_APPROVER_POSITION,
    MEMO_DISTRIBUTION,
    MEMO_NUMBER_FORMAT,
    ORGANISATION_NAME_ZH,
)
from tests.documents.dbfixture import Story, build_story
from tests.documents.pdfcheck import inspect_pdf

TITLE_ZH = "关于本地化生产的会谈"
AGREED_ZH = "双方同意在十二月前完成场地比较"
PLACE_RU, PLACE_ZH = "Шэньчжэнь", "深圳市南山区，恒通总部"
PROJECT_RU, PROJECT_EN, PROJECT_ZH = (
    "Завод насосных станций",
    "Pumping station plant",
    "泵站工厂项目",
)
INTERNAL_ONLY = (
    "Стадия",
    "Презентация региона",
    "Подбор площадки",
    "Статус",
    "открыта",
    "КОНФИДЕНЦИАЛЬНО",
    "机密",
    "内部资料",
    "ДЛЯ СЛУЖЕБНОГО",
    "Ход обсуждения",
    "Обсудили сроки",
    "Родник",
    "УТВЕРЖДАЮ",
    "Рег. №",
    "Экз. №",
    "Рассылка",
    "Составил",
    "阶段",
    "状态",
    "未开始",
)


@pytest.fixture()
def story() -> Story:
    story = build_story()
    with story.session_factory() as s:
        meeting = s.get(Meeting, story.meeting_id)
        meeting.second_language = "zh"
        meeting.title_alt = TITLE_ZH
        meeting.agreements_alt = AGREED_ZH
        meeting.place_alt = PLACE_ZH
        project = s.get(Project, story.project_id)
        project.title_en, project.title_zh = PROJECT_EN, PROJECT_ZH
        s.add_all(
            [
                Setting(key=MEMO_APPROVER, value="А. В. Соколов"),
                Setting(key=MEMO_APPROVER_POSITION, value="Министр"),
                Setting(key=MEMO_DISTRIBUTION, value="Министру\nВ дело"),
                Setting(key=ORGANISATION_NAME_ZH, value="莫斯科州投资部"),
            ]
        )
        s.commit()
    return story


def _memos(story: Story, day: dt.date = dt.date(2026, 6, 1)) -> MemoService:
    with story.session_factory() as s:
        ilya = s.scalars(select(Member).where(Member.name == "Громов Илья Петрович")).one()
    ctx = Context(story.session_factory, "device-1", ilya.id)
    return MemoService(ctx, today=lambda: day)


def test_partner_copy_shows_nothing_internal_and_the_chinese_text(story):
    memos = _memos(story)
    partner = inspect_pdf(memos.render(story.meeting_id, "ru+zh", "partner").data)
    leaked = [s for s in INTERNAL_ONLY if partner.contains(s)]
    assert leaked == []
    for wanted in (
        TITLE_ZH,
        AGREED_ZH,
        "Переговоры о локализации",
        "莫斯科州投资部",
        "Руководитель делегации / 代表团团长",
        "王建国",
        "Соколова Анна Викторовна",
    ):
        assert partner.contains(wanted), wanted
    # both heads of delegation sign: two signature captions
    assert partner.text.count("подпись") == 2
    # the internal memo has all of it
    internal = inspect_pdf(memos.render(story.meeting_id, "ru+zh", "internal").data)
    for wanted in ("Стадия", "Ход обсуждения", "КОНФИДЕНЦИАЛЬНО", "УТВЕРЖДАЮ", "Родник"):
        assert internal.contains(wanted), wanted


def test_chinese_partner_copy_prints_the_second_language_text(story):
    zh = inspect_pdf(_memos(story).render(story.meeting_id, "zh", "partner").data)
    assert zh.contains(TITLE_ZH) and zh.contains(AGREED_ZH)
    assert not zh.contains("Переговоры о локализации")


def test_chinese_partner_copy_prints_the_place_and_project_in_chinese(story):
    zh = inspect_pdf(_memos(story).render(story.meeting_id, "zh", "partner").data)
    assert zh.contains(PLACE_ZH) and zh.contains(PROJECT_ZH)
    # (the company's Russian name has the city in it: the place's own line is checked)
    lines = "\n".join(zh.pages).splitlines()
    assert PLACE_RU not in lines and not zh.contains(PROJECT_RU)
    both = inspect_pdf(_memos(story).render(story.meeting_id, "ru+zh", "partner").data)
    for wanted in (PLACE_RU, PLACE_ZH, PROJECT_RU, PROJECT_ZH):
        assert both.contains(wanted), wanted
    en = inspect_pdf(_memos(story).render(story.meeting_id, "en", "partner").data)
    assert en.contains(PROJECT_EN) and not en.contains(PROJECT_RU)
    # the internal memo in Russian is as before
    ru = inspect_pdf(_memos(story).render(story.meeting_id, "ru").data)
    assert ru.contains(PROJECT_RU) and not ru.contains(PROJECT_ZH) and not ru.contains(PLACE_ZH)


def test_partner_copy_falls_back_to_the_russian_place_and_project(story):
    with story.session_factory() as s:
        s.get(Meeting, story.meeting_id).place_alt = ""
        project = s.get(Project, story.project_id)
        project.title_en = project.title_zh = ""
        s.commit()
    zh = inspect_pdf(_memos(story).render(story.meeting_id, "zh", "partner").data)
    assert zh.contains(PLACE_RU) and zh.contains(PROJECT_RU)


def test_approved_memo_keeps_the_place_and_project_as_approved(story):
    memos = _memos(story)
    memos.approve(story.meeting_id)
    before = inspect_pdf(memos.render(story.meeting_id, "zh", "partner").data)
    with story.session_factory() as s:
        s.get(Project, story.project_id).title_zh = "另一个项目"
        s.commit()
    again = memos.render(story.meeting_id, "zh", "partner")
    assert again.frozen
    assert inspect_pdf(again.data).pages == before.pages
    assert before.contains(PROJECT_ZH) and before.contains(PLACE_ZH)


def test_a_snapshot_stored_before_the_place_and_project_titles_still_loads(story):
    data = _memos(story).live(story.meeting_id)
    raw = json.loads(memo_to_json(data))
    for key in ("place_alt", "project_title_en", "project_title_zh"):
        del raw["memo"][key]
    old = memo_from_json(json.dumps(raw, ensure_ascii=False))
    assert (old.place_alt, old.project_title_en, old.project_title_zh) == ("", "", "")
    assert old.project_title == PROJECT_RU and old.place == PLACE_RU
    assert (
        dataclasses.replace(
            old, place_alt=PLACE_ZH, project_title_en=PROJECT_EN, project_title_zh=PROJECT_ZH
        )
        == data
    )


def test_internal_memo_requisites(story):
    memos = _memos(story)
    draft = memos.render(story.meeting_id, "ru")
    info = inspect_pdf(draft.data)
    for wanted in (
        "Проект (не утверждён)",
        "УТВЕРЖДАЮ",
        "Министр",
        "А. В. Соколов",
        "Дата составления",
        "Место составления: Шэньчжэнь",
        "КОНФИДЕНЦИАЛЬНО, Экз. № 1",
        "Составил",
        "Начальник отдела",
        "Громов Илья Петрович",
        "Экз. № 1 — Министру",
        "Экз. № 2 — В дело",
    ):
        assert info.contains(wanted), wanted
    assert draft.compiler == "Громов Илья Петрович, Начальник отдела"
    memos.approve(story.meeting_id)
    approved = inspect_pdf(memos.render(story.meeting_id, "ru").data)
    assert approved.contains("Рег. № 2026-0001")
    assert approved.contains("1 июня 2026 г.")
    assert not approved.contains("Проект (не утверждён)")


def test_approved_memo_reprints_the_same_after_a_task_changes_status(story):
    memos = _memos(story)
    approval = memos.approve(story.meeting_id)
    assert (approval.number, approval.revision, approval.new) == ("2026-0001", 1, True)
    before = inspect_pdf(memos.render(story.meeting_id, "ru").data)
    assert before.contains("открыта") and not before.contains("выполнена")
    with story.session_factory() as s:
        for task in s.scalars(select(Task).where(Task.meeting_id == story.meeting_id)):
            task.status = TaskStatus.DONE
        s.commit()
    again = memos.render(story.meeting_id, "ru")
    assert again.frozen and not again.state.changed_since  # progress is not an edit
    assert inspect_pdf(again.data).pages == before.pages
    # the draft shows the meeting as it is now
    assert inspect_pdf(memos.render(story.meeting_id, "ru", draft=True).data).contains("выполнена")
    # approving unchanged content stores nothing new
    assert memos.approve(story.meeting_id) == approval.__class__("2026-0001", 1, False)


def test_an_edited_meeting_approved_again_is_revision_2_under_the_same_number(story):
    memos = _memos(story)
    memos.approve(story.meeting_id)
    with story.session_factory() as s:
        s.get(Meeting, story.meeting_id).agreements = "Новая редакция договорённостей."
        s.commit()
    state = memos.state(story.meeting_id)
    assert state.approved and state.changed_since and state.revision == 1
    reprint = inspect_pdf(memos.render(story.meeting_id, "ru").data)
    assert not reprint.contains("Новая редакция")  # still revision 1 as approved
    second = memos.approve(story.meeting_id)
    assert (second.number, second.revision, second.new) == ("2026-0001", 2, True)
    info = inspect_pdf(memos.render(story.meeting_id, "ru").data)
    assert info.contains("Рег. № 2026-0001 (редакция 2)")
    assert info.contains("Новая редакция договорённостей.")
    assert not memos.state(story.meeting_id).changed_since
    # another meeting takes the next number of the year
    assert memos.approve(story.second_meeting_id).number == "2026-0002"
    with story.session_factory() as s:
        assert s.scalar(select(Setting.value).where(Setting.key == "memo_number_seq_2026")) == "2"
        assert len(list(s.scalars(select(MemoRevision)))) == 3


def test_number_format_from_settings(story):
    with story.session_factory() as s:
        s.add(Setting(key=MEMO_NUMBER_FORMAT, value="МИ-{seq}/{year}"))
        s.commit()
    assert _memos(story).approve(story.meeting_id).number == "МИ-1/2026"
    with pytest.raises(CrmError, match="must contain"):
        number_from_format("{year}", 2026, 1)
    with pytest.raises(CrmError):
        number_from_format("{seq:q}", 2026, 1)


def test_snapshot_round_trip_keeps_every_field(story):
    data = _memos(story).live(story.meeting_id)
    assert memo_from_json(memo_to_json(data)) == data


def test_approve_and_revise_on_both_backends(services):
    """The same on an SQLite file and on PostgreSQL (migrated through 0006)."""
    from crm_desktop.demo import load_demo

    load_demo(services)
    meeting = next(m for m in services.meetings.list() if "Kaiyuan Pump" in m.title)
    memos = MemoService(services.ctx, today=lambda: dt.date(2026, 6, 1))
    first = memos.approve(meeting.id)
    assert (first.number, first.revision) == ("2026-0001", 1)
    with services.ctx.unit_of_work() as s:
        s.get(Meeting, meeting.id).agreements_alt = "双方同意。"
    assert memos.state(meeting.id).changed_since
    assert memos.approve(meeting.id).revision == 2
    info = inspect_pdf(memos.render(meeting.id, "ru+zh", "partner").data)
    assert info.contains("双方同意。") and info.contains("Руководитель делегации")


def test_partner_text_survives_the_editor_form_and_its_draft(story):
    from crm_desktop.application.meeting_form import MeetingDraft, MeetingForm

    with story.session_factory() as s:
        form = MeetingForm.from_meeting(s.get(Meeting, story.meeting_id))
    assert (form.second_language, form.title_alt) == ("zh", TITLE_ZH)
    draft = MeetingDraft.from_json(form.to_draft().to_json())
    again = MeetingForm.new(dt.datetime(2026, 6, 1, tzinfo=dt.UTC)).with_draft(draft)
    assert again.agreements_alt == AGREED_ZH
    recorded = again.meeting_input()
    assert (recorded.title_alt, recorded.second_language) == (TITLE_ZH, "zh")
