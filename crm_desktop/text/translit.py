"""Transliteration: Chinese characters to pinyin and Palladius Cyrillic, Korean to Revised
Romanization and Kontsevich Cyrillic, Cyrillic to Latin and back, the other keyboard
layout, and the folding that makes two spellings compare equal.

A delegation member hears "Kaiquan", the card says 凯泉, a colleague's notes say
"Кайцюань" and someone types "rfqw.fym" on the wrong keyboard layout: the search keys
(``crm_desktop.search.keys``), the spellings a form offers (``crm_desktop.text.names``)
and the demo data are built from these functions.

Every ``Mapped`` result remembers, for each of its characters, which character of the
source text it came from (``Mapped.origin``), so a match found in "kaiquan" can highlight
凯泉 on screen.

Pure functions, no I/O, no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from crm_desktop.text.scripts import (
    HANGUL_FIRST,
    has_cyrillic,
    has_hangul,
    has_latin,
    is_han,
    is_hangul,
)

__all__ = [
    "COMPOUND_SURNAMES",
    "Builder",
    "Mapped",
    "cyrillic_to_latin",
    "cyrillic_to_latin_mapped",
    "fold",
    "fold_mapped",
    "han_key_texts",
    "han_mapped",
    "han_run_mapped",
    "hangul_mapped",
    "is_han_run",
    "kontsevich",
    "korean_name_mapped",
    "latin_to_cyrillic",
    "latin_to_cyrillic_mapped",
    "palladius",
    "palladius_join",
    "palladius_key",
    "palladius_syllable",
    "pinyin_key",
    "pinyin_syllables",
    "romanize_korean",
    "segment_pinyin",
    "surname_length",
    "swap_layout",
]


# --------------------------------------------------------------------------- mapped text


# slots: no __dict__ per key (lighter, fewer objects for the collector); init written out:
# the generated one of a frozen class sets each field through object.__setattr__, which
# took a tenth of building the search keys (equality, hash and repr are still generated)
@dataclass(frozen=True, slots=True, init=False)
class Mapped:
    """A key and, per character, the index of the source character it was made from."""

    text: str
    origin: tuple[int, ...]

    def __init__(self, text: str, origin: tuple[int, ...]) -> None:
        _SET_TEXT(self, text)
        _SET_ORIGIN(self, origin)

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The source range [a, b) that produced key characters [start, end)."""
        if start >= end or end > len(self.origin):
            return None
        idx = self.origin[start:end]
        return min(idx), max(idx) + 1


_SET_TEXT: Any = vars(Mapped)["text"].__set__
_SET_ORIGIN: Any = vars(Mapped)["origin"].__set__


class Builder:
    """Accumulates key text and, per character, the source index it came from."""

    __slots__ = ("_last", "origin", "parts")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.origin: list[int] = []
        self._last = ""

    def add(self, text: str, src: int) -> None:
        if text:
            self.parts.append(text)
            self.origin.extend([src] * len(text))
            self._last = text[-1]

    def last(self) -> str:
        return self._last

    def build(self) -> Mapped:
        return _finish("".join(self.parts), self.origin)


def _finish(text: str, origin: Iterable[int]) -> Mapped:
    """``text`` (made of pieces whose characters came from ``origin``) with runs of
    blanks collapsed and leading and trailing ones dropped: "a  -  b" -> "a b"."""
    if "  " not in text and text[:1] != " " and text[-1:] != " ":
        return Mapped(text, tuple(origin))
    chars: list[str] = []
    kept: list[int] = []
    for ch, src in zip(text, origin, strict=True):
        if ch == " " and (not chars or chars[-1] == " "):
            continue
        chars.append(ch)
        kept.append(src)
    while chars and chars[-1] == " ":
        chars.pop()
        kept.pop()
    return Mapped("".join(chars), tuple(kept))


# --------------------------------------------------------------------------- folding

