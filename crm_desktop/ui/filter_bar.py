"""The row above a list: quick text filter and the filters that fit the entity.

Filters write into the service's ListQuery dataclass (country, stage, owner, trip, tag,
date range, ...); the list model then asks the service again, so filtering stays in SQL.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from crm_desktop.domain.services import Services
from crm_desktop.domain.services.base import ListQuery
from crm_desktop.ui.labels import date_edit_format

Options = Callable[[Services], Sequence[tuple[object, str]]]
NO_DATE = QDate(1900, 1, 1)


@dataclass(frozen=True)
class ChoiceFilter:
    attr: str  # a field of the service's query dataclass
    label: Callable[[], str]
    options: Options
    enum: type[StrEnum] | None = None


@dataclass(frozen=True)
class DateRangeFilter:
    from_attr: str
    to_attr: str
    label: Callable[[], str]


FilterSpec = ChoiceFilter | DateRangeFilter


class LazyCombo(QComboBox):
    """Asks for its options only when first opened: a list opens without waiting for them."""

    def __init__(self, fill: Callable[[], None]) -> None:
        super().__init__()
        self._fill = fill
        self.filled = False

    def ensure_filled(self) -> None:
        if not self.filled:
            self.filled = True
            self._fill()

    def showPopup(self) -> None:  # noqa: N802
        self.ensure_filled()
        super().showPopup()


class FilterBar(QWidget):
    changed = Signal()

    def __init__(
        self, services: Services, filters: Sequence[FilterSpec], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.filters = list(filters)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit()
        self.text.setObjectName("quick_filter")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Filter (Ctrl+F)"))
        self.text.setMinimumWidth(120)
        layout.addWidget(self.text, 2)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)  # one query after typing pauses, not one per key
        self._timer.timeout.connect(self.changed)
        self.text.textChanged.connect(lambda _: self._timer.start())
        self.combos: dict[str, QComboBox] = {}
        self.dates: dict[str, tuple[QDateEdit, QDateEdit]] = {}
        for f in self.filters:
            if isinstance(f, ChoiceFilter):
                combo = LazyCombo(lambda f=f: self._fill(f, self.combos[f.attr]))
                combo.addItem(f.label() + ": " + self.tr("all"), None)
                combo.setObjectName(f"filter_{f.attr}")
                combo.setToolTip(f.label())
                combo.setMinimumContentsLength(5)
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                self.combos[f.attr] = combo
                combo.currentIndexChanged.connect(lambda _=0: self.changed.emit())
                layout.addWidget(combo, 1)
            else:
                layout.addWidget(QLabel(f.label()))
                pair = (self._date_edit(), self._date_edit())
                self.dates[f.from_attr] = pair
                layout.addWidget(pair[0])
                layout.addWidget(QLabel("—"))
                layout.addWidget(pair[1])

    def _date_edit(self) -> QDateEdit:
        d = QDateEdit()
        d.setCalendarPopup(True)
        d.setDisplayFormat(date_edit_format())
        d.setMinimumDate(NO_DATE)
        d.setSpecialValueText(" ")
        d.setDate(NO_DATE)
        d.dateChanged.connect(lambda _: self.changed.emit())
        return d

    def _fill(self, f: ChoiceFilter, combo: QComboBox) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(f.label() + ": " + self.tr("all"), None)
        for value, label in f.options(self.services):
            combo.addItem(label, value)
        i = combo.findData(current)
        combo.setCurrentIndex(max(i, 0))
        combo.blockSignals(False)

    def reload_options(self) -> None:
        for f in self.filters:
            if isinstance(f, ChoiceFilter) and self.combos[f.attr].filled:
                self._fill(f, self.combos[f.attr])

    def apply(self, query: ListQuery) -> ListQuery:
        values: dict[str, Any] = {"text": self.text.text(), "offset": 0}
        for f in self.filters:
            if isinstance(f, ChoiceFilter):
                v = self.combos[f.attr].currentData()
                values[f.attr] = f.enum(v) if (v is not None and f.enum) else v
                if v is None and isinstance(getattr(query, f.attr, None), str):
                    values[f.attr] = ""
            else:
                lo, hi = self.dates[f.from_attr]
                values[f.from_attr] = _day(lo.date())
                values[f.to_attr] = _day(hi.date())
        return dataclasses.replace(query, **values)


def _day(d: QDate) -> date | None:
    return None if d == NO_DATE else date(d.year(), d.month(), d.day())
