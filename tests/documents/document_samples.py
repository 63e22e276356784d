"""Fictional, self-contained document data for benchmarks and tests (no database needed).

The story follows resources/demo: a Moscow Region delegation meets a Chinese pump maker.
Names are invented; the Esipovo industrial park is a real public place.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from crm_desktop.documents.data import (
    ContactEntry,
    DossierData,
    Localized,
    MeasureEntry,
    MemoData,
    OpenTask,
    PastMeeting,
    Person,
    ProjectEntry,
    SiteEntry,
    StageMove,
    Step,
    TripReportData,
)

COMPANY_ZH = "深圳蓝泉泵业科技有限公司"
COMPANY_EN = "Shenzhen Lanquan Pump Technology Co., Ltd."
COMPANY_RU = "Шэньчжэнь Ланьцюань Памп Текнолоджи"

STAGE_SITE_SELECTION = Localized("Подбор площадки", "Site selection", "选址")
STAGE_SITE_VISIT = Localized("Визит на площадку", "Site visit", "实地考察")
STAGE_OFFER = Localized(
    "Предложение и меры поддержки", "Offer and support measures", "方案与支持措施"
)
STAGE_PRESENTATION = Localized("Презентация региона", "Presentation of the region", "地区推介")

OUR_SIDE = (
    Person(
        ("Соколова Анна Викторовна", "Anna Sokolova"),
        "Заместитель министра",
        "Министерство инвестиций Московской области",
    ),
    Person(
        ("Громов Илья Петрович",),
        "Начальник отдела по работе с азиатскими инвесторами",
        "Министерство инвестиций Московской области",
    ),
)
THEIR_SIDE = (
    Person(("王建国", "Wang Jianguo", "Ван Цзяньго"), "董事长 / Chairman", COMPANY_ZH),
    Person(
        ("李娜", "Li Na", "Ли На"), "国际业务部总监 / Director, international business", COMPANY_ZH
    ),
)

AGENDA = """- Презентация инвестиционного потенциала Московской области.
- Требования компании к площадке: 4 га, 12 000 м² производственных площадей, 2 МВт.
- Меры поддержки: ОЭЗ «Ступино Квадрат», СПИК, субсидии на технологическое присоединение."""

DISCUSSION = """Компания производит насосные станции повышения давления и пожаротушения (\
约 12 000 套/年) и рассматривает локализацию сборки для рынка ЕАЭС.

Г-н Ван отметил, что решающие факторы — сроки запуска (не позднее 2026 г.), стоимость \
электроэнергии и наличие персонала. Стороны обсудили варианты: готовый корпус в \
индустриальном парке «Есипово» и участок в ОЭЗ.