_BLANKS = frozenset("-‐‑‒–—―_/\\·・.,;:!?()[]{}<>|+&#*~^=\t\n\r\u00a0\u3000、。，；：（）【】《》")
_DROPPED = frozenset("'\"`´‘’‚‛“”„«»‹›ʼʻ\u02bcъ")  # apostrophes, quotes; ъ is often omitted


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One source character folded: NFKC, casefold, marks stripped, ё=е, quotes dropped."""
    out = []
    for c in unicodedata.normalize("NFKC", ch).casefold():
        if c in _DROPPED:
            continue
        if c in _BLANKS or c.isspace():
            out.append(" ")
            continue
        if c == "й":  # a letter of its own in Russian, not и with a breve
            out.append(c)
            continue
        for d in unicodedata.normalize("NFD", c):
            if unicodedata.category(d) in ("Mn", "Me"):
                continue  # tone marks, accents, diaeresis (ё -> е), stress marks
            if d in _DROPPED:
                continue
            out.append(d)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=8192)  # a name's keys fold it several times (native, each Cyrillic)
def fold_mapped(text: str) -> Mapped:
    if _ONE_TO_ONE.fullmatch(text):
        # ASCII and Russian letters, Chinese characters and spaces fold to one character
        # each: lower case, ё = е
        # (``test_keys_speed`` checks each of them against ``_fold_char``)
        return _finish(text.lower().replace("ё", "е"), _identity(len(text)))
    pieces = list(map(_fold_char, text))
    folded = "".join(pieces)
    if len(folded) == len(pieces) and "" not in pieces:
        # every character folded to one character (nearly every name): origin is 0..n-1
        return _finish(folded, range(len(folded)))
    return _finish(folded, [i for i, p in enumerate(pieces) for _ in p])


# Characters whose fold is ``ch.lower()`` with ё as е: Latin and Russian letters (not ъ,
# which is dropped), the plain space, and the Chinese characters that NFKC leaves alone
_ONE_TO_ONE = re.compile("[ A-Za-zА-ЩЫ-щы-яЁё\u3007\u3400-\u4dbf\u4e00-\u9fff]*")


@lru_cache(maxsize=512)
def _identity(n: int) -> tuple[int, ...]:
    """0, 1, ... n-1: the origin of a key made character by character (shared)."""
    return tuple(range(n))


def fold(text: str) -> str:
    """The form both keys and queries are compared in: "  Ёлкин-ВАНГ  " -> "елкин ванг"."""
    out = "".join(map(_fold_char, text))
    if "  " in out or out[:1] == " " or out[-1:] == " ":
        out = _SPACES.sub(" ", out).strip(" ")
    return out


_SPACES = re.compile(" {2,}")


# --------------------------------------------------------------------------- pinyin

# Readings of characters used as family names that differ from their everyday reading
# (曾 is ceng in 曾经 but Zeng in 曾国藩).  Compound surnames first.
_SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "万俟": ("mo", "qi"),
    "尉迟": ("yu", "chi"),
    "长孙": ("zhang", "sun"),
    "单于": ("chan", "yu"),
    "澹台": ("tan", "tai"),
    "曾": ("zeng",),
    "单": ("shan",),
    "解": ("xie",),
    "仇": ("qiu",),
    "朴": ("piao",),
    "区": ("ou",),
    "查": ("zha",),
    "乐": ("yue",),
    "覃": ("qin",),
    "缪": ("miao",),
    "翟": ("zhai",),
    "盖": ("ge",),
    "召": ("shao",),
    "秘": ("bi",),
    "繁": ("po",),
    "员": ("yun",),
    "种": ("chong",),
    "任": ("ren",),
    "华": ("hua",),
    "纪": ("ji",),
    "折": ("she",),
    "哈": ("ha",),
    "黑": ("he",),
    "宿": ("su",),
    "洗": ("xian",),
    "冼": ("xian",),
    "燕": ("yan",),
    "过": ("guo",),
    "隗": ("wei",),
    "句": ("gou",),
    "阚": ("kan",),
    "蕃": ("pi",),
    "都": ("du",),
    "尉": ("wei",),
    "柏": ("bai",),
    "薄": ("bo",),
    "沈": ("shen",),
    "石": ("shi",),
    "车": ("che",),
    "贾": ("jia",),
    "重": ("chong",),
    "藏": ("zang",),
    "盛": ("sheng",),
    "相": ("xiang",),
    "行": ("xing",),
    "卜": ("bu",),
    "粘": ("nian",),
    "眭": ("sui",),
    "那": ("na",),
    "莘": ("shen",),
    "尹": ("yin",),
    "暴": ("bao",),
    "斗": ("dou",),
    "家": ("jia",),
    "能": ("nai",),
    "谌": ("chen",),
    "臧": ("zang",),
    "恽": ("yun",),
    "台": ("tai",),
    "应": ("ying",),
    "长": ("chang",),
    "强": ("qiang",),
    "占": ("zhan",),
    "传": ("chuan",),
    "祭": ("zhai",),
    "令狐": ("ling", "hu"),
}


def _clean_syllable(s: str) -> str:
    return s.replace("v", "ü")


def pinyin_syllables(han_run: str, *, surname: bool = False) -> list[str]:
    """Toneless pinyin of a run of Chinese characters, one syllable per character.

    ``surname`` reads the leading family name as a family name (单 -> shan, 曾 -> zeng).
    Words are read in context (pypinyin's phrase dictionary), so 重庆 is chongqing.
    """
    return list(_pinyin_syllables(han_run, surname))


@lru_cache(maxsize=65536)  # names repeat: 王, 李, 张 are a fifth of all Chinese
def _pinyin_syllables(han_run: str, surname: bool) -> tuple[str, ...]:
    head: list[str] = []
    rest = han_run
    if surname:
        # the longest family name the run starts with (they have one or two characters)
        for size in (2, 1):
            fam = han_run[:size]
            if len(fam) == size and fam in _SURNAME_READINGS:
                head = list(_SURNAME_READINGS[fam])
                rest = han_run[size:]
                break
    if not rest:
        return tuple(head)
    # imported here: pypinyin loads its dictionaries on import (half a second), which
    # start-up and every command line call would pay even when no Chinese is written
    syl: list[str] = []
    for a, b in _han_runs(rest):
        syl.extend(_run_pinyin(rest[a:b]))
    return tuple(head + [_clean_syllable(s.lower()) for s in syl])


@lru_cache(maxsize=65536)  # a full name is read with and without its surname reading
def _run_pinyin(run: str) -> tuple[str, ...]:
    lazy_pinyin = _pinyin_reader()
    # Each run of characters is read as a whole, so its words come from pypinyin's phrase
    # dictionary (厦门 is xiamen, not sha men; 重庆 chongqing; 长城 changcheng) even when
    # Latin letters stand in the name ("厦门TCL纺织").  Only a run with a character
    # pypinyin does not know is read one character at a time.
    if len(run) > 1 and _first_is_a_word(run):
        # pypinyin cuts the run into words, longest phrase first: when no phrase starts
        # with the first two characters, the first is a word of its own and the rest is
        # cut as if it stood alone (卢 + 梅家), so the reading is the first character's
        # and the rest's -- read once for every name with the same given name, which the
        # duplicate check reads anyway. Not when pypinyin does not know the first
        # character (the whole run would then be read character by character).
        head = _run_pinyin(run[:1])
        if head != ("",):
            return head + _run_pinyin(run[1:])
    got = lazy_pinyin(run)
    if len(got) != len(run):
        got = [(lazy_pinyin(c) or [""])[0] for c in run]
    return tuple(got)


def _first_is_a_word(run: str) -> bool:
    """pypinyin's segmenter makes the first character of ``run`` a word by itself: both
    first characters are ones it segments, and no phrase begins with the two."""
    hans, prefixes = _pypinyin_segmenter()
    return bool(hans.match(run[0]) and hans.match(run[1])) and run[:2] not in prefixes


@lru_cache(maxsize=1)
def _pypinyin_segmenter() -> tuple[re.Pattern[str], Container[str]]:
    """The character class pypinyin segments, and its set of phrase prefixes (what its
    ``lazy_pinyin`` cuts a string with: ``simpleseg.seg``, then ``mmseg.seg.cut``)."""
    from pypinyin.constants import RE_HANS
    from pypinyin.seg import mmseg

    return RE_HANS, cast(Container[str], mmseg.seg._prefix_set)  # has __contains__


@lru_cache(maxsize=1)
def _pinyin_reader() -> Callable[[str], list[str]]:
    """``lazy_pinyin(text, v_to_u=True, errors="ignore")`` with each character's reading
    converted to toneless pinyin once: pypinyin converts every reading of every call
    anew (a new converter object and a few regular expressions each), about half of
    what reading the names of an import cost. Same converter, same arguments, same
    result (``tests/search/test_fast_keys.py`` compares the two)."""
    # imported here: pypinyin loads its dictionaries on import (half a second), which
    # start-up and every command line call would pay even when no Chinese is written
    from pypinyin import Style
    from pypinyin.converter import UltimateConverter
    from pypinyin.core import Pinyin

    class _Remembering(UltimateConverter):
        def __init__(self) -> None:
            super().__init__(v_to_u=True, neutral_tone_with_five=False, tone_sandhi=False)
            self._done: dict[tuple[str, str, Style, bool], str] = {}

        def convert_style(
            self, han: str, orig_pinyin: str, style: Style, strict: bool, **kwargs: Any
        ) -> Any:
            if kwargs:
                return super().convert_style(han, orig_pinyin, style, strict, **kwargs)
            key = (han, orig_pinyin, style, strict)
            got = self._done.get(key)
            if got is None:
                got = self._done[key] = super().convert_style(han, orig_pinyin, style, strict)
            return got

    reader = Pinyin(_Remembering())

    def read(text: str) -> list[str]:
        return list(reader.lazy_pinyin(text, style=Style.NORMAL, errors="ignore", strict=True))

    return read


def surname_length(text: str) -> int:
    """How many leading characters of a Chinese full name are the family name."""
    if not text or not is_han(text[0]):
        return 0
    if len(text) >= 3 and text[:2] in _SURNAME_READINGS or text[:2] in COMPOUND_SURNAMES:
        return 2
    return 1


COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离"  # noqa: SIM905
    " 端木 万俟 澹台 单于 呼延 南宫 西门 独孤 百里 东郭".split()
)


def _han_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of Chinese characters (``is_han``'s ranges, searched in C)."""
    return [m.span() for m in _HAN_RUN_RE.finditer(text)]


_HAN_RUN_RE = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def han_mapped(
    text: str, render: Callable[[list[str]], list[str]], *, spaced: bool, surname: bool
) -> Mapped | None:
    """Replace each Chinese character by ``render(syllables)`` pieces; fold the rest."""
    runs = _han_runs(text)
    if not runs:
        return None
    if len(runs) == 1 and runs[0] == (0, len(text)):
        # only Chinese characters (nearly every native name): the pieces, in order, and
        # spaces between them when ``spaced``, each from its character -- what the
        # Builder below makes of them, without a call per piece
        return han_run_mapped(render(list(_pinyin_syllables(text, surname))), spaced=spaced)
    b = Builder()
    pos = 0
    first = True
    for start, end in runs:
        for i in range(pos, start):
            b.add(_fold_char(text[i]), i)
        syllables = list(_pinyin_syllables(text[start:end], surname and first))
        first = False
        pieces = render(syllables)
        if b.last() not in ("", " "):
            b.add(" ", start)  # keep "Kaiquan凯泉" as two words
        for k, piece in enumerate(pieces):
            if spaced and k:
                b.add(" ", start + k)
            b.add(piece, start + k)
        if end < len(text) and not text[end].isspace():
            b.add(" ", end - 1)
        pos = end
    for i in range(pos, len(text)):
        b.add(_fold_char(text[i]), i)
    return b.build()


def is_han_run(text: str) -> bool:
    """Only Chinese characters (``is_han``), at least one: 王伟, not 王 伟 or 王W."""
    return _HAN_RUN_RE.fullmatch(text) is not None


def han_run_mapped(pieces: list[str], *, spaced: bool) -> Mapped:
    """What ``han_mapped`` makes of a text of Chinese characters only, given the rendered
    pieces of its characters: the pieces in order (with a space between them when
    ``spaced``), each character from its source character."""
    origin = _pieces_origin(tuple(map(len, pieces)), spaced)
    return _finish((" " if spaced else "").join(pieces), origin)


@lru_cache(maxsize=4096)  # a few hundred shapes: 王伟 and 李娜 are both (4, 3), wang wei
def _pieces_origin(lengths: tuple[int, ...], spaced: bool) -> tuple[int, ...]:
    """The origin of pieces of these lengths, each from its character (the space before
    a piece from that piece's character too); shared by every name of the same shape."""
    if spaced:
        return tuple(k for k, n in enumerate(lengths) for _ in range(n + (k > 0)))
    return tuple(k for k, n in enumerate(lengths) for _ in range(n))


def pinyin_key(text: str, *, spaced: bool = False, surname: bool = False) -> Mapped | None:
    """凯泉泵业 -> "kaiquanbengye" (or "kai quan beng ye"); None if there is no Chinese."""
    # the key writes ü as plain u, like passports and folded queries do
    return han_mapped(
        text, lambda syl: [p.replace("ü", "u") for p in syl], spaced=spaced, surname=surname
    )


# --------------------------------------------------------------------------- Palladius

_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л",
    "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч",
    "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}  # fmt: skip

# Finals after an initial.  j/q/x (and y) are followed by ü, written u in pinyin.
_FINALS = {
    "a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй",
    "en": "энь", "eng": "эн", "er": "эр", "o": "о", "ong": "ун", "ou": "оу",
    "i": "и", "ia": "я", "ian": "янь", "iang": "ян", "iao": "яо", "ie": "е", "in": "инь",
    "ing": "ин", "iong": "юн", "iu": "ю",
    "u": "у", "ua": "уа", "uai": "уай", "uan": "уань", "uang": "уан", "ui": "уй",
    "un": "унь", "uo": "о",
    "ü": "юй", "üe": "юэ", "üan": "юань", "ün": "юнь",
}  # fmt: skip

# Syllables without an initial, and the exceptions of the system.
_PALLADIUS_SPECIAL = {
    "a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй",
    "en": "энь", "eng": "эн", "er": "эр", "o": "о", "ou": "оу", "ê": "э",
    "yi": "и", "ya": "я", "yao": "яо", "ye": "е", "you": "ю", "yan": "янь", "yang": "ян",
    "yin": "инь", "ying": "ин", "yong": "юн", "yo": "йо", "yu": "юй", "yue": "юэ",
    "yuan": "юань", "yun": "юнь",
    "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань",
    "wen": "вэнь", "wang": "ван", "weng": "вэн", "wong": "вун",
    "zi": "цзы", "ci": "цы", "si": "сы", "zhi": "чжи", "chi": "чи", "shi": "ши", "ri": "жи",
    "hui": "хуэй", "m": "м", "n": "нь", "ng": "н", "hm": "хм", "hng": "хн",
}  # fmt: skip

# Every syllable of Standard Chinese (pypinyin's dictionary, ü written ü).
_SYLLABLES = (  # noqa: SIM905
    "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo "
    "bong bu ca cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng "
    "chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun "
    "cuo da dai dan dang dao de dei den deng di dia dian diao die din ding diu dong dou du "
    "duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan "
    "gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang "
    "hao he hei hen heng hm hng hong hou hu hua huai huan huang hui hun huo ji jia jian "
    "jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng "
    "kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia "
    "lian liang liao lie lin ling liu lo long lou lu luan lun luo lü lüe m ma mai man mang "
    "mao me mei men meng mi mian miao mie min ming miu mo mou mu n na nai nan nang nao ne "
    "nei nen neng ng ni nia nian niang niao nie nin ning niu nong nou nu nuan nun nuo nü "
    "nüe o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia "
    "qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri "
    "rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang "
    "shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song "
    "sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou "
    "tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie "
    "xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan "
    "yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen "
    "zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan "
    "zui zun zuo ê"
).split()


def _palladius_rule(syllable: str) -> str:
    if syllable in _PALLADIUS_SPECIAL:
        return _PALLADIUS_SPECIAL[syllable]
    initial = syllable[:2] if syllable[:2] in ("zh", "ch", "sh") else syllable[:1]
    final = syllable[len(initial) :]
    if initial in ("j", "q", "x") and final.startswith("u"):
        final = "ü" + final[1:]  # ju, quan, xue are jü, qüan, xüe
    if initial not in _INITIALS or final not in _FINALS:
        raise KeyError(syllable)
    return _INITIALS[initial] + _FINALS[final]


def _build_palladius_table() -> dict[str, str]:
    table = {s: _palladius_rule(s) for s in _SYLLABLES}
    # the same syllables as typed without ü: lv, nve, and plain lu/nu for lü/nü
    for s in list(table):
        if "ü" in s:
            table.setdefault(s.replace("ü", "v"), table[s])
    return table


PALLADIUS: dict[str, str] = _build_palladius_table()
_PLAIN_SYLLABLES = frozenset(s for s in PALLADIUS if "ü" not in s and s not in ("ê",))
# single consonants are interjections; as pieces of a Latin word they mean nothing
_SEGMENT_SYLLABLES = frozenset(
    s for s in _PLAIN_SYLLABLES if s not in ("m", "n", "ng", "hm", "hng")
)
_RUSSIAN_VOWELS = frozenset("аоуэеюяи")


def palladius_syllable(syllable: str) -> str:
    """One toneless pinyin syllable in the Palladius system: quan -> цюань."""
    s = _clean_tones(syllable.lower())
    if s in PALLADIUS:
        return PALLADIUS[s]
    raise KeyError(f"not a pinyin syllable: {syllable!r}")


def _clean_tones(s: str) -> str:
    out: list[str] = []
    for c in unicodedata.normalize("NFD", s):
        if unicodedata.category(c) == "Mn":
            if c == "\u0308" and out and out[-1] == "u":
                out[-1] = "ü"
            continue
        out.append(c)
    return "".join(out)


def palladius_join(syllables: list[str]) -> list[str]:
    """Palladius pieces for consecutive syllables, with ъ after -н before a vowel (Чанъань)."""
    pieces: list[str] = []
    for s in syllables:
        piece = PALLADIUS.get(s) or PALLADIUS.get(s.replace("u", "ü"), s)
        if pieces and pieces[-1].endswith("н") and piece[:1] in _RUSSIAN_VOWELS:
            piece = "ъ" + piece
        pieces.append(piece)
    return pieces


def palladius(syllables: list[str] | str) -> str:
    """Palladius transcription of pinyin: ["kai", "quan"] or "Kaiquan" -> "кайцюань".

    A pinyin string is segmented into syllables first; a word that is not pinyin raises
    ValueError.
    """
    if isinstance(syllables, str):
        words = []
        for word in _clean_tones(syllables.lower()).split():
            # an apostrophe separates syllables: Xi'an is xi + an, not xian
            seg: list[str] = []
            for part in re.split(r"['’ʼ-]", word):
                if not part:
                    continue
                found = segment_pinyin(part)
                if found is None:
                    raise ValueError(f"not pinyin: {word!r}")
                seg.extend(found)
            words.append("".join(palladius_join(seg)))
        return " ".join(words)
    return "".join(palladius_join([_clean_tones(s.lower()) for s in syllables]))


def han_key_texts(text: str, *, surname: bool = False) -> tuple[str, str] | None:
    """The texts of ``pinyin_key(text)`` and ``palladius_key(text)`` (unspaced), or None
    if there is no Chinese.

    The duplicate check compares name parts by these texts alone; a part written only in
    Chinese characters (nearly every one) is one run, whose keys are its syllables joined,
    so the per-character origins are not built for it."""
    if _HAN_RUN_RE.fullmatch(text):
        syllables = list(_pinyin_syllables(text, surname))
        return (
            "".join(p.replace("ü", "u") for p in syllables),
            "".join(p.replace("ъ", "") for p in palladius_join(syllables)),
        )
    pinyin = pinyin_key(text, surname=surname)
    pall = palladius_key(text, surname=surname)
    if pinyin is None or pall is None:
        return None
    return pinyin.text, pall.text


def palladius_key(text: str, *, spaced: bool = False, surname: bool = False) -> Mapped | None:
    """凯泉 -> "кайцюань"; None if there is no Chinese."""
    return han_mapped(
        text,
        # keys are compared folded, and folding drops ъ (people write Чанань as often)
        lambda syl: [p.replace("ъ", "") for p in palladius_join(syl)],
        spaced=spaced,
        surname=surname,
    )


@lru_cache(maxsize=8192)
@lru_cache(maxsize=65536)  # every word of every Latin name, for several keys
def segment_pinyin(word: str) -> tuple[str, ...] | None:
    """Split toneless Latin letters into pinyin syllables, fewest pieces first.

    "kaiquan" -> ("kai", "quan"); "xian" -> ("xian",); "ivan" -> None.
    """
    w = word.replace("ü", "v")
    n = len(w)
    if n < 2 or not w.isascii() or not w.isalpha():
        return None
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[n] = ()
    for i in range(n - 1, -1, -1):
        for j in range(min(n, i + 6), i, -1):
            piece = w[i:j]
            tail = best[j]
            if tail is None:
                continue
            if piece in _SEGMENT_SYLLABLES or (piece in ("lv", "nv", "lve", "nve")):
                cand = (piece,) + tail
                cur = best[i]
                if cur is None or len(cand) < len(cur):
                    best[i] = cand
    return best[0]


# --------------------------------------------------------------------------- Korean

# A Hangul syllable is computed, not looked up: U+AC00 + (initial * 21 + vowel) * 28 +
# final.  Korean partners' names are found under the Revised Romanization (현대 ->
# hyeondae, the spelling of Korean road signs and passports) and under the Kontsevich
# system Russian texts use (현대 -> хёндэ, 두산 -> тусан).

# initials: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
_RR_INITIAL = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
               "k", "t", "p", "h")  # fmt: skip
