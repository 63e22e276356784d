"""A small inline form that creates a contact at a given company, names in three scripts.

Used by the meeting editor to add one of "their" participants without leaving the minutes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.contacts import ContactInput
from crm_desktop.ui.common.undo import CreateCommand, perform
from crm_desktop.ui.common.widgets_errors import crm_error_text, field_error_text

ERROR_STYLE = "color: #c0392b;"


class NewContactBox(QGroupBox):
    """A small inline form: a new contact at the meeting's company, names in three scripts."""

    created = Signal(str)  # contact id

    def __init__(
        self,
        services: Services,
        company_id: Callable[[], str | None],
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("New contact"))
        self.services = services
        self.company_id = company_id
        self.undo_stack = undo_stack
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 6)
        self.family_native = QLineEdit()
        self.given_native = QLineEdit()
        self.family_latin = QLineEdit()
        self.given_latin = QLineEdit()
        self.family_ru = QLineEdit()
        self.given_ru = QLineEdit()
        self.position = QLineEdit()
        self.family_native.setPlaceholderText(self.tr("Family name, e.g. 王"))
        self.given_native.setPlaceholderText(self.tr("Given name, e.g. 建国"))
        self.family_latin.setPlaceholderText(self.tr("Family name, e.g. Wang"))
        self.given_latin.setPlaceholderText(self.tr("Given name, e.g. Jianguo"))
        self.family_ru.setPlaceholderText(self.tr("Family name, e.g. Ван"))
        self.given_ru.setPlaceholderText(self.tr("Given name, e.g. Цзяньго"))
        self.position.setPlaceholderText(self.tr("e.g. General manager"))
        rows = (
            (self.tr("Native script:"), self.family_native, self.given_native),
            (self.tr("Pinyin / Latin:"), self.family_latin, self.given_latin),
            (self.tr("Russian:"), self.family_ru, self.given_ru),
        )
        for r, (label, family, given) in enumerate(rows):
            grid.addWidget(QLabel(label), r, 0)
            grid.addWidget(family, r, 1)
            grid.addWidget(given, r, 2)
        grid.addWidget(QLabel(self.tr("Position:")), 3, 0)
        grid.addWidget(self.position, 3, 1, 1, 2)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        grid.addWidget(self.error, 4, 0, 1, 3)
        buttons = QHBoxLayout()
        self.create_button = QPushButton(self.tr("Create contact"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)
        grid.addLayout(buttons, 5, 0, 1, 3)
        self.create_button.clicked.connect(self.create)
        self.cancel_button.clicked.connect(self.close_form)

    def fields(self) -> list[QLineEdit]:
        return [
            self.family_native,
            self.given_native,
            self.family_latin,
            self.given_latin,
            self.family_ru,
            self.given_ru,
            self.position,
        ]

    def open_form(self) -> None:
        for f in self.fields():
            f.clear()
        self.error.hide()
        self.show()
        self.family_native.setFocus()

    def close_form(self) -> None:
        self.hide()

    def create(self) -> str | None:
        company_id = self.company_id()
        data = ContactInput(
            company_id=company_id,
            family_name_native=self.family_native.text(),
            given_name_native=self.given_native.text(),
            family_name_latin=self.family_latin.text(),
            given_name_latin=self.given_latin.text(),
            family_name_ru=self.family_ru.text(),
            given_name_ru=self.given_ru.text(),
            position=self.position.text(),
        )
        name = " ".join(
            t
            for t in (
                data.family_name_native + data.given_name_native,
                data.given_name_latin,
                data.family_name_latin,
            )
            if t
        )
        command = CreateCommand(
            self.services.contacts, data, self.tr("Add contact “%1”").replace("%1", name)
        )
        try:
            contact = perform(self.undo_stack, command)
        except ValidationError as e:
            labels = {"family_name_native": self.tr("A name in at least one script")}
            self.error.setText(
                "\n".join(field_error_text(fe, labels.get(k, k)) for k, fe in e.errors.items())
            )
            self.error.show()
            return None
        except CrmError as e:
            self.error.setText(crm_error_text(e))
            self.error.show()
            return None
        self.hide()
        self.created.emit(contact.id)
        return str(contact.id)
