"""update and delete: scripted edits of one record, with optimistic locking.

``update KIND ID --set FIELD=VALUE [...] [--if-version N]`` changes fields through the
record's own service (validated like a form, one transaction) and prints the new
version; ``--if-version`` refuses, with one line naming who changed the record, when
the record is no longer at that version. ``delete KIND ID`` moves a record to the Trash.
KIND is one of `list`'s kinds; ID an id, the prefix `list` prints, or a name.
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import types
import typing
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from crm_desktop.commands import WRITE, CliEnv, out
from crm_desktop.commands.core import LISTS
from crm_desktop.commands.resolve import record_id
from crm_desktop.domain import kinds
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.models import (
    Company,
    Contact,
    Meeting,
    Member,
    Project,
    Site,
    Stage,
    SupportMeasure,
    Tag,
    Trip,
)
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.contacts import Channel
from crm_desktop.domain.services.history import _field_types

# `list`'s kinds, so that list, update and delete agree
KIND_NAMES = sorted(k.plural for k in LISTS if k.editable)


# The model a reference field points at, and the names a record is found by.
REFERENCES: dict[str, tuple[type, tuple[str, ...]]] = {
    "company_id": (Company, ("name", "name_native", "name_latin", "name_ru")),
    "contact_ids": (Contact, ("display_name", "name_native", "name_latin", "name_ru")),
    "owner_id": (Member, ("name", "name_latin")),
    "member_ids": (Member, ("name", "name_latin")),
    "trip_id": (Trip, ("title",)),
    "project_id": (Project, ("title", "code_name")),
    "meeting_id": (Meeting, ("title",)),
    "tag_ids": (Tag, ("name",)),
    "site_ids": (Site, ("name", "name_en", "name_zh")),
    "measure_ids": (SupportMeasure, ("name", "name_en")),
    "stage_id": (Stage, ("code", "name_ru", "name_en")),
}
# `list --json` names that differ from the service's field
ALIASES = {
    "our_participants": "member_ids",
    "their_participants": "contact_ids",
    "members": "member_ids",
    "tags": "tag_ids",
    "sites": "site_ids",
    "measures": "measure_ids",
}
# Fields the service does not change on update (a stage moves on the board or with a
# meeting, where the move is recorded with who, when and why).
NOT_EDITABLE = {"stage_id", "stage_entered_at"}
TRUE = {"true", "yes", "1", "y", "on", "да"}
FALSE = {"false", "no", "0", "n", "off", "нет"}


def _service(services: Services, kind: str) -> tuple[Any, str, type]:
    """The service of a `list` kind, its stored name and its input dataclass."""
    k = kinds.BY_PLURAL[kind]
    return getattr(services, k.service), k.name, k.input_type()


def _names(model: type, columns: tuple[str, ...]) -> list[Any]:
    return [getattr(model, c) for c in columns if hasattr(model, c)]


def _find(services: Services, kind: str, text: str) -> str:
    service, entity, _ = _service(services, kind)
    model = service.model
    return record_id(
        services,
        model,
        entity,
        text,
        _names(
            model,
            ("name", "title", "display_name", "name_native", "name_latin", "name_ru", "name_en"),
        ),
    )


def _field_name(kind: str, cls: type, given: str) -> str:
    fields = [f.name for f in dataclasses.fields(cls) if f.name not in NOT_EDITABLE]
    name = ALIASES.get(given, given)
    for candidate in (name, f"{name}_id", f"{name}_ids"):
        if candidate in fields:
            return candidate
    if name in NOT_EDITABLE or f"{name}_id" in NOT_EDITABLE:
        raise CrmError(
            f"The {given} of {kind} is not changed by update: move a project "
            "on the board or record the move with a meeting."
        )
    raise CrmError(f"{kind} have no field “{given}” (fields: {', '.join(fields)}).")


def _optional(hint: Any) -> tuple[Any, bool]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return (args[0] if len(args) == 1 else hint), True
    return hint, False


def parse_value(services: Services, field: str, hint: Any, text: str, data: Any) -> Any:
    """The text of ``--set field=text`` as the Input field's type; CrmError (one line)
    naming the field when it is not one."""
    target, optional = _optional(hint)
    text = text.strip()
    if field in REFERENCES:
        model, columns = REFERENCES[field]
        entity = model.__tablename__  # type: ignore[attr-defined]
        if typing.get_origin(target) is list:
            return [
                record_id(services, model, entity, t, _names(model, columns))
                for t in text.split(",")
                if t.strip()
            ]
        if not text:
            return None
        return record_id(services, model, entity, text, _names(model, columns))
    if typing.get_origin(target) is list:
        items = [t.strip() for t in text.split(",") if t.strip()]
        if typing.get_args(target) == (Channel,):
            return [_channel(t) for t in items]
        return items
    if not text and optional:
        return None
    try:
        if target is bool:
            if text.lower() in TRUE:
                return True
            if text.lower() in FALSE:
                return False
            raise ValueError(text)
        if isinstance(target, type) and issubclass(target, enum.Enum):
            choices = [str(m.value) for m in target]
            if text.lower() not in choices:
                raise CrmError(f"{field}: “{text}” is not one of {', '.join(choices)}.")
            return target(text.lower())
        if target is int:
            return int(text.replace(" ", ""))
        if target is Decimal:
            return Decimal(text.replace(" ", "").replace(",", "."))
        if target is date:
            return date.fromisoformat(text)
        if target is datetime:
            value = datetime.fromisoformat(text)
            if value.tzinfo is None:  # a meeting's start is read in its venue's time zone
                zone = getattr(data, "timezone", "") or "UTC"
                value = value.replace(tzinfo=ZoneInfo(zone))
            return value.astimezone(UTC)
    except (ValueError, InvalidOperation, KeyError):
        raise CrmError(f"{field}: “{text}” is not {_kind_of(target)}.") from None
    return text


def _kind_of(target: Any) -> str:
    return {
        bool: "yes or no",
        int: "a whole number",
        Decimal: "a number",
        date: "a date (YYYY-MM-DD)",
        datetime: "a date and time (YYYY-MM-DD HH:MM)",
    }.get(target, "valid")


def _channel(text: str) -> Channel:
    """``mobile: +86 139...`` or a bare value (work)."""
    kind, sep, rest = text.partition(":")
    if sep and kind.strip().isalpha() and "@" not in kind and rest.strip():
        return Channel(kind.strip().lower(), rest.strip())
    return Channel("work", text)


def update_record(
    services: Services, kind: str, id_text: str, assignments: list[str], if_version: int | None
) -> int:
    """Apply ``FIELD=VALUE`` assignments to one record in one transaction; its new version."""
    service, _entity, cls = _service(services, kind)
    if not assignments:
        raise CrmError("Nothing to change: give at least one --set FIELD=VALUE.")
    rid = _find(services, kind, id_text)
    row = service.get(rid, include_deleted=False)
    data = cls.from_row(row)  # type: ignore[attr-defined]
    hints = _field_types(cls)
    for assignment in assignments:
        given, sep, text = assignment.partition("=")
        if not sep or not given.strip():
            raise CrmError(f"“{assignment}” is not FIELD=VALUE.")
        name = _field_name(kind, cls, given.strip())
        setattr(data, name, parse_value(services, name, hints.get(name, str), text, data))
    expected = row.version if if_version is None else if_version
    saved = service.update(rid, data, expected_version=expected)
    return int(saved.version)


def cmd_update(args: argparse.Namespace, env: CliEnv) -> int:
    env.hold(WRITE)
    services = env.runtime().services
    out(str(update_record(services, args.kind, args.id, args.assignments, args.if_version)))
    return 0


def cmd_delete(args: argparse.Namespace, env: CliEnv) -> int:
    env.hold(WRITE)
    services = env.runtime().services
    service, _entity, _cls = _service(services, args.kind)
    rid = _find(services, args.kind, args.id)
    service.delete(rid, expected_version=args.if_version)
    out(f"Moved to the Trash: {rid[:8]} (restore it from the Trash in the main window)")
    return 0