# vowels: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
_RR_VOWEL = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
             "wo", "we", "wi", "yu", "eu", "ui", "i")  # fmt: skip
# finals: (none) ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
_RR_FINAL = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
             "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")  # fmt: skip
# A final before a syllable starting with a vowel (initial ㅇ) is carried over and read
# as that syllable's initial: 한국어 is han-gu-geo.  (stays, carried) per final.
_RR_CARRY = (("", ""), ("", "g"), ("", "kk"), ("k", "s"), ("", "n"), ("n", "j"), ("n", ""),
             ("", "d"), ("", "r"), ("l", "g"), ("l", "m"), ("l", "b"), ("l", "s"), ("l", "t"),
             ("l", "p"), ("", "r"), ("", "m"), ("", "b"), ("p", "s"), ("", "s"), ("", "ss"),
             ("ng", ""), ("", "j"), ("", "ch"), ("", "k"), ("", "t"), ("", "p"),
             ("", ""))  # fmt: skip

# Kontsevich: ㄱ ㄷ ㅂ ㅈ are voiceless at the start of a word and after a voiceless final,
# voiced between vowels and after ㄴ ㄹ ㅁ ㅇ.
_KO_INITIAL = ("к", "кк", "н", "т", "тт", "р", "м", "п", "пп", "с", "сс", "", "ч", "чч", "чх",
               "кх", "тх", "пх", "х")  # fmt: skip
