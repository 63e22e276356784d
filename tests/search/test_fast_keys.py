"""The fast paths under the search keys give what the plain definitions give.

``has_han`` and friends search with a character class instead of testing each character
in Python; the Cyrillic rendering of Latin text is cached per word; pinyin is cached per
run of characters. Each is compared here with the definition it replaces.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.search.keys import search_keys
from crm_desktop.text import translit
from crm_desktop.text.scripts import (
    has_cyrillic,
    has_han,
    has_hangul,
    has_latin,
    is_cyrillic,
    is_han,
    is_hangul,
)
from crm_desktop.text.translit import Mapped, latin_to_cyrillic_mapped, pinyin_syllables


def _every_character() -> list[str]:
    planes = [*range(0, 0xD800), *range(0xE000, 0x10000), *range(0x1F000, 0x32000)]
    return [chr(cp) for cp in planes]


def test_script_checks_agree_with_the_character_definitions_everywhere() -> None:
    wrong = []
    for ch in _every_character():
        for text in (ch, "a" + ch, ch + " 1"):
            if has_han(text) != any(is_han(c) for c in text):
                wrong.append(("han", text))
            if has_cyrillic(text) != any(is_cyrillic(c) for c in text):
                wrong.append(("cyrillic", text))
            if has_hangul(text) != any(is_hangul(c) for c in text):
                wrong.append(("hangul", text))
        plain = any("a" <= c <= "z" or "A" <= c <= "Z" for c in unicodedata.normalize("NFKD", ch))
        if has_latin(ch + "1") != plain:
            wrong.append(("latin", ch))
    assert wrong == []


def _alone(word: str, pinyin_first: bool, offset: int) -> Mapped:
    m = latin_to_cyrillic_mapped(word, pinyin_first=pinyin_first)
    assert m is not None
    return Mapped(m.text, tuple(o + offset for o in m.origin))


NAMES = [
    "Wang Wei",
    "Wei Wang",
    "Zhang Wei Wang",
    "wang wang",
    "Kaiyuan Bengye Jituan",
    "Ahmed Al Falasi",
    "Yekaterina Yusupova",
    "Jürgen Schmidt",
    "Xi'an Yuanfang",
    "Chang'an Motors",
    "Müller Müller",
]


def _words_alone(text: str, pinyin_first: bool) -> Mapped:
    """The rendering of ``text`` put together from its words rendered one by one."""
    folded = translit.fold_mapped(text)
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for word in folded.text.split(" "):
        start = folded.text.index(word, pos)
        pos = start + len(word)
        src = folded.origin[start:pos]
        one = latin_to_cyrillic_mapped(word, pinyin_first=pinyin_first)
        assert one is not None
        if parts:
            parts.append(" ")
            origin.append(src[0])
        parts.append(one.text)
        origin.extend(src[o] for o in one.origin)
    return Mapped("".join(parts), tuple(origin))


def test_cyrillic_rendering_is_the_same_word_by_word_and_whole_in_any_order() -> None:
    for pinyin_first in (True, False):
        translit._word_to_cyrillic.cache_clear()
        cold = [latin_to_cyrillic_mapped(n, pinyin_first=pinyin_first) for n in NAMES]
        # warm, in the other order: a cached word must land on its own letters
        warm = [latin_to_cyrillic_mapped(n, pinyin_first=pinyin_first) for n in NAMES[::-1]]
        assert cold == warm[::-1]
        for name, m in zip(NAMES, cold, strict=True):
            assert m == _words_alone(name, pinyin_first), name
    wei = latin_to_cyrillic_mapped("Wei Wang", pinyin_first=True)
    assert wei == Mapped("вэй ван", (0, 1, 2, 4, 4, 5, 6))  # the blank: the next word's


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzüé'-", min_size=1, max_size=9),
        min_size=1,
        max_size=4,
    )
)
def test_cached_renderings_agree_with_cold_ones(words: list[str]) -> None:
    text = " ".join(words)
    for pinyin_first in (True, False):
        warm = latin_to_cyrillic_mapped(text, pinyin_first=pinyin_first)
        translit._word_to_cyrillic.cache_clear()
        translit.fold_mapped.cache_clear()
        translit.segment_pinyin.cache_clear()
        assert latin_to_cyrillic_mapped(text, pinyin_first=pinyin_first) == warm


def test_pinyin_of_a_name_is_the_same_with_the_run_cache_cold_or_warm() -> None:
    names = ["曾国藩", "王伟", "重庆", "厦门TCL纺织", "单田芳", "长孙无忌", "李娜"]
    translit._run_pinyin.cache_clear()
    translit._pinyin_syllables.cache_clear()
    cold = [(pinyin_syllables(n, surname=True), pinyin_syllables(n)) for n in names]
    keys = [search_keys(n, surname=True) for n in names]
    translit._pinyin_syllables.cache_clear()
    assert [(pinyin_syllables(n, surname=True), pinyin_syllables(n)) for n in names] == cold
    assert cold[0] == (["zeng", "guo", "fan"], ["ceng", "guo", "fan"])
    assert cold[2][1] == ["chong", "qing"]
    assert [search_keys(n, surname=True) for n in names] == keys


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            [chr(c) for c in (0x3006, 0x3007, 0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4E00, 0x9FFF)]
            + [chr(c) for c in (0xA000, 0xF900, 0xFAFF, 0xFB00, 0x20000, 0x3134F, 0x31350)]
            + list("A 凯泉Ж-")
        ),
        max_size=14,
    )
)
def test_runs_of_chinese_characters_are_the_runs_is_han_marks(text: str) -> None:
    runs, i = [], 0
    while i < len(text):
        if is_han(text[i]):
            j = i
            while j < len(text) and is_han(text[j]):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    assert translit._han_runs(text) == runs


def test_pinyin_read_with_remembered_conversions_is_pypinyins_own_reading() -> None:
    """``_pinyin_reader`` converts each (character, reading) once; pypinyin's
    ``lazy_pinyin(v_to_u=True, errors="ignore")`` converts every time. Every character
    pypinyin knows, a spread of its phrases (each read twice: cold and remembered),
    and runs mixed with Latin letters and unknown characters read the same both ways."""
    from pypinyin import lazy_pinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    read = translit._pinyin_reader()
    chars = [chr(c) for c in sorted(PINYIN_DICT)]
    phrases = sorted(PHRASES_DICT)[::40]
    mixed = ["厦门TCL纺织", "重庆长城", "绿色", "女儿", "略", "〇", "王伟\U0002a6d6芳", "𠀀李"]
    for text in [*chars, *phrases, *phrases, *mixed, "".join(chars[::997])]:
        assert read(text) == lazy_pinyin(text, v_to_u=True, errors="ignore"), text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("王李张刘陈杨赵黄曾单欧阳司马伟芳娜敏静丽强磊军洋勇艳杰娟涛明超重庆长厦门")
        ),
        min_size=1,
        max_size=4,
    ).map("".join),
    st.sampled_from(["", "Li", " ", "-", "·", "A伟", "1"]),
    st.booleans(),
)
def test_han_key_texts_are_the_texts_of_the_mapped_keys(
    han: str, other: str, surname: bool
) -> None:
    """The duplicate check's pinyin and Palladius texts, built without origins for a run
    of Chinese characters, are those of ``pinyin_key`` and ``palladius_key``; other text
    goes the long way and must agree too."""
    for text in (han, han + other, other + han, han + other + han):
        pinyin = translit.pinyin_key(text, surname=surname)
        pall = translit.palladius_key(text, surname=surname)
        want = None if pinyin is None or pall is None else (pinyin.text, pall.text)
        assert translit.han_key_texts(text, surname=surname) == want, text
