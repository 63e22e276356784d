"""A save found the record changed by someone else since it was opened (ConflictError).

The dialog says who changed it, on which device and when, and offers:

- **Reload**: discard my changes and show theirs (``choice == RELOAD``);
- **Overwrite**: save mine over theirs, at the version the record has now (``OVERWRITE``);
- **Compare**: a side-by-side table of the fields that differ, mine against theirs
  (the dialog stays open, so Reload or Overwrite can follow).

Closing it (Esc, Cancel) changes nothing: the form stays open with my changes.

    ask_stale_save(parent, services, error, mine, theirs, on_choice, labels)
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import ConflictError, CrmError
from crm_desktop.domain.services import Services
from crm_desktop.ui.common.labels import (
    entity_name,
    enum_label,
    field_label,
    format_date,
    format_number,
    local_datetime,
)

RELOAD = "reload"
OVERWRITE = "overwrite"

# reference fields of the Input dataclasses -> the service that names their records
_REFERENCES = {
    "company_id": "companies",
    "owner_id": "members",
    "trip_id": "trips",
    "project_id": "projects",
    "meeting_id": "meetings",
    "stage_id": "stages",
    "tag_ids": "tags",
    "site_ids": "sites",
    "measure_ids": "measures",
    "member_ids": "members",
    "contact_ids": "contacts",
}


def _field_names() -> dict[str, str]:
    """Input fields that labels.field_label does not name, by the words the detail pane,
    the forms and the meeting editor already use for them (so already translated)."""
    return {
        "tag_ids": QCoreApplication.translate("details", "Tags"),
        "owner_id": QCoreApplication.translate("details", "Owner"),
        "status": QCoreApplication.translate("details", "Status"),
        "description": QCoreApplication.translate("details", "Description"),
        "notes": QCoreApplication.translate("details", "Notes"),
        "trip_id": QCoreApplication.translate("details", "Trip"),
        "project_id": QCoreApplication.translate("details", "Project"),
        "meeting_id": QCoreApplication.translate("details", "Meeting"),
        "place": QCoreApplication.translate("details", "Place"),
        "format": QCoreApplication.translate("details", "Format"),
        "language": QCoreApplication.translate("details", "Language"),
        "interpreter": QCoreApplication.translate("details", "Interpreter"),
        "agenda": QCoreApplication.translate("details", "Agenda"),
        "discussion": QCoreApplication.translate("details", "Discussion"),
        "agreements": QCoreApplication.translate("details", "Agreements"),
        "confidentiality": QCoreApplication.translate("details", "Confidentiality"),
        "decision_maker": QCoreApplication.translate("details", "Decision maker"),
        "product": QCoreApplication.translate("details", "Product"),
        "planned_output": QCoreApplication.translate("details", "Planned output"),
        "expected_decision": QCoreApplication.translate("details", "Expected decision"),
        "goals": QCoreApplication.translate("details", "Goals"),
        "cities": QCoreApplication.translate("details", "Cities"),
        "kind": QCoreApplication.translate("details", "Kind"),
        "provider": QCoreApplication.translate("details", "Provider"),
        "terms": QCoreApplication.translate("details", "Terms"),
        "municipality": QCoreApplication.translate("details", "Municipality"),
        "utilities": QCoreApplication.translate("details", "Utilities"),
        "measure_ids": QCoreApplication.translate("details", "Support measures"),
        "site_ids": QCoreApplication.translate("ReferenceView", "Sites"),
        "code_name": QCoreApplication.translate("forms", "Code name"),
        "due_date": QCoreApplication.translate("MeetingEditor", "Due date"),
        "member_ids": QCoreApplication.translate("TripAgenda", "Our side"),
        "contact_ids": QCoreApplication.translate("TripAgenda", "Their side"),
    }


def differences(mine: Any, theirs: Any) -> list[str]:
    """The fields of two Input dataclasses of one kind whose values differ, in order."""
    out = []
    for f in dataclasses.fields(mine):
        a, b = getattr(mine, f.name), getattr(theirs, f.name)
        if f.name.endswith("_ids") and isinstance(a, list) and isinstance(b, list):
            if sorted(a) != sorted(b):
                out.append(f.name)
        elif a != b:
            out.append(f.name)
    return out


class StaleSaveDialog(QDialog):
    def __init__(
        self,
        services: Services,
        error: ConflictError,
        mine: Any,
        theirs: Any,
        labels: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.choice: str | None = None
        self.setWindowTitle(self.tr("Changed by someone else"))
        self._labels = labels or {}
        self._names: dict[tuple[str, str], str] = {}

        what = entity_name(error.entity)
        when = local_datetime(error.at) if error.at else "?"
        device = error.device[:8] or "?"
        if error.member:
            text = (
                self.tr("%1 changed this %2 on %3 (device %4) while you were editing it.")
                .replace("%1", error.member)
                .replace("%2", what)
                .replace("%3", when)
                .replace("%4", device)
            )
        else:
            text = (
                self.tr("This %1 was changed on %2 (device %3) while you were editing it.")
                .replace("%1", what)
                .replace("%2", when)
                .replace("%3", device)
            )
        if error.deleted:
            text += " " + self.tr("It is in the Trash now.")
        self.message = QLabel(
            text
            + "\n"
            + self.tr(
                "Reload shows their version and discards your changes; Overwrite saves yours "
                "over theirs; Compare shows the fields that differ."
            )
        )
        self.message.setWordWrap(True)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("stale_compare")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Mine"), self.tr("Theirs")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.hide()
        self._fill(mine, theirs)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.overwrite_button = QPushButton(self.tr("Overwrite"))
        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_button.setCheckable(True)
        for b, role in (
            (self.reload_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.overwrite_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.compare_button, QDialogButtonBox.ButtonRole.ActionRole),
        ):
            b.setAutoDefault(False)
            buttons.addButton(b, role)
        self.reload_button.clicked.connect(lambda: self._choose(RELOAD))
        self.overwrite_button.clicked.connect(lambda: self._choose(OVERWRITE))
        self.compare_button.toggled.connect(self._compare)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 200)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def _compare(self, on: bool) -> None:
        self.table.setVisible(on)
        if on:
            self.resize(max(self.width(), 720), max(self.height(), 420))

    def _fill(self, mine: Any, theirs: Any) -> None:
        fields = differences(mine, theirs)
        names = _field_names()
        self.table.setRowCount(len(fields))
        for row, name in enumerate(fields):
            label = self._labels.get(name) or names.get(name) or field_label(name)
            cells = (
                label,
                self._text(name, getattr(mine, name)),
                self._text(name, getattr(theirs, name)),
            )
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()

    def compared_fields(self) -> list[tuple[str, str, str]]:
        """(field, mine, theirs) as the Compare table shows them."""
        return [
            tuple(self.table.item(r, c).text() for c in range(3))  # type: ignore[misc]
            for r in range(self.table.rowCount())
        ]

    # -- values as a reader sees them ----------------------------------------------------------
    def _text(self, field: str, value: Any) -> str:
        if value is None or value == "" or value == []:
            return "—"
        if field in _REFERENCES:
            ids = value if isinstance(value, list) else [value]
            return ", ".join(self._name(_REFERENCES[field], i) for i in ids)
        if isinstance(value, list):
            return "\n".join(self._text(field, v) for v in value)
        if isinstance(value, enum.Enum):
            return enum_label(value) if isinstance(value, enum.StrEnum) else str(value.value)
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, datetime):
            return local_datetime(value)
        if isinstance(value, date):
            return format_date(value)
        if isinstance(value, int | Decimal):
            return format_number(value)
        if dataclasses.is_dataclass(value):  # a phone or an email with its kind
            kind, text = getattr(value, "kind", ""), getattr(value, "value", "")
            return f"{kind}: {text}" if kind else str(text)
        return str(value)

    def _name(self, service: str, record_id: str) -> str:
        key = (service, record_id)
        if key not in self._names:
            try:
                row = getattr(self.services, service).get(record_id)
            except CrmError:
                self._names[key] = record_id[:8]
            else:
                self._names[key] = next(
                    (
                        str(getattr(row, a))
                        for a in ("display_name", "title", "name", "name_ru")
                        if getattr(row, a, "")
                    ),
                    record_id[:8],
                )
        return self._names[key]


def ask_stale_save(
    parent: QWidget | None,
    services: Services,
    error: ConflictError,
    mine: Any,
    theirs: Any,
    on_choice: Callable[[str | None], object],
    labels: dict[str, str] | None = None,
) -> StaleSaveDialog:
    """Open the dialog (window-modal) and call ``on_choice`` with RELOAD, OVERWRITE or
    None (cancelled) when it closes."""
    dialog = StaleSaveDialog(services, error, mine, theirs, labels, parent)
    dialog.setObjectName("stale_save_dialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(lambda _result: on_choice(dialog.choice))
    dialog.open()
    return dialog
