"""The kinds of record a user works with, in one place.

Each kind has one name, the one stored in the database (audit entries, attachments, sync
rows and the search index carry it: "support_measure", never "measure" or "measures"),
and says what the front ends may do with it. History, the trash, the CLI's ``list``, the
search index and the GUI's views all read this table instead of keeping their own.

The plural is the CLI's list name (``crm-desktop list measures``) and the settings key of
a list view's columns and filters; both are stored in users' scripts and settings, so they
stay as they were.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass

from crm_desktop.domain.base import SyncedMixin
from crm_desktop.domain.models import (
    Company,
    Contact,
    Meeting,
    Member,
    Project,
    Site,
    SupportMeasure,
    Task,
    Trip,
)


@dataclass(frozen=True)
class Kind:
    name: str  # stored name: "support_measure"
    plural: str  # CLI list name and list-view settings key: "measures"
    model: type[SyncedMixin]
    service: str  # attribute of domain.services.Services: "measures"
    input_module: str  # where the service's input dataclass lives ...
    input_class: str  # ... and its name: field history restores values through it
    trashable: bool = True  # deleted rows are tombstones the trash lists and restores
    searchable: bool = False  # in the full-text index and Ctrl+K

    @property
    def editable(self) -> bool:
        """Its fields' history can restore an old value (every kind with an input)."""
        return bool(self.input_class)

    def input_type(self) -> type:
        """The input dataclass, imported on first use (services import this module)."""
        cls: type = getattr(importlib.import_module(self.input_module), self.input_class)
        return cls


_SERVICES = "crm_desktop.domain.services."

# The order of the searchable kinds is stored: the search index numbers its documents by
# kind (search.documents.KIND_CODES), so new kinds go to the end.
COMPANY = Kind(
    "company",
    "companies",
    Company,
    "companies",
    _SERVICES + "companies",
    "CompanyInput",
    searchable=True,
)
CONTACT = Kind(
    "contact",
    "contacts",
    Contact,
    "contacts",
    _SERVICES + "contacts",
    "ContactInput",
    searchable=True,
)
PROJECT = Kind(
    "project",
    "projects",
    Project,
    "projects",
    _SERVICES + "projects",
    "ProjectInput",
    searchable=True,
)
MEETING = Kind(
    "meeting",
    "meetings",
    Meeting,
    "meetings",
    _SERVICES + "meetings",
    "MeetingInput",
    searchable=True,
)
SITE = Kind("site", "sites", Site, "sites", _SERVICES + "reference", "SiteInput", searchable=True)
MEMBER = Kind(
    "member", "members", Member, "members", _SERVICES + "members", "MemberInput", searchable=True
)
TASK = Kind("task", "tasks", Task, "tasks", _SERVICES + "tasks", "TaskInput")
TRIP = Kind("trip", "trips", Trip, "trips", _SERVICES + "trips", "TripInput")
SUPPORT_MEASURE = Kind(
    "support_measure",
    "measures",
    SupportMeasure,
    "measures",
    _SERVICES + "reference",
    "MeasureInput",
)

KINDS: tuple[Kind, ...] = (
    COMPANY,
    CONTACT,
    PROJECT,
    MEETING,
    SITE,
    MEMBER,
    TASK,
    TRIP,
    SUPPORT_MEASURE,
)
BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
BY_PLURAL: dict[str, Kind] = {k.plural: k for k in KINDS}


def kind(name: str) -> Kind | None:
    """The kind stored as ``name``; None for other tables (tags, stages, attachments)."""
    return BY_NAME.get(name)


def editable() -> Iterator[Kind]:
    return (k for k in KINDS if k.editable)


def trashable() -> Iterator[Kind]:
    return (k for k in KINDS if k.trashable)


def searchable() -> Iterator[Kind]:
    return (k for k in KINDS if k.searchable)
