"""The memo requisites the whole team shares (kept in the database): the ministry's name in
English and Chinese for partner's copies, the registration number format, who approves,
the place of compilation and the distribution list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.settings import (
    DEFAULT_MEMO_NUMBER_FORMAT,
    MEMO_APPROVER,
    MEMO_APPROVER_POSITION,
    MEMO_DISTRIBUTION,
    MEMO_NUMBER_FORMAT,
    MEMO_PLACE,
    ORGANISATION_NAME_EN,
    ORGANISATION_NAME_ZH,
)
from crm_desktop.ui.common.widgets_errors import crm_error_text


class MemoSettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Memo requisites"))
        get = services.settings.get
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label, placeholder in (
            (ORGANISATION_NAME_EN, self.tr("Ministry name (English)"), ""),
            (ORGANISATION_NAME_ZH, self.tr("Ministry name (Chinese)"), ""),
            (MEMO_NUMBER_FORMAT, self.tr("Registration number"), DEFAULT_MEMO_NUMBER_FORMAT),
            (MEMO_APPROVER, self.tr("Approved by (initials, surname)"), "И. О. Фамилия"),
            (MEMO_APPROVER_POSITION, self.tr("Approver's position"), ""),
            (MEMO_PLACE, self.tr("Place of compilation"), self.tr("the trip's first city")),
        ):
            edit = QLineEdit(get(key))
            edit.setObjectName(key)
            edit.setPlaceholderText(placeholder)
            form.addRow(label, edit)
            self.fields[key] = edit
        self.distribution = QPlainTextEdit(get(MEMO_DISTRIBUTION))
        self.distribution.setObjectName(MEMO_DISTRIBUTION)
        self.distribution.setTabChangesFocus(True)
        self.distribution.setMaximumHeight(90)
        form.addRow(self.tr("Distribution (one per line)"), self.distribution)
        note = QLabel(
            self.tr(
                "The number format takes {year} and {seq} (the count of memos "
                "approved that year), e.g. {year}-{seq:04d} gives 2026-0007. "
                "These settings are shared by everyone using this database."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def values(self) -> dict[str, str]:
        out = {key: edit.text().strip() for key, edit in self.fields.items()}
        out[MEMO_DISTRIBUTION] = "\n".join(
            line.strip() for line in self.distribution.toPlainText().splitlines() if line.strip()
        )
        return out

    def _ok(self) -> None:
        from crm_desktop.application.memos import number_from_format

        values = self.values()
        try:
            number_from_format(values[MEMO_NUMBER_FORMAT] or DEFAULT_MEMO_NUMBER_FORMAT, 2026, 1)
            self.services.settings.set_many(values)
        except CrmError as e:
            QMessageBox.warning(self, self.windowTitle(), crm_error_text(e))
            self.fields[MEMO_NUMBER_FORMAT].setFocus()
            return
        self.saved.emit()
        self.accept()
