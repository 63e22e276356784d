"""The File menu's exchange entries: Import contacts…, Export contacts…, Export meetings
to calendar….

Only Qt is imported here: the main window's menus are built before the database is
opened, and the dialogs (with the exchange layer under them) are imported when an entry
is chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

if TYPE_CHECKING:
    from crm_desktop.domain.services import Services


@dataclass(frozen=True)
class Entry:
    name: str  # the action's object name
    text: Callable[[], str]  # translated when the menu is built
    run: Callable[[Services, QWidget], object]


def _contact_list_state(window: QWidget) -> tuple[Any, list[str]]:
    """The contact list's query and selection, if the window shows the contact list."""
    nav = getattr(window, "nav", None)
    view = nav.current_view() if nav is not None else None
    spec = getattr(view, "spec", None)
    if spec is None or getattr(spec, "entity", "") != "contact":
        return None, []
    query = getattr(getattr(view, "model", None), "query", None)
    selected = view.selected_id() if hasattr(view, "selected_id") else None  # type: ignore[union-attr]
    return query, [selected] if selected else []


def _refresh(window: QWidget) -> None:
    nav = getattr(window, "nav", None)
    if nav is not None and hasattr(nav, "refresh_current"):
        nav.refresh_current()


def import_contacts(services: Services, window: QWidget) -> None:
    from crm_desktop.ui.exchange.exchange_dialogs import open_import_dialog

    dialog = open_import_dialog(services, window)
    dialog.imported.connect(lambda _report: _refresh(window))


def export_contacts(services: Services, window: QWidget) -> None:
    from crm_desktop.ui.exchange.exchange_dialogs import open_export_contacts_dialog

    query, selected = _contact_list_state(window)
    language = getattr(window, "language", "ru")
    open_export_contacts_dialog(services, window, query, selected, language)


def export_meetings(services: Services, window: QWidget) -> None:
    from crm_desktop.ui.exchange.exchange_dialogs import open_export_meetings_dialog

    open_export_meetings_dialog(services, window)


def entries() -> list[Entry]:
    """The entries in menu order; the first is the import (the first start offers it)."""
    return [
        Entry(
            "action_import_contacts",
            lambda: QCoreApplication.translate("ExchangeMenu", "&Import contacts…"),
            import_contacts,
        ),
        Entry(
            "action_export_contacts",
            lambda: QCoreApplication.translate("ExchangeMenu", "&Export contacts…"),
            export_contacts,
        ),
        Entry(
            "action_export_meetings",
            lambda: QCoreApplication.translate("ExchangeMenu", "Export &meetings to calendar…"),
            export_meetings,
        ),
    ]


def add_file_menu_actions(menu: QMenu, services: Services, window: QWidget) -> QAction:
    """Add the entries to ``menu`` over ``services``; returns the import action."""
    actions = []
    for entry in entries():
        action = QAction(entry.text(), window)
        action.setObjectName(entry.name)
        action.triggered.connect(lambda _=False, run=entry.run: run(services, window))
        menu.addAction(action)
        actions.append(action)
    return actions[0]
