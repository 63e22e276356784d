"""A large synthetic database: tens of thousands of companies, hundreds of thousands of
people, in the scripts real negotiations bring (汉字, Cyrillic, Latin, Hangul, kana).

Built for measuring, not for reading: the rows are written with bulk Core inserts (the
services would take an hour for 200,000 contacts), then the search index is built in one
pass. Deterministic for a given seed, so benchmark runs compare like with like.

Chinese names get their pinyin and Russian forms from the same transcription code the
search uses, so a Chinese record is as findable as a real one.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, insert, select

from crm_desktop.domain.models import (
    Company,
    Contact,
    Meeting,
    Member,
    Project,
    Site,
    Stage,
    StageChange,
    Task,
    contact_display_name,
    meeting_contacts,
    meeting_members,
)
from crm_desktop.search.index import reindex
from crm_desktop.text.translit import cyrillic_to_latin, palladius, pinyin_syllables

Progress = Callable[[str, int, int], None]  # (what, done, total)

# Bump when the generated data changes (the benchmark rebuilds its cached database then).
GENERATOR_VERSION = "3"  # 3: phone numbers valid in their country

_MOBILE = {  # country -> (mobile prefix, digits after it)
    "DE": ("+49170", 7),
    "TR": ("+90532", 7),
    "AE": ("+97150", 7),
    "IN": ("+9198", 8),
    "KR": ("+82102", 7),
    "JP": ("+81902", 7),
    "US": ("+1212456", 4),
}


@dataclass(frozen=True)
class LargeCounts:
    companies: int = 20_000
    contacts: int = 200_000
    meetings: int = 100_000
    members: int = 60
    sites: int = 120

    @property
    def projects(self) -> int:
        return max(1, self.companies * 3 // 2) if self.companies else 0

    @property
    def tasks(self) -> int:
        return self.meetings


# --------------------------------------------------------------------------- name pools


def _words(text: str) -> list[str]:
    return text.split()


CN_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
CN_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文辉力斌宇浩凯鹏飞鑫波晨"
    "雪梅琳婷颖欣怡子涵博文昊天思远嘉俊晓东海燕春雷振兴德福永成家瑞安泉源通达恒信"
)
CN_CITIES = [
    "上海",
    "北京",
    "深圳",
    "广州",
    "杭州",
    "苏州",
    "南京",
    "天津",
    "重庆",
    "成都",
    "武汉",
    "西安",
    "青岛",
    "宁波",
    "厦门",
    "长沙",
    "郑州",
    "济南",
    "合肥",
    "沈阳",
    "大连",
    "无锡",
    "佛山",
    "东莞",
]
CN_BRANDS = _words(
    "凯泉 华为 海尔 美的 格力 三一 中联 徐工 比亚迪 长城 吉利 奇瑞 宇通 潍柴 玉柴 "
    "恒力 恒通 博远 绿叶 "
    "中科 金风 远景 隆基 天合 晶科 宁德 国轩 亿纬 欣旺达 万华 巨石 正泰 德力西 海康 大华 宇视 "
    "安踏 李宁 蒙牛 伊利 双汇 新希望 通威 科达 东方 长江 黄河 泰山 华星 天马 京东方 汇川 "
    "蓝思 立讯 歌尔 舜宇 联影 迈瑞 鱼跃 复星 恒瑞 齐鲁 石药 扬子江 中车 振华 三花 卧龙 "
    "鸿星 飞鹤 君乐宝 安琪 晨光 得力 老板 方太 苏泊尔 九阳 小熊 格兰仕 TCL 创维 海信 长虹"
)
CN_INDUSTRIES = [
    ("泵业", "Pump", "насосное оборудование"),
    ("机械", "Machinery", "машиностроение"),
    ("汽车零部件", "Auto Parts", "автокомпоненты"),
    ("新能源", "New Energy", "новая энергетика"),
    ("电子", "Electronics", "электроника"),
    ("化工", "Chemicals", "химия"),
    ("医疗器械", "Medical Devices", "медицинские изделия"),
    ("包装材料", "Packaging", "упаковка"),
    ("食品", "Food", "пищевая промышленность"),
    ("物流", "Logistics", "логистика"),
    ("建材", "Building Materials", "стройматериалы"),
    ("纺织", "Textiles", "текстиль"),
    ("电气", "Electric", "электротехника"),
    ("光伏", "Solar", "солнечная энергетика"),
    ("重工", "Heavy Industries", "тяжёлое машиностроение"),
]
RU_FAMILY_M = _words(
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов "
    "Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев "
    "Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв "
    "Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков "
    "Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров "
    "Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов "
    "Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов "
    "Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин "
    "Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв "
    "Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев "
    "Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин Ефремов Архипов "
    "Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов "
    "Еремеев Субботин Есипов Цветков Щукин Юдин Яшин Хохлов Шубин Цыганков"
)
RU_GIVEN_M = _words(
    "Александр Дмитрий Максим Сергей Андрей Алексей Артём Илья Кирилл Михаил Никита Матвей "
    "Роман Егор Арсений Иван Денис Евгений Даниил Тимофей Владислав Игорь Владимир Павел "
    "Руслан Марк Константин Тимур Олег Ярослав Антон Николай Глеб Виктор Юрий Пётр Фёдор"
)
RU_GIVEN_F = _words(
    "Анастасия Мария Анна Виктория Екатерина Наталья Марина Полина София Дарья Алиса Ксения "
    "Александра Елена Ольга Татьяна Ирина Юлия Светлана Вероника Алёна Людмила Галина Наталия "
    "Евгения Валерия Ульяна Варвара Надежда Любовь Жанна Кристина Яна Эльвира Зоя"
)
RU_CITIES = [
    "Москва",
    "Химки",
    "Подольск",
    "Коломна",
    "Дмитров",
    "Серпухов",
    "Ступино",
    "Наро-Фоминск",
    "Ногинск",
    "Егорьевск",
    "Клин",
    "Чехов",
    "Домодедово",
    "Мытищи",
]
RU_COMPANY_WORDS = _words(
    "Альфа Вектор Гранит Север Восток Орбита Техно Прогресс Союз Рубин Ладога Волга Ока Кедр "
    "Сфера Импульс Стандарт Континент Меридиан Аврора Титан Феникс Енисей Байкал Урал Элемент"
)
RU_COMPANY_KINDS = [
    "Машиностроительный завод",
    "Логистик",
    "Агро",
    "Пласт",
    "Стройматериалы",
    "Энерго",
    "Фарм",
    "Пищевой комбинат",
    "Металл",
    "Текстиль",
]

# Other partners: (country, city, company names, (given, family) pools, native script names)
WORLD = [
    (
        "DE",
        "München",
        [
            "Müller Maschinenbau GmbH",
            "Schäfer Pumpen AG",
            "Krüger Logistik GmbH",
            "Weiß & Söhne KG",
            "Böhm Automation GmbH",
        ],
        ["Jürgen", "Matthias", "Sabine", "Günter", "Lena", "Jörg", "Andreas", "Katrin"],
        ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Schäfer", "Köhler", "Groß"],
    ),
    (
        "TR",
        "İstanbul",
        [
            "Yılmaz Makine A.Ş.",
            "Öztürk Tekstil",
            "Çelik Enerji A.Ş.",
            "Doğan Gıda",
            "Şahin Lojistik",
        ],
        ["Mehmet", "Ayşe", "Mustafa", "Emine", "Ahmet", "Fatma", "Hüseyin", "Zeynep"],
        ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın"],
    ),
    (
        "AE",
        "Dubai",
        [
            "Al Noor Industries",
            "Desert Crescent Steel",
            "Gulf Falcon Logistics",
            "Palm Coast Petrochem FZE",
        ],
        ["Mohammed", "Ahmed", "Fatima", "Omar", "Khalid", "Aisha", "Saeed", "Mariam"],
        ["Al Ketbi", "Al Zaabi", "Al Mansouri", "Al Hashimi", "Al Suwaidi", "Al Falasi"],
    ),
    (
        "IN",
        "Pune",
        [
            "Sahyadri AutoComp Systems",
            "Narmada Precision",
            "Deccan Pumps Ltd",
            "Konkan Forge Partners",
            "Kaveri Fasteners",
        ],
        ["Rahul", "Priya", "Amit", "Sunita", "Vikram", "Anjali", "Rajesh", "Deepa"],
        ["Sharma", "Patel", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair"],
    ),
]
# Hangul is not in the bundled fonts, so Korean partners are written in Latin letters.
KR = (
    "KR",
    "Seoul",
    [
        "Hanbit Precision",
        "Daeyang Engineering",
        "Mirae Machinery",
        "Saebyeok Solutions",
        "Cheongun Cable",
    ],
    ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"],
    ["Min-jun", "Seo-yeon", "Ji-hoon", "Su-bin", "Hyun-woo", "Ji-min"],
)
JP = (
    "JP",
    "大阪",
    ["山田精機株式会社", "鈴木ポンプ株式会社", "高橋化学工業", "田中電機"],
    ["佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤"],
    ["健太", "美咲", "翔太", "陽菜", "大輔"],
)
# The same names in Latin letters, index for index.
JP_LATIN = (
    ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito"],
    ["Kenta", "Misaki", "Shota", "Hina", "Daisuke"],
)

POSITIONS_CN = [
    "总经理",
    "董事长",
    "副总裁",
    "海外事业部总监",
    "销售经理",
    "财务总监",
    "投资部经理",
    "技术总监",
    "采购经理",
    "法务顾问",
]
POSITIONS_RU = [
    "Генеральный директор",
    "Коммерческий директор",
    "Финансовый директор",
    "Руководитель проекта",
    "Главный инженер",
    "Юрист",
    "Директор по развитию",
    "Менеджер по ВЭД",
    "Технический директор",
]
POSITIONS_EN = [
    "CEO",
    "Managing Director",
    "Head of International Business",
    "CFO",
    "Project Manager",
    "Chief Engineer",
    "Sales Director",
    "Legal Counsel",
]
MEETING_TITLES = [
    "Переговоры с {c}",
    "Презентация региона для {c}",
    "Визит {c} на площадку",
    "Видеоконференция с {c}",
    "Обсуждение мер поддержки с {c}",
    "Встреча с руководством {c}",
    "Подписание соглашения с {c}",
    "Рабочая встреча по проекту {c}",
]
DISCUSSIONS = [
    "Обсудили сроки строительства, подключение к электросетям ({mw} МВт) и газу.",
    "Инвестор запросил данные о логистике: расстояние до ЦКАД, железнодорожная ветка.",
    "Представили меры поддержки: налоговая льгота по налогу на имущество, субсидия на проценты.",
    "Согласовали график визита делегации и перечень площадок для осмотра.",
    "Обсудили потребность в кадрах: {jobs} рабочих мест, обучение на базе колледжа.",
    "讨论了投资协议草案和土地租赁条件。",
    "Discussed the draft investment agreement and the land lease terms.",
]
SITE_KINDS = ["industrial_park", "sez", "technopark", "plot", "building", "coworking"]
ZONES = {
    "CN": "Asia/Shanghai",
    "RU": "Europe/Moscow",
    "DE": "Europe/Berlin",
    "TR": "Europe/Istanbul",
    "AE": "Asia/Dubai",
    "IN": "Asia/Kolkata",
    "KR": "Asia/Seoul",
    "JP": "Asia/Tokyo",
}


# --------------------------------------------------------------------------- generator


class _Gen:
    def __init__(self, seed: int, origin: str) -> None:
        self.rng = random.Random(seed)
        self.origin = origin
        self.now = datetime(2026, 11, 1, tzinfo=UTC)
        self._hlc = 0

    def id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def stamp(self, when: datetime | None = None) -> dict[str, Any]:
        when = when or self.now - timedelta(days=self.rng.randint(0, 2000))
        self._hlc += 1
        return {
            "id": self.id(),
            "created_at": when,
            "updated_at": when,
            "origin": self.origin,
            "hlc": f"{int(when.timestamp() * 1000):013d}-{self._hlc % 100000:05d}-{self.origin}",
            "version": 1,
            "deleted_at": None,
        }

    def phone(self, country: str) -> str:
        r = self.rng
        if country == "CN":
            return f"+86{r.choice(('138', '139', '158', '188'))}{r.randint(0, 10**8 - 1):08d}"
        if country == "RU":
            return f"+79{r.choice(('03', '15', '16', '26', '85'))}{r.randint(0, 10**7 - 1):07d}"
        # Mobile ranges that phonenumbers accepts, so exported rows import again.
        prefix, digits = _MOBILE.get(country, _MOBILE["US"])
        return f"{prefix}{r.randint(0, 10**digits - 1):0{digits}d}"

    # -- companies ----------------------------------------------------------------------
    def company(self) -> dict[str, Any]:
        r = self.rng.random()
        if r < 0.5:
            row = self._cn_company()
        elif r < 0.75:
            row = self._ru_company()
        elif r < 0.82:
            row = self._asian_company(KR)
        elif r < 0.86:
            row = self._asian_company(JP)
        else:
            row = self._world_company()
        row.update(self.stamp())
        row.update(
            kind=self.rng.choice(["investor"] * 6 + ["partner", "partner", "government"]),
            registration_code="",
            employees=self.rng.choice([None, 50, 120, 300, 800, 2500, 12000]),
            revenue=None,
            revenue_currency="",
            address="",
            description="",
        )
        return row

    def _cn_company(self) -> dict[str, Any]:
        rng = self.rng
        city, brand = rng.choice(CN_CITIES), rng.choice(CN_BRANDS)
        ind_zh, ind_en, ind_ru = rng.choice(CN_INDUSTRIES)
        native = f"{city}{brand}{ind_zh}有限公司"
        brand_py = "".join(pinyin_syllables(brand)).capitalize() if not brand.isascii() else brand
        city_py = "".join(pinyin_syllables(city)).capitalize()
        brand_ru = palladius(pinyin_syllables(brand)).capitalize() if not brand.isascii() else brand
        code = "91" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(16))
        return {
            "name": f"{brand_py} {ind_en} Co., Ltd.",
            "name_native": native,
            "name_latin": f"{city_py} {brand_py} {ind_en} Co., Ltd.",
            "name_ru": f"«{brand_ru}» ({ind_ru})",
            "country": "CN",
            "city": palladius(pinyin_syllables(city)).capitalize(),
            "industry": ind_ru,
            "website": f"https://www.{brand_py.lower()}-{ind_en.split()[0].lower()}.example",
            "_code": code,
        }

    def _ru_company(self) -> dict[str, Any]:
        rng = self.rng
        word, kind = rng.choice(RU_COMPANY_WORDS), rng.choice(RU_COMPANY_KINDS)
        name = f"ООО «{word}{rng.choice(['', '-', ' '])}{kind}»".replace("- ", "-")
        return {
            "name": name,
            "name_native": "",
            "name_latin": f"{cyrillic_to_latin(word).capitalize()} "
            f"{cyrillic_to_latin(kind).title()} LLC",
            "name_ru": name,
            "country": "RU",
            "city": rng.choice(RU_CITIES),
            "industry": kind.lower(),
            "website": "",
        }

    def _asian_company(self, pool: tuple[Any, ...]) -> dict[str, Any]:
        country, city, names, _, _ = pool
        chosen = self.rng.choice(names)
        if country == "KR":  # names kept in Latin letters (see KR)
            native, latin = "", chosen
        else:
            native, latin = chosen, f"Japan Partner {self.rng.randint(1, 999)}"
        return {
            "name": native or latin,
            "name_native": native,
            "name_latin": latin,
            "name_ru": "",
            "country": country,
            "city": city,
            "industry": "",
            "website": "",
        }

    def _world_company(self) -> dict[str, Any]:
        country, city, names, _, _ = self.rng.choice(WORLD)
        name = self.rng.choice(names)
        return {
            "name": name,
            "name_native": "",
            "name_latin": name,
            "name_ru": "",
            "country": country,
            "city": city,
            "industry": "",
            "website": "",
        }

    # -- contacts -----------------------------------------------------------------------
    def contact(self, company: dict[str, Any] | None) -> dict[str, Any]:
        country = company["country"] if company else self.rng.choice(["CN", "RU"])
        rng = self.rng
        fn = gn = fl = gl = fr = gr = ""
        if country == "CN":
            fn = rng.choice(CN_SURNAMES)
            gn = "".join(rng.choice(CN_GIVEN) for _ in range(rng.choice((1, 2, 2))))
            fam_py = pinyin_syllables(fn, surname=True)
            giv_py = pinyin_syllables(gn)
            fl, gl = "".join(fam_py).capitalize(), "".join(giv_py).capitalize()
            fr = palladius(fam_py).capitalize()
            gr = palladius(giv_py).capitalize()
            position = rng.choice(POSITIONS_CN)
        elif country == "RU":
            female = rng.random() < 0.4
            fam = rng.choice(RU_FAMILY_M)
            fr = fam + "а" if female and fam.endswith(("ов", "ев", "ёв", "ин")) else fam
            gr = rng.choice(RU_GIVEN_F if female else RU_GIVEN_M)
            fl, gl = cyrillic_to_latin(fr).capitalize(), cyrillic_to_latin(gr).capitalize()
            position = rng.choice(POSITIONS_RU)
        elif country == "KR":
            fl, gl = rng.choice(KR[3]), rng.choice(KR[4])
            position = rng.choice(POSITIONS_EN)
        elif country == "JP":
            fi, gi = rng.randrange(len(JP[3])), rng.randrange(len(JP[4]))
            fn, gn = JP[3][fi], JP[4][gi]
            fl, gl = JP_LATIN[0][fi], JP_LATIN[1][gi]
            position = rng.choice(POSITIONS_EN)
        else:
            pool = next(w for w in WORLD if w[0] == country)
            gl, fl = rng.choice(pool[3]), rng.choice(pool[4])
            position = rng.choice(POSITIONS_EN)
        row = self.stamp()
        handle = (gl[:1] + "." + fl).lower().replace(" ", "") if fl else f"c{rng.randint(1, 10**6)}"
        domain = (
            company["website"].split("www.")[-1]
            if company and company["website"]
            else "mail.example"
        )
        row.update(
            company_id=company["id"] if company else None,
            family_name_native=fn,
            given_name_native=gn,
            family_name_latin=fl,
            given_name_latin=gl,
            family_name_ru=fr,
            given_name_ru=gr,
            display_name=contact_display_name(fn, gn, gl, fl, fr, gr),
            position=position,
            department="",
            emails=[{"kind": "work", "value": f"{handle}@{domain}"}],
            phones=[{"kind": "mobile", "value": self.phone(country)}],
            wechat=f"{(gl + fl).lower()}{rng.randint(1, 999)}" if country == "CN" else "",
            telegram="",
            languages={"CN": "zh, en", "RU": "ru"}.get(country, "en"),
            decision_maker=rng.random() < 0.15,
            notes="" if rng.random() < 0.8 else rng.choice(DISCUSSIONS).format(mw=5, jobs=200),
        )
        return row


def _batches(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def generate(
    engine: Engine,
    counts: LargeCounts = LargeCounts(),
    *,
    seed: int = 20261127,
    origin: str = "demo-large",
    progress: Progress | None = None,
    batch: int = 5000,
) -> dict[str, int]:
    """Fill a database (with its default stages) with synthetic records; returns counts."""
    g = _Gen(seed, origin)
    rng = g.rng
    made: dict[str, int] = {}

    def report(what: str, done: int, total: int) -> None:
        if progress:
            progress(what, done, total)

    with engine.begin() as conn:
        stages = [r[0] for r in conn.execute(select(Stage.id).order_by(Stage.position))]
        if not stages:
            raise ValueError("The database has no pipeline stages; open it through the runtime.")

        def put(table: Any, rows: list[dict[str, Any]]) -> None:
            if rows:
                conn.execute(insert(table), rows)

        # our side
        members = []
        for i in range(counts.members):
            fam = rng.choice(RU_FAMILY_M)
            giv = rng.choice(RU_GIVEN_M)
            m = g.stamp()
            m.update(
                name=f"{fam} {giv}",
                name_latin=f"{cyrillic_to_latin(giv).capitalize()} "
                f"{cyrillic_to_latin(fam).capitalize()}",
                position="Консультант",
                department="Управление иностранных инвестиций",
                email=f"m{i}@invest.example",
                phone=f"+7495600{i:04d}",
                active=True,
            )
            members.append(m)
        put(Member.__table__, members)
        member_ids = [m["id"] for m in members]
        made["members"] = len(members)

        sites = []
        for i in range(counts.sites):
            s = g.stamp()
            city = rng.choice(RU_CITIES)
            s.update(
                name=f"Индустриальный парк «{rng.choice(RU_COMPANY_WORDS)}-{i + 1}»",
                name_en=f"Industrial park {i + 1}",
                name_zh=f"工业园{i + 1}号",
                kind=rng.choice(SITE_KINDS),
                municipality=city,
                address=f"{city}, шоссе",
                available_area_m2=Decimal(rng.randint(1, 500) * 1000),
                land_area_ha=None,
                utilities="электроэнергия, газ, вода",
                website="",
                description="",
            )
            sites.append(s)
        put(Site.__table__, sites)
        made["sites"] = len(sites)

        # companies, kept in memory (20,000 small dicts) for contacts and meetings
        companies: list[dict[str, Any]] = []
        for part in _batches((g.company() for _ in range(counts.companies)), batch):
            for c in part:
                c["registration_code"] = c.pop("_code", "")
            put(Company.__table__, part)
            companies.extend(part)
            report("companies", len(companies), counts.companies)
        made["companies"] = len(companies)

        # contacts: companies get between 1 and ~20 people, a few have none
        contacts_by_company: dict[str, list[str]] = {}
        done = 0
        for part in _batches(
            (
                g.contact(rng.choice(companies) if companies else None)
                for _ in range(counts.contacts)
            ),
            batch,
        ):
            put(Contact.__table__, part)
            for c in part:
                if c["company_id"]:
                    contacts_by_company.setdefault(c["company_id"], []).append(c["id"])
            done += len(part)
            report("contacts", done, counts.contacts)
        made["contacts"] = done

        # projects and their stage histories
        projects: list[dict[str, Any]] = []
        changes: list[dict[str, Any]] = []
        for i in range(counts.projects if companies else 0):
            comp = companies[i % len(companies)] if i < len(companies) else rng.choice(companies)
            p = g.stamp()
            reached = rng.randint(0, len(stages) - 1)
            start = g.now - timedelta(days=rng.randint(60, 2000))
            when = start
            history = []
            for k in range(reached + 1):
                ch = g.stamp(when)
                ch.update(
                    project_id=p["id"],
                    from_stage_id=stages[k - 1] if k else None,
                    to_stage_id=stages[k],
                    changed_at=when,
                    member_id=rng.choice(member_ids) if member_ids else None,
                    meeting_id=None,
                    note="",
                )
                history.append(ch)
                when += timedelta(days=rng.randint(7, 120))
            status = "active" if rng.random() < 0.75 else rng.choice(["won", "lost", "on_hold"])
            p.update(
                title=f"{rng.choice(['Завод', 'Производство', 'Склад', 'Сервисный центр'])} "
                f"{comp['name']}",
                code_name="",
                company_id=comp["id"],
                stage_id=stages[reached],
                stage_entered_at=history[-1]["changed_at"],
                status=status,
                status_reason="",
                owner_id=rng.choice(member_ids),
                product="",
                planned_output="",
                capex=Decimal(rng.randint(1, 500) * 10**6),
                capex_currency=rng.choice(["RUB", "USD", "CNY"]),
                jobs=rng.randint(20, 2000),
                land_area_ha=None,
                floor_area_m2=None,
                probability=rng.randint(5, 95),
                expected_decision=date(2027, rng.randint(1, 12), 1),
                description="",
            )
            projects.append(p)
            changes.extend(history)
            if len(projects) >= batch:
                put(Project.__table__, projects)
                put(StageChange.__table__, changes)
                made["projects"] = made.get("projects", 0) + len(projects)
                made["stage_changes"] = made.get("stage_changes", 0) + len(changes)
                report("projects", made["projects"], counts.projects)
                projects, changes = [], []
        put(Project.__table__, projects)
        put(StageChange.__table__, changes)
        made["projects"] = made.get("projects", 0) + len(projects)
        made["stage_changes"] = made.get("stage_changes", 0) + len(changes)

        # meetings with both sides' participants, and a follow-up task each
        done = 0
        for first in range(0, counts.meetings if companies else 0, batch):
            n = min(batch, counts.meetings - first)
            meetings, ours, theirs, tasks = [], [], [], []
            for _ in range(n):
                comp = rng.choice(companies)
                m = g.stamp()
                zone = ZONES.get(comp["country"], "Europe/Moscow")
                when = g.now - timedelta(days=rng.randint(-60, 2500), hours=rng.randint(0, 10))
                m.update(
                    title=rng.choice(MEETING_TITLES).format(c=comp["name"]),
                    trip_id=None,
                    company_id=comp["id"],
                    project_id=None,
                    starts_at=when,
                    timezone=zone,
                    duration_min=rng.choice([30, 60, 90, 120]),
                    place=comp["city"] or "Москва",
                    format=rng.choice(["in_person", "in_person", "video", "phone"]),
                    language=rng.choice(["ru", "zh", "en"]),
                    interpreter="",
                    agenda="Знакомство; презентация региона; следующие шаги",
                    discussion=rng.choice(DISCUSSIONS).format(
                        mw=rng.randint(1, 40), jobs=rng.randint(20, 900)
                    ),
                    agreements="Направить коммерческое предложение.",
                    confidentiality="internal",
                )
                meetings.append(m)
                for mid in rng.sample(member_ids, k=min(len(member_ids), rng.randint(1, 3))):
                    ours.append({"meeting_id": m["id"], "member_id": mid})
                people = contacts_by_company.get(comp["id"], [])
                for cid in rng.sample(people, k=min(len(people), rng.randint(1, 4))):
                    theirs.append({"meeting_id": m["id"], "contact_id": cid})
                t = g.stamp(when)
                done_task = when < g.now - timedelta(days=30)
                t.update(
                    title=f"Отправить материалы по итогам: {comp['name']}",
                    description="",
                    owner_id=rng.choice(member_ids),
                    due_date=(when + timedelta(days=14)).date(),
                    status="done" if done_task else "open",
                    done_at=when + timedelta(days=10) if done_task else None,
                    meeting_id=m["id"],
                    project_id=None,
                    company_id=comp["id"],
                )
                tasks.append(t)
            put(Meeting.__table__, meetings)
            put(meeting_members, ours)
            put(meeting_contacts, theirs)
            put(Task.__table__, tasks)
            done += n
            made["meeting_participants"] = (
                made.get("meeting_participants", 0) + len(ours) + len(theirs)
            )
            report("meetings", done, counts.meetings)
        made["meetings"] = done
        made["tasks"] = done

    reindex(engine, lambda d, t: report("search index", d, t))
    return made