_KO_VOICED = {0: "г", 3: "д", 7: "б", 12: "дж"}
_KO_VOWEL = ("а", "э", "я", "йя", "о", "е", "ё", "е", "о", "ва", "вэ", "ве", "ё", "у", "во",
             "ве", "ви", "ю", "ы", "ый", "и")  # fmt: skip
_KO_FINAL = ("", "к", "к", "к", "н", "н", "н", "т", "ль", "к", "м", "ль", "ль", "ль", "п",
             "ль", "м", "п", "п", "т", "т", "н", "т", "т", "к", "т", "п", "т")  # fmt: skip
_KO_CARRY = (("", ""), ("", "г"), ("", "кк"), ("к", "с"), ("", "н"), ("н", "дж"), ("н", ""),
             ("", "д"), ("", "р"), ("ль", "г"), ("ль", "м"), ("ль", "б"), ("ль", "с"),
             ("ль", "тх"), ("ль", "пх"), ("", "р"), ("", "м"), ("", "б"), ("п", "с"),
             ("", "с"), ("", "сс"), ("н", ""), ("", "дж"), ("", "чх"), ("", "кх"),
             ("", "тх"), ("", "пх"), ("", ""))  # fmt: skip
_KO_SONORANT_FINALS = frozenset((4, 5, 6, 8, 16, 21))  # ㄴ ㄵ ㄶ ㄹ ㅁ ㅇ: voice what follows
_INITIAL_IEUNG, _INITIAL_RIEUL, _INITIAL_NIEUN, _FINAL_NIEUN, _FINAL_RIEUL = 11, 5, 2, 4, 8


