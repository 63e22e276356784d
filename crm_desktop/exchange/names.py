"""Which script a name is written in, and where each form of a name goes.

Files rarely say which form of a name a field holds: an Android phone puts 张伟 in N,
an Outlook export puts "Иванов" in "Фамилия", Google puts "Zhang" in "Last Name". We
decide by the characters: Cyrillic goes to the Russian form, Latin to the Latin/pinyin
form, any other letters (Han, Kana, Hangul, ...) to the native form.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from functools import cache

from crm_desktop.exchange.records import ContactRecord


class Script(StrEnum):
    NONE = ""
    LATIN = "latin"
    CYRILLIC = "cyrillic"
    NATIVE = "native"  # anything else: Han, Kana, Hangul, Arabic, Thai...


def script_of(text: str) -> Script:
    """The script of the majority of letters in ``text``."""
    latin = cyrillic = other = 0
    for ch in text:
        if not ch.isalpha():
            continue
        cp = ord(ch)
        if cp < 0x250 or 0x1E00 <= cp <= 0x1EFF:
            latin += 1
        elif 0x400 <= cp <= 0x52F:
            cyrillic += 1
        else:
            other += 1
    if other and other >= max(latin, cyrillic):
        return Script.NATIVE
    if cyrillic and cyrillic >= latin:
        return Script.CYRILLIC
    if latin:
        return Script.LATIN
    return Script.NONE


def language_tag(text: str) -> str:
    """A BCP 47 language for a native-script name (used in vCard 4.0 LANGUAGE=)."""
    for ch in text:
        name = unicodedata.name(ch, "")
        if name.startswith(("HIRAGANA", "KATAKANA")):
            return "ja"
        if name.startswith("HANGUL"):
            return "ko"
    for ch in text:
        if unicodedata.name(ch, "").startswith("CJK"):
            return "zh"
    return ""


@cache
def _is_cjk_char(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))


def is_cjk(text: str) -> bool:
    # No character below U+1100 (Hangul Jamo) is CJK: Latin and Cyrillic names stop here,
    # in C, which matters on a 200,000-contact export.
    if not text or max(text) < "\u1100":
        return False
    return any(map(_is_cjk_char, text))


# Two-character Chinese surnames, so 欧阳娜娜 splits as 欧阳 + 娜娜.
_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 "
    "宇文 司徒 令狐 夏侯 端木 轩辕 独孤 南宫 西门 澹台".split()
)
_RU_SURNAME_ENDINGS = (
    "ов",
    "ев",
    "ёв",
    "ин",
    "ына",
    "ова",
    "ева",
    "ёва",
    "ина",
    "ский",
    "ская",
    "цкий",
    "цкая",
    "ых",
    "их",
)
_RU_PATRONYMIC_ENDINGS = ("вич", "вна", "ична", "ич")


def split_full_name(full: str) -> tuple[str, str, str]:
    """(family, given, middle) from a display name, following the name's own conventions."""
    text = " ".join(full.split())
    if not text:
        return "", "", ""
    if is_cjk(text) and " " not in text:
        if len(text) >= 3 and text[:2] in _COMPOUND_SURNAMES:
            return text[:2], text[2:], ""
        if len(text) == 1:
            return text, "", ""
        return text[0], text[1:], ""
    if "," in text:  # "Family, Given" as address books sort it
        family, _, rest = text.partition(",")
        given, _, middle = rest.strip().partition(" ")
        return family.strip(), given, middle
    parts = text.split(" ")
    if len(parts) == 1:
        return parts[0], "", ""
    script = script_of(text)
    if script == Script.CYRILLIC:
        low = [p.lower() for p in parts]
        if len(parts) == 3 and low[2].endswith(_RU_PATRONYMIC_ENDINGS):
            return parts[0], parts[1], parts[2]  # Иванов Иван Иванович
        if len(parts) == 3 and low[1].endswith(_RU_PATRONYMIC_ENDINGS):
            return parts[2], parts[0], parts[1]  # Иван Иванович Иванов
        if (
            len(parts) == 2
            and low[0].endswith(_RU_SURNAME_ENDINGS)
            and not low[1].endswith(_RU_SURNAME_ENDINGS)
        ):
            return parts[0], parts[1], ""
        return parts[-1], " ".join(parts[:-1]), ""
    if script == Script.NATIVE:
        return parts[0], " ".join(parts[1:]), ""  # East Asian order: family first
    return parts[-1], parts[0], " ".join(parts[1:-1])


def place_name(
    record: ContactRecord,
    family: str,
    given: str,
    middle: str = "",
    *,
    force: Script | None = None,
) -> None:
    """Put one (family, given, middle) form into the record's slot for its script.

    A slot that is already filled is left alone, so the first form a file gives wins.
    """
    family, given, middle = family.strip(), given.strip(), middle.strip()
    if not (family or given or middle):
        return
    script = force or script_of(family + given + middle)
    if script == Script.CYRILLIC:
        if not (record.family_name_ru or record.given_name_ru):
            record.family_name_ru, record.given_name_ru = family, given
            record.middle_name_ru = record.middle_name_ru or middle
        return
    if script == Script.LATIN:
        if not (record.family_name_latin or record.given_name_latin):
            record.family_name_latin, record.given_name_latin = family, given
            if middle and not record.middle_name:
                record.middle_name = middle
        return
    if not (record.family_name or record.given_name):
        record.family_name, record.given_name = family, given
        record.middle_name = record.middle_name or middle


def finish_names(record: ContactRecord) -> None:
    """Fill name parts from ``full_name`` when the file gave no parts."""
    has_parts = any(
        (
            record.family_name,
            record.given_name,
            record.family_name_latin,
            record.given_name_latin,
            record.family_name_ru,
            record.given_name_ru,
        )
    )
    if record.full_name and not has_parts:
        place_name(record, *split_full_name(record.full_name))


def join_name(family: str, given: str, middle: str = "") -> str:
    """A display form: 张伟 for CJK, "Иванов Иван Иванович" for Russian, "Wei Zhang" otherwise."""
    if not (family or given or middle):
        return ""
    if is_cjk(family + given) and " " not in family + given:
        return family + given
    if script_of(family + given + middle) == Script.CYRILLIC:
        return " ".join(p for p in (family, given, middle) if p)
    return " ".join(p for p in (given, middle, family) if p)


def display_name(record: ContactRecord) -> str:
    """The name to show first: native script, else Latin, else Russian, else what was given."""
    return (
        join_name(record.family_name, record.given_name, record.middle_name)
        or join_name(record.family_name_latin, record.given_name_latin, record.middle_name)
        or join_name(record.family_name_ru, record.given_name_ru, record.middle_name_ru)
        or record.full_name
    )
