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

from PySide6.QtCore import QDate, QMargins, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QWidget,
)

from crm_desktop.domain.services import Services
from crm_desktop.domain.services.base import ListQuery
from crm_desktop.ui.common.labels import date_edit_format

Options = Callable[[Services], Sequence[tuple[object, str]]]
NO_DATE = QDate(1900, 1, 1)
MAX_COMBO_WIDTH = 320


@dataclass(frozen=True)
class ChoiceFilter:
    attr: str  # a field of the service's query dataclass
    label: Callable[[], str]
    options: Options
    enum: type[StrEnum] | None = None
    # The first choice, "no filter": "<label>: all" unless named here; None leaves it out
    # (a filter that always holds one of its options, e.g. "open tasks" / "all tasks").
    all_label: Callable[[], str] | None = None
    show_all: bool = True
    # Shown as "Owner: [combo]" (label beside, wrapping together) instead of inside.
    beside: bool = False
    eager: bool = False  # options filled at once (a short list), not when first opened
    initial: Callable[[], object] | None = None  # the value chosen at the first fill
    # The query fields a value sets, when not simply ``attr = value``.
    to_query: Callable[[Any], dict[str, Any]] | None = None


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


class FlowLayout(QLayout):
    """Lays its items out left to right and wraps to a new row when the width runs out.

    A filter row on a 1024-pixel screen wraps instead of clipping its combos ("Фил…").
    Every item keeps at least its size hint; items marked as ``stretch`` (the text
    filter) take the width left over on their row.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: set[int] = set()  # ids of the items that absorb free width
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def add_widget(self, widget: QWidget, stretch: bool = False) -> None:
        self.addWidget(widget)
        if stretch:
            self._stretch.add(id(self._items[-1]))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.discard(id(item))
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        width = sum(_hint(i).width() for i in self._visible()) + self._spacing * max(
            0, len(self._visible()) - 1
        )
        height = max((_hint(i).height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(_hint(item))
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() and i.widget().isHidden())]

    def rows(self, width: int) -> list[list[QLayoutItem]]:
        """The items of each row at this width (what a test or a screenshot checks)."""
        m: QMargins = self.contentsMargins()
        available = max(1, width - m.left() - m.right())
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            w = _hint(item).width()
            if rows[-1] and used + self._spacing + w > available:
                rows.append([])
                used = 0
            used += (self._spacing if rows[-1] else 0) + w
            rows[-1].append(item)
        return [r for r in rows if r]

    def _do_layout(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        x0, y = rect.x() + m.left(), rect.y() + m.top()
        available = max(1, rect.width() - m.left() - m.right())
        for row in self.rows(rect.width()):
            widths = [_hint(i).width() for i in row]
            free = available - sum(widths) - self._spacing * (len(row) - 1)
            stretchy = [n for n, i in enumerate(row) if id(i) in self._stretch]
            if free > 0 and stretchy:
                for n in stretchy:
                    widths[n] += free // len(stretchy)
            height = max(_hint(i).height() for i in row)
            x = x0
            for item, w in zip(row, widths, strict=True):
                if apply:
                    h = _hint(item).height()
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(w, h)))
                x += w + self._spacing
            y += height + self._spacing
        return y - self._spacing - rect.y() + m.bottom()


def _hint(item: QLayoutItem) -> QSize:
    """The size hint, at least the minimum size and at most the maximum size."""
    return item.sizeHint().expandedTo(item.minimumSize()).boundedTo(item.maximumSize())


def flow_spacing(widget: QWidget) -> int:
    return widget.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) or 6


class FilterBar(QWidget):
    changed = Signal()

    def __init__(
        self,
        services: Services,
        filters: Sequence[FilterSpec],
        parent: QWidget | None = None,
        *,
        placeholder: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.filters = list(filters)
        layout = FlowLayout(self, flow_spacing(self))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.flow = layout
        self.text = QLineEdit()
        self.text.setObjectName("quick_filter")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(placeholder or self.tr("Filter (Ctrl+F)"))
        self.text.setMinimumWidth(220)
        layout.add_widget(self.text, stretch=True)
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
                if f.show_all:
                    combo.addItem(self._all_text(f), None)
                combo.setObjectName(f"filter_{f.attr}")
                combo.setToolTip(f.label().rstrip(":"))
                # As wide as its longest choice (the flow wraps it to a row of its own
                # rather than eliding "Country: all"), but a long trip title is cut.
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
                combo.setMaximumWidth(MAX_COMBO_WIDTH)
                self.combos[f.attr] = combo
                if f.eager:
                    combo.ensure_filled()
                combo.currentIndexChanged.connect(lambda _=0: self.changed.emit())
                if f.beside:
                    layout.addWidget(self._beside(f.label(), combo))
                else:
                    layout.addWidget(combo)
            else:
                # The label and its two dates wrap together, never apart.
                pair = (self._date_edit(), self._date_edit())
                self.dates[f.from_attr] = pair
                group = QWidget()
                row = QHBoxLayout(group)
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(QLabel(f.label()))
                row.addWidget(pair[0])
                row.addWidget(QLabel("—"))
                row.addWidget(pair[1])
                layout.addWidget(group)

    def _all_text(self, f: ChoiceFilter) -> str:
        return f.all_label() if f.all_label is not None else f.label() + ": " + self.tr("all")

    @staticmethod
    def _beside(text: str, combo: QComboBox) -> QWidget:
        """A label and its combo, wrapping together to the next row, never apart."""
        pair = QWidget()
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        label = QLabel(text)
        label.setBuddy(combo)
        row.addWidget(label)
        row.addWidget(combo)
        return pair

    def add_widget(self, widget: QWidget) -> None:
        """Something that belongs on the row after the filters (a "New" button)."""
        self.flow.addWidget(widget)

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
        first = combo.count() == int(f.show_all)  # nothing chosen yet
        current = f.initial() if first and f.initial is not None else combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        if f.show_all:
            combo.addItem(self._all_text(f), None)
        for value, label in f.options(self.services):
            combo.addItem(label, value)
            # a long choice (a trip's title) is cut at the combo's width: whole on hover
            combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        i = combo.findData(current) if current is not None else 0
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
                if f.to_query is not None:
                    values.update(f.to_query(v))
                    continue
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
