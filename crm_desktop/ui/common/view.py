"""The contract every main-window view follows, so navigation can host any of them.

A view is a QWidget built as ``View(services, settings, parent=None, *, undo_stack=None)``.
It shows data from the services, reloads it in ``refresh()`` (F5, after an undo, after
another view changed something) and asks the main window to show a record by emitting
``open_record(entity, id)`` with one of the ENTITY_* names below. Changes that the user
should be able to undo go through ``undo_stack`` as QUndoCommands that call services;
without a stack (tests, standalone use) the view calls the services directly.

Optional hooks, used by the main window's menu and shortcuts when a view supports them:
``create_record()`` (Ctrl+N), ``delete_selected()`` (Del), ``focus_filter()`` (Ctrl+F),
``show_record(entity, id)`` (select a record that was opened elsewhere). The defaults do
nothing and return False, meaning "not handled here".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from crm_desktop.config import Settings
from crm_desktop.domain import kinds
from crm_desktop.domain.services import Services

# The kinds' stored names (domain.kinds), as open_record and the views' links carry them.
ENTITY_COMPANY = kinds.COMPANY.name
ENTITY_CONTACT = kinds.CONTACT.name
ENTITY_PROJECT = kinds.PROJECT.name
ENTITY_MEETING = kinds.MEETING.name
ENTITY_TRIP = kinds.TRIP.name
ENTITY_TASK = kinds.TASK.name
ENTITY_SITE = kinds.SITE.name
ENTITY_MEASURE = kinds.SUPPORT_MEASURE.name
ENTITY_MEMBER = kinds.MEMBER.name


class View(QWidget):
    """Base class of the views hosted by the main window's navigation."""

    open_record = Signal(str, str)  # entity type (ENTITY_*), record id
    # Emitted after the view changed data, so other views can refresh.
    data_changed = Signal()

    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.undo_stack = undo_stack

    def refresh(self) -> None:
        """Reload everything shown from the services."""
        raise NotImplementedError

    def create_record(self) -> bool:
        return False

    def delete_selected(self) -> bool:
        return False

    def focus_filter(self) -> bool:
        return False

    def show_record(self, entity: str, record_id: str) -> bool:
        return False
