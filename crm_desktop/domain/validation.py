"""Field validation and normalisation shared by all services."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from functools import cache
from zoneinfo import available_timezones

import phonenumbers

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
        try:
            parsed = phonenumbers.parse(text, (region or "").upper() or None)
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
