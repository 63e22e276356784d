"""The meeting's text once more in the partner's language (title, place, agenda, agreements,
next steps), typed beside the Russian one; the partner's copy of the memo prints it.

A checkable group in the meeting editor: unchecked, nothing is shown or stored.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

# the languages a partner's copy is printed in besides Russian
PARTNER_LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class PartnerText:
    second_language: str = ""
    title_alt: str = ""
    agenda_alt: str = ""
    agreements_alt: str = ""
    next_steps_alt: str = ""
    place_alt: str = ""

    def to_json(self) -> dict[str, str]:
        return asdict(self)

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.title_alt,
                self.place_alt,
                self.agenda_alt,
                self.agreements_alt,
                self.next_steps_alt,
            )
        )


class PartnerTextBox(QGroupBox):
    changed = Signal()  # any input: the editor's draft autosave listens

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Text for the partner's cop&y"))
        self.setObjectName("partner_text")
        self.setCheckable(True)
        self.setChecked(False)
        self.setToolTip(
            self.tr(
                "The title, place, agenda, agreements and next steps in the "
                "partner's language, printed in the partner's copy of the memo"
            )
        )
        form = QFormLayout(self)
        self.language = QComboBox(self)
        self.language.setObjectName("partner_language")
        names = {"zh": self.tr("Chinese"), "en": self.tr("English")}
        for code in PARTNER_LANGUAGES:
            self.language.addItem(names[code], code)
        self.title_alt = QLineEdit(self)
        self.title_alt.setObjectName("title_alt")
        self.place_alt = QLineEdit(self)
        self.place_alt.setObjectName("place_alt")
        self.agenda_alt = self._text("agenda_alt", 60)
        self.agreements_alt = self._text("agreements_alt", 70)
        self.next_steps_alt = self._text("next_steps_alt", 60)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Title:"), self.title_alt)
        form.addRow(self.tr("Place:"), self.place_alt)
        form.addRow(self.tr("Agenda:"), self.agenda_alt)
        form.addRow(self.tr("Agreements:"), self.agreements_alt)
        form.addRow(self.tr("Next steps:"), self.next_steps_alt)
        self.toggled.connect(self._show_fields)
        self._show_fields(False)
        self.toggled.connect(self.changed)
        self.language.currentIndexChanged.connect(self.changed)
        self.title_alt.textChanged.connect(self.changed)
        self.place_alt.textChanged.connect(self.changed)
        for edit in (self.agenda_alt, self.agreements_alt, self.next_steps_alt):
            edit.textChanged.connect(self.changed)

    def _text(self, name: str, height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(height)
        edit.setMaximumHeight(height * 2)
        return edit

    def _show_fields(self, on: bool) -> None:
        for child in self.findChildren(QWidget):
            child.setVisible(on)

    def values(self) -> PartnerText:
        if not self.isChecked():
            return PartnerText()
        text = PartnerText(
            str(self.language.currentData() or "zh"),
            self.title_alt.text().strip(),
            self.agenda_alt.toPlainText().strip(),
            self.agreements_alt.toPlainText().strip(),
            self.next_steps_alt.toPlainText().strip(),
            self.place_alt.text().strip(),
        )
        return PartnerText() if text.empty else text

    def set_values(self, text: PartnerText) -> None:
        index = self.language.findData(text.second_language or "zh")
        self.language.setCurrentIndex(max(index, 0))
        self.title_alt.setText(text.title_alt)
        self.place_alt.setText(text.place_alt)
        self.agenda_alt.setPlainText(text.agenda_alt)
        self.agreements_alt.setPlainText(text.agreements_alt)
        self.next_steps_alt.setPlainText(text.next_steps_alt)
        self.setChecked(not text.empty)

    def clear(self) -> None:
        self.set_values(PartnerText())
