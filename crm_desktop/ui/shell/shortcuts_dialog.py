"""Help → Keyboard shortcuts: every shortcut of the window's menus, read from the actions
themselves when the dialog opens (so the list follows the menus), plus the few that
belong to editors and the document preview, which are not menu actions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

_MNEMONIC = re.compile(r"&(?!&)")


@dataclass(frozen=True)
class ShortcutRow:
    section: str  # the menu (or "Editors and preview")
    action: str
    keys: str  # as the platform writes them, several joined by ", "


def plain(text: str) -> str:
    """A menu text without its mnemonic ampersand or trailing ellipsis."""
    return _MNEMONIC.sub("", text).replace("&&", "&").rstrip("…").rstrip(".").strip()


def key_text(sequences: list[QKeySequence]) -> str:
    fmt = QKeySequence.SequenceFormat.NativeText
    return ", ".join(s.toString(fmt) for s in sequences if not s.isEmpty())


def _menu_rows(menu: QMenu, section: str) -> list[ShortcutRow]:
    rows: list[ShortcutRow] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            rows.extend(_menu_rows(sub, section))
        elif not action.isSeparator() and action.shortcuts():
            rows.append(ShortcutRow(section, plain(action.text()), key_text(action.shortcuts())))
    return rows


def _context_rows() -> list[ShortcutRow]:
    """Shortcuts of windows that are not open now (QShortcut in the editors/preview)."""
    std = QKeySequence.StandardKey
    section = QCoreApplication.translate("ShortcutsDialog", "Editors and document preview")
    rows = [
        (
            QCoreApplication.translate("ShortcutsDialog", "Open the selected record"),
            QKeySequence("Return"),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Save the form or the meeting"),
            QKeySequence(std.Save),
        ),
        (QCoreApplication.translate("ShortcutsDialog", "Close a dialog"), QKeySequence("Esc")),
        (
            QCoreApplication.translate("ShortcutsDialog", "Print the document (preview)"),
            QKeySequence(std.Print),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Save the PDF (preview)"),
            QKeySequence(std.Save),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Zoom in (preview)"),
            QKeySequence(std.ZoomIn),
        ),
        (
            QCoreApplication.translate("ShortcutsDialog", "Zoom out (preview)"),
            QKeySequence(std.ZoomOut),
        ),
    ]
    return [ShortcutRow(section, text, key_text([keys])) for text, keys in rows]


def collect_shortcuts(window: QMainWindow) -> list[ShortcutRow]:
    rows: list[ShortcutRow] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            rows.extend(_menu_rows(menu, plain(top.text())))
    return rows + _context_rows()


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.rows = collect_shortcuts(window)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        sections: dict[str, QTreeWidgetItem] = {}
        for row in self.rows:
            head = sections.get(row.section)
            if head is None:
                head = QTreeWidgetItem(self.tree, [row.section])
                font = head.font(0)
                font.setBold(True)
                head.setFont(0, font)
                head.setFirstColumnSpanned(True)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                sections[row.section] = head
            QTreeWidgetItem(head, [row.action, row.keys])
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 600)
