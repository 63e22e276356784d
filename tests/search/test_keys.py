"""Every spelling route a user may take to a name, on real names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.search.keys import KeyKind, Route, query_variants, search_keys
from crm_desktop.text.translit import (
    PALLADIUS,
    cyrillic_to_latin,
    fold,
    fold_mapped,
    latin_to_cyrillic,
    palladius,
    palladius_syllable,
    pinyin_key,
    pinyin_syllables,
    segment_pinyin,
    swap_layout,
)


def keys_of(text: str, **kw) -> set[str]:
    return {k.key.text for k in search_keys(text, **kw)}


def finds(query: str, name: str, **kw) -> bool:
    """What the index does: a variant of the query is a substring of a key of the name."""
    keys = keys_of(name, **kw)
    return any(v.text in k for v in query_variants(query) for k in keys)


# --------------------------------------------------------------------------- folding


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Ёлкин", "елкин"),
        ("ЁЛКИН", "елкин"),
        ("Семёнов", "семенов"),
        ("Кайцюань", "кайцюань"),
        ("Müller", "muller"),
        ("Kǎiquán", "kaiquan"),
        ("Lǚ Dòngbīn", "lu dongbin"),
        ("José Ñúñez", "jose nunez"),
        ("ＫＡＩＱＵＡＮ", "kaiquan"),  # full-width letters from a Chinese input method
        ("Straße", "strasse"),
        ("  Санкт-Петербург  ", "санкт петербург"),
        ("ООО «Ромашка»", "ооо ромашка"),
        ("O'Brien", "obrien"),
        ("Йошкар-Ола", "йошкар ола"),  # й stays a letter of its own
        ("Объект", "обект"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_fold_keeps_chinese_and_maps_back_to_the_source() -> None:
    m = fold_mapped("凯泉 Kǎi")
    assert m.text == "凯泉 kai"
    assert m.source_span(3, 6) == (3, 6)


@given(st.text(max_size=40))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@settings(deadline=None)  # the first Chinese character loads pypinyin's dictionaries (~1 s)
@given(st.text(max_size=40))
def test_every_key_char_points_into_the_source(text: str) -> None:
    for k in search_keys(text):
        assert len(k.key.origin) == len(k.key.text)
        assert all(0 <= i < len(text) for i in k.key.origin)


# --------------------------------------------------------------------------- pinyin


@pytest.mark.parametrize(
    ("han", "syllables"),
    [
        ("凯泉", ["kai", "quan"]),
        ("华为", ["hua", "wei"]),
        ("重庆", ["chong", "qing"]),  # read as a word, not zhong qing
        ("厦门", ["xia", "men"]),
        ("吕", ["lü"]),
        ("女", ["nü"]),
    ],
)
def test_pinyin_syllables(han: str, syllables: list[str]) -> None:
    assert pinyin_syllables(han) == syllables


@pytest.mark.parametrize(
    ("family", "reading"),
    [("曾", "zeng"), ("单", "shan"), ("解", "xie"), ("仇", "qiu"), ("朴", "piao"), ("区", "ou")],
)
def test_family_names_read_as_family_names(family: str, reading: str) -> None:
    assert pinyin_syllables(family + "伟", surname=True)[0] == reading
    assert finds(reading, family + "伟", surname=True)


def test_compound_surname() -> None:
    assert pinyin_syllables("欧阳修", surname=True) == ["ou", "yang", "xiu"]
    assert pinyin_syllables("尉迟恭", surname=True)[:2] == ["yu", "chi"]


def test_pinyin_joined_and_spaced_keys() -> None:
    assert pinyin_key("凯泉").text == "kaiquan"
    assert pinyin_key("凯泉", spaced=True).text == "kai quan"
    assert pinyin_key("Ivanov") is None
    assert pinyin_key("吕").text == "lu"  # ü written u, as in passports
    mixed = pinyin_key("上海凯泉泵业 Kaiquan", spaced=True)
    assert mixed.text == "shang hai kai quan beng ye kaiquan"


# --------------------------------------------------------------------------- Palladius


@pytest.mark.parametrize(
    ("pinyin", "cyrillic"),
    [
        # the corners of the system
        ("zhi", "чжи"), ("chi", "чи"), ("shi", "ши"), ("ri", "жи"),
        ("zi", "цзы"), ("ci", "цы"), ("si", "сы"),
        ("ji", "цзи"), ("qi", "ци"), ("xi", "си"),
        ("ju", "цзюй"), ("qu", "цюй"), ("xu", "сюй"), ("yu", "юй"),
        ("jue", "цзюэ"), ("que", "цюэ"), ("xue", "сюэ"), ("yue", "юэ"),
        ("juan", "цзюань"), ("quan", "цюань"), ("yuan", "юань"), ("xun", "сюнь"),
        ("nü", "нюй"), ("lü", "люй"), ("lüe", "люэ"), ("nve", "нюэ"), ("lv", "люй"),
        ("jiong", "цзюн"), ("xiong", "сюн"), ("yong", "юн"),
        ("zhuo", "чжо"), ("ruo", "жо"), ("guo", "го"), ("duo", "до"),
        ("hui", "хуэй"), ("gui", "гуй"), ("dui", "дуй"), ("shui", "шуй"),
        ("wei", "вэй"), ("wen", "вэнь"), ("weng", "вэн"), ("wang", "ван"), ("wu", "у"),
        ("yi", "и"), ("ye", "е"), ("you", "ю"), ("yan", "янь"), ("yin", "инь"),
        ("ying", "ин"), ("yang", "ян"), ("yao", "яо"), ("yo", "йо"),
        ("er", "эр"), ("e", "э"), ("ê", "э"), ("ou", "оу"), ("ang", "ан"), ("en", "энь"),
        ("de", "дэ"), ("me", "мэ"), ("ge", "гэ"), ("zhe", "чжэ"), ("re", "жэ"),
        ("die", "де"), ("lie", "ле"), ("jie", "цзе"), ("xie", "се"),
        ("miu", "мю"), ("liu", "лю"), ("jiu", "цзю"), ("diu", "дю"),
        ("lia", "ля"), ("jia", "цзя"), ("dia", "дя"),
        ("nian", "нянь"), ("qiao", "цяо"), ("liang", "лян"),
        ("zhua", "чжуа"), ("shuang", "шуан"), ("chuai", "чуай"),
        ("ceng", "цэн"), ("zeng", "цзэн"), ("zhong", "чжун"), ("rong", "жун"),
        ("kei", "кэй"), ("shei", "шэй"), ("zei", "цзэй"), ("fou", "фоу"), ("fo", "фо"),
        ("lo", "ло"), ("kuo", "ко"), ("run", "жунь"), ("lun", "лунь"),
    ],
)  # fmt: skip
def test_palladius_syllables(pinyin: str, cyrillic: str) -> None:
    assert palladius_syllable(pinyin) == cyrillic


def test_every_syllable_of_chinese_has_a_palladius_form() -> None:
    assert len(PALLADIUS) > 410
    for syllable, cyr in PALLADIUS.items():
        assert cyr, syllable
        assert all("\u0400" <= c <= "\u04ff" for c in cyr), (syllable, cyr)
    with pytest.raises(KeyError):
        palladius_syllable("bla")


@pytest.mark.parametrize(
    ("name", "russian"),
    [
        ("凯泉", "Кайцюань"),
        ("华为", "Хуавэй"),
        ("海尔", "Хайэр"),
        ("比亚迪", "Бияди"),
        ("长城", "Чанчэн"),
        ("上海", "Шанхай"),
        ("广州", "Гуанчжоу"),
        ("深圳", "Шэньчжэнь"),
        ("重庆", "Чунцин"),
        ("厦门", "Сямэнь"),
        ("青岛", "Циндао"),
        ("天津", "Тяньцзинь"),
        ("沈阳", "Шэньян"),
        ("西安", "Сиань"),
        ("长安", "Чанъань"),  # ъ after -н before a vowel ...
        ("毛泽东", "Мао Цзэдун"),
        ("邓小平", "Дэн Сяопин"),
        ("周恩来", "Чжоу Эньлай"),
        ("习近平", "Си Цзиньпин"),
        ("李克强", "Ли Кэцян"),
        ("任正非", "Жэнь Чжэнфэй"),
        ("马云", "Ма Юнь"),
        ("曾国藩", "Цзэн Гофань"),
        ("单田芳", "Шань Тяньфан"),
        ("吕", "Люй"),
    ],
)
def test_palladius_of_real_names(name: str, russian: str) -> None:
    keys = keys_of(name, surname=True)
    joined = fold(russian.replace(" ", ""))
    assert joined in keys  # ... which the key drops, as folding does: Чанань finds it too
    assert finds(russian, name, surname=True)
    assert finds(russian.replace(" ", ""), name, surname=True)


def test_palladius_from_latin_pinyin() -> None:
    assert palladius("Kaiquan") == "кайцюань"
    assert palladius("Kǎiquán") == "кайцюань"
    assert palladius("Xi'an") == "сиань"
    assert palladius("Chang'an") == "чанъань"
    assert palladius("Zhang Wei") == "чжан вэй"
    with pytest.raises(ValueError):
        palladius("Ivanov")


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("kaiquan", ("kai", "quan")),
        ("xian", ("xian",)),
        ("zhangwei", ("zhang", "wei")),
        ("shenzhen", ("shen", "zhen")),
        ("ivanov", None),
        ("smith", None),
    ],
)
def test_segment_pinyin(word: str, syllables: tuple[str, ...] | None) -> None:
    assert segment_pinyin(word) == syllables


# --------------------------------------------------------------------------- Cyrillic <-> Latin


@pytest.mark.parametrize(
    ("cyr", "lat"),
    [
        ("Есипово", "esipovo"),
        ("Щукин", "shchukin"),
        ("Хабаровск", "khabarovsk"),
        ("Цюрупа", "tsyurupa"),
        ("Жуковский", "zhukovskiy"),
        ("Ёлкина Юлия", "elkina yuliya"),
        ("Подъячев", "podyachev"),
    ],
)
def test_cyrillic_to_latin(cyr: str, lat: str) -> None:
    assert cyrillic_to_latin(cyr) == lat
    assert finds(lat, cyr)


@pytest.mark.parametrize(
    ("lat", "cyr"),
    [
        ("Esipovo", "есипово"),
        ("Yesipovo", "есипово"),
        ("Ivanov", "иванов"),
        ("Zhukov", "жуков"),
        ("Habarovsk", "хабаровск"),
        ("Kaiquan", "кайцюань"),
        ("Zhang Wei", "чжан вэй"),
        ("Tatyana", "татьяна"),
    ],
)
def test_latin_to_cyrillic(lat: str, cyr: str) -> None:
    if cyr == "татьяна":  # ь has no Latin letter; the rendering finds the rest
        assert any(v.startswith("тат") for v in latin_to_cyrillic(lat))
        return
    assert cyr in latin_to_cyrillic(lat)
    assert finds(lat, cyr.capitalize())  # a Russian-only record found by its Latin spelling
    assert finds(cyr, lat)  # a Latin-only record found by its Russian spelling


# --------------------------------------------------------------------------- keyboard layout


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("rfqw.fym", "кайцюань"),
        ("Bdfyjd", "Иванов"),
        ("tcbgjdj", "есипово"),
        ("`krby", "ёлкин"),
        ("руфшуд", "heaiel"),
        ("ьщысщц", "moscow"),
        ("Шмфтщм", "Ivanov"),
    ],
)
def test_swap_layout(typed: str, meant: str) -> None:
    assert swap_layout(typed) == meant


def test_swap_layout_leaves_mixed_or_letterless_text() -> None:
    assert swap_layout("Иван Ivan") is None
    assert swap_layout("123") is None
    assert swap_layout("王") is None


@given(st.text(alphabet="qwertyuiopasdfghjklzxcvbnm", min_size=1, max_size=20))
def test_layout_swap_round_trips(text: str) -> None:
    assert swap_layout(swap_layout(text)) == text


# ---------------------------------------------------------- the four spellings of one company


@pytest.mark.parametrize(
    "query",
    [
        "凯泉",
        "凯",
        "Kaiquan",
        "kaiquan",
        "kai quan",
        "KAI QUAN",
        "Kǎiquán",
        "Кайцюань",
        "кайцюань",
        "кай цюань",
        "rfqw.fym",
        "rfqwÿfym".replace("ÿ", "."),
        "kaiq",
        "цюань",
    ],
)
def test_every_spelling_finds_kaiquan(query: str) -> None:
    assert finds(query, "上海凯泉泵业（集团）有限公司")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Елкин", "Ёлкин"),
        ("ёлкин", "Елкин"),
        ("Zeng Guofan", "曾国藩"),
        ("zengguofan", "曾国藩"),
        ("Цзэн Гофань", "曾国藩"),
        ("Esipovo", "Есипово"),
        ("Есипово", "Esipovo"),
        ("tcbgjdj", "Есипово"),
        ("Ivanov", "Иванов"),
        ("Шмфтщм", "Ivanov"),
        ("lv", "吕"),
        ("Lü", "吕"),
        ("Люй", "吕"),
        ("Müller", "Muller"),
        ("Muller", "Müller"),
        ("wangwei", "Wang Wei"),
        ("Ван Вэй", "王伟"),
        ("Ван", "Wang Wei"),
    ],
)
def test_spelling_routes(query: str, name: str) -> None:
    assert finds(query, name, surname=True)


def test_unrelated_names_are_not_found() -> None:
    assert not finds("Кайцюань", "华为技术有限公司")
    assert not finds("Petrov", "Иванов")
    assert not finds("王", "李娜")


def test_query_variants_order_and_routes() -> None:
    variants = query_variants("rfqw.fym")
    assert variants[0].route is Route.AS_TYPED
    assert variants[-1].text == "кайцюань"
    assert variants[-1].route is Route.LAYOUT
    assert query_variants("   ") == []
    assert [v.text for v in query_variants("王")] == ["王"]


def test_key_kinds_of_a_chinese_name() -> None:
    kinds = {k.kind: k.key.text for k in search_keys("凯泉")}
    assert kinds == {
        KeyKind.NATIVE: "凯泉",
        KeyKind.PINYIN: "kaiquan",
        KeyKind.PINYIN_SPACED: "kai quan",
        KeyKind.PALLADIUS: "кайцюань",
        KeyKind.PALLADIUS_SPACED: "кай цюань",
    }


def test_match_in_pinyin_maps_back_to_the_characters() -> None:
    text = "上海凯泉泵业"
    key = next(k.key for k in search_keys(text) if k.kind is KeyKind.PINYIN)
    start = key.text.index("kaiquan")
    assert key.source_span(start, start + len("kaiquan")) == (2, 4)
    assert text[2:4] == "凯泉"
