"""A combo box that picks a record by any spelling of its name, like Ctrl+K does.

Typing "kai", "Кай", "凯" or "rfq" (the wrong keyboard layout) into the company picker of
the meeting editor or of a form offers 凯源: the popup lists the records the search index
finds for the text (every script, transliteration, keyboard layout), best first, and Down
and Enter (or a click) choose one.  One widget for every picker; the records it offers
are its own items (``addItem(label, id)``), so it still works as a plain combo box, and
its drop-down arrow still lists them all.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget
from sqlalchemy.exc import SQLAlchemyError

from crm_desktop.domain.services import Services
from crm_desktop.search.service import SearchService
from crm_desktop.text.translit import fold

ID_ROLE = Qt.ItemDataRole.UserRole  # what QComboBox.addItem(text, data) stores
RANKED = 50  # records the search ranks for a typed text
OFFERED = 100  # records the popup lists at most


class RecordPicker(QComboBox):
    """An editable combo box of records of one kind (company, contact, project, ...)
    whose completion is the search index's, not the text of the items.

    ``picked(id)`` is emitted when a record is chosen from the popup."""

    picked = Signal(object)

    def __init__(self, services: Services, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._search = SearchService(services.ctx.session_factory)
        self._items: tuple[dict[object, int], list[str]] | None = None  # id -> row, labels
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Only the matches go into the popup's model: filtering the combo's own model
        # row by row would cost a third of a second a keystroke with 20,000 companies.
        self.offer = QStandardItemModel(self)
        completer = QCompleter(self.offer, self)
        # the offer already holds exactly what matches: the completer filters nothing
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        # after the combo's own handling, which picks the item by its text
        completer.activated[QModelIndex].connect(self._chosen)
        # runs before the line edit asks the completer for its popup (same signal, the
        # line edit's own handling comes after its emission)
        self.lineEdit().textEdited.connect(self._filter)
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self._forget_items)

    def _forget_items(self, *args: object) -> None:
        self._items = None

    def _item_index(self) -> tuple[dict[object, int], list[str]]:
        if self._items is None:
            rows: dict[object, int] = {}
            labels: list[str] = []
            for row in range(self.count()):
                rows.setdefault(self.itemData(row, ID_ROLE), row)
                labels.append(fold(self.itemText(row)))
            self._items = (rows, labels)
        return self._items

    def matching(self, text: str) -> list[object]:
        """Ids of this combo's records that ``text`` finds, best first: the search index
        (any spelling), then any item whose label holds the text as typed."""
        ranked: list[object] = []
        found: set[object] = set()
        try:
            # the best few in the search's order, then every other record it finds (a
            # picker of one company's people holds few of the thousands of Wangs)
            ranked = list(self._search.search(text, kinds=[self.kind], limit=RANKED).ids(self.kind))
            found = set(self._search.matching_ids(self.kind, text))
        except SQLAlchemyError:
            pass  # the labels below still find what is written as typed
        rows, labels = self._item_index()
        ids = [i for i in ranked if i in rows]
        seen = set(ids)
        ids += [i for i in found if i in rows and i not in seen]
        seen.update(ids)
        needle = fold(text)
        if needle:
            for row, label in enumerate(labels):
                if needle in label:
                    data = self.itemData(row, ID_ROLE)
                    if data is not None and data not in seen:
                        ids.append(data)
                        seen.add(data)
        return [i for i in ids if i is not None]

    def _filter(self, text: str) -> None:
        self.offer.clear()
        if not text.strip():
            return  # nothing typed: the drop-down arrow lists everything
        rows, _ = self._item_index()
        for record_id in self.matching(text)[:OFFERED]:
            item = QStandardItem(self.itemText(rows[record_id]))
            item.setData(record_id, ID_ROLE)
            item.setEditable(False)
            self.offer.appendRow(item)

    def _chosen(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id is None:
            return
        self.select_id(record_id)
        self.picked.emit(record_id)

    def offered(self) -> list[object]:
        """Ids the popup lists now, in its order."""
        return [self.offer.item(r).data(ID_ROLE) for r in range(self.offer.rowCount())]

    def select_id(self, record_id: object) -> None:
        i = self.findData(record_id, ID_ROLE) if record_id is not None else 0
        self.setCurrentIndex(max(i, 0))
