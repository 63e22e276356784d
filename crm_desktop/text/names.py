"""Names in several scripts: how a full name splits, how the parts join for display, where
each form of a name goes, and the pinyin and Palladius spellings a form offers.

Files rarely say which form of a name a field holds: an Android phone puts 张伟 in N,
an Outlook export puts "Иванов" in "Фамилия", Google puts "Zhang" in "Last Name". We
decide by the characters: Cyrillic goes to the Russian form, Latin to the Latin/pinyin
form, any other letters (Han, Kana, Hangul, ...) to the native form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from crm_desktop.text.scripts import Script, is_cjk, is_han, script_of
from crm_desktop.text.translit import (
    COMPOUND_SURNAMES,
    palladius,
    pinyin_syllables,
    surname_length,
)


class NameForms(Protocol):
    """A person's name in its three forms, as import records and forms carry it."""

    full_name: str
    family_name: str
    given_name: str
    middle_name: str
    family_name_latin: str
    given_name_latin: str
    family_name_ru: str
    given_name_ru: str
    middle_name_ru: str


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
        if len(text) >= 3 and text[:2] in COMPOUND_SURNAMES:
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
    record: NameForms,
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


def finish_names(record: NameForms) -> None:
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
    if family.isascii() and given.isascii() and middle.isascii():
        # no CJK and no Cyrillic letter: given name first (script_of would say Latin or
        # none, at a Python step per character)
        return " ".join(p for p in (given, middle, family) if p)
    if is_cjk(family + given) and " " not in family + given:
        return family + given
    if script_of(family + given + middle) == Script.CYRILLIC:
        return " ".join(p for p in (family, given, middle) if p)
    return " ".join(p for p in (given, middle, family) if p)


def display_name(record: NameForms) -> str:
    """The name to show first: native script, else Latin, else Russian, else what was given."""
    return (
        join_name(record.family_name, record.given_name, record.middle_name)
        or join_name(record.family_name_latin, record.given_name_latin, record.middle_name)
        or join_name(record.family_name_ru, record.given_name_ru, record.middle_name_ru)
        or record.full_name
    )


@dataclass(frozen=True)
class NameSpellings:
    """A Chinese name in pinyin and Palladius, as a form offers it: 曾国强 -> Zeng Guoqiang,
    Цзэн Гоцян.  ``family_native``/``given_native`` say how the name was split when it
    was typed whole into the family-name field."""

    family_native: str
    given_native: str
    family_latin: str
    given_latin: str
    family_ru: str
    given_ru: str

    @property
    def latin(self) -> str:
        return " ".join(p for p in (self.family_latin, self.given_latin) if p)

    @property
    def russian(self) -> str:
        return " ".join(p for p in (self.family_ru, self.given_ru) if p)


def _pinyin_word(syllables: list[str]) -> str:
    """Syllables written as one word, capitalised, with the apostrophe pinyin puts before
    a, o, e inside a word (Guo'an, Xi'an)."""
    out = ""
    for k, syl in enumerate(syllables):
        if k and syl[:1] in ("a", "o", "e"):
            out += "'"
        out += syl
    return out[:1].upper() + out[1:]


def chinese_name_spellings(family: str, given: str = "") -> NameSpellings | None:
    """Pinyin and Palladius of a Chinese name (family name read as one: 曾 is Zeng).  A
    whole name typed into the family-name field (曾国强, 欧阳修) is split after its family
    name.  None when the name is not written in Chinese characters."""
    family, given = family.strip(), given.strip()
    if not family or not all(is_han(c) for c in family):
        return None
    if given and not all(is_han(c) for c in given):
        return None
    if not given and len(family) > 1:
        n = surname_length(family)
        if 0 < n < len(family):
            family, given = family[:n], family[n:]
    fam = pinyin_syllables(family, surname=True)
    giv = pinyin_syllables(given) if given else []
    if not fam or not all(fam) or not all(giv):
        return None  # a character pypinyin cannot read: better no offer than a wrong one
    return NameSpellings(
        family,
        given,
        _pinyin_word(fam),
        _pinyin_word(giv) if giv else "",
        palladius(fam).capitalize(),
        palladius(giv).capitalize() if giv else "",
    )
