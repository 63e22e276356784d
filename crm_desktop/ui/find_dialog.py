"""Ctrl+K: find any record by a piece of its name, in any script.

A simple search over the services' own text filters (every name column of every list);
it asks each service for a few matches and shows them grouped by type.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from crm_desktop.domain.services import Services
from crm_desktop.ui.labels import names_side_by_side
from crm_desktop.ui.view import (
    ENTITY_COMPANY,
    ENTITY_CONTACT,
    ENTITY_MEETING,
    ENTITY_MEMBER,
    ENTITY_PROJECT,
    ENTITY_SITE,
    ENTITY_TRIP,
)


@dataclass(frozen=True)
class Found:
    entity: str
    id: str
    text: str


PER_TYPE = 8


def find_records(services: Services, text: str) -> list[Found]:
    """The search index when it is there (any script, transliteration, keyboard layout),
    plus trips, which it does not index; the services' text filters otherwise."""
    text = text.strip()
    if not text:
        return []
    try:
        from crm_desktop.search.service import SearchService

        results = SearchService(services.ctx.session_factory).search(text, limit=PER_TYPE)
    except (ImportError, SQLAlchemyError):
        return simple_find(services, text)
    found = [
        Found(h.kind, h.id, h.title.text + (f" — {h.subtitle}" if h.subtitle else ""))
        for h in results.hits
    ]
    trips = services.trips
    found += [
        Found(ENTITY_TRIP, t.id, t.title)
        for t in trips.list(trips.query(text=text, limit=PER_TYPE))
    ]
    return found


def simple_find(services: Services, text: str) -> list[Found]:
    sources: list[tuple[str, object, Callable[[object], str]]] = [
        (
            ENTITY_COMPANY,
            services.companies,
            lambda c: names_side_by_side(c.name, c.name_native, c.name_ru),
        ),  # type: ignore
        (
            ENTITY_CONTACT,
            services.contacts,
            lambda c: c.display_name + (f" — {c.company.name}" if c.company else ""),
        ),  # type: ignore
        (ENTITY_PROJECT, services.projects, lambda p: p.title),  # type: ignore
        (ENTITY_MEETING, services.meetings, lambda m: f"{m.starts_at:%Y-%m-%d} {m.title}"),  # type: ignore
        (ENTITY_TRIP, services.trips, lambda t: t.title),  # type: ignore
        (ENTITY_SITE, services.sites, lambda s: s.name),  # type: ignore
    ]
    found: list[Found] = []
    for entity, service, describe in sources:
        q = service.query(text=text, limit=PER_TYPE)  # type: ignore[attr-defined]
        for row in service.list(q):  # type: ignore[attr-defined]
            found.append(Found(entity, row.id, describe(row)))
    return found


class FindAnythingDialog(QDialog):
    """Emits ``open_record(entity, id)`` for the chosen result and closes."""

    open_record = Signal(str, str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Find anything"))
        self.input = QLineEdit()
        self.input.setObjectName("find_text")
        self.input.setPlaceholderText(
            self.tr("Company, person, project, meeting… (汉字, pinyin or Russian)")
        )
        self.results = QListWidget()
        self.results.setObjectName("find_results")
        self.empty = QLabel()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.search)
        self.input.textChanged.connect(lambda _: self._timer.start())
        self.input.returnPressed.connect(self._open_current)
        self.results.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.input)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.empty)
        self.resize(620, 420)

    def type_label(self, entity: str) -> str:
        return {
            ENTITY_COMPANY: self.tr("Company"),
            ENTITY_CONTACT: self.tr("Contact"),
            ENTITY_PROJECT: self.tr("Project"),
            ENTITY_MEETING: self.tr("Meeting"),
            ENTITY_TRIP: self.tr("Trip"),
            ENTITY_SITE: self.tr("Site"),
            ENTITY_MEMBER: self.tr("Our team"),
        }.get(entity, entity)

    def search(self) -> None:
        self.results.clear()
        found = find_records(self.services, self.input.text())
        for f in found:
            item = QListWidgetItem(f"{self.type_label(f.entity)}: {f.text}")
            item.setData(Qt.ItemDataRole.UserRole, f)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        self.empty.setText(
            "" if found or not self.input.text().strip() else self.tr("Nothing found.")
        )

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        # Up and down move through the results while typing continues in the field.
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
            row = self.results.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.results.setCurrentRow(max(0, min(self.results.count() - 1, row)))
            return
        super().keyPressEvent(event)

    def _open_current(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.search()
        item = self.results.currentItem()
        if item is not None:
            self._open(item)

    def _open(self, item: QListWidgetItem) -> None:
        f: Found = item.data(Qt.ItemDataRole.UserRole)
        self.open_record.emit(f.entity, f.id)
        self.accept()