def _liquid_pair(final: int, next_initial: int | None) -> bool:
    """ㄴ+ㄹ, ㄹ+ㄹ and ㄹ+ㄴ are all pronounced, and written, as a double l."""
    return (next_initial == _INITIAL_RIEUL and final in (_FINAL_NIEUN, _FINAL_RIEUL)) or (
        next_initial == _INITIAL_NIEUN and final == _FINAL_RIEUL
    )


def _jamo(ch: str) -> tuple[int, int, int]:
    s = ord(ch) - HANGUL_FIRST
    return s // 588, (s % 588) // 28, s % 28


def _korean_word(word: str, cyrillic: bool) -> list[str]:
    """One piece per syllable of a run of Hangul syllables, in one of the two systems."""
    jamo = [_jamo(c) for c in word]
    pieces: list[str] = []
    carried = ""  # the previous final, read as this syllable's initial
    for k, (lead, vowel, final) in enumerate(jamo):
        nxt = jamo[k + 1][0] if k + 1 < len(jamo) else None
        prev_final = jamo[k - 1][2] if k else None
        if cyrillic:
            if carried:
                initial = carried
            elif prev_final is not None and (
                (lead == _INITIAL_RIEUL and prev_final in (_FINAL_NIEUN, _FINAL_RIEUL))
                or (lead == _INITIAL_NIEUN and prev_final == _FINAL_RIEUL)
            ):
                initial = "л"  # 신라 силла, 설날 соллаль
            elif prev_final is not None and (prev_final == 0 or prev_final in _KO_SONORANT_FINALS):
                initial = _KO_VOICED.get(lead, _KO_INITIAL[lead])
            else:
                initial = _KO_INITIAL[lead]
            if lead == _INITIAL_IEUNG and not carried and vowel == 5:
                body = "э"  # ㅔ without a consonant before it
            elif lead == _INITIAL_IEUNG and not carried and vowel == 7:
                body = "йе"
            else:
                body = _KO_VOWEL[vowel]
            if nxt == _INITIAL_IEUNG:
                tail, carried = _KO_CARRY[final]
            elif _liquid_pair(final, nxt):
                tail, carried = "л", ""
            else:
                tail, carried = _KO_FINAL[final], ""
        else:
            initial = carried or _RR_INITIAL[lead]
            if (
                not carried
                and prev_final is not None
                and (
                    (lead == _INITIAL_RIEUL and prev_final in (_FINAL_NIEUN, _FINAL_RIEUL))
                    or (lead == _INITIAL_NIEUN and prev_final == _FINAL_RIEUL)
                )
            ):
                initial = "l"  # 신라 silla, 설날 seollal
            body = _RR_VOWEL[vowel]
            if nxt == _INITIAL_IEUNG:
                tail, carried = _RR_CARRY[final]
            elif _liquid_pair(final, nxt):
                tail, carried = "l", ""
            else:
                tail, carried = _RR_FINAL[final], ""
        pieces.append(initial + body + tail)
    return pieces


