"""The order of one side's participants in the meeting editor: automatic or set by hand.

A participant list of the editor holds every person one could tick, in the list's own
order (the "rank order" of the editor). Move up / Move down (buttons, Ctrl+Shift+Up and
Ctrl+Shift+Down on the list) move the current person and make the side's order one set by
hand: the ticked people, top to bottom, are the order the memo prints. "Sort by rank"
puts the list back in its own order and the memo back to rank order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QWidget

RankRole = Qt.ItemDataRole.UserRole + 7  # the row the list put the person in
_STEPS: dict[int, int] = {Qt.Key.Key_Up.value: -1, Qt.Key.Key_Down.value: 1}
_MOVE_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class ParticipantOrder(QObject):
    """Move up / Move down / Sort by rank over one QListWidget of checkable people."""

    changed = Signal()  # the order changed by the user's hand (a draft is due)

    def __init__(self, lst: QListWidget, id_role: int, name: str) -> None:
        super().__init__(lst)
        self.lst = lst
        self.id_role = id_role
        self.by_hand = False
        self.buttons = QWidget()
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.up = QPushButton(self.tr("Move up"))
        self.down = QPushButton(self.tr("Move down"))
        self.rank = QPushButton(self.tr("Sort by rank"))
        self.up.setToolTip(self.tr("Move the selected participant up (Ctrl+Shift+Up)"))
        self.down.setToolTip(self.tr("Move the selected participant down (Ctrl+Shift+Down)"))
        self.rank.setToolTip(
            self.tr("Go back to the automatic order: the head of delegation first, by rank")
        )
        for button, suffix in ((self.up, "up"), (self.down, "down"), (self.rank, "rank")):
            button.setObjectName(f"{name}_{suffix}")
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(1))
        self.rank.clicked.connect(self.sort_by_rank)
        lst.installEventFilter(self)  # Ctrl+Shift+Up / Down while the list has the focus
        lst.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.lst and event.type() in (
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
        ):
            assert isinstance(event, QKeyEvent)
            step = _STEPS.get(event.key())
            if step is not None and event.modifiers() == _MOVE_MODIFIERS:
                if event.type() == QEvent.Type.KeyPress:
                    self.move(step)
                event.accept()
                return True
        return super().eventFilter(watched, event)

    # -- state ----------------------------------------------------------------------------------
    def remember_rank(self) -> None:
        """The list was (re)filled in its own order: that is the rank order from now on."""
        for i in range(self.lst.count()):
            self.lst.item(i).setData(RankRole, i)
        self._update_buttons()

    def show_order(self, by_hand: bool, ids: list[str]) -> None:
        """Show a side as loaded or restored: by hand, ``ids`` first in that order."""
        self.by_hand = by_hand
        if by_hand:
            self._put_first(ids)
        else:
            self._sort(self._rank_of)
        self._update_buttons()

    # -- the user's moves ---------------------------------------------------------------------
    def move(self, step: int) -> None:
        row = self.lst.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.lst.count():
            return
        item = self.lst.takeItem(row)
        self.lst.insertItem(target, item)
        self.lst.setCurrentRow(target)
        self.by_hand = True
        self._update_buttons()
        self.changed.emit()

    def sort_by_rank(self) -> None:
        if not self.by_hand:
            return
        current = self.lst.currentItem()
        self.by_hand = False
        self._sort(self._rank_of)
        if current is not None:
            self.lst.setCurrentItem(current)
        self._update_buttons()
        self.changed.emit()

    # -- helpers --------------------------------------------------------------------------------
    def _rank_of(self, row: int) -> int:
        rank = self.lst.item(row).data(RankRole)
        return int(rank) if rank is not None else row

    def _put_first(self, ids: list[str]) -> None:
        wanted = {record_id: i for i, record_id in enumerate(ids)}

        def key(row: int) -> tuple[int, int]:
            record_id = self.lst.item(row).data(self.id_role)
            if record_id in wanted:
                return 0, wanted[record_id]
            return 1, self._rank_of(row)

        self._sort(key)

    def _sort(self, key: Callable[[int], Any]) -> None:
        rows = sorted(range(self.lst.count()), key=key)
        if rows == list(range(self.lst.count())):
            return
        current = self.lst.currentItem()
        items = [self.lst.item(r) for r in rows]
        blocked = self.lst.blockSignals(True)
        try:
            while self.lst.count():
                self.lst.takeItem(0)
            for item in items:
                self.lst.addItem(item)
        finally:
            self.lst.blockSignals(blocked)
        if current is not None:
            self.lst.setCurrentItem(current)

    def _update_buttons(self) -> None:
        row = self.lst.currentRow()
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < self.lst.count() - 1)
        self.rank.setEnabled(self.by_hand)
