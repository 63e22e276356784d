"""vCard: our output read by vobject (an independent parser); phone-shaped input read by us."""

from __future__ import annotations

import io
import re

import pytest
import vobject
from exchange_samples import FIXTURES, people, zhang
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.exchange.errors import FileFormatError
from crm_desktop.exchange.records import ContactRecord, EmailKind, Messenger, PhoneKind
from crm_desktop.exchange.vcard_read import read_vcards
from crm_desktop.exchange.vcard_write import card_bytes, write_vcards


def _write(records, version="3.0") -> bytes:
    buf = io.BytesIO()
    write_vcards(records, buf, version)
    return buf.getvalue()


def test_vcard30_read_back_by_vobject_keeps_every_script_and_field():
    data = _write(people())
    cards = list(vobject.readComponents(data.decode("utf-8")))
    assert len(cards) == 3
    z = cards[0]
    assert z.fn.value == "张伟"
    assert (z.n.value.family, z.n.value.given) == ("张", "伟")
    assert z.contents["x-phonetic-last-name"][0].value == "Zhang"
    assert z.contents["x-phonetic-first-name"][0].value == "Wei"
    assert z.contents["x-crm-family-name-ru"][0].value == "Чжан"
    assert z.contents["x-crm-given-name-ru"][0].value == "Вэй"
    assert z.org.value == ["华科泵业; Huake Pumps, Ltd", "Sales"]
    assert z.title.value == "总经理"
    tels = {t.value: {p.upper() for p in t.params.get("TYPE", [])} for t in z.contents["tel"]}
    assert "CELL" in tels["+8613800138000"] and "WORK" in tels["+862012345678"]
    assert "FAX" in tels["+862012345679"]
    assert [e.value for e in z.contents["email"]] == ["zhang.wei@huake.example", "zw@mail.example"]
    impp = {i.params["X-SERVICE-TYPE"][0]: i.value for i in z.contents["impp"]}
    assert impp == {"WeChat": "x-apple:zhangwei_88", "Telegram": "x-apple:@zhangwei"}
    assert z.note.value == zhang().notes
    assert z.categories.value == ["VIP", "China"]
    # a Latin-only name: FN/N in Latin, the Russian form kept
    s = cards[1]
    assert s.fn.value == "Olga Smirnova"
    ru = [s.contents[f"x-crm-{part}-name-ru"][0].value for part in ("family", "given", "middle")]
    assert ru == ["Смирнова", "Ольга", "Петровна"]


def test_vcard40_read_back_by_vobject_has_alternative_names():
    data = _write(people(), "4.0")
    text = data.decode("utf-8")
    cards = list(vobject.readComponents(text))
    assert len(cards) == 3
    z = cards[0]
    assert z.version.value == "4.0"
    fns = {f.params.get("LANGUAGE", [""])[0]: f.value for f in z.contents["fn"]}
    assert fns == {"zh": "张伟", "zh-Latn": "Zhang Wei", "ru": "Чжан Вэй"}
    assert 'SORT-AS="Zhang,Wei"' in text
    tels = [t.value for t in z.contents["tel"]]
    assert tels == ["tel:+8613800138000", "tel:+862012345678", "tel:+862012345679"]
    assert [lang.value for lang in z.contents["lang"]] == ["zh", "en"]


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_our_reader_round_trips_our_writer(version):
    original = people()
    back = read_vcards(_write(original, version))
    for a, b in zip(original, back, strict=True):
        for name in (
            "family_name",
            "given_name",
            "family_name_latin",
            "given_name_latin",
            "family_name_ru",
            "given_name_ru",
            "middle_name_ru",
            "organization",
            "title",
            "notes",
            "uid",
            "country",
            "tags",
            "languages",
            "decision_maker",
        ):
            assert getattr(b, name) == getattr(a, name), name
        assert [(p.number, p.kind) for p in b.phones] == [(p.number, p.kind) for p in a.phones]
        assert [e.address for e in b.emails] == [e.address for e in a.emails]
        assert b.messengers == a.messengers


def test_lines_are_folded_at_75_octets_without_splitting_characters():
    data = card_bytes(zhang())
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # every physical line is whole UTF-8


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@settings(max_examples=60, deadline=None)
@given(family=_text, given_name=_text, notes=st.text(max_size=200), org=_text)
def test_any_text_survives_vobject_and_our_reader(family, given_name, notes, org):
    rec = ContactRecord(
        family_name_latin=family.strip() or "X",
        given_name_latin=given_name.strip(),
        organization=org.strip(),
        notes=notes.replace("\r", "").strip(),
    )
    data = card_bytes(rec)
    card = vobject.readOne(data.decode("utf-8"))
    assert card.n.value.family == rec.family_name_latin
    assert card.n.value.given == rec.given_name_latin
    # RFC 2426 carries no control character but tab and (escaped) newline in a value
    notes = _CONTROLS.sub("", rec.notes)
    if notes:
        assert card.note.value == notes
    back = read_vcards(data)[0]
    assert back.notes == notes.strip()
    assert back.organization == rec.organization


