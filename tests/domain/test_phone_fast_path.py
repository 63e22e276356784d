"""``Checker.phone`` reads "+digits" without ``phonenumbers.parse``; the answer (the
E.164 form, or the error and the text kept) must be what parsing gives, for every
country code, national prefixes, leading zeros, lengths around each country's limits,
unknown country codes and any default region."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from phonenumbers import PhoneMetadata, region_code_for_country_code

from crm_desktop.domain import validation
from crm_desktop.domain.validation import Checker, _international

REGIONS = (None, "", "RU", "ru", "CN", "IT", "US", "DE", "001", "XX")


def _general(text: str, region: str | None) -> tuple[str, dict[str, object]]:
    """``Checker.phone`` as it was: parse, is_possible_number, format_number(E164)."""
    c = Checker()
    value = text.strip()
    try:
        parsed = phonenumbers.parse(value, (region or "").upper() or None)
    except phonenumbers.NumberParseException:
        c.fail("p", "invalid_phone", value=value)
        return value, _errors(c)
    if not phonenumbers.is_possible_number(parsed):
        c.fail("p", "invalid_phone", value=value)
        return value, _errors(c)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), _errors(c)


def _errors(c: Checker) -> dict[str, object]:
    return {k: (e.code, e.params) for k, e in c.errors.items()}


def _checked(text: str, region: str | None) -> tuple[str, dict[str, object]]:
    c = Checker()
    return c.phone("p", text, region), _errors(c)


def _numbers() -> list[str]:
    """For every country code: its national prefix, leading zeros, and random digits of
    every length the fast path takes, with and without the prefix."""
    rnd = random.Random(20261205)
    out = []
    for code in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE):
        meta = PhoneMetadata.metadata_for_region_or_calling_code(
            code, region_code_for_country_code(code)
        )
        prefixes = ["", "0", "00", "000", "1", "8", "9"]
        if meta is not None and meta.national_prefix:
            prefixes.append(meta.national_prefix)
        if meta is not None and meta.national_prefix_for_parsing:
            # a carrier-code style prefix such as Brazil's 0(?:(1[245]|2[1-35]|31|...)
            prefixes += ["01", "012", "015", "021", "041", "0341"]
        for prefix in prefixes:
            for total in range(7, 16):
                body = total - len(str(code)) - len(prefix)
                if body < 0:
                    continue
                for _ in range(3):
                    digits = "".join(rnd.choice("0123456789") for _ in range(body))
                    out.append(f"+{code}{prefix}{digits}")
    # unknown country codes: parse retries them as national numbers of the region
    out += ["+2101234567", "+8090123456", "+9991234567890", "+2151234567", "+2141234567"]
    # real ones: Italian leading zero, San Marino, Russia's 8, a UK trunk 0, toll-free
    out += [
        "+390612345678",
        "+393123456789",
        "+3780549123456",
        "+79161234567",
        "+789161234567",
        "+4402071234567",
        "+442071234567",
        "+80012345678",
        "+8613800138000",
        "+971501514027",
        "+5501112345678",  # Brazil with a carrier code
        "+10000000000",
        "+70000000",
    ]
    return out


NUMBERS = _numbers()


def test_the_numbers_cover_both_answers_and_the_fall_back():
    answers = [_international(n) for n in NUMBERS]
    assert sum(1 for a in answers if a) > 3000  # accepted, formatted
    assert sum(1 for a in answers if a == "") > 1000  # refused
    assert sum(1 for a in answers if a is None) >= 5  # left to parse
    # and the digits of an accepted number are not always given back as written
    assert any(a and a != n for a, n in zip(answers, NUMBERS, strict=True))


@pytest.mark.parametrize("region", REGIONS)
def test_plus_digits_give_what_parsing_gives(region):
    # parse reads "+digits" the same in every region but "001" and unknown country
    # codes: every number for two regions, every seventh for the others
    numbers = NUMBERS if region in (None, "RU") else NUMBERS[::7] + NUMBERS[-18:]
    for number in numbers:
        assert _checked(number, region) == _general(number, region), number


def test_other_texts_are_still_parsed(monkeypatch):
    texts = [
        " +7 916 123-45-67 ",
        "+7 (916) 123 45 67",
        "+79161234567 ext. 12",
        "+79161234567;ext=12",
        "+7916123456x7",
        "8 916 123-45-67",
        "89161234567",
        "06 1234 5678",
        "+0123456789",
        "+12",
        "+1234567890123456",
        "+７９１６１２３４５６７",  # full-width digits
        "+٧٩١٦١٢٣٤٥٦٧",  # Arabic-Indic digits
        "＋79161234567",
        "abc",
        "+",
        "",
        "   ",
    ]
    for region in REGIONS:
        for text in texts:
            assert _checked(text, region) == (
                _general(text, region) if text.strip() else ("", {})
            ), (text, region)
    calls = []
    real = validation._international
    monkeypatch.setattr(validation, "_international", lambda t: calls.append(t) or real(t))
    _checked("+79161234567", "RU")
    _checked("+0123456789", "RU")
    _checked("89161234567", "RU")
    _checked("+79161234567", "001")
    assert calls == ["+79161234567", "+0123456789"]


def test_the_fast_path_is_taken_for_e164(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("parsed")

    monkeypatch.setattr(phonenumbers, "parse", refuse)
    assert _checked("+8613800138000", "RU") == ("+8613800138000", {})
    assert _checked("+390612345678", None) == ("+390612345678", {})
    with pytest.raises(AssertionError, match="parsed"):
        _checked("+7 916 123-45-67", "RU")  # not plain digits: parsed
