"""Session hooks: stamp every written row and keep the field history (AuditEntry)."""

from __future__ import annotations

import enum
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import get_history

from crm_desktop.domain.base import SyncedMixin, utcnow
from crm_desktop.domain.models import AuditEntry

_SKIP = {"id", "created_at", "updated_at", "origin", "hlc", "version", "deleted_at"}


def json_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    if isinstance(value, SyncedMixin):
        return value.id
    return value


NOTED = "crm_desktop.noted_changes"


def note_change(session: Session, obj: SyncedMixin, field: str, old: Any, new: Any) -> None:
    """A change the row's mapped attributes do not show (the order of a link set, kept on
    the link rows): the next flush stamps the row and records it in the field history."""
    session.info.setdefault(NOTED, []).append((obj, field, old, new))


def _before_flush(session: Session, flush_context: object, instances: object) -> None:
    ctx = session.info.get("ctx")
    device = getattr(ctx, "device_id", "") or ""
    member = getattr(ctx, "member_id", None)
    clock = getattr(ctx, "clock", None)
    now = utcnow()
    audit: list[AuditEntry] = []

    def stamp(obj: SyncedMixin) -> None:
        obj.updated_at = now
        obj.hlc = clock.now() if clock else f"{int(now.timestamp() * 1000):013d}-00000-{device}"

    for obj in list(session.new):
        if not isinstance(obj, SyncedMixin) or isinstance(obj, AuditEntry):
            continue
        if obj.id is None:
            from crm_desktop.domain.base import new_id

            obj.id = new_id()
        obj.created_at = obj.created_at or now
        obj.origin = obj.origin or device
        obj.version = obj.version or 1
        stamp(obj)
        audit.append(_entry(obj, "create", "", None, None, member, device, now))

    noted: list[tuple[object, str, Any, Any]] = session.info.pop(NOTED, [])
    dirty = list(session.dirty)
    dirty += [o for o, *_ in noted if o not in session.dirty and o not in session.new]
    for obj in dirty:
        if not isinstance(obj, SyncedMixin) or isinstance(obj, AuditEntry):
            continue
        extra = [(key, old, new) for o, key, old, new in noted if o is obj]
        if not extra and not session.is_modified(obj, include_collections=True):
            continue
        state = inspect(obj)
        changes: list[tuple[str, Any, Any]] = list(extra)
        action = "update"
        for attr in state.mapper.column_attrs:
            hist = get_history(obj, attr.key)
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if attr.key == "deleted_at":
                action = "delete" if new is not None else "restore"
                continue
            if attr.key in _SKIP or json_value(old) == json_value(new):
                continue
            changes.append((attr.key, old, new))
        for rel in state.mapper.relationships:
            if rel.secondary is None or rel.viewonly:
                continue
            hist = get_history(obj, rel.key)
            if not hist.has_changes():
                continue
            before = [o.id for o in (hist.unchanged or ())] + [o.id for o in (hist.deleted or ())]
            after = [o.id for o in (hist.unchanged or ())] + [o.id for o in (hist.added or ())]
            if sorted(before) != sorted(after):
                changes.append((rel.key, sorted(before), sorted(after)))
        if not changes and action == "update":
            continue
        stamp(obj)
        obj.version = (obj.version or 0) + 1
        if action != "update":
            audit.append(_entry(obj, action, "", None, None, member, device, now))
        for key, old, new in changes:
            audit.append(_entry(obj, "update", key, old, new, member, device, now))

    for entry in audit:
        entry.origin = device
        entry.hlc = clock.now() if clock else ""
        entry.created_at = entry.updated_at = now
        session.add(entry)


def _entry(
    obj: SyncedMixin,
    action: str,
    field: str,
    old: Any,
    new: Any,
    member: str | None,
    device: str,
    now: datetime,
) -> AuditEntry:
    return AuditEntry(
        entity_type=obj.__tablename__,  # type: ignore[attr-defined]
        entity_id=obj.id,
        action=action,
        field=field,
        old_value=json_value(old),
        new_value=json_value(new),
        member_id=member,
        at=now,
        origin=device,
    )


_STAMP = re.compile(r"^\d{13}-\d{5}-.+$")


def latest_stamp(session: Session) -> str | None:
    """The highest HLC stamp among the newest field-history entries (by their indexed
    time): what a clock starting on this database observes first, so that a laptop
    whose wall clock went back never stamps a write below one it made before."""
    newest = select(func.max(AuditEntry.at)).scalar_subquery()
    stamp = session.scalar(select(func.max(AuditEntry.hlc)).where(AuditEntry.at == newest))
    return stamp if stamp and _STAMP.match(stamp) else None


def install(factory: sessionmaker[Session]) -> None:
    """Called by the composition root on the session factory it builds."""
    event.listen(factory, "before_flush", _before_flush)