Китайская сторона запросила сравнение площадок «Есипово» и «Ступино Квадрат» по \
ставкам аренды, налоговым льготам и срокам подключения мощности."""

AGREEMENTS = """1. Министерство до 15 декабря направит сравнение двух площадок на русском \
и китайском языках.
2. Компания организует визит технического директора на площадки в феврале 2026 г.
3. Стороны готовят проект соглашения о намерениях (意向书) к следующей встрече."""


def sample_memo(index: int = 0) -> MemoData:
    """A realistic one-to-two-page memo (Beijing time, Russian + Chinese text)."""
    start = dt.datetime(2025, 11, 18, 2, 0, tzinfo=dt.UTC) + dt.timedelta(days=index)
    return MemoData(
        id=f"sample-{index}",
        title="Переговоры о локализации производства насосных станций",
        starts_at=start,
        timezone="Asia/Shanghai",
        duration_min=90,
        place="Шэньчжэнь, штаб-квартира компании, переговорная 12F",
        format="in_person",
        language="русский, китайский",
        interpreter="Чжан Вэй / 张伟",
        trip_title="Деловая миссия в КНР, ноябрь 2025",
        company_names=(COMPANY_ZH, COMPANY_EN, COMPANY_RU),
        project_title="Завод насосных станций в Подмосковье",
        project_code_name="Родник",
        stage_before=STAGE_SITE_SELECTION,
        stage_after=STAGE_SITE_VISIT,
        stage_before_position=4,
        stage_after_position=5,
        our_side=OUR_SIDE,
        their_side=THEIR_SIDE,
        agenda=AGENDA,
        discussion=DISCUSSION,
        agreements=AGREEMENTS,
        next_steps=(
            Step("Направить сравнение площадок (RU/ZH)", "Громов И. П.", dt.date(2025, 12, 15)),
            Step(
                "Согласовать программу визита на площадки", "Соколова А. В.", dt.date(2026, 1, 20)
            ),
            Step(
                "Подготовить проект соглашения о намерениях", "Громов И. П.", dt.date(2026, 2, 10)
            ),
        ),
        confidentiality="confidential",
        prepared_by="Громов И. П.",
    )


def sample_trip() -> TripReportData:
    memos = []
    extra = [
        (
            "Знакомство и презентация региона",
            "杭州绿能电机有限公司",
            "Hangzhou Lüneng Electric Motors",
            "Ханчжоу Люйнэн",
            STAGE_PRESENTATION,
            STAGE_PRESENTATION,
            3,
            3,
        ),
        (
            "Меры поддержки для производства компрессоров",
            "苏州华腾压缩机股份有限公司",
            "Suzhou Huateng Compressor Co.",
            "Сучжоу Хуатэн",
            STAGE_SITE_VISIT,
            STAGE_OFFER,
            5,
            6,
        ),
    ]
    memos.append(sample_memo(0))
    for i, (title, zh, en, ru, before, after, pb, pa) in enumerate(extra, start=1):
        base = sample_memo(i)
        memos.append(MemoData(**{
            **base.__dict__,
            "id": f"sample-{i}", "title": title, "company_names": (zh, en, ru),
            "stage_before": before, "stage_after": after,
            "stage_before_position": pb, "stage_after_position": pa,
            "confidentiality": "internal",
        }))  # fmt: skip
    return TripReportData(
        id="sample-trip",
        title="Деловая миссия Министерства инвестиций Московской области в КНР",
        start_date=dt.date(2025, 11, 17),
        end_date=dt.date(2025, 11, 22),
        countries=("CN",),
        cities="Шэньчжэнь, Ханчжоу, Сучжоу",
        members=OUR_SIDE,
        goals="Презентация инвестиционного потенциала региона производителям насосного и "
        "компрессорного оборудования; подбор площадок; подготовка соглашений о намерениях.",
        memos=tuple(memos),
    )


def sample_dossier() -> DossierData:
    esipovo = SiteEntry(
        Localized("Индустриальный парк «Есипово»", "Esipovo Industrial Park", "叶西波沃工业园"),
        "industrial_park",
        "г. о. Солнечногорск",
        Decimal("12000"),
        Decimal("4.0"),
    )
    spik = MeasureEntry(
        Localized(
            "Специальный инвестиционный контракт", "Special investment contract", "特别投资合同"
        ),
        "tax",
        "Минпромторг России",
        "Снижение ставки налога на прибыль до 0 % на срок до 15 лет",
    )
    return DossierData(
        id="sample-company",
        names=(COMPANY_ZH, COMPANY_EN, COMPANY_RU),
        name_native=COMPANY_ZH,
        name_latin=COMPANY_EN,
        name_ru=COMPANY_RU,
        country="CN",
        city="Шэньчжэнь / 深圳",
        address="广东省深圳市南山区科技园南区 18 号",
        website="https://lanquan-pump.example.cn",
        industry="Насосное оборудование",
        kind="investor",
        registration_code="91440300MA5FXXXX0Q",
        employees=2300,
        revenue=Decimal("1850000000"),
        revenue_currency="CNY",
        description="Производитель насосных станций повышения давления и пожаротушения; "
        "экспорт в 40 стран.",
        tags=("насосы", "Китай", "приоритет"),
        contacts=(
            ContactEntry(
                ("王建国", "Wang Jianguo", "Ван Цзяньго"),
                "董事长 / Chairman",
                "",
                ("+8675588880001",),
                ("wang.jg@lanquan-pump.example.cn",),
                "wang_jianguo",
                "",
                "zh, en",
                True,
            ),
            ContactEntry(
                ("李娜", "Li Na", "Ли На"),
                "Director, international business",
                "国际业务部",
                ("+8613800000002",),
                ("lina@lanquan-pump.example.cn",),
                "lina_intl",
                "@lina_lq",
                "zh, en, ru",
            ),
        ),
        projects=(
            ProjectEntry(
                "Завод насосных станций в Подмосковье",
                "Родник",
                STAGE_SITE_VISIT,
                "active",
                "",
                "Громов И. П.",
                "Насосные станции",
                "1 000 насосных станций в год",
                Decimal("2400000000"),
                "RUB",
                180,
                Decimal("4"),
                Decimal("12000"),
                60,
                dt.date(2026, 6, 30),
                history=(
                    StageMove(
                        dt.datetime(2025, 9, 2, 9, 0, tzinfo=dt.UTC),
                        None,
                        STAGE_PRESENTATION,
                        "Соколова А. В.",
                    ),
                    StageMove(
                        dt.datetime(2025, 10, 14, 9, 0, tzinfo=dt.UTC),
                        STAGE_PRESENTATION,
                        STAGE_SITE_SELECTION,
                        "Громов И. П.",
                        "Запрошены площадки 4 га",
                    ),
                    StageMove(
                        dt.datetime(2025, 11, 18, 4, 0, tzinfo=dt.UTC),
                        STAGE_SITE_SELECTION,
                        STAGE_SITE_VISIT,
                        "Громов И. П.",
                    ),
                ),
                sites=(esipovo,),
                measures=(spik,),
            ),
        ),
        past_meetings=(
            PastMeeting(
                dt.datetime(2025, 11, 18, 2, 0, tzinfo=dt.UTC),
                "Asia/Shanghai",
                "Переговоры о локализации производства насосных станций",
                AGREEMENTS,
                "Завод насосных станций в Подмосковье",
            ),
        ),
        open_tasks=(
            OpenTask(
                "Направить сравнение площадок (RU/ZH)",
                "Громов И. П.",
                dt.date(2025, 12, 15),
                "Завод насосных станций в Подмосковье",
            ),
        ),
        confidentiality="internal",
    )
