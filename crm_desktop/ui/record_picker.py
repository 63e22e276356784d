"""A combo box that picks a record by any spelling of its name, like Ctrl+K does.

Typing "kai", "Кай", "凯" or "rfq" (the wrong keyboard layout) into the company picker of
the meeting editor or of a form offers 凯源: the popup lists the records the search index
finds for the text (every script, transliteration, keyboard layout), best first, and Down
and Enter (or a click) choose one.  One widget for every picker; the records it offers
are its own items (``addItem(label, id)``), so it still works as a plain combo box.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget
from sqlalchemy.exc import SQLAlchemyError

from crm_desktop.domain.services import Services
from crm_desktop.search.keys import fold
from crm_desktop.search.service import SearchService

ID_ROLE = Qt.ItemDataRole.UserRole  # what QComboBox.addItem(text, data) stores
SHOWN = 50  # records offered for a typed text


class _Ranked(QSortFilterProxyModel):
    """The combo's items that the search found, in the search's order (all when None)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._rank: dict[object, int] | None = None

    def set_ranked(self, ids: list[object] | None) -> None:
        self.beginResetModel()
        self._rank = None if ids is None else {i: n for n, i in enumerate(ids)}
        self.endResetModel()
        self.sort(0 if ids is not None else -1)

    def filterAcceptsRow(  # noqa: N802
        self, row: int, parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._rank is None:
            return True
        data = self.sourceModel().index(row, 0, parent).data(ID_ROLE)
        return data is not None and data in self._rank

    def lessThan(  # noqa: N802
        self,
        left: QModelIndex | QPersistentModelIndex,
        right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if self._rank is None:
            return left.row() < right.row()
        return self._rank.get(left.data(ID_ROLE), 0) < self._rank.get(right.data(ID_ROLE), 0)


class RecordPicker(QComboBox):
    """An editable combo box of records of one kind (company, contact, project, ...)
    whose completion is the search index's, not the text of the items."""

    def __init__(self, services: Services, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._search = SearchService(services.ctx.session_factory)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.proxy = _Ranked(self)
        self.proxy.setSourceModel(self.model())
        completer = QCompleter(self.proxy, self)
        # the proxy already holds exactly what matches: the completer filters nothing
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        # runs before the line edit asks the completer for its popup (same signal, the
        # line edit's own handling comes after its emission)
        self.lineEdit().textEdited.connect(self._filter)

    def matching(self, text: str) -> list[object]:
        """Ids of this combo's records that ``text`` finds, best first: the search index
        (any spelling), then any item whose label holds the text as typed."""
        ranked: list[object] = []
        found: set[object] = set()
        try:
            # the best few in the search's order, then every other record it finds (a
            # picker of one company's people holds few of the thousands of Wangs)
            ranked = list(
                self._search.search(text, kinds=[self.kind], limit=SHOWN).ids(self.kind)
            )
            found = set(self._search.matching_ids(self.kind, text))
        except SQLAlchemyError:
            pass  # the labels below still find what is written as typed
        needle = fold(text)
        mine = {self.itemData(row, ID_ROLE): row for row in range(self.count())}
        ids = [i for i in ranked if i in mine]
        seen = set(ids)
        for data, row in mine.items():
            if data is None or data in seen:
                continue
            if data in found or needle in fold(self.itemText(row)):
                ids.append(data)
                seen.add(data)
        return ids

    def _filter(self, text: str) -> None:
        self.proxy.set_ranked(self.matching(text) if text.strip() else None)

    def select_id(self, record_id: object) -> None:
        i = self.findData(record_id, ID_ROLE) if record_id is not None else 0
        self.setCurrentIndex(max(i, 0))
