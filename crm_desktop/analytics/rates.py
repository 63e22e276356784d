"""Dated conversion rates to one report currency: the default table of the analytics.

The analytics take rates as a plain argument (``ConversionRates``); this module only
provides the table used when nobody passes one. It is the single place to merge with the
pipeline board's conversion-rates setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


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


# Central Bank of Russia reference rates, rounded; replace by the team's own table.
DEFAULT_RATES = ConversionRates(
    currency="RUB",
    as_of=date(2026, 12, 1),
    rates={"CNY": Decimal("11.00"), "USD": Decimal("79.00"), "EUR": Decimal("92.00"),
           "HKD": Decimal("10.15"), "KZT": Decimal("0.155"), "BYN": Decimal("24.00")},
)