def hangul_mapped(text: str, cyrillic: bool) -> Mapped | None:
    if not has_hangul(text):
        return None
    b = Builder()
    i, n = 0, len(text)
    while i < n:
        if not is_hangul(text[i]):
            b.add(_fold_char(text[i]), i)
            i += 1
            continue
        j = i
        while j < n and is_hangul(text[j]):
            j += 1
        if b.last() not in ("", " "):
            b.add(" ", i)
        for k, piece in enumerate(_korean_word(text[i:j], cyrillic)):
            b.add(piece.replace("ё", "е") if cyrillic else piece, i + k)
        if j < n and not text[j].isspace():
            b.add(" ", j - 1)
        i = j
    return b.build()


# Korean family names as their bearers write them in passports, and as Russian texts do:
# 김 is Kim (not gim), 이 Lee and Ли (not i, и), 박 Park, 최 Choi and Цой.
_KOREAN_SURNAMES: dict[str, tuple[str, str]] = {
    "김": ("kim", "ким"), "이": ("lee", "ли"), "박": ("park", "пак"), "최": ("choi", "цой"),
    "정": ("jung", "чон"), "강": ("kang", "кан"), "조": ("cho", "чо"), "윤": ("yoon", "юн"),
    "장": ("jang", "чан"), "임": ("lim", "им"), "한": ("han", "хан"), "오": ("oh", "о"),
    "서": ("seo", "со"), "신": ("shin", "син"), "권": ("kwon", "квон"), "황": ("hwang", "хван"),
    "안": ("ahn", "ан"), "송": ("song", "сон"), "류": ("ryu", "рю"), "유": ("yoo", "ю"),
    "홍": ("hong", "хон"), "전": ("jeon", "чон"), "고": ("ko", "ко"), "문": ("moon", "мун"),
    "양": ("yang", "ян"), "손": ("son", "сон"), "배": ("bae", "пэ"), "백": ("baek", "пэк"),
    "노": ("noh", "но"), "하": ("ha", "ха"), "곽": ("kwak", "квак"), "성": ("sung", "сон"),
    "차": ("cha", "ча"), "주": ("joo", "чу"), "우": ("woo", "у"), "구": ("koo", "ку"),
    "민": ("min", "мин"), "남": ("nam", "нам"), "심": ("shim", "сим"), "허": ("heo", "хо"),
}  # fmt: skip


