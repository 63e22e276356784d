"""Field validation and normalisation shared by all services."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from functools import cache
from zoneinfo import available_timezones

import phonenumbers
from phonenumbers import PhoneMetadata, ValidationResult, region_code_for_country_code
from phonenumbers.phonenumberutil import (
    _MAX_LENGTH_FOR_NSN,
    _MIN_LENGTH_FOR_NSN,
    COUNTRY_CODE_TO_REGION_CODE,
    _maybe_strip_national_prefix_carrier_code,
    _test_number_length,
)

from crm_desktop.domain.errors import FieldError, ValidationError

ISO_4217 = frozenset(
    """
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK
MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS
UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
""".split()
)

ISO_3166 = frozenset(
    """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ
EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW
GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY
KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV
MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY
QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG
TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM
ZW
""".split()
)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


_POSSIBLE = (ValidationResult.IS_POSSIBLE, ValidationResult.IS_POSSIBLE_LOCAL_ONLY)
# parse keeps a national prefix when the number without it would be of these lengths
_KEEP_PREFIX = (
    ValidationResult.TOO_SHORT,
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY,
    ValidationResult.INVALID_LENGTH,
)


@cache
def _country(code: int) -> tuple[PhoneMetadata, re.Pattern[str] | None] | None:
    """The metadata parse uses for a country code, and its national prefix pattern as
    ``_maybe_strip_national_prefix_carrier_code`` compiles it (no flags)."""
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(
        code, region_code_for_country_code(code)
    )
    if metadata is None:
        return None
    prefix = metadata.national_prefix_for_parsing
    return metadata, re.compile(prefix) if prefix else None


def _international(text: str) -> str | None:
    """What ``Checker.phone`` makes of "+" and 7 to 15 ASCII digits (E.164 as imports
    write it) without parsing the text: the E.164 form, or "" for a number that
    ``phonenumbers.parse`` refuses or ``is_possible_number`` does not accept. None when
    this cannot tell: not such a text, or no known country code (parse then reads the
    digits again as a national number of the default region).

    These are the steps ``parse``, ``is_possible_number`` and ``format_number(E164)``
    take for such a text, from the country code on, with the library's own helpers;
    the normalising parse does before them changes nothing in plain digits and cost
    three quarters of the check (tests compare both on every country code).
    """
    digits = text[1:]
    if not (7 <= len(digits) <= 15 and digits.isascii() and digits.isdigit()) or digits[0] == "0":
        return None
    for size in (1, 2, 3):
        code = int(digits[:size])
        if code in COUNTRY_CODE_TO_REGION_CODE:
            break
    else:
        return None
    country = _country(code)
    if country is None:
        return None
    metadata, prefix = country
    national = digits[size:]
    if prefix is not None and prefix.match(national):  # else nothing to strip
        _, stripped, _ = _maybe_strip_national_prefix_carrier_code(national, metadata)
        if _test_number_length(stripped, metadata) not in _KEEP_PREFIX:
            national = stripped
    if not _MIN_LENGTH_FOR_NSN <= len(national) <= _MAX_LENGTH_FOR_NSN:
        return ""  # parse: too short / too long
    if _test_number_length(national, metadata) not in _POSSIBLE:
        return ""
    # format_number's E.164 is the code and the national significant number: the
    # national digits as they are (leading zeros too, as the number keeps them).
    return "+" + digits[:size] + national


@cache
def _timezones() -> frozenset[str]:
    return frozenset(available_timezones())


class Checker:
    """Collects field errors so a form can show all of them at once."""

    def __init__(self) -> None:
        self.errors: dict[str, FieldError] = {}

    def fail(self, field: str, code: str, **params: object) -> None:
        self.errors.setdefault(field, FieldError(field, code, **params))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    def required(self, field: str, value: str | None) -> str:
        text = (value or "").strip()
        if not text:
            self.fail(field, "required")
        return text

    def text(self, field: str, value: str | None, limit: int | None = None) -> str:
        text = (value or "").strip()
        if limit and len(text) > limit:
            self.fail(field, "too_long", limit=limit)
        return text

    def email(self, field: str, value: str | None) -> str:
        text = (value or "").strip()
        if text and not _EMAIL.match(text):
            self.fail(field, "invalid_email", value=text)
        return text.lower() if text else ""

    def phone(self, field: str, value: str | None, region: str | None = None) -> str:
        text = (value or "").strip()
        if not text:
            return ""
        region = (region or "").upper() or None
        if text[0] == "+" and region != "001":  # "001": parse keeps no metadata for it
            known = _international(text)
            if known is not None:
                if not known:
                    self.fail(field, "invalid_phone", value=text)
                    return text
                return known
        try:
            parsed = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            self.fail(field, "invalid_phone", value=text)
            return text
        if not phonenumbers.is_possible_number(parsed):
            self.fail(field, "invalid_phone", value=text)
            return text
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)

    def currency(self, field: str, value: str | None) -> str:
        text = (value or "").strip().upper()
        if text and text not in ISO_4217:
            self.fail(field, "invalid_currency", value=text)
        return text

    def country(self, field: str, value: str | None) -> str:
        text = (value or "").strip().upper()
        if text and text not in ISO_3166:
            self.fail(field, "invalid_country", value=text)
        return text

    def timezone(self, field: str, value: str | None) -> str:
        text = (value or "").strip()
        if not text:
            self.fail(field, "required")
        elif text not in _timezones():
            self.fail(field, "invalid_timezone", value=text)
        return text

    def non_negative(self, field: str, value: int | Decimal | float | None) -> None:
        if value is not None and value < 0:
            self.fail(field, "not_negative")

    def in_range(self, field: str, value: int | None, low: int, high: int) -> None:
        if value is not None and not low <= value <= high:
            self.fail(field, "out_of_range", low=low, high=high)

    def aware(self, field: str, value: datetime | None) -> None:
        if value is None:
            self.fail(field, "required")
        elif value.tzinfo is None:
            self.fail(field, "invalid_datetime", value=value.isoformat())
