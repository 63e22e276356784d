"""Printed labels of the documents in Russian, English and Chinese, alone or two side by side.

The documents leave the application (a partner gets the Russian + Chinese copy of a memo),
so their labels do not follow the UI language: the caller picks them per document. Every
language is a complete :class:`LabelSet` (a missing label is a TypeError at import time,
not a blank on paper).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from crm_desktop.documents.values import job_title, language_list

LANGUAGES = ("ru", "en", "zh")
LANGUAGE_CHOICES = ("ru", "en", "zh", "ru+zh", "ru+en", "en+zh", "zh+ru", "en+ru", "zh+en")

_RU_MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class LabelSet:
    code: str
    # common
    page_of: str  # "{page}" and "{total}"
    prepared_on: str
    none: str
    yes: str
    no: str
    minutes: str
    confidential: str
    internal: str
    public: str
    # meeting memo
    memo: str
    meeting: str
    date_time: str
    venue_time: str
    moscow_time: str
    duration: str
    place: str
    format: str
    language: str
    interpreter: str
    trip: str
    company: str
    project: str
    stage: str
    stage_before: str
    stage_after: str
    stage_unchanged: str
    participants: str
    our_side: str
    their_side: str
    name: str
    position: str
    agenda: str
    discussion: str
    agreements: str
    next_steps: str
    task: str
    number: str
    owner: str
    due: str
    status: str
    prepared_by: str
    approved_by: str
    signature: str
    date: str
    day: str
    # requisites of an internal memo, the partner's copy
    approve: str
    reg_number: str
    revision: str
    draft: str
    compiled_on: str
    compiled_at: str
    copy_no: str
    distribution: str
    compiler: str
    head_of_delegation: str
    conclusions: str
    proposals: str
    # trip report
    trip_report: str
    dates: str
    destinations: str
    members: str
    goals: str
    meetings: str
    stage_move: str
    key_agreements: str
    no_meetings: str
    # dossier
    dossier: str
    profile: str
    native_name: str
    latin_name: str
    russian_name: str
    country: str
    city: str
    address: str
    website: str
    industry: str
    kind: str
    registration_code: str
    employees: str
    revenue: str
    description: str
    tags: str
    contacts: str
    phones: str
    emails: str
    messengers: str
    languages: str
    decision_maker: str
    projects: str
    stage_history: str
    capex: str
    jobs: str
    area: str
    probability: str
    expected_decision: str
    responsible: str
    product: str
    reason: str
    past_agreements: str
    open_tasks: str
    sites: str
    support_measures: str
    terms: str
    nothing_recorded: str
    note: str
    title_col: str
    hectares: str
    square_metres: str
    # time zones named as people say them ("пекинское время"); others print as zone ids
    zones: dict[str, str] = field(default_factory=dict)
    # enumerations (value code -> printed text); unknown codes print as stored
    formats: dict[str, str] = field(default_factory=dict)
    project_statuses: dict[str, str] = field(default_factory=dict)
    task_statuses: dict[str, str] = field(default_factory=dict)
    company_kinds: dict[str, str] = field(default_factory=dict)
    site_kinds: dict[str, str] = field(default_factory=dict)
    measure_kinds: dict[str, str] = field(default_factory=dict)

    def enum(self, table: str, code: str | None) -> str:
        if not code:
            return ""
        mapping: dict[str, str] = getattr(self, table)
        return mapping.get(code, code)

    # -- formatting of values in this language --------------------------------------

    def format_date(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        if self.code == "ru":
            return f"{value.day} {_RU_MONTHS[value.month - 1]} {value.year} г."
        if self.code == "zh":
            return f"{value.year}年{value.month}月{value.day}日"
        return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"

    def format_short_date(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        if self.code == "ru":
            return value.strftime("%d.%m.%Y")
        return value.isoformat()

    def format_time(self, value: dt.datetime) -> str:
        return value.strftime("%H:%M")

    def format_number(self, value: int | float | Decimal | None) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and not value.is_integer():
            text = f"{value:,.2f}"
        elif isinstance(value, Decimal) and value != value.to_integral_value():
            text = f"{value:,.2f}"
        else:
            text = f"{int(value):,}"
        if self.code == "ru":
            # Russian groups digits with a (non-breaking) space and uses a decimal comma.
            return text.replace(",", "\u00a0").replace(".", ",")
        return text

    def format_money(self, amount: int | float | Decimal | None, currency: str | None) -> str:
        if amount is None:
            return ""
        return f"{self.format_number(amount)} {currency or ''}".strip()


RU = LabelSet(
    code="ru",
    page_of="Стр. {page} из {total}",
    prepared_on="Подготовлено",
    none="—",
    yes="да",
    no="нет",
    minutes="мин",
    confidential="КОНФИДЕНЦИАЛЬНО",
    internal="ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ",
    public="",
    memo="Протокол встречи",
    meeting="Встреча",
    date_time="Дата и время",
    venue_time="местное время",
    moscow_time="время московское",
    duration="Продолжительность",
    place="Место",
    format="Формат",
    language="Язык",
    interpreter="Переводчик",
    trip="Командировка",
    company="Компания",
    project="Проект",
    stage="Стадия",
    stage_before="Стадия до встречи",
    stage_after="Стадия после встречи",
    stage_unchanged="без изменений",
    participants="Участники",
    our_side="С нашей стороны",
    their_side="Со стороны партнёра",
    name="ФИО",
    position="Должность",
    agenda="Повестка",
    discussion="Ход обсуждения",
    agreements="Достигнутые договорённости",
    next_steps="Дальнейшие шаги",
    task="Задача",
    number="№",
    owner="Ответственный",
    due="Срок",
    status="Статус",
    prepared_by="Протокол составил",
    approved_by="Утверждаю",
    signature="подпись",
    date="дата",
    day="Дата",
    approve="УТВЕРЖДАЮ",
    reg_number="Рег. №",
    revision="редакция",
    draft="Проект (не утверждён)",
    compiled_on="Дата составления",
    compiled_at="Место составления",
    copy_no="Экз. №",
    distribution="Рассылка",
    compiler="Составил",
    head_of_delegation="Руководитель делегации",
    conclusions="Выводы",
    proposals="Предложения",
    zones={
        "Asia/Shanghai": "пекинское время",
        "Asia/Hong_Kong": "пекинское время",
        "Asia/Chongqing": "пекинское время",
        "Europe/Moscow": "по московскому времени",
    },
    trip_report="Отчёт о командировке",
    dates="Даты",
    destinations="Страны и города",
    members="Состав делегации",
    goals="Цели",
    meetings="Встречи",
    stage_move="Стадия",
    key_agreements="Ключевые договорённости",
    no_meetings="Встречи не записаны.",
    dossier="Справка о компании",
    profile="Профиль",
    native_name="Название на языке оригинала",
    latin_name="Латиницей / по-английски",
    russian_name="По-русски",
    country="Страна",
    city="Город",
    address="Адрес",
    website="Сайт",
    industry="Отрасль",
    kind="Тип",
    registration_code="Регистрационный код",
    employees="Сотрудников",
    revenue="Выручка",
    description="Описание",
    tags="Метки",
    contacts="Контакты",
    phones="Телефоны",
    emails="Эл. почта",
    messengers="Мессенджеры",
    languages="Языки",
    decision_maker="принимает решения",
    projects="Проекты",
    stage_history="История стадий",
    capex="Инвестиции",
    jobs="Рабочих мест",
    area="Площадь",
    probability="Вероятность",
    expected_decision="Ожидаемое решение",
    responsible="Ответственный",
    product="Продукция",
    reason="Причина",
    past_agreements="Договорённости прошлых встреч",
    open_tasks="Открытые задачи",
    sites="Предложенные площадки",
    support_measures="Предложенные меры поддержки",
    terms="Условия",
    nothing_recorded="Нет записей.",
    note="Примечание",
    title_col="Наименование",
    hectares="га",
    square_metres="м²",
    formats={
        "in_person": "очная встреча",
        "video": "видеоконференция",
        "phone": "телефонный разговор",
        "event": "мероприятие",
    },
    project_statuses={
        "active": "в работе",
        "won": "реализован",
        "lost": "отказ",
        "on_hold": "приостановлен",
    },
    task_statuses={
        "open": "открыта",
        "in_progress": "в работе",
        "done": "выполнена",
        "cancelled": "отменена",
    },
    company_kinds={
        "investor": "инвестор",
        "partner": "партнёр",
        "government": "орган власти",
        "association": "ассоциация",
        "other": "другое",
    },
    site_kinds={
        "industrial_park": "индустриальный парк",
        "sez": "особая экономическая зона",
        "technopark": "технопарк",
        "coworking": "промышленный коворкинг",
        "plot": "земельный участок",
        "building": "здание",
    },
    measure_kinds={
        "tax": "налоговая льгота",
        "subsidy": "субсидия",
        "loan": "льготный заём",
        "land_lease": "аренда земли",
        "consulting": "сопровождение",
        "infrastructure": "инфраструктура",
        "other": "другое",
    },
)

EN = LabelSet(
    code="en",
    page_of="Page {page} of {total}",
    prepared_on="Prepared on",
    none="—",
    yes="yes",
    no="no",
    minutes="min",
    confidential="CONFIDENTIAL",
    internal="FOR INTERNAL USE ONLY",
    public="",
    memo="Meeting memo",
    meeting="Meeting",
    date_time="Date and time",
    venue_time="local time",
    moscow_time="Moscow time",
    duration="Duration",
    place="Place",
    format="Format",
    language="Language",
    interpreter="Interpreter",
    trip="Trip",
    company="Company",
    project="Project",
    stage="Stage",
    stage_before="Stage before the meeting",
    stage_after="Stage after the meeting",
    stage_unchanged="unchanged",
    participants="Participants",
    our_side="Our side",
    their_side="Partner's side",
    name="Name",
    position="Position",
    agenda="Agenda",
    discussion="Discussion",
    agreements="Agreements reached",
    next_steps="Next steps",
    task="Task",
    number="No.",
    owner="Owner",
    due="Due",
    status="Status",
    prepared_by="Prepared by",
    approved_by="Approved by",
    signature="signature",
    date="date",
    day="Date",
    approve="APPROVED",
    reg_number="Reg. No.",
    revision="revision",
    draft="Draft (not approved)",
    compiled_on="Compiled on",
    compiled_at="Compiled at",
    copy_no="Copy No.",
    distribution="Distribution",
    compiler="Compiled by",
    head_of_delegation="Head of delegation",
    conclusions="Conclusions",
    proposals="Proposals",
    zones={
        "Asia/Shanghai": "Beijing time",
        "Asia/Hong_Kong": "Beijing time",
        "Asia/Chongqing": "Beijing time",
        "Europe/Moscow": "Moscow time",
    },
    trip_report="Trip report",
    dates="Dates",
    destinations="Countries and cities",
    members="Delegation",
    goals="Goals",
    meetings="Meetings",
    stage_move="Stage",
    key_agreements="Key agreements",
    no_meetings="No meetings recorded.",
    dossier="Company dossier",
    profile="Profile",
    native_name="Name in native script",
    latin_name="Latin / English name",
    russian_name="Russian name",
    country="Country",
    city="City",
    address="Address",
    website="Website",
    industry="Industry",
    kind="Kind",
    registration_code="Registration code",
    employees="Employees",
    revenue="Revenue",
    description="Description",
    tags="Tags",
    contacts="Contacts",
    phones="Phones",
    emails="E-mail",
    messengers="Messengers",
    languages="Languages",
    decision_maker="decision maker",
    projects="Projects",
    stage_history="Stage history",
    capex="Investment",
    jobs="Jobs",
    area="Area",
    probability="Probability",
    expected_decision="Expected decision",
    responsible="Responsible",
    product="Product",
    reason="Reason",
    past_agreements="Agreements of past meetings",
    open_tasks="Open tasks",
    sites="Sites offered",
    support_measures="Support measures offered",
    terms="Terms",
    nothing_recorded="Nothing recorded.",
    note="Note",
    title_col="Name",
    hectares="ha",
    square_metres="m²",
    formats={
        "in_person": "in person",
        "video": "video call",
        "phone": "phone call",
        "event": "event",
    },
    project_statuses={"active": "active", "won": "won", "lost": "lost", "on_hold": "on hold"},
    task_statuses={
        "open": "open",
        "in_progress": "in progress",
        "done": "done",
        "cancelled": "cancelled",
    },
    company_kinds={
        "investor": "investor",
        "partner": "partner",
        "government": "government body",
        "association": "association",
        "other": "other",
    },
    site_kinds={
        "industrial_park": "industrial park",
        "sez": "special economic zone",
        "technopark": "technopark",
        "coworking": "industrial coworking",
        "plot": "land plot",
        "building": "building",
    },
    measure_kinds={
        "tax": "tax incentive",
        "subsidy": "subsidy",
        "loan": "soft loan",
        "land_lease": "land lease",
        "consulting": "consulting",
        "infrastructure": "infrastructure",
        "other": "other",
    },
)

ZH = LabelSet(
    code="zh",
    page_of="第 {page} 页，共 {total} 页",
    prepared_on="编制日期",
    none="—",
    yes="是",
    no="否",
    minutes="分钟",
    confidential="机密",
    internal="内部资料",
    public="",
    memo="会谈纪要",
    meeting="会谈",
    date_time="日期和时间",
    venue_time="当地时间",
    moscow_time="莫斯科时间",
    duration="时长",
    place="地点",
    format="形式",
    language="语言",
    interpreter="翻译",
    trip="出访",
    company="公司",
    project="项目",
    stage="阶段",
    stage_before="会谈前阶段",
    stage_after="会谈后阶段",
    stage_unchanged="未变",
    participants="参会人员",
    our_side="我方",
    their_side="对方",
    name="姓名",
    position="职务",
    agenda="议程",
    discussion="会谈内容",
    agreements="达成的共识",
    next_steps="后续工作",
    task="事项",
    number="序号",
    owner="负责人",
    due="期限",
    status="状态",
    prepared_by="记录人",
    approved_by="审批人",
    signature="签字",
    date="日期",
    day="日期",
    approve="批准",
    reg_number="登记号",
    revision="修订版",
    draft="草稿（未批准）",
    compiled_on="编制日期",
    compiled_at="编制地点",
    copy_no="份号",
    distribution="分送",
    compiler="编制人",
    head_of_delegation="代表团团长",
    conclusions="结论",
    proposals="建议",
    zones={
        "Asia/Shanghai": "北京时间",
        "Asia/Hong_Kong": "北京时间",
        "Asia/Chongqing": "北京时间",
        "Europe/Moscow": "莫斯科时间",
    },
    trip_report="出访报告",
    dates="日期",
    destinations="国家和城市",
    members="代表团成员",
    goals="出访目的",
    meetings="会谈",
    stage_move="阶段",
    key_agreements="主要共识",
    no_meetings="无会谈记录。",
    dossier="公司档案",
    profile="概况",
    native_name="原文名称",
    latin_name="英文名称",
    russian_name="俄文名称",
    country="国家",
    city="城市",
    address="地址",
    website="网站",
    industry="行业",
    kind="类型",
    registration_code="统一社会信用代码",
    employees="员工人数",
    revenue="营业收入",
    description="简介",
    tags="标签",
    contacts="联系人",
    phones="电话",
    emails="电子邮箱",
    messengers="即时通讯",
    languages="语言",
    decision_maker="决策人",
    projects="项目",
    stage_history="阶段历史",
    capex="投资额",
    jobs="就业岗位",
    area="面积",
    probability="可能性",
    expected_decision="预计决策日期",
    responsible="负责人",
    product="产品",
    reason="原因",
    past_agreements="以往会谈达成的共识",
    open_tasks="待办事项",
    sites="已推荐的场地",
    support_measures="已提供的支持措施",
    terms="条件",
    nothing_recorded="暂无记录。",
    note="备注",
    title_col="名称",
    hectares="公顷",
    square_metres="平方米",
    formats={"in_person": "面谈", "video": "视频会议", "phone": "电话会议", "event": "活动"},
    project_statuses={"active": "进行中", "won": "已落地", "lost": "已放弃", "on_hold": "暂停"},
    task_statuses={
        "open": "未开始",
        "in_progress": "进行中",
        "done": "已完成",
        "cancelled": "已取消",
    },
    company_kinds={
        "investor": "投资方",
        "partner": "合作伙伴",
        "government": "政府机构",
        "association": "协会",
        "other": "其他",
    },
    site_kinds={
        "industrial_park": "工业园区",
        "sez": "经济特区",
        "technopark": "科技园",
        "coworking": "工业共享空间",
        "plot": "地块",
        "building": "厂房",
    },
    measure_kinds={
        "tax": "税收优惠",
        "subsidy": "补贴",
        "loan": "优惠贷款",
        "land_lease": "土地租赁",
        "consulting": "咨询服务",
        "infrastructure": "基础设施",
        "other": "其他",
    },
)

LABEL_SETS = {"ru": RU, "en": EN, "zh": ZH}

# Countries the delegations deal with most; any other ISO code prints as the code itself.
COUNTRY_NAMES: dict[str, tuple[str, str, str]] = {
    "CN": ("Китай", "China", "中国"),
    "HK": ("Гонконг", "Hong Kong", "中国香港"),
    "TW": ("Тайвань", "Taiwan", "中国台湾"),
    "RU": ("Россия", "Russia", "俄罗斯"),
    "BY": ("Беларусь", "Belarus", "白俄罗斯"),
    "KZ": ("Казахстан", "Kazakhstan", "哈萨克斯坦"),
    "UZ": ("Узбекистан", "Uzbekistan", "乌兹别克斯坦"),
    "IN": ("Индия", "India", "印度"),
    "VN": ("Вьетнам", "Vietnam", "越南"),
    "KR": ("Республика Корея", "South Korea", "韩国"),
    "JP": ("Япония", "Japan", "日本"),
    "SG": ("Сингапур", "Singapore", "新加坡"),
    "MY": ("Малайзия", "Malaysia", "马来西亚"),
    "TH": ("Таиланд", "Thailand", "泰国"),
    "ID": ("Индонезия", "Indonesia", "印度尼西亚"),
    "AE": ("ОАЭ", "United Arab Emirates", "阿联酋"),
    "SA": ("Саудовская Аравия", "Saudi Arabia", "沙特阿拉伯"),
    "TR": ("Турция", "Türkiye", "土耳其"),
    "IR": ("Иран", "Iran", "伊朗"),
    "DE": ("Германия", "Germany", "德国"),
    "IT": ("Италия", "Italy", "意大利"),
    "FR": ("Франция", "France", "法国"),
    "US": ("США", "United States", "美国"),
}
_LANG_INDEX = {"ru": 0, "en": 1, "zh": 2}


def country_name(code: str, lang: str) -> str:
    names = COUNTRY_NAMES.get((code or "").upper())
    return names[_LANG_INDEX[lang]] if names else (code or "")


class LanguageError(ValueError):
    def __init__(self, spec: str) -> None:
        super().__init__(
            f"Unknown document language {spec!r}; use one of: " + ", ".join(LANGUAGE_CHOICES)
        )


@dataclass(frozen=True)
class Labels:
    """The label language of one document: one set, or a primary and a secondary side by side."""

    primary: LabelSet
    secondary: LabelSet | None = None

    @classmethod
    def parse(cls, spec: str) -> Labels:
        """'ru', 'en', 'zh' or two joined by '+' ('ru+zh': Russian first, Chinese beside it)."""
        parts = [p.strip().lower() for p in (spec or "ru").split("+")]
        unknown = any(p not in LABEL_SETS for p in parts)
        if len(parts) > 2 or unknown or len(set(parts)) != len(parts):
            raise LanguageError(spec)
        return cls(LABEL_SETS[parts[0]], LABEL_SETS[parts[1]] if len(parts) == 2 else None)

    @property
    def code(self) -> str:
        return self.primary.code + (f"+{self.secondary.code}" if self.secondary else "")

    def sets(self) -> tuple[LabelSet, ...]:
        return (self.primary,) if self.secondary is None else (self.primary, self.secondary)

    def pair(self, key: str) -> tuple[str, str | None]:
        first = getattr(self.primary, key)
        second = getattr(self.secondary, key) if self.secondary else None
        return first, (second if second != first else None)

    def inline(self, key: str, sep: str = " / ") -> str:
        """'Повестка / 议程' — for headings and table headers."""
        first, second = self.pair(key)
        return first if second is None else f"{first}{sep}{second}"

    def enum(self, table: str, code: str | None, sep: str = " / ") -> str:
        first = self.primary.enum(table, code)
        second = self.secondary.enum(table, code) if self.secondary else ""
        return first if not second or second == first else f"{first}{sep}{second}"

    def page_of(self, page: int, total: int) -> str:
        return "  ·  ".join(s.page_of.format(page=page, total=total) for s in self.sets())

    def marking(self, level: str | None) -> str:
        """The confidentiality marking printed on every page ('' for none / public)."""
        if not level or level == "public":
            return ""
        key = level if level in ("confidential", "internal") else "confidential"
        return self.inline(key)

    def format_date(self, value: dt.date | None) -> str:
        return self.primary.format_date(value)

    def format_date_range(self, start: dt.date, end: dt.date) -> str:
        if start == end:
            return self.format_date(start)
        return f"{self.format_date(start)} – {self.format_date(end)}"

    def country(self, code: str) -> str:
        names: list[str] = []
        for s in self.sets():
            name = country_name(code, s.code)
            if name not in names:
                names.append(name)
        return " / ".join(names)

    def format_short_date(self, value: dt.date | None) -> str:
        return self.primary.format_short_date(value)

    def _each(self, translate: Callable[[str, str], str], text: str) -> str:
        forms: list[str] = []
        for s in self.sets():
            form = translate(text, s.code)
            if form and form not in forms:
                forms.append(form)
        return " / ".join(forms)

    def languages(self, text: str) -> str:
        """A recorded list of languages ('китайский, русский', 'zh, en') in this language."""
        return self._each(language_list, text)

    def job_title(self, text: str) -> str:
        """A position or department: known ones in this language, others as recorded."""
        return self._each(job_title, text)

    def person_name(self, russian: str, latin: str) -> str:
        """A member's name: the Russian form in a Russian document, else the Latin one."""
        if self.primary.code == "ru" or not latin:
            return russian or latin
        return latin


_CYRILLIC_WORD = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$")


def short_name(name: str) -> str:
    """'Белов Дмитрий Сергеевич' -> 'Белов Д. С.' (the usual form in Russian tables).

    Only full Russian names are shortened; Chinese and Latin names stay as recorded.
    """
    parts = name.split()
    if len(parts) in (2, 3) and all(_CYRILLIC_WORD.match(p) for p in parts):
        return parts[0] + " " + " ".join(p[0] + "." for p in parts[1:])
    return name
