"""Values recorded in one language and printed in the document's: languages, job titles.

A meeting's language is typed as "китайский, русский" (or "zh, ru", or "Chinese"), and a
position as "Генеральный директор"; an English memo must not print them in Russian. Known
values are looked up in any of their forms (Russian, English, Chinese, a language code)
and printed in the document's language; anything else is printed as recorded.
"""

from __future__ import annotations

import re

# code: (Russian, English, Chinese, other spellings people type)
LANGUAGE_NAMES: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "ru": ("русский", "Russian", "俄语", ("ru", "rus", "рус", "русский язык", "俄文")),
    "zh": (
        "китайский",
        "Chinese",
        "中文",
        (
            "zh",
            "chi",
            "cn",
            "кит",
            "китайский язык",
            "путунхуа",
            "mandarin",
            "汉语",
            "普通话",
            "华语",
            "中国话",
        ),
    ),
    "en": ("английский", "English", "英语", ("en", "eng", "англ", "английский язык", "英文")),
    "yue": ("кантонский", "Cantonese", "粤语", ("кантонский диалект", "广东话")),
    "ko": ("корейский", "Korean", "韩语", ("ko", "kr", "韩文", "朝鲜语")),
    "ja": ("японский", "Japanese", "日语", ("ja", "jp", "日文")),
    "de": ("немецкий", "German", "德语", ("de", "ger", "德文")),
    "fr": ("французский", "French", "法语", ("fr", "法文")),
    "es": ("испанский", "Spanish", "西班牙语", ("es",)),
    "it": ("итальянский", "Italian", "意大利语", ("it",)),
    "tr": ("турецкий", "Turkish", "土耳其语", ("tr",)),
    "ar": ("арабский", "Arabic", "阿拉伯语", ("ar",)),
    "hi": ("хинди", "Hindi", "印地语", ("hi",)),
    "vi": ("вьетнамский", "Vietnamese", "越南语", ("vi",)),
    "kk": ("казахский", "Kazakh", "哈萨克语", ("kk", "kz")),
    "uz": ("узбекский", "Uzbek", "乌兹别克语", ("uz",)),
    "be": ("белорусский", "Belarusian", "白俄罗斯语", ("be", "by")),
}

# Job titles and departments as the delegation and its partners write them:
# (Russian, English, Chinese). Looked up in any of the three forms, case-insensitively.
JOB_TITLES: tuple[tuple[str, str, str], ...] = (
    ("Министр", "Minister", "部长"),
    ("Заместитель министра", "Deputy Minister", "副部长"),
    ("Руководство министерства", "Ministry leadership", "部领导"),
    ("Управление иностранных инвестиций", "Foreign Investment Department", "外国投资处"),
    ("Сопровождение инвестиционных проектов", "Investment Project Support", "投资项目服务处"),
    (
        "Начальник управления по работе с иностранными инвесторами",
        "Head of the Foreign Investor Relations Department",
        "外国投资者服务处处长",
    ),
    ("Начальник отдела", "Head of Division", "处长"),
    ("Главный специалист", "Chief Specialist", "首席专家"),
    (
        "Главный специалист, переводчик китайского языка",
        "Chief Specialist, Chinese interpreter",
        "首席专家、中文翻译",
    ),
    ("Переводчик", "Interpreter", "翻译"),
    ("Консультант по азиатскому направлению", "Consultant for Asia", "亚洲事务顾问"),
    ("Руководитель проектного офиса", "Head of the Project Office", "项目办公室主任"),
    ("Председатель совета директоров", "Chairman of the Board of Directors", "董事长"),
    ("Председатель правления", "Chairman of the Management Board", "管理委员会主席"),
    ("Президент", "President", "总裁"),
    ("Вице-президент", "Vice President", "副总裁"),
    ("Вице-президент по развитию", "Vice President for Development", "发展副总裁"),
    ("Генеральный директор", "General Director", "总经理"),
    (
        "Генеральный директор российского филиала",
        "General Director of the Russian branch",
        "俄罗斯分公司总经理",
    ),
    ("Заместитель генерального директора", "Deputy General Director", "副总经理"),
    ("Ассистент генерального директора", "Assistant to the General Director", "总经理助理"),
    ("Генеральный менеджер", "General Manager", "总经理"),
    ("Помощник генерального менеджера", "Assistant to the General Manager", "总经理助理"),
    ("Исполнительный директор", "Executive Director", "执行总监"),
    ("Коммерческий директор", "Commercial Director", "商务总监"),
    ("Финансовый директор", "Chief Financial Officer", "财务总监"),
    ("Технический директор", "Chief Technical Officer", "技术总监"),
    ("Юридический директор", "Legal Director", "法务总监"),
    ("Директор по инвестициям", "Investment Director", "投资总监"),
    ("Директор по продажам", "Sales Director", "销售总监"),
    ("Директор по международному бизнесу", "International Business Director", "国际业务总监"),
    (
        "Директор международного департамента",
        "Director of the International Department",
        "国际部总监",
    ),
    ("Директор по работе с резидентами", "Resident Relations Director", "入驻企业服务总监"),
    ("Главный инженер", "Chief Engineer", "总工程师"),
    ("Главный инженер парка", "Chief Engineer of the park", "园区总工程师"),
    ("Главный бухгалтер", "Chief Accountant", "总会计师"),
    ("Менеджер зарубежных проектов", "Overseas Project Manager", "海外项目经理"),
    ("Менеджер по зарубежным рынкам", "Overseas Markets Manager", "海外市场经理"),
    ("Руководитель цепочки поставок", "Head of Supply Chain", "供应链负责人"),
    (
        "Руководитель по регистрации медизделий",
        "Head of Medical Device Registration",
        "医疗器械注册负责人",
    ),
    ("Менеджер", "Manager", "经理"),
)

