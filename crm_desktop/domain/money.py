"""Amounts in several currencies brought to one: conversion rates as a dated setting.

The delegation quotes capex in CNY, USD, EUR and RUB; the board's header adds them up in
the currency the user reads. The rates are whatever the user typed in Settings, with the
day they were set, so a total always says how old its rates are. Qt-free: the settings
file holds the rates as plain JSON (see :meth:`Rates.to_json` / :meth:`Rates.from_json`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

DEFAULT_CURRENCY = "RUB"
# The currencies offered in Settings; amounts in any other currency stay outside a total.
COMMON_CURRENCIES = ("RUB", "CNY", "USD", "EUR")


@dataclass(frozen=True)
class Rate:
    """1 unit of ``currency`` is worth ``value`` units of the base currency, as of ``as_of``."""

    currency: str
    value: Decimal
    as_of: dt.date


@dataclass(frozen=True)
class Rates:
    """Rates of foreign currencies to one base currency (RUB by default)."""

    base: str = DEFAULT_CURRENCY
    rates: tuple[Rate, ...] = ()

    def rate(self, currency: str) -> Rate | None:
        return next((r for r in self.rates if r.currency == currency.upper()), None)

    def factor(self, from_currency: str, to_currency: str) -> Decimal | None:
        """How many units of ``to_currency`` one unit of ``from_currency`` is; None: unknown."""
        src, dst = from_currency.upper(), to_currency.upper()
        if src == dst:
            return Decimal(1)
        to_base = self._to_base(src)
        from_base = self._to_base(dst)
        if to_base is None or from_base is None or from_base == 0:
            return None
        return to_base / from_base

    def _to_base(self, currency: str) -> Decimal | None:
        if currency == self.base:
            return Decimal(1)
        r = self.rate(currency)
        return r.value if r is not None else None

    def convert(self, amount: Decimal, from_currency: str, to_currency: str) -> Decimal | None:
        factor = self.factor(from_currency, to_currency)
        return None if factor is None else amount * factor

    def with_rate(self, currency: str, value: Decimal, as_of: dt.date) -> Rates:
        """A copy with one rate set (a zero or negative value removes it)."""
        code = currency.upper()
        kept = tuple(r for r in self.rates if r.currency != code)
        if value > 0 and code != self.base:
            kept += (Rate(code, value, as_of),)
        return Rates(self.base, tuple(sorted(kept, key=lambda r: r.currency)))

    def oldest(self, currencies: Iterable[str]) -> dt.date | None:
        """The oldest date among the rates a conversion of these currencies used."""
        dates = [r.as_of for c in currencies if (r := self.rate(c)) is not None]
        return min(dates) if dates else None

    # -- the settings file ------------------------------------------------------------

    def to_json(self) -> dict[str, object]:
        return {
            "base": self.base,
            "rates": {
                r.currency: {
                    "value": format(r.value.normalize(), "f"),  # "80", not "80.0000"
                    "date": r.as_of.isoformat(),
                }
                for r in self.rates
            },
        }

    @classmethod
    def from_settings(cls, raw: object) -> Rates:
        """The rates of the settings file; before the user has set any, STARTING_RATES,
        so the board adds up in one currency from the first start (the date says how old
        they are, and Settings → Currency replaces them)."""
        if not raw:
            return STARTING_RATES
        return cls.from_json(raw)

    @classmethod
    def from_json(cls, raw: object) -> Rates:
        """Tolerates a hand-edited file: entries that do not parse are left out."""
        if not isinstance(raw, Mapping):
            return cls()
        base = str(raw.get("base") or DEFAULT_CURRENCY).upper()
        entries = raw.get("rates")
        rates: list[Rate] = []
        if isinstance(entries, Mapping):
            for code, entry in entries.items():
                if not isinstance(entry, Mapping) or not _is_code(str(code)):
                    continue
                try:
                    value = Decimal(str(entry.get("value")))
                    as_of = dt.date.fromisoformat(str(entry.get("date")))
                except (InvalidOperation, ValueError):
                    continue
                if value.is_finite() and value > 0 and str(code).upper() != base:
                    rates.append(Rate(str(code).upper(), value, as_of))
        return cls(base, tuple(sorted(rates, key=lambda r: r.currency)))


@dataclass(frozen=True)
class Total:
    """Sums per currency brought to one currency."""

    currency: str
    amount: Decimal  # the converted sum of every currency that has a rate
    per_currency: dict[str, Decimal] = field(default_factory=dict)
    unconverted: tuple[str, ...] = ()  # currencies without a rate: not in ``amount``
    rates_as_of: dt.date | None = None  # the oldest rate used; None: no conversion needed

    @property
    def complete(self) -> bool:
        return not self.unconverted


def total_in(sums: Mapping[str, Decimal], currency: str, rates: Rates) -> Total:
    """Add per-currency sums in ``currency``; currencies with no rate are listed, not guessed."""
    target = currency.upper()
    amount = Decimal(0)
    missing: list[str] = []
    used: list[str] = []
    for code, value in sums.items():
        converted = rates.convert(value, code, target)
        if converted is None:
            missing.append(code)
            continue
        amount += converted
        if code.upper() != target:
            used.extend((code.upper(), target))
    return Total(target, amount, dict(sums), tuple(sorted(missing)), rates.oldest(used))


def _is_code(text: str) -> bool:
    return len(text) == 3 and text.isascii() and text.isalpha()


# Rounded Bank of Russia rates of the day this version was made: a start, not a feed.
STARTING_RATES = Rates(
    DEFAULT_CURRENCY,
    (
        Rate("CNY", Decimal("11"), dt.date(2026, 12, 1)),
        Rate("EUR", Decimal("92"), dt.date(2026, 12, 1)),
        Rate("USD", Decimal("79"), dt.date(2026, 12, 1)),
    ),
)
