"""A memo at the size that broke the layout: 40 participants in three scripts, 25,000
characters of minutes, 30 next steps; and a company with 200 contacts."""

from __future__ import annotations

import datetime as dt

from crm_desktop.documents.data import (
    ContactEntry,
    DossierData,
    Localized,
    MemoData,
    Person,
    Requisites,
    Step,
)

LONG_ORGANISATION = (
    "Министерство инвестиций, промышленности и науки Московской области "
    "(управление по работе с иностранными инвесторами и сопровождению "
    "инвестиционных проектов)"
)
ORGANISATION_ZH = "莫斯科州投资、工业和科学部"
TITLE_ZH = "关于在莫斯科州建设泵站工厂的会谈"
AGREEMENTS_ZH = "1. 双方同意在七月前完成场地选择,并签署投资意向书.\n2. 中方将派技术团队考察园区."
STEPS_ZH = "- 中方提交技术任务书\n- 俄方提供三个场地的比较"

_FAMILIES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = ("建国", "娜", "伟", "芳", "秀英", "敏", "静", "丽", "强", "磊")
_RU_FAMILIES = (
    "Ёлкин",
    "Егоров",
    "Ершов",
    "Белов",
    "Антонов",
    "Жуков",
    "Орлова",
    "Кузнецова",
    "Соколова",
    "Громов",
)


def _minutes(chars: int) -> str:
    sentence = (
        "Стороны обсудили сроки строительства, подключение к сетям, "
        "локализацию комплектующих и подготовку персонала. "
    )
    paragraphs = []
    while sum(len(p) for p in paragraphs) < chars:
        paragraphs.append(sentence * 6)
    return "\n\n".join(paragraphs)[:chars]


def stress_memo(**changes: object) -> MemoData:
    ours = tuple(
        Person(
            (f"{_RU_FAMILIES[i]} Пётр Сергеевич", f"Petr {i}"),
            "Заместитель министра" if i == 0 else "Главный специалист",
            "Мининвест МО",
            head=i == 0,
        )
        for i in range(10)
    )
    theirs = tuple(
        Person(
            (f"{_FAMILIES[i % 20]}{_GIVEN[i % 10]}", f"Name{i} Latin", f"Имя{i} Русское"),
            "Председатель совета директоров" if i == 0 else "Менеджер",
            "深圳蓝泉泵业科技有限公司",
            head=i == 0,
        )
        for i in range(30)
    )
    steps = tuple(
        Step(
            f"Шаг {i}: подготовить материалы по площадке и мерам поддержки",
            "Кузнецова Марина Олеговна",
            dt.date(2026, 7, 1) + dt.timedelta(days=i),
            "done" if i % 3 == 0 else "open",
        )
        for i in range(1, 31)
    )
    data = MemoData(
        id="stress",
        title="Переговоры о строительстве завода насосных станций в Московской области",
        starts_at=dt.datetime(2026, 5, 20, 1, 30, tzinfo=dt.UTC),
        timezone="Asia/Shanghai",
        duration_min=120,
        place="Шэньчжэнь, штаб-квартира компании",
        format="in_person",
        language="китайский, русский",
        company_names=("深圳蓝泉泵业科技有限公司", "Shenzhen Lanquan Pump Technology Co., Ltd."),
        project_title="Завод насосных станций",
        project_code_name="Родник",
        stage_before=Localized("Подбор площадки", "Site selection", "选址"),
        stage_after=Localized("Предложение и меры поддержки", "Offer", "优惠措施"),
        our_side=ours,
        their_side=theirs,
        agenda="1. Площадка.\n2. Меры поддержки.\n3. Сроки.",
        discussion=_minutes(25_000),
        agreements="1. Стороны согласовали выбор площадки до июля.\n"
        "2. Китайская сторона направит технических специалистов.",
        next_steps=steps,
        confidentiality="internal",
        prepared_by="Кузнецова Марина Олеговна",
        second_language="zh",
        title_alt=TITLE_ZH,
        agreements_alt=AGREEMENTS_ZH,
        next_steps_alt=STEPS_ZH,
        requisites=Requisites(
            approver="А. В. Соколов",
            approver_position="Министр",
            compiled_on=dt.date(2026, 5, 20),
            compiled_at="Шэньчжэнь",
            compiler_position="Главный специалист",
            distribution=("Министру", "В дело"),
        ),
    )
    return data if not changes else __import__("dataclasses").replace(data, **changes)


def stress_dossier() -> DossierData:
    contacts = tuple(
        ContactEntry(
            (f"{_FAMILIES[i % 20]}{_GIVEN[i % 10]}", f"Contact {i}"),
            "Менеджер",
            "Отдел продаж",
            (f"+86 138 0000 {i:04d}",),
            (f"c{i}@example.cn",),
            notes="Встречались на выставке." * (i % 3),
        )
        for i in range(200)
    )
    return DossierData(
        id="big",
        names=("深圳蓝泉泵业科技有限公司", "Lanquan Pump"),
        country="CN",
        contacts=contacts,
    )