def korean_name_mapped(text: str, cyrillic: bool) -> Mapped | None:
    """A Korean full name with its family name spelled the customary way: 김 민준 ->
    "kim minjun", "ким минджун"."""
    if not text or text[0] not in _KOREAN_SURNAMES:
        return None
    rest = hangul_mapped(text[1:], cyrillic) if len(text) > 1 else None
    b = Builder()
    b.add(_KOREAN_SURNAMES[text[0]][1 if cyrillic else 0], 0)
    if rest is not None and rest.text:
        b.add(" ", 0)
        for ch, src in zip(rest.text, rest.origin, strict=True):
            b.add(ch, src + 1)
    return b.build()


def romanize_korean(text: str) -> str:
    """Hangul in the Revised Romanization: 현대 -> "hyeondae", 두산 -> "dusan" (folded)."""
    m = hangul_mapped(text, cyrillic=False)
    return m.text if m else fold(text)


def kontsevich(text: str) -> str:
    """Hangul in the Kontsevich system: 현대 -> "хёндэ", 두산 -> "тусан"."""
    if not has_hangul(text):
        return text
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if not is_hangul(text[i]):
            out.append(text[i])
            i += 1
            continue
        j = i
        while j < n and is_hangul(text[j]):
            j += 1
        out.append("".join(_korean_word(text[i:j], cyrillic=True)))
        i = j
    return "".join(out)


# --------------------------------------------------------------------------- Cyrillic <-> Latin

_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}  # fmt: skip


def cyrillic_to_latin_mapped(text: str) -> Mapped | None:
    if not has_cyrillic(text):
        return None
    pieces = list(map(_cyrillic_char_to_latin, text))
    return _finish("".join(pieces), [i for i, p in enumerate(pieces) for _ in p])


@lru_cache(maxsize=4096)
def _cyrillic_char_to_latin(ch: str) -> str:
    """One source character folded and written in Latin letters: Щ -> "shch", ё -> "e"."""
    return "".join(_CYR_TO_LAT.get(c, c) for c in _fold_char(ch))


def cyrillic_to_latin(text: str) -> str:
    """Есипово -> "esipovo", Щукин -> "shchukin" (folded)."""
    if not has_cyrillic(text):
        return fold(text)
    # the text of cyrillic_to_latin_mapped, without the origins
    return _collapse("".join(map(_cyrillic_char_to_latin, text)))


