"""Under a contact's names: "Use: Zeng Guoqiang / Цзэн Гоцян" once 曾国强 is typed.

The button fills the pinyin and Russian name fields that are empty (or still hold what it
filled in before); what the user typed there is never replaced.  A whole name typed into
the family-name field is split after its family name (曾 | 国强) when the given-name field
is empty.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from crm_desktop.text.names import NameSpellings, chinese_name_spellings

NATIVE = ("family_name_native", "given_name_native")
TARGETS = ("family_name_latin", "given_name_latin", "family_name_ru", "given_name_ru")


class NameSuggestion(QWidget):
    """Offers the pinyin and Palladius spellings of the Chinese name in ``fields``."""

    applied = Signal()

    def __init__(self, fields: dict[str, QLineEdit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = fields
        self.suggestion: NameSpellings | None = None
        self._filled: dict[str, str] = {}  # field -> the text this offer put there
        self.button = QPushButton()
        self.button.setObjectName("use_name_spellings")
        self.button.setToolTip(
            self.tr(
                "Fill the empty pinyin and Russian name fields with these spellings; "
                "what you typed there stays. You can edit them afterwards."
            )
        )
        self.button.clicked.connect(self.apply)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addStretch(1)
        for name in NATIVE:
            fields[name].textChanged.connect(self.update_offer)
        for name in TARGETS:
            fields[name].textChanged.connect(self.update_offer)
        self.update_offer()

    def _values(self) -> dict[str, str]:
        s = self.suggestion
        if s is None:
            return {}
        return {
            "family_name_native": s.family_native,
            "given_name_native": s.given_native,
            "family_name_latin": s.family_latin,
            "given_name_latin": s.given_latin,
            "family_name_ru": s.family_ru,
            "given_name_ru": s.given_ru,
        }

    def _free(self, name: str) -> bool:
        """The field is empty or still holds what this offer filled in."""
        text = self.fields[name].text()
        return not text.strip() or self._filled.get(name) == text

    def changes(self) -> dict[str, str]:
        """What pressing the button would write, field by field."""
        values = self._values()
        out = {
            name: values[name]
            for name in TARGETS
            if values.get(name) and self._free(name) and self.fields[name].text() != values[name]
        }
        family = self.fields["family_name_native"].text().strip()
        if (
            values
            and not self.fields["given_name_native"].text().strip()
            and values["given_name_native"]
            and family != values["family_name_native"]
        ):
            out["family_name_native"] = values["family_name_native"]
            out["given_name_native"] = values["given_name_native"]
        return out

    def update_offer(self) -> None:
        self.suggestion = chinese_name_spellings(
            self.fields["family_name_native"].text(), self.fields["given_name_native"].text()
        )
        if self.suggestion is None or not self.changes():
            self.hide()
            return
        self.button.setText(
            self.tr("Use: %1 / %2")
            .replace("%1", self.suggestion.latin)
            .replace("%2", self.suggestion.russian)
        )
        self.show()

    def apply(self) -> None:
        for name, value in self.changes().items():
            self.fields[name].setText(value)
            if name in TARGETS:
                self._filled[name] = value
        self.update_offer()
        self.applied.emit()
