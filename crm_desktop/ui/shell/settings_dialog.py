"""Settings: interface language, who I am (the current team member), the default document
language, auto-lock, the backup folder, the lock PIN, the country of imported phone numbers
written without a country code, the organisation name, currency rates, and the pipeline's
stage limits and probabilities."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.config import (
    DEFAULT_PHONE_REGION,
    DEFAULT_REGION_KEY,
    DOCUMENT_LANGUAGES,
    Settings,
)
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.pipeline_settings import PipelineSettingsService
from crm_desktop.ui.common.labels import country_choices
from crm_desktop.ui.common.screen_fit import FRAME_WIDTH, fitted_size
from crm_desktop.ui.common.widgets_errors import crm_error_text
from crm_desktop.ui.security.lock_pin import PinDialog, hash_pin
from crm_desktop.ui.security.security_setup import lock_minutes
from crm_desktop.ui.shell.currency_settings import CurrencyChoice, CurrencySettings
from crm_desktop.ui.shell.pipeline_settings import PipelineSettingsBox

MAX_LOCK_MINUTES = 480


@dataclass
class SettingsChoice:
    language: str  # "", "ru" or "en"
    current_member_id: str | None
    organisation_name: str
    document_language: str = "ru"  # one of DOCUMENT_LANGUAGES
    lock_after_minutes: int = 10  # 0: never
    backups_dir: str = ""  # "": the data directory's backups folder
    lock_pin_hash: str | None = None  # None: the PIN was not changed
    currency: CurrencyChoice | None = None  # the Currency section (board total, rates)
    default_region: str = DEFAULT_PHONE_REGION  # imports: numbers without +country

    def apply_to(self, settings: Settings) -> None:
        """This computer's part of the choice (the organisation name is the database's)."""
        settings.language = self.language
        settings.current_member_id = self.current_member_id
        settings.document_language = self.document_language
        settings.extra["lock_after_minutes"] = self.lock_after_minutes
        if self.backups_dir:
            settings.extra["backups_dir"] = self.backups_dir
        else:
            settings.extra.pop("backups_dir", None)
        if self.lock_pin_hash is not None:
            settings.lock_pin_hash = self.lock_pin_hash
        settings.extra[DEFAULT_REGION_KEY] = self.default_region


class SettingsDialog(QDialog):
    """Emits ``accepted_choice`` with what the user chose; the main window applies it."""

    accepted_choice = Signal(object)

    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        default_backups: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.services = services
        self.pin_hash: str | None = None
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
        self.document_language = QComboBox()
        self.document_language.setObjectName("document_language")
        names = {
            "ru": self.tr("Russian"),
            "en": self.tr("English"),
            "zh": self.tr("Chinese"),
            "ru+zh": self.tr("Russian and Chinese (the partner's copy)"),
        }
        for code in DOCUMENT_LANGUAGES:
            self.document_language.addItem(names[code], code)
        self.document_language.setCurrentIndex(
            max(0, self.document_language.findData(settings.document_language))
        )
        self.lock_after = QSpinBox()
        self.lock_after.setObjectName("lock_after_minutes")
        self.lock_after.setRange(0, MAX_LOCK_MINUTES)
        self.lock_after.setSpecialValueText(self.tr("never"))
        self.lock_after.setSuffix(self.tr(" min"))
        self.lock_after.setValue(int(lock_minutes(settings)))
        chosen = settings.extra.get("backups_dir")
        self.backups = QLineEdit(chosen if isinstance(chosen, str) else "")
        self.backups.setObjectName("backups_dir")
        if default_backups is not None:
            self.backups.setPlaceholderText(str(default_backups))
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("choose_backups_dir")
        browse.clicked.connect(self._choose_folder)
        backups_row = QHBoxLayout()
        backups_row.addWidget(self.backups, 1)
        backups_row.addWidget(browse)
        self.pin_button = QPushButton(
            self.tr("Change the PIN…") if settings.lock_pin_hash else self.tr("Set a PIN…")
        )
        self.pin_button.setObjectName("set_pin")
        self.pin_button.clicked.connect(self._set_pin)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.pin_button)
        pin_row.addStretch(1)
        self.default_region = QComboBox()
        self.default_region.setObjectName("default_region")
        for code, name in country_choices():
            self.default_region.addItem(name if name == code else f"{name} ({code})", code)
        self.default_region.setCurrentIndex(
            max(0, self.default_region.findData(settings.default_region))
        )
        self.default_region.setToolTip(
            self.tr(
                "Imported phone numbers written without a country code are read as numbers of "
                "the contact's or company's country, else of this one."
            )
        )
        self.organisation = QLineEdit(services.settings.organisation_name)
        self.organisation.setObjectName("organisation")
        form = QFormLayout()
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Who am I"), self.member)
        form.addRow(self.tr("Documents in"), self.document_language)
        form.addRow(self.tr("Lock after idle"), self.lock_after)
        form.addRow(self.tr("Lock PIN (unencrypted database)"), pin_row)
        form.addRow(self.tr("Backup folder"), backups_row)
        form.addRow(self.tr("Imported phones without +country"), self.default_region)
        form.addRow(self.tr("Organisation (printed on documents)"), self.organisation)
        memo_button = QPushButton(self.tr("Memo requisites…"))
        memo_button.setObjectName("memo_requisites")
        memo_button.clicked.connect(self._memo_requisites)
        form.addRow("", memo_button)
        note = QLabel(
            self.tr(
                "Everything but the organisation name is kept on this computer; the "
                "organisation name is shared by everyone using this database. An "
                "unencrypted database locks with the PIN (auto-lock starts once it is set)."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout()
        layout.addLayout(form)
        layout.addWidget(note)
        self.currency = CurrencySettings(settings)
        layout.addWidget(self.currency)
        # the team's pipeline (stage limits and probabilities) beside this computer's
        self.pipeline = PipelineSettingsBox(
            PipelineSettingsService(services.ctx), services.stages.list()
        )
        # Beside this computer's settings where the screen is wide enough, below them on
        # a travel laptop's narrow screen; the whole content scrolls when it is taller.
        side_by_side = 640 + self.pipeline.sizeHint().width()
        screen = self.screen().availableGeometry()
        columns = QHBoxLayout() if side_by_side + FRAME_WIDTH <= screen.width() else QVBoxLayout()
        columns.addLayout(layout, 3)
        columns.addWidget(self.pipeline, 2)
        content = QWidget()
        content.setLayout(columns)
        scroll = QScrollArea()
        scroll.setObjectName("settings_scroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(buttons)
        # Wrapped labels need the height for this width (a top-level window does not
        # ask its layout for it, and the text came out clipped).
        bar = scroll.verticalScrollBar().sizeHint().width()
        width = max(
            side_by_side if isinstance(columns, QHBoxLayout) else 640,
            content.sizeHint().width() + bar + 24,
        )
        height = columns.heightForWidth(width) if columns.hasHeightForWidth() else -1
        height = max(height, content.sizeHint().height()) + buttons.sizeHint().height() + 40
        self.resize(fitted_size(QSize(width, height), self))

    def _memo_requisites(self) -> None:
        from crm_desktop.ui.shell.memo_settings import MemoSettingsDialog

        dialog = MemoSettingsDialog(self.services, self)
        dialog.open()
        self._memo_dialog = dialog

    def _choose_folder(self) -> None:
        start = self.backups.text() or self.backups.placeholderText()
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), start)
        if folder:
            self.backups.setText(folder)

    def _set_pin(self) -> None:
        dialog = PinDialog(self)
        dialog.pin_chosen.connect(self._pin_chosen)
        dialog.open()
        self._pin_dialog = dialog

    def _pin_chosen(self, pin: str) -> None:
        self.pin_hash = hash_pin(pin)
        self.pin_button.setText(self.tr("Change the PIN…"))

    def choice(self) -> SettingsChoice:
        choice = SettingsChoice(
            self.language.currentData(),
            self.member.currentData(),
            self.organisation.text().strip(),
            self.document_language.currentData(),
            self.lock_after.value(),
            self.backups.text().strip(),
            self.pin_hash,
        )
        choice.currency = self.currency.choice()
        choice.default_region = self.default_region.currentData()
        return choice

    def _ok(self) -> None:
        folder = self.backups.text().strip()
        if folder and not Path(folder).expanduser().is_dir():
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr(
                    "The backup folder %1 does not exist. Choose an existing folder, or leave "
                    "the field empty for the default one."
                ).replace("%1", folder),
            )
            self.backups.setFocus()
            return
        problem = self.pipeline.first_problem()
        if problem:
            QMessageBox.warning(self, self.windowTitle(), problem)
            return
        try:
            self.pipeline.save()
        except CrmError as e:
            QMessageBox.warning(self, self.windowTitle(), crm_error_text(e))
            return
        self.accepted_choice.emit(self.choice())
        self.accept()
