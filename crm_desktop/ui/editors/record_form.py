"""A create/edit dialog built from a list of typed fields, with inline validation messages.

The dialog knows nothing about saving: on Save (Ctrl+S) it emits ``submitted`` with the
service's Input dataclass; whoever opened it saves (through an undo command) and either
calls ``accept()`` or ``show_errors(validation_error)``, which puts each translated
message under its field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.contacts import Channel
from crm_desktop.ui.common.labels import date_edit_format
from crm_desktop.ui.common.widgets_errors import field_error_text
from crm_desktop.ui.editors.name_suggestion import NATIVE as SUGGESTED_FROM
from crm_desktop.ui.editors.name_suggestion import TARGETS as SUGGESTED_TO
from crm_desktop.ui.editors.name_suggestion import NameSuggestion
from crm_desktop.ui.editors.record_picker import RecordPicker

Options = Callable[[Services], Sequence[tuple[object, str]]]
NO_DATE = QDate(1900, 1, 1)


class FieldWidget:
    """Wraps one input widget: reads and writes a Python value, and says if it is invalid."""

    widget: QWidget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def parse_error(self) -> FieldError | None:
        return None


@dataclass
class Field:
    """One field of a form: the Input attribute it fills, its label and its kind."""

    name: str
    label: Callable[[], str]
    kind: str = "text"  # text, multiline, int, decimal, date, choice, multi, check, channels
    options: Options | None = None
    optional: bool = True  # for choice: offers an empty entry
    placeholder: Callable[[], str] | None = None
    enum: type[StrEnum] | None = None
    search: str | None = None  # for choice: the record kind its items are (a RecordPicker)


@dataclass
class NamesRow:
    """Names in Chinese characters, pinyin/English and Russian, side by side."""

    fields: list[Field]
    label: Callable[[], str] = lambda: ""


@dataclass
class FormSpec:
    title: Callable[[], str]
    input_type: type
    rows: list[Field | NamesRow] = field(default_factory=list)
    # a person's names in 汉字, pinyin and Russian: offer the spellings of the Chinese name
    name_spellings: bool = False


class _Text(FieldWidget):
    def __init__(self, f: Field) -> None:
        self.widget = QLineEdit()
        if f.placeholder:
            self.widget.setPlaceholderText(f.placeholder())

    def value(self) -> str:
        return self.widget.text()

    def set_value(self, value: Any) -> None:
        if isinstance(value, list):
            value = ", ".join(value)
        self.widget.setText("" if value is None else str(value))


class _Multiline(FieldWidget):
    def __init__(self, f: Field) -> None:
        self.widget = QPlainTextEdit()
        self.widget.setTabChangesFocus(True)
        self.widget.setMinimumHeight(60)

    def value(self) -> str:
        return self.widget.toPlainText()

    def set_value(self, value: Any) -> None:
        self.widget.setPlainText("" if value is None else str(value))


class _Number(FieldWidget):
    def __init__(self, f: Field, integer: bool) -> None:
        self.widget = QLineEdit()
        self.widget.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.name = f.name
        self.integer = integer

    def _parse(self) -> int | Decimal | None:
        text = self.widget.text()
        for space in (" ", "\u00a0", "\u202f"):  # group separators, as the lists show them
            text = text.replace(space, "")
        text = text.replace(",", ".")
        if not text:
            return None
        if self.integer:
            return int(text)
        return Decimal(text)

    def value(self) -> int | Decimal | None:
        try:
            return self._parse()
        except (ValueError, InvalidOperation):
            return None

    def parse_error(self) -> FieldError | None:
        try:
            self._parse()
        except (ValueError, InvalidOperation):
            return FieldError(self.name, "invalid_number", value=self.widget.text())
        return None

    def set_value(self, value: Any) -> None:
        self.widget.setText("" if value is None else str(value))


class _Date(FieldWidget):
    def __init__(self, f: Field) -> None:
        self.widget = QDateEdit()
        self.widget.setCalendarPopup(True)
        self.widget.setDisplayFormat(date_edit_format())
        self.widget.setMinimumDate(NO_DATE)
        self.widget.setSpecialValueText("—")  # shown for the minimum: no date
        self.widget.setDate(NO_DATE)

    def value(self) -> date | None:
        d = self.widget.date()
        return None if d == NO_DATE else date(d.year(), d.month(), d.day())

    def set_value(self, value: Any) -> None:
        if isinstance(value, date):
            self.widget.setDate(QDate(value.year, value.month, value.day))
        else:
            self.widget.setDate(NO_DATE)


class _Choice(FieldWidget):
    def __init__(self, f: Field, services: Services) -> None:
        # records are picked by any spelling of their name, as in Ctrl+K
        self.widget = RecordPicker(services, f.search) if f.search else QComboBox()
        # Sized by a fixed length, not by measuring every item: 20,000 companies would
        # otherwise cost seconds each time the form is laid out.
        self.widget.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.widget.setMinimumContentsLength(24)
        self.enum = f.enum
        options = list(f.options(services)) if f.options else []
        if len(options) > 12 and not f.search:  # long lists: typing any part of a name
            self.widget.setEditable(True)
            self.widget.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = self.widget.completer()
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        if f.optional:
            self.widget.addItem("—", None)
        for value, label in options:
            self.widget.addItem(label, value)

    def value(self) -> Any:
        v = self.widget.currentData()
        if self.enum is not None and v is not None:
            return self.enum(v)
        return v

    def set_value(self, value: Any) -> None:
        i = self.widget.findData(value.value if isinstance(value, StrEnum) else value)
        self.widget.setCurrentIndex(max(i, 0))


class _Multi(FieldWidget):
    def __init__(self, f: Field, services: Services) -> None:
        self.widget = QListWidget()
        self.widget.setMaximumHeight(110)
        for value, label in f.options(services) if f.options else ():
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.widget.addItem(item)

    def value(self) -> list[Any]:
        return [
            self.widget.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.widget.count())
            if self.widget.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        for i in range(self.widget.count()):
            item = self.widget.item(i)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in chosen
                else Qt.CheckState.Unchecked
            )


class _Check(FieldWidget):
    def __init__(self, f: Field) -> None:
        self.widget = QCheckBox()

    def value(self) -> bool:
        return self.widget.isChecked()

    def set_value(self, value: Any) -> None:
        self.widget.setChecked(bool(value))


class _Channels(FieldWidget):
    """Emails or phones, one a line, optionally 'kind: value' (e.g. 'mobile: +86 139...')."""

    def __init__(self, f: Field) -> None:
        self.widget = QPlainTextEdit()
        self.widget.setTabChangesFocus(True)
        self.widget.setMaximumHeight(60)
        if f.placeholder:
            self.widget.setPlaceholderText(f.placeholder())

    def value(self) -> list[Channel]:
        out = []
        for line in self.widget.toPlainText().splitlines():
            line = line.strip()
            if not line:
                continue
            kind, sep, rest = line.partition(":")
            if sep and kind.strip().isalpha() and "@" not in kind and rest.strip():
                out.append(Channel(kind.strip().lower(), rest.strip()))
            else:
                out.append(Channel("work", line))
        return out

    def set_value(self, value: Any) -> None:
        self.widget.setPlainText("\n".join(f"{c.kind}: {c.value}" for c in value or []))


def make_field_widget(f: Field, services: Services) -> FieldWidget:
    if f.kind == "multiline":
        return _Multiline(f)
    if f.kind == "int":
        return _Number(f, integer=True)
    if f.kind == "decimal":
        return _Number(f, integer=False)
    if f.kind == "date":
        return _Date(f)
    if f.kind == "choice":
        return _Choice(f, services)
    if f.kind == "multi":
        return _Multi(f, services)
    if f.kind == "check":
        return _Check(f)
    if f.kind == "channels":
        return _Channels(f)
    return _Text(f)


class RecordForm(QDialog):
    """Create or edit one record; ``submitted`` carries the filled Input dataclass."""

    submitted = Signal(object)

    def __init__(
        self,
        spec: FormSpec,
        services: Services,
        initial: Any | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setWindowTitle(spec.title())
        self.widgets: dict[str, FieldWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {}
        # An edit: the record's version and input when opened (or reloaded), which the
        # save checks against (optimistic locking); None for a new record.
        self.loaded_version: int | None = None
        self.loaded_before: Any = None

        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for row in spec.rows:
            if isinstance(row, NamesRow):
                grid = QGridLayout()
                for col, f in enumerate(row.fields):
                    self._add(f, services)
                    head = QLabel(f.label())
                    head.setProperty("class", "hint")
                    grid.addWidget(head, 0, col)
                    grid.addWidget(self.widgets[f.name].widget, 1, col)
                    grid.addWidget(self.error_labels[f.name], 2, col)
                holder = QWidget()
                holder.setLayout(grid)
                grid.setContentsMargins(0, 0, 0, 0)
                form.addRow(row.label(), holder)
                if spec.name_spellings and all(
                    n in self.widgets for n in (*SUGGESTED_FROM, *SUGGESTED_TO)
                ):
                    # under the names, once all six fields exist
                    self.name_suggestion = NameSuggestion(
                        {n: self.widgets[n].widget for n in (*SUGGESTED_FROM, *SUGGESTED_TO)}
                    )
                    form.addRow("", self.name_suggestion)
            else:
                self._add(row, services)
                box = QWidget()
                v = QVBoxLayout(box)
                v.setContentsMargins(0, 0, 0, 0)
                v.setSpacing(1)
                v.addWidget(self.widgets[row.name].widget)
                v.addWidget(self.error_labels[row.name])
                form.addRow(row.label(), box)

        self.general_error = QLabel()
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        # A window shortcut rather than the button's own: that one never fired in a dialog.
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.submit)
        self.save_button.setToolTip(
            self.tr("Save (%1)").replace(
                "%1",
                QKeySequence(QKeySequence.StandardKey.Save).toString(
                    QKeySequence.SequenceFormat.NativeText
                ),
            )
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(860, 640)
        if initial is not None:
            self.set_input(initial)

    def _add(self, f: Field, services: Services) -> None:
        self.widgets[f.name] = make_field_widget(f, services)
        self.widgets[f.name].widget.setObjectName(f"field_{f.name}")
        err = QLabel()
        err.setObjectName(f"error_{f.name}")
        err.setStyleSheet("color: #b00020;")
        err.setWordWrap(True)
        err.hide()
        self.error_labels[f.name] = err
        self.labels[f.name] = f.label()

    # -- values -------------------------------------------------------------------------------
    def set_input(self, data: Any) -> None:
        self._base = data
        for name, w in self.widgets.items():
            if hasattr(data, name):
                w.set_value(getattr(data, name))

    def input(self) -> Any:
        """The Input dataclass: fields of the form over the values it was opened with."""
        base = getattr(self, "_base", None)
        values = {f.name: getattr(base, f.name) for f in fields(base)} if base else {}
        for name, w in self.widgets.items():
            values[name] = w.value()
        return self.spec.input_type(**values)

    def field_widget(self, name: str) -> QWidget:
        return self.widgets[name].widget

    # -- saving ------------------------------------------------------------------------------
    def submit(self) -> None:
        problems = {name: e for name, w in self.widgets.items() if (e := w.parse_error())}
        if problems:
            self.show_errors(ValidationError(problems))
            return
        self.clear_errors()
        self.submitted.emit(self.input())

    def clear_errors(self) -> None:
        for label in self.error_labels.values():
            label.clear()
            label.hide()
        self.general_error.hide()

    def show_errors(self, error: ValidationError) -> None:
        self.clear_errors()
        general = []
        first: QWidget | None = None
        for key, fe in error.errors.items():
            name = key.split(".", 1)[0]
            if name in self.error_labels:
                label = self.error_labels[name]
                text = field_error_text(fe, self.labels[name])
                label.setText((label.text() + "\n" if label.text() else "") + text)
                label.show()
                first = first or self.widgets[name].widget
            else:
                general.append(field_error_text(fe))
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        if first is not None:
            first.setFocus()

    def show_general_error(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.show()
