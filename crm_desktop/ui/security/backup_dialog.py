"""Backups in the GUI: list (checked), back up now, choose the folder, restore.

Restoring replaces the open database, so the dialog only asks for it
(``restore_requested``); the composition root closes the runtime, calls
``crm_desktop.application.backups.restore`` and reopens (see ui.security_setup). Listing,
checking and backing up go through the same Qt-free module as the CLI.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.application import backups as app_backups
from crm_desktop.application.backups import BackupInfo
from crm_desktop.application.errors import DamagedDatabaseError
from crm_desktop.application.security import DatabaseKey
from crm_desktop.domain.errors import CrmError


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


class BackupDialog(QDialog):
    restore_requested = Signal(str)  # the backup file to restore
    folder_changed = Signal(str)  # the settings should remember this folder

    def __init__(
        self, db_path: Path, folder: Path, key: DatabaseKey | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups"))
        self.resize(720, 420)
        self.db_path = db_path
        self.folder = folder
        self.key = key
        self.where = QLabel(self)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [
                self.tr("Made"),
                self.tr("Why"),
                self.tr("Size"),
                self.tr("Encrypted"),
                self.tr("Check"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemSelectionChanged.connect(self._selection)
        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.folder_button = QPushButton(self.tr("Choose folder…"), self)
        self.open_button = QPushButton(self.tr("Open folder"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.choose_folder)
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
        )
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, self.folder_button, self.open_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.infos: list[BackupInfo] = []
        self.refresh()

    def refresh(self) -> None:
        self.where.setText(self.tr("Folder: %1").replace("%1", str(self.folder)))
        self.tree.clear()
        checked = app_backups.list_checked(self.db_path, self.folder, self.key)
        self.infos = [row.info for row in checked]
        for info, problems in ((row.info, row.problems) for row in checked):
            item = QTreeWidgetItem(
                [
                    info.made_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                    info.reason,
                    _size(info.size),
                    self.tr("yes") if info.encrypted else self.tr("no"),
                    self.tr("ok") if not problems else problems[0],
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(4, "\n".join(problems) or str(info.path))
            self.tree.addTopLevelItem(item)
        for col in range(4):
            self.tree.resizeColumnToContents(col)
        self._selection()

    def _selection(self) -> None:
        self.restore_button.setEnabled(bool(self.tree.selectedItems()))

    def backup_now(self) -> Path | None:
        try:
            made = app_backups.back_up_now(self.db_path, self.folder, self.key)
        except CrmError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return None
        self.refresh()
        return made

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), str(self.folder))
        if chosen:
            self.folder = Path(chosen)
            self.folder_changed.emit(chosen)
            self.refresh()

    def restore_selected(self) -> None:
        items = self.tree.selectedItems()
        if not items:
            return
        path = items[0].data(0, Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "Replace the current database with the backup of %1? The current "
                "database is backed up first."
            ).replace("%1", items[0].text(0)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(path)


def offer_backup_for_damaged(
    error: DamagedDatabaseError,
    folder: Path,
    key: DatabaseKey | None,
    parent: QWidget | None = None,
    before_restore: Callable[[], object] | None = None,
) -> bool:
    """At start: the database is damaged. Offer the newest good backup; True if restored.

    The damaged file is moved aside (never overwritten or deleted). ``before_restore``
    runs once the user said yes, before the file is touched (the open runtime closes).
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QMessageBox.tr("The database is damaged"))
    if error.backup is None:
        box.setText(
            QMessageBox.tr("%1\n\nNo good backup was found in %2. The file was left as it is.")
            .replace("%1", str(error))
            .replace("%2", str(folder))
        )
        box.exec()
        return False
    when = error.backup.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
    box.setText(
        QMessageBox.tr(
            "%1 is damaged (%2).\n\nRestore the newest good backup, made %3? "
            "The damaged file is kept beside it."
        )
        .replace("%1", str(error.path))
        .replace("%2", error.detail)
        .replace("%3", when)
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return False
    if before_restore is not None:
        before_restore()
    try:
        app_backups.restore(error.backup.path, error.path, folder, key)
    except CrmError as e:
        QMessageBox.warning(parent, box.windowTitle(), str(e))
        return False
    return True
