"""A table model over a service's count() and pages of list(offset, limit).

Only the pages the view asks for are loaded, and only a bounded number of them are kept:
scrolling from the first to the last of 200,000 rows touches the first and last pages,
never everything in between. Sorting and filtering are done by the service in SQL.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

from crm_desktop.domain.services.base import ListQuery

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column of a list: what it shows and, when sortable, the service's SORTS key."""

    key: str  # stable id, used to remember column choice and widths
    title: Callable[[], str]  # translated at call time, so a language switch is seen
    value: Callable[[Any], object]
    sort: str = ""  # a key of the service's SORTS; "" = not sortable
    width: int = 150
    visible: bool = True
    align_right: bool = False


class ListSource:
    """What the model needs from a service: a count and a page for one query."""

    def __init__(self, service: Any) -> None:
        self.service = service

    def count(self, q: ListQuery) -> int:
        return int(self.service.count(q))

    def page(self, q: ListQuery, offset: int, limit: int, total: int) -> list[Any]:
        if offset > total // 2:
            # Near the end, read the mirror-image query from its start: SQL OFFSET has to
            # step over every skipped row, so the last page costs as little as the first.
            end = min(total, offset + limit)
            mirror = dataclasses.replace(
                q, descending=not q.descending, offset=total - end, limit=end - offset
            )
            return list(reversed(self.service.list(mirror)))
        return list(self.service.list(dataclasses.replace(q, offset=offset, limit=limit)))


class LazyTableModel(QAbstractTableModel):
    PAGE_SIZE = 100
    MAX_PAGES = 12  # pages kept in memory; the rest are dropped least-recently-used first

    RecordRole = Qt.ItemDataRole.UserRole + 1
    IdRole = Qt.ItemDataRole.UserRole + 2

    def __init__(
        self,
        source: ListSource,
        query: ListQuery,
        columns: list[Column],
        decorate: Callable[[Any, Qt.ItemDataRole], object] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.columns = columns
        self._query = query
        self._decorate = decorate
        self._count = 0
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self.pages_loaded = 0  # counts page queries (tests and benchmarks read it)
        # While the user drags the scroll bar, rows not yet loaded stay blank instead of
        # querying every page the thumb passes over; the view loads them on release.
        self.hold_loading = False
        self.counting = False
        self._generation = 0
        self.reload()

    # -- the query -------------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    def set_query(self, query: ListQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Show the first page at once; count the rest right after it has been painted.

        Counting 200,000 rows costs as much as reading a page, and the first screen does
        not need the total, only the scroll bar does.
        """
        self.beginResetModel()
        self._pages.clear()
        self._generation += 1
        first = self.source.page(self._query, 0, self.PAGE_SIZE, self.PAGE_SIZE)
        self.pages_loaded += 1
        self._pages[0] = first
        self._count = len(first)
        self.counting = len(first) == self.PAGE_SIZE
        self.endResetModel()
        if self.counting:
            generation = self._generation
            QTimer.singleShot(0, self, lambda: self._count_rest(generation))

    def ensure_count(self) -> None:
        """Count now instead of after the first paint (tests, benchmarks, jumping to a row)."""
        if self.counting:
            self._count_rest(self._generation)

    def _count_rest(self, generation: int) -> None:
        if generation != self._generation or not self.counting:
            return  # a newer query replaced the one this count was for
        self.counting = False
        total = self.source.count(self._query)
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < self._count:  # rows went away between the page and the count
            self.beginResetModel()
            self._pages.clear()
            self._count = total
            self.endResetModel()

    # -- rows -------------------------------------------------------------------------------
    def record(self, row: int) -> Any | None:
        if not 0 <= row < self._count:
            return None
        number = row // self.PAGE_SIZE
        page = self._pages.get(number)
        if page is None and self.hold_loading:
            return None
        if page is None:
            page = self.source.page(
                self._query, number * self.PAGE_SIZE, self.PAGE_SIZE, self._count
            )
            self.pages_loaded += 1
            self._pages[number] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        i = row - number * self.PAGE_SIZE
        return page[i] if i < len(page) else None

    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    def row_of(self, record_id: str) -> int:
        """The row of a record among the loaded pages, or -1."""
        for number, page in self._pages.items():
            for i, r in enumerate(page):
                if r.id == record_id:
                    return number * self.PAGE_SIZE + i
        return -1

    # -- Qt model interface ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        # The view asks for many roles per cell; answer the cheap ones before any lookup.
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self.columns[index.column()].align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.FontRole,
        ):
            if self._decorate is None:
                return None
        elif role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            self.RecordRole,
            self.IdRole,
        ):
            return None
        rec = self.record(index.row())
        if rec is None:
            return None
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = col.value(rec)
            return "" if value is None else str(value)
        if role == self.RecordRole:
            return rec
        if role == self.IdRole:
            return rec.id
        if self._decorate is not None:
            return self._decorate(rec, Qt.ItemDataRole(role))
        return None  # pragma: no cover

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section].title()
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sort:
            return
        self._query = dataclasses.replace(
            self._query,
            sort=self.columns[column].sort,
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        self.reload()

    def sort_column(self) -> int:
        for i, c in enumerate(self.columns):
            if c.sort and c.sort == self._query.sort:
                return i
        return -1
