"""Dated conversion rates to one report currency, as the analytics take them.

The analytics take rates as a plain argument (``ConversionRates``); the front ends build
it from the rates the user keeps in Settings (``crm_desktop.domain.money.Rates``, the
same ones the pipeline board's total uses) with :func:`report_rates`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from crm_desktop.domain.money import Rates


@dataclass(frozen=True)
class ConversionRates:
    """``rates[code]`` is how many units of ``currency`` one unit of ``code`` is worth,
    as of ``as_of``. The report currency itself is always worth 1."""

    currency: str
    as_of: date
    rates: Mapping[str, Decimal] = field(default_factory=dict)

    def rate(self, code: str) -> Decimal | None:
        code = (code or "").upper()
        if code == self.currency:
            return Decimal(1)
        value = self.rates.get(code)
        return None if value is None else Decimal(value)

    def known(self) -> dict[str, Decimal]:
        """Every currency with a rate, the report currency included."""
        out = {k.upper(): Decimal(v) for k, v in self.rates.items()}
        out[self.currency] = Decimal(1)
        return out


def report_rates(rates: Rates, currency: str, today: date) -> ConversionRates:
    """The rates the user keeps in Settings (the ones the pipeline board's total uses),
    seen from the report currency. Dated by the oldest rate; ``today`` when there is none
    (then only amounts already in the report currency are summed)."""
    currency = (currency or rates.base).upper()
    known: dict[str, Decimal] = {}
    for code in {rates.base, *(r.currency for r in rates.rates)}:
        factor = rates.factor(code, currency)
        if factor is not None and code != currency:
            known[code] = factor
    # a cross rate uses the report currency's own rate too
    return ConversionRates(currency, rates.oldest([*known, currency]) or today, known)


def no_rates(currency: str, today: date) -> ConversionRates:
    return ConversionRates(currency.upper(), today, {})