def test_android_vcard21_quoted_printable_charsets_and_photo():
    cards = read_vcards((FIXTURES / "android_21_qp.vcf").read_bytes())
    assert len(cards) == 3
    li, petrov, orlova = cards
    assert (li.family_name, li.given_name) == ("李", "娜")
    assert (li.family_name_latin, li.given_name_latin) == ("Li", "Na")
    assert li.organization == "广州展览公司"
    assert li.notes.startswith("Встреча на выставке в Гуанчжоу") and li.notes.endswith(
        "в Подмосковье"
    )
    assert [(p.number, p.kind) for p in li.phones] == [
        ("+8613912345678", PhoneKind.MOBILE),
        ("+86-20-3333-4444", PhoneKind.WORK),
    ]
    assert li.emails[0].kind == EmailKind.WORK
    assert (petrov.family_name_ru, petrov.given_name_ru) == ("Петров", "Алексей")
    assert petrov.phones[1].kind == PhoneKind.HOME
    assert (orlova.family_name_ru, orlova.given_name_ru) == ("Орлова", "Анна")  # Windows-1251
    assert li.source_line == 1 and petrov.source_line > li.source_line


def test_iphone_vcard30_item_groups_and_labels():
    wang, ivanova = read_vcards((FIXTURES / "iphone_30_groups.vcf").read_bytes())
    assert (wang.family_name, wang.given_name) == ("王", "芳")
    assert (wang.family_name_latin, wang.given_name_latin) == ("Wang", "Fang")
    assert (wang.organization, wang.department, wang.title) == (
        "深圳新能源科技有限公司",
        "国际部",
        "副总裁",
    )
    assert [(p.number, p.kind) for p in wang.phones] == [
        ("+86 135 0000 2222", PhoneKind.MOBILE),
        ("+86 755 2222 3333", PhoneKind.WORK),
    ]
    assert wang.emails[0].kind == EmailKind.WORK
    assert wang.messenger(Messenger.WECHAT) == "wangfang_sz"
    assert wang.notes == "Говорит по-русски, учила в МГУ\nLikes football"
    assert wang.tags == ["Investors", "Shenzhen"]
    assert ivanova.messenger(Messenger.TELEGRAM) == "e_ivanova"
    assert ivanova.emails[0].kind == EmailKind.HOME
    assert (ivanova.family_name_ru, ivanova.given_name_ru) == ("Иванова", "Елена")


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("broken_unclosed.vcf", 6, "not closed"),
        ("broken_no_colon.vcf", 9, "expected a property"),
        ("broken_bad_charset.vcf", 7, "unknown character set"),
    ],
)
def test_broken_vcards_name_their_line(name, line, words):
    with pytest.raises(FileFormatError) as err:
        read_vcards((FIXTURES / name).read_bytes(), source=name)
    assert err.value.line == line
    assert words in str(err.value)
    assert f"{name}, line {line}" in str(err.value)


def test_text_outside_a_card_and_empty_files_are_errors():
    with pytest.raises(FileFormatError) as err:
        read_vcards(b"hello\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n")
    assert err.value.line == 1
    with pytest.raises(FileFormatError):
        read_vcards(b"")
    with pytest.raises(FileFormatError) as err:
        read_vcards(b"BEGIN:VCARD\r\nVERSION:5.0\r\nEND:VCARD\r\n")
    assert err.value.line == 2


def test_a_nul_in_a_charset_name_is_a_line_error_not_a_crash(tmp_path):
    from crm_desktop.exchange.errors import ExchangeError
    from crm_desktop.exchange.vcard_read import read_vcards

    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=utf\x008:Wang;Wei\r\nEND:VCARD\r\n"
    with pytest.raises(ExchangeError) as e:
        read_vcards(data)
    assert getattr(e.value, "line", None) == 3


# RFC 2426 section 4: which properties carry structured (";"-separated) or list (",")
# values; every other one, extensions included, is one text value where ";" and ","
# must be escaped. This is what a strict validator holds our 3.0 files to.
_STRUCTURED = {"N", "ADR", "ORG", "GEO"}
_LISTS = {"CATEGORIES", "NICKNAME"}
_NOT_TEXT = {
    "BEGIN",
    "END",
    "VERSION",
    "TEL",
    "EMAIL",
    "UID",
    "URL",
    "IMPP",
    "PHOTO",
    "BDAY",
    "REV",
    "PRODID",
}


def _unescaped(value: str, chars: str) -> list[str]:
    found, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            i += 2
            continue
        if value[i] in chars:
            found.append(value[i])
        i += 1
    return found


def _strict_rfc2426_errors(data: bytes) -> list[str]:
    errors = []
    unfolded = data.decode("utf-8").replace("\r\n ", "").split("\r\n")
    for n, line in enumerate(unfolded, 1):
        if not line:
            continue
        head, _, value = line.partition(":")
        name = head.split(";")[0].split(".")[-1].upper()
        if name in _NOT_TEXT or name in _STRUCTURED:
            continue
        bad = _unescaped(value, ";" if name in _LISTS else ";,")
        if bad:
            errors.append(f"line {n}: {name} has an unescaped {bad[0]!r}: {value}")
    return errors


def test_vcard30_text_values_are_escaped_as_a_strict_reader_requires():
    data = _write(people())
    assert _strict_rfc2426_errors(data) == []
    # the check itself catches what the old writer did
    assert _strict_rfc2426_errors(b"BEGIN:VCARD\r\nX-CRM-NAME-RU:A;B;\r\nEND:VCARD\r\n")


def test_files_from_the_previous_version_still_import_the_russian_name():
    old = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alexey Egorov\r\nN:Egorov;Alexey;;;\r\n"
        "X-CRM-NAME-RU:Егоров;Алексей;\r\nX-CRM-LANGUAGES:ru,en\r\nEND:VCARD\r\n"
    ).encode()
    (rec,) = read_vcards(old)
    assert (rec.family_name_ru, rec.given_name_ru) == ("Егоров", "Алексей")
    assert rec.languages == ["ru", "en"]
