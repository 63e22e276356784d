"""The search keys are computed word by word and cached, and give exactly what the
original whole-text computation gave.

``data/keys_golden.jsonl`` was written by the code before the per-word caches (run this
module as a script to see how): for a few hundred names -- Latin in both orders, Cyrillic
with ё and й, Chinese with one- and two-character and polyphonic family names (欧阳, 曾,
单), mixed scripts, Korean, hyphens, apostrophes, blanks -- every key of ``search_keys``
(kind, text and the origin of every character), the name-part spellings of the duplicate
check (``matching.part_keys``) and the transliterations they are made of. The test checks
each twice: with cold caches and with caches warmed by the other names.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.exchange import matching
from crm_desktop.search import keys
from crm_desktop.text import translit
from crm_desktop.text.scripts import has_cyrillic, has_hangul, has_latin

GOLDEN = Path(__file__).with_name("data") / "keys_golden.jsonl"


def _mapped(m: translit.Mapped | None) -> list[Any] | None:
    return None if m is None else [m.text, list(m.origin)]


def outputs(text: str) -> dict[str, Any]:
    """Everything recorded for one text."""
    out: dict[str, Any] = {"text": text}
    for s in (0, 1):
        out[f"keys{s}"] = [
            [k.kind.value, k.key.text, list(k.key.origin)]
            for k in keys.search_keys(text, surname=bool(s))
        ]
        out[f"parts{s}"] = sorted(matching.part_keys(text, bool(s)))
        han = translit.han_key_texts(text, surname=bool(s))
        out[f"han{s}"] = None if han is None else list(han)
        out[f"pinyin_spaced{s}"] = _mapped(translit.pinyin_key(text, spaced=True, surname=bool(s)))
    out["fold"] = _mapped(translit.fold_mapped(text))
    out["latin"] = translit.cyrillic_to_latin(text)
    out["cyrillic"] = translit.latin_to_cyrillic(text)
    for p in (0, 1):
        out[f"cyrillic{p}"] = _mapped(translit.latin_to_cyrillic_mapped(text, pinyin_first=bool(p)))
    return out


def _golden() -> list[dict[str, Any]]:
    with GOLDEN.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _clear_caches() -> None:
    for fn in vars(translit).values():
        if hasattr(fn, "cache_clear"):
            fn.cache_clear()
    keys._search_keys.cache_clear()
    matching.part_keys.cache_clear()


def test_golden_file_covers_the_hard_cases() -> None:
    texts = [g["text"] for g in _golden()]
    assert len(texts) >= 300
    for needed in (
        "欧阳修",
        "曾国藩",
        "单雄信",
        "Ёлкин-ВАНГ",
        "Xi'an",
        "김 민준",
        "Kaiquan凯泉",
        " ",
        "",
    ):
        assert needed in texts
    kinds = {k[0] for g in _golden() for k in g["keys1"]}
    assert kinds == {kind.value for kind in keys.KeyKind}


@pytest.mark.parametrize("cold", [True, False], ids=["cold caches", "warm caches"])
def test_keys_are_those_of_the_whole_text_computation(cold: bool) -> None:
    golden = _golden()
    if not cold:
        for g in reversed(golden):
            outputs(g["text"])
    wrong = []
    for g in golden:
        if cold:
            _clear_caches()
        got = json.loads(json.dumps(outputs(g["text"]), ensure_ascii=False))
        if got != g:
            wrong.append((g["text"], [k for k in g if got.get(k) != g[k]]))
    assert wrong == []


def test_the_shortcuts_hold_for_every_character_they_take() -> None:
    """The fast paths assume: a character of ``_ONE_TO_ONE`` folds to itself in lower case
    (ё to е); a text of Chinese characters only has no Hangul, Cyrillic or Latin letter;
    a text of Russian letters no Latin one."""
    wrong = []
    for cp in range(0x110000):
        ch = chr(cp)
        if translit._ONE_TO_ONE.fullmatch(ch):
            if translit._fold_char(ch) != ch.lower().replace("ё", "е"):
                wrong.append(("fold", ch))
        if keys._RUSSIAN.fullmatch(ch) and has_latin(ch):
            wrong.append(("russian", ch))
        if translit.is_han_run(ch) and (has_latin(ch) or has_cyrillic(ch) or has_hangul(ch)):
            wrong.append(("script", ch))
    assert wrong == []
    assert translit._ONE_TO_ONE.fullmatch("Ёлкин Wang 王伟")
    assert not translit._ONE_TO_ONE.fullmatch("Объедков")  # ъ is dropped
    assert not translit._ONE_TO_ONE.fullmatch("Zoë")
    assert keys._RUSSIAN.fullmatch("Пётр Йотов") and not keys._RUSSIAN.fullmatch("Пётр I")


def _whole_run_reading(run: str) -> tuple[str, ...]:
    """How ``_run_pinyin`` read a run before it read a lone first character apart: the
    whole run through pypinyin, character by character if it does not know one."""
    from pypinyin import lazy_pinyin

    got = lazy_pinyin(run, v_to_u=True, errors="ignore")
    if len(got) != len(run):
        got = [(lazy_pinyin(c, v_to_u=True, errors="ignore") or [""])[0] for c in run]
    return tuple(got)


def test_a_run_read_in_pieces_reads_as_the_whole_run() -> None:
    """Names and phrases around the points where ``_run_pinyin`` cuts: family name plus a
    given name that is a phrase or starts one (王重庆, 曾长城), phrases with a character
    before or after, characters pypinyin does not know, and every pair of a mix of
    family names, polyphonic characters and phrase starts."""
    from pypinyin.constants import PHRASES_DICT

    chars = list("王李张刘陈卢曾单欧阳司马长重行乐朴区解查女绿厦门庆城国家伟芳娜梅") + [
        "\U0002a6d6",  # an extension B character pypinyin does not know
        "\u3007",
        "\uf900",
    ]
    texts = [a + b for a in chars for b in chars]
    texts += [a + b + c for a in chars[:12] for b in chars[12:30] for c in chars[20:]]
    phrases = sorted(PHRASES_DICT)[::97]
    texts += [c + p for p in phrases for c in "王曾\U0002a6d6"] + [p + "伟" for p in phrases]
    texts += [p[1:] + p for p in phrases if len(p) > 1]
    translit._run_pinyin.cache_clear()
    wrong = [t for t in texts if translit._run_pinyin(t) != _whole_run_reading(t)]
    assert wrong == []
    assert len(texts) > 5_000
    assert translit._run_pinyin("卢梅家") == ("lu", "mei", "jia")
    assert translit._run_pinyin("王重庆") == ("wang", "chong", "qing")


# The golden file was written with: python tests/search/test_keys_speed.py TEXTS.json
# > tests/search/data/keys_golden.jsonl (TEXTS.json: a list of the texts), by the code
# before the fast paths; rewrite it only for a deliberate change of the keys.
if __name__ == "__main__":
    for text in json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")):
        print(json.dumps(outputs(text), ensure_ascii=False, separators=(",", ":")))