# Latin -> Cyrillic for names that are not pinyin: the reverse of the above, plus the
# spellings passports and English texts use (kh/h, ts/tz, ya/ja, yu/ju).
_LAT_MULTI = [
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("tz", "ц"),
    ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("yo", "е"),
    ("ju", "ю"), ("ja", "я"), ("jo", "е"), ("ph", "ф"), ("ck", "к"), ("ee", "и"),
    ("oo", "у"), ("ou", "у"), ("th", "т"),
]  # fmt: skip
_LAT_SINGLE = {
    "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х",
    "i": "и", "j": "дж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п",
    "q": "к", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "w": "в", "x": "кс",
    "z": "з",
}  # fmt: skip
_LAT_VOWELS = frozenset("aeiouy")


_LAT_RE = re.compile(
    "|".join(sorted((lat for lat, _ in _LAT_MULTI), key=len, reverse=True)) + "|.", re.DOTALL
)
_LAT_MULTI_MAP = dict(_LAT_MULTI)


def _translit_word(word: str, b: Builder, origin: list[int]) -> None:
    n = len(word)
    for m in _LAT_RE.finditer(word):
        piece, i = m.group(), m.start()
        if len(piece) > 1:
            b.add(_LAT_MULTI_MAP[piece], origin[i])
        elif piece == "y":
            prev_vowel = i > 0 and word[i - 1] in _LAT_VOWELS
            next_vowel = i + 1 < n and word[i + 1] in _LAT_VOWELS
            if prev_vowel or next_vowel:
                b.add("й", origin[i])
            else:
                b.add("и" if i == 0 else "ы", origin[i])
        else:
            b.add(_LAT_SINGLE.get(piece, piece), origin[i])


def latin_to_cyrillic_mapped(text: str, *, pinyin_first: bool) -> Mapped | None:
    """Latin words rendered in Cyrillic; pinyin words by Palladius when ``pinyin_first``."""
    if not has_latin(text):
        return None
    folded = fold_mapped(text)
    if not folded.text:
        return Mapped("", ())
    src = folded.origin
    parts: list[str] = []
    origin: list[int] = []
    start = 0
    # a folded text has single spaces between its words and none around them
    for w in folded.text.split(" "):
        if parts:
            parts.append(" ")
            origin.append(src[start])
        word, at = _word_to_cyrillic(w, pinyin_first)
        if word:
            parts.append(word)
            origin.extend([src[start + i] for i in at])
        start += len(w) + 1
    return _finish("".join(parts), origin)


@lru_cache(maxsize=65536)  # names share their words: "Wang Wei", "Wei Wang", "Wang Fang"
def _word_to_cyrillic(word: str, pinyin_first: bool) -> tuple[str, tuple[int, ...]]:
    """One folded word in Cyrillic, and for each of its letters the index of the Latin
    letter it came from."""
    b = Builder()
    origin = list(range(len(word)))
    seg = segment_pinyin(word) if pinyin_first else None
    if seg is not None:
        k = 0
        for piece, syl in zip(palladius_join(list(seg)), seg, strict=True):
            piece = piece.replace("ъ", "")
            src = origin[k : k + len(syl)]
            # spread the Cyrillic letters of a syllable over its Latin letters
            if piece:
                b.parts.append(piece)
                b.origin.extend(
                    src[min(len(src) - 1, t * len(src) // len(piece))] for t in range(len(piece))
                )
            k += len(syl)
    elif word.isascii():
        _translit_word(word, b, origin)
    else:
        for ch, at in zip(word, origin, strict=True):
            b.add(ch, at)
    return "".join(b.parts), tuple(b.origin)


def latin_to_cyrillic(text: str) -> list[str]:
    """Cyrillic renderings of Latin text: Palladius for pinyin, then letter by letter.

    "Kaiquan" -> ["кайцюань", "каиqуан"...]; "Esipovo" -> ["есипово"].  Duplicates removed.
    """
    if not has_latin(text):
        return []
    # the texts of latin_to_cyrillic_mapped, without the origins: the folded words in
    # Cyrillic, one space between them
    words = fold(text).split(" ")
    out: list[str] = []
    for pinyin_first in (True, False):
        rendered = _collapse(" ".join(_word_to_cyrillic(w, pinyin_first)[0] for w in words))
        if rendered and rendered not in out:
            out.append(rendered)
    return out


def _collapse(text: str) -> str:
    """The text of ``_finish``: runs of spaces made one, none at either end."""
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        return _SPACES.sub(" ", text).strip(" ")
    return text


# --------------------------------------------------------------------------- keyboard layout

_QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,./`" + 'QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>?~'
_JCUKEN = "йцукенгшщзхъфывапролджэячсмитьбю.ё" + "ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,Ё"
_LAT_TO_RU = dict(zip(_QWERTY, _JCUKEN, strict=True))
_RU_TO_LAT = dict(zip(_JCUKEN, _QWERTY, strict=True))


def swap_layout(text: str) -> str | None:
    """The text as it would have come out on the other keyboard layout.

    "rfqw.fym" -> "кайцюань", "Шмфтщм" -> "Ivanov".  None when the text has letters of
    both scripts or of neither (nothing to swap).
    """
    lat = any(c.isascii() and c.isalpha() for c in text)
    cyr = has_cyrillic(text)
    if lat == cyr:
        return None
    table = _LAT_TO_RU if lat else _RU_TO_LAT
    return "".join(table.get(c, c) for c in text)
