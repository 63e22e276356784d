"""Field history of a record, read from AuditEntry, and "restore this value".

A restore goes through the record's own service (``update`` with the record's input
dataclass), so it is validated like any edit and becomes one more history entry.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from crm_desktop.domain import kinds
from crm_desktop.domain.context import Context
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.models import AuditEntry, Member


@dataclass(frozen=True)
class HistoryItem:
    id: str
    at: datetime
    action: str  # create, update, delete, restore
    field: str
    old_value: Any
    new_value: Any
    member: str  # the member's name, "" when nobody was chosen on the device
    device: str
    restorable: bool  # "restore this value" applies (a plain field of an editable record)


def _input_class(entity_type: str) -> type | None:
    k = kinds.kind(entity_type)
    return k.input_type() if k is not None and k.editable else None


def _field_types(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except Exception:  # noqa: BLE001 - a hint that does not resolve: fall back to raw values
        return {f.name: Any for f in dataclasses.fields(cls)}


def _convert(value: Any, hint: Any) -> Any:
    """A JSON value from the history back to the input dataclass's field type."""
    if value is None:
        return None
    target = hint
    if typing.get_origin(hint) in (typing.Union, types.UnionType):  # X | None
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        target = args[0] if len(args) == 1 else hint
    try:
        if isinstance(target, type):
            if issubclass(target, enum.Enum):
                return target(value)
            if target is Decimal:
                return Decimal(str(value))
            if target is datetime:
                return datetime.fromisoformat(value) if isinstance(value, str) else value
            if target is date:
                return date.fromisoformat(value) if isinstance(value, str) else value
            if target in (int, float) and isinstance(value, str):
                return target(value)
    except (ValueError, InvalidOperation) as e:
        raise CrmError.from_code("restore_bad_value", value=repr(value), detail=str(e)) from None
    return value


class HistoryService:
    """Reads any record's field history and restores old values."""

    def __init__(self, ctx: Context, services: object) -> None:
        self.ctx = ctx
        self.services = services

    def entries(self, entity_type: str, entity_id: str) -> list[HistoryItem]:
        """Newest first."""
        cls = _input_class(entity_type)
        editable = {f.name for f in dataclasses.fields(cls)} if cls else set()
        stmt = (
            select(AuditEntry, Member.name)
            .outerjoin(Member, Member.id == AuditEntry.member_id)
            .where(AuditEntry.entity_type == entity_type, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.at.desc(), AuditEntry.hlc.desc())
        )
        with self.ctx.reading() as s:
            rows = list(s.execute(stmt))
        return [
            HistoryItem(
                e.id,
                e.at,
                e.action,
                e.field,
                e.old_value,
                e.new_value,
                name or "",
                e.origin or "",
                e.action == "update" and e.field in editable,
            )
            for e, name in rows
        ]

    def restore_value(self, entity_type: str, entity_id: str, field: str, value: Any) -> None:
        """Set one field back to ``value`` through the record's service (validated)."""
        cls = _input_class(entity_type)
        if cls is None or field not in {f.name for f in dataclasses.fields(cls)}:
            raise CrmError.from_code("restore_field", field=field, entity=entity_type)
        service = getattr(self.services, kinds.BY_NAME[entity_type].service)
        row = service.get(entity_id, include_deleted=False)
        data = cls.from_row(row)  # type: ignore[attr-defined]
        setattr(data, field, _convert(value, _field_types(cls).get(field, Any)))
        service.update(entity_id, data)
