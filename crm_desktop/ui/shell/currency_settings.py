"""The Currency section of Settings: the currency of the board's total and dated rates.

Each rate remembers the day it was set: changing a value stamps it with today's date, so
the board can say how old the rates behind its total are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from crm_desktop.config import Settings
from crm_desktop.domain.money import COMMON_CURRENCIES, DEFAULT_CURRENCY, Rates

RATE_DECIMALS = 4


@dataclass(frozen=True)
class CurrencyChoice:
    total_currency: str
    rates: Rates


class CurrencySettings(QGroupBox):
    def __init__(
        self, settings: Settings, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Currency"))
        self.setObjectName("currency_settings")
        self.today = today or dt.date.today()
        self.rates = Rates.from_settings(settings.currency_rates)
        self.total_currency = QComboBox()
        self.total_currency.setObjectName("total_currency")
        for code in COMMON_CURRENCIES:
            self.total_currency.addItem(code, code)
        current = (settings.total_currency or DEFAULT_CURRENCY).upper()
        if self.total_currency.findData(current) < 0:
            self.total_currency.addItem(current, current)
        self.total_currency.setCurrentIndex(self.total_currency.findData(current))
        form = QFormLayout(self)
        form.addRow(self.tr("Board total in"), self.total_currency)
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.dates: dict[str, QLabel] = {}
        codes = [c for c in COMMON_CURRENCIES if c != self.rates.base]
        codes += [r.currency for r in self.rates.rates if r.currency not in codes]
        for code in codes:
            spin = QDoubleSpinBox()
            spin.setObjectName(f"rate_{code}")
            spin.setDecimals(RATE_DECIMALS)
            spin.setRange(0, 1_000_000)
            spin.setSpecialValueText(self.tr("not set"))
            rate = self.rates.rate(code)
            spin.setValue(float(rate.value) if rate else 0)
            date = QLabel(self._date_text(rate.as_of if rate else None))
            spin.valueChanged.connect(lambda _v, c=code: self._edited(c))
            self.spins[code] = spin
            self.dates[code] = date
            row = QHBoxLayout()
            row.addWidget(spin)
            row.addWidget(QLabel(self.rates.base))
            row.addWidget(date, 1)
            form.addRow(self.tr("1 %1 =").replace("%1", code), row)

    def _date_text(self, day: dt.date | None) -> str:
        return self.tr("set on %1").replace("%1", day.isoformat()) if day else ""

    def _edited(self, code: str) -> None:
        value = Decimal(str(round(self.spins[code].value(), RATE_DECIMALS)))
        self.rates = self.rates.with_rate(code, value, self.today)
        self.dates[code].setText(self._date_text(self.today if value > 0 else None))

    def choice(self) -> CurrencyChoice:
        return CurrencyChoice(self.total_currency.currentData(), self.rates)

    @staticmethod
    def apply(choice: CurrencyChoice, settings: Settings) -> None:
        settings.total_currency = choice.total_currency
        settings.currency_rates = choice.rates.to_json()
