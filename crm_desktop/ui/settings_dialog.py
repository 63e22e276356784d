"""Settings: interface language, who I am (the current team member), organisation name."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.config import Settings
from crm_desktop.domain.services import Services
from crm_desktop.ui.currency_settings import CurrencyChoice, CurrencySettings


@dataclass
class SettingsChoice:
    language: str  # "", "ru" or "en"
    current_member_id: str | None
    organisation_name: str
    currency: CurrencyChoice | None = None  # the Currency section (board total, rates)


class SettingsDialog(QDialog):
    """Emits ``accepted_choice`` with what the user chose; the main window applies it."""

    accepted_choice = Signal(object)

    def __init__(
        self, services: Services, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("As the system"), "")
        self.language.addItem("Русский", "ru")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.member = QComboBox()
        self.member.setObjectName("current_member")
        self.member.addItem("—", None)
        for m in services.members.list():
            self.member.addItem(f"{m.name} — {m.position}" if m.position else m.name, m.id)
        self.member.setCurrentIndex(max(0, self.member.findData(settings.current_member_id)))
        self.organisation = QLineEdit(services.settings.organisation_name)
        self.organisation.setObjectName("organisation")
        form = QFormLayout()
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Who am I"), self.member)
        form.addRow(self.tr("Organisation (printed on documents)"), self.organisation)
        note = QLabel(
            self.tr(
                "The language and who you are are kept on this computer; the "
                "organisation name is shared by everyone using this database."
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
        self.currency = CurrencySettings(settings)
        layout.addWidget(self.currency)
        layout.addWidget(buttons)
        self.resize(560, 220)

    def choice(self) -> SettingsChoice:
        choice = SettingsChoice(
            self.language.currentData(), self.member.currentData(), self.organisation.text().strip()
        )
        choice.currency = self.currency.choice()
        return choice

    def _ok(self) -> None:
        self.accepted_choice.emit(self.choice())
        self.accept()