_INDEX = {"ru": 0, "en": 1, "zh": 2}
_SPLIT = re.compile(r"\s*(?:[,;/、，；]|\s\+\s|\sи\s|\sand\s)\s*")


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


_LANGUAGE_BY_NAME: dict[str, str] = {}
for _code, (_ru, _en, _zh, _aliases) in LANGUAGE_NAMES.items():
    for _name in (_code, _ru, _en, _zh, *_aliases):
        _LANGUAGE_BY_NAME[_key(_name)] = _code

_TITLE_BY_NAME: dict[str, tuple[str, str, str]] = {}
for _row in JOB_TITLES:
    for _name in _row:
        # The first row wins where two titles share a translation (总经理).
        _TITLE_BY_NAME.setdefault(_key(_name), _row)


def language_code(name: str) -> str | None:
    """'китайский', 'Chinese', '中文' or 'zh' -> 'zh'; None for a language not known."""
    return _LANGUAGE_BY_NAME.get(_key(name))


def language_list(text: str, lang: str) -> str:
    """'китайский, русский' in English -> 'Chinese, Russian'; unknown parts stay as typed."""
    parts = [p for p in _SPLIT.split(text.strip()) if p] if text else []
    if not parts:
        return ""
    names: list[str] = []
    for part in parts:
        code = language_code(part)
        name = str(LANGUAGE_NAMES[code][_INDEX[lang]]) if code else part
        if name not in names:
            names.append(name)
    return ("、" if lang == "zh" else ", ").join(names)


def job_title(text: str, lang: str) -> str:
    """A known position or department in the document's language; any other as recorded."""
    row = _TITLE_BY_NAME.get(_key(text)) if text else None
    return row[_INDEX[lang]] if row else text


# Seniority of the usual positions, most senior first: a delegation and its partners are
# listed in this order (the head first). Positions not listed come after the known ones.
_SENIORITY: tuple[tuple[str, ...], ...] = (
    ("Министр", "Председатель совета директоров"),
    ("Заместитель министра", "Президент", "Председатель правления"),
    ("Генеральный директор", "Генеральный менеджер", "Руководство министерства"),
    (
        "Начальник управления по работе с иностранными инвесторами",
        "Вице-президент",
        "Вице-президент по развитию",
        "Генеральный директор российского филиала",
    ),
    (
        "Заместитель генерального директора",
        "Исполнительный директор",
        "Начальник отдела",
        "Руководитель проектного офиса",
    ),
    (
        "Коммерческий директор",
        "Финансовый директор",
        "Технический директор",
        "Юридический директор",
        "Директор по инвестициям",
        "Директор по продажам",
        "Директор по международному бизнесу",
        "Директор международного департамента",
        "Директор по работе с резидентами",
        "Главный инженер",
        "Главный инженер парка",
        "Главный бухгалтер",
    ),
    (
        "Главный специалист",
        "Консультант по азиатскому направлению",
        "Менеджер зарубежных проектов",
        "Менеджер по зарубежным рынкам",
        "Руководитель цепочки поставок",
        "Руководитель по регистрации медизделий",
    ),
    (
        "Главный специалист, переводчик китайского языка",
        "Менеджер",
        "Ассистент генерального директора",
        "Помощник генерального менеджера",
    ),
    ("Переводчик",),
)
_RANK_BY_RUSSIAN = {_key(t): level for level, titles in enumerate(_SENIORITY) for t in titles}
UNKNOWN_RANK = len(_SENIORITY)


def title_rank(text: str) -> int:
    """0 for the most senior position; a position not known ranks after all known ones."""
    row = _TITLE_BY_NAME.get(_key(text)) if text else None
    if row is None:
        return UNKNOWN_RANK
    return _RANK_BY_RUSSIAN.get(_key(row[0]), UNKNOWN_RANK)
