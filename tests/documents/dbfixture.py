"""A small database with one story, written straight through the ORM (no services needed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from crm_desktop.domain.base import Base
from crm_desktop.domain.models import (
    Company,
    Confidentiality,
    Contact,
    MeasureKind,
    Meeting,
    MeetingFormat,
    Member,
    Project,
    Setting,
    Site,
    SiteKind,
    Stage,
    StageChange,
    SupportMeasure,
    Task,
    TaskStatus,
    Trip,
)

UTC = dt.UTC
COMPANY_ZH = "深圳蓝泉泵业科技有限公司"
AGREED = (
    "1. Министерство направит сравнение площадок <до 15.12> & перевод на китайский.\n"
    "2. 双方同意继续谈判。"
)


@dataclass
class Story:
    session_factory: sessionmaker[Session]
    meeting_id: str
    second_meeting_id: str
    deleted_meeting_id: str
    trip_id: str
    company_id: str
    project_id: str


def build_story() -> Story:
    engine = create_engine(
        "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
    )
    Base.metadata.create_all(engine)
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory() as s:
        stages = [
            Stage(position=i, code=c, name_ru=ru, name_en=en, name_zh=zh)
            for i, (c, ru, en, zh) in enumerate(
                [
                    ("lead", "Первичный контакт", "Lead", "初步接触"),
                    ("first_meeting", "Первая встреча", "First meeting", "首次会谈"),
                    (
                        "presentation",
                        "Презентация региона",
                        "Presentation of the region",
                        "地区推介",
                    ),
                    ("site_selection", "Подбор площадки", "Site selection", "选址"),
                    ("site_visit", "Визит на площадку", "Site visit", "实地考察"),
                ],
                start=1,
            )
        ]
        s.add_all(stages)
        anna = Member(
            name="Соколова Анна Викторовна",
            name_latin="Anna Sokolova",
            position="Заместитель министра",
            department="Мининвест МО",
        )
        ilya = Member(name="Громов Илья Петрович", position="Начальник отдела")
        gone = Member(name="Удалённый Участник", deleted_at=dt.datetime(2025, 1, 1, tzinfo=UTC))
        company = Company(
            name="Lanquan Pump",
            name_native=COMPANY_ZH,
            name_latin="Shenzhen Lanquan Pump Technology Co., Ltd.",
            name_ru="Шэньчжэнь Ланьцюань Памп Текнолоджи",
            country="CN",
            city="Шэньчжэнь",
            registration_code="91440300MA5FXXXX0Q",
            employees=2300,
            revenue=Decimal("1850000000"),
            revenue_currency="CNY",
        )
        wang = Contact(
            company=company,
            family_name_native="王",
            given_name_native="建国",
            family_name_latin="Wang",
            given_name_latin="Jianguo",
            family_name_ru="Ван",
            given_name_ru="Цзяньго",
            display_name="王建国",
            position="董事长",
            decision_maker=True,
            phones=[{"kind": "mobile", "value": "+8613800000001"}],
            emails=[{"kind": "work", "value": "wang@lanquan.example.cn"}],
        )
        li = Contact(
            company=company,
            family_name_native="李",
            given_name_native="娜",
            family_name_latin="Li",
            given_name_latin="Na",
            family_name_ru="Ли",
            given_name_ru="На",
            display_name="李娜",
            position="Director",
        )
        site = Site(
            name="Индустриальный парк «Есипово»",
            name_en="Esipovo Industrial Park",
            kind=SiteKind.INDUSTRIAL_PARK,
            available_area_m2=Decimal("12000"),
        )
        measure = SupportMeasure(
            name="СПИК",
            name_en="Special investment contract",
            kind=MeasureKind.TAX,
            terms="0 % налог на прибыль",
        )
        s.add_all([anna, ilya, gone, company, wang, li, site, measure])
        s.flush()
        project = Project(
            title="Завод насосных станций",
            code_name="Родник",
            company=company,
            stage_id=stages[3].id,
            stage_entered_at=dt.datetime(2025, 11, 18, 3, 0, tzinfo=UTC),
            owner=ilya,
            capex=Decimal("2400000000"),
            capex_currency="RUB",
            jobs=180,
            probability=60,
            sites=[site],
            measures=[measure],
        )
        trip = Trip(
            title="Деловая миссия в КНР",
            countries=["CN"],
            cities="Шэньчжэнь",
            start_date=dt.date(2025, 11, 17),
            end_date=dt.date(2025, 11, 22),
            goals="Подбор площадок",
            members=[anna, ilya, gone],
        )
        s.add_all([project, trip])
        s.flush()
        s.add(
            StageChange(
                project_id=project.id,
                from_stage_id=None,
                to_stage_id=stages[2].id,
                changed_at=dt.datetime(2025, 9, 1, tzinfo=UTC),
                member_id=anna.id,
            )
        )
        meeting = Meeting(
            title="Переговоры о локализации",
            trip=trip,
            company=company,
            project=project,
            starts_at=dt.datetime(2025, 11, 18, 2, 0, tzinfo=UTC),
            timezone="Asia/Shanghai",
            duration_min=90,
            place="Шэньчжэнь",
            format=MeetingFormat.IN_PERSON,
            language="ru, zh",
            interpreter="张伟",
            agenda="Площадки",
            discussion="Обсудили сроки.",
            agreements=AGREED,
            confidentiality=Confidentiality.CONFIDENTIAL,
            our_participants=[anna, ilya, gone],
            their_participants=[wang, li],
        )
        second = Meeting(
            title="Вторая встреча",
            trip=trip,
            project=project,
            starts_at=dt.datetime(2025, 11, 20, 6, 0, tzinfo=UTC),
            timezone="Asia/Shanghai",
            agreements="Без изменений.",
        )
        deleted = Meeting(
            title="Удалённая встреча",
            trip=trip,
            company=company,
            starts_at=dt.datetime(2025, 11, 19, 6, 0, tzinfo=UTC),
            timezone="Asia/Shanghai",
            deleted_at=dt.datetime(2025, 11, 21, tzinfo=UTC),
        )
        s.add_all([meeting, second, deleted])
        s.flush()
        s.add(
            StageChange(
                project_id=project.id,
                from_stage_id=stages[2].id,
                to_stage_id=stages[3].id,
                changed_at=meeting.starts_at,
                member_id=ilya.id,
                meeting_id=meeting.id,
                note="после встречи",
            )
        )
        s.add_all(
            [
                Task(
                    title="Направить сравнение площадок",
                    owner=ilya,
                    due_date=dt.date(2025, 12, 15),
                    meeting_id=meeting.id,
                    project_id=project.id,
                ),
                Task(title="Без срока", meeting_id=meeting.id),
                Task(
                    title="Удалённая задача",
                    meeting_id=meeting.id,
                    deleted_at=dt.datetime(2025, 11, 21, tzinfo=UTC),
                ),
                Task(title="Выполненная задача", company_id=company.id, status=TaskStatus.DONE),
            ]
        )
        s.add(Setting(key="organisation_name", value="Мининвест <МО> & Co"))
        s.commit()
        return Story(factory, meeting.id, second.id, deleted.id, trip.id, company.id, project.id)
