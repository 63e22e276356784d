"""Files attached to the record shown in a detail pane: add, save a copy, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.services import Services
from crm_desktop.files import write_bytes_atomic
from crm_desktop.ui.security import unencrypted_copy

ATTACHABLE = {"company", "contact", "project", "meeting", "trip", "site"}


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


class AttachmentsPanel(QWidget):
    """Lists a record's attachments; the bytes stay in the (possibly encrypted) database."""

    changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.entity_type = ""
        self.record_id: str | None = None
        self.title = QLabel(self.tr("Attachments"))
        self.title.setStyleSheet("font-weight: bold")
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.list.itemDoubleClicked.connect(lambda _item: self.save_selected())
        self.add_button = QPushButton(self.tr("Attach file…"))
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self.add_files)
        self.save_button.clicked.connect(self.save_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        # One row: the title and the buttons; the list below it only when there are files,
        # so a record without attachments spends one line on them.
        header = QHBoxLayout()
        header.addWidget(self.title)
        for b in (self.add_button, self.save_button, self.remove_button):
            header.addWidget(b)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.list)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.set_record("", None)

    def set_record(self, entity_type: str, record_id: str | None) -> None:
        self.entity_type = entity_type
        self.record_id = record_id if entity_type in ATTACHABLE else None
        self.setVisible(self.record_id is not None)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        if self.record_id is not None:
            for a in self.services.attachments.for_record(self.entity_type, self.record_id):
                item = QListWidgetItem(f"{a.filename}  ({_size(a.size)})")
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                item.setToolTip(a.note or a.filename)
                self.list.addItem(item)
        count = self.list.count()
        self.title.setText(
            self.tr("Attachments: %1").replace("%1", str(count))
            if count
            else self.tr("Attachments: none")
        )
        self.list.setVisible(count > 0)
        self.save_button.setVisible(count > 0)
        self.remove_button.setVisible(count > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.list.currentItem() is not None
        self.save_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)

    def _selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def add_files(self, paths: list[str] | None = None) -> None:
        if self.record_id is None:
            return
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        for name in paths or []:
            try:
                data = Path(name).read_bytes()
                self.services.attachments.add(self.entity_type, self.record_id, name, data)
            except OSError as e:
                self._error(
                    self.tr("Cannot read %1: %2")
                    .replace("%1", name)
                    .replace("%2", e.strerror or str(e))
                )
            except CrmError as e:
                self._error(str(e))
        self.refresh()
        self.changed.emit()

    def save_selected(self, target: str | None = None) -> None:
        attachment_id = self._selected_id()
        if attachment_id is None:
            return
        attachment = self.services.attachments.get(attachment_id)
        if not target:
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save a copy"), attachment.filename
            )
        if not target:
            return
        try:
            write_bytes_atomic(
                target,
                self.services.attachments.content(attachment_id),
                private=unencrypted_copy.private(self.services),
            )
        except CrmError as e:
            if e.code == "cannot_write":
                self._error(
                    self.tr("Cannot write %1: %2")
                    .replace("%1", target)
                    .replace("%2", str(e.params.get("reason", "")))
                )
            else:
                self._error(str(e))
            return
        unencrypted_copy.tell_once(self, self.services, target)

    def remove_selected(self) -> None:
        attachment_id = self._selected_id()
        if attachment_id is None:
            return
        self.services.attachments.delete(attachment_id)
        self.refresh()
        self.changed.emit()

    def _error(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Attachments"), text)
