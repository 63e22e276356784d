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


class Stamps:
    """What one flush stamps on the rows it writes: one time, this device, this member,
    the clock's next stamps. Rows inserted in bulk without the unit of work (the import's
    new contacts) get theirs from the same object, in the same order."""

    def __init__(self, session: Session) -> None:
        ctx = session.info.get("ctx")
        self.device: str = getattr(ctx, "device_id", "") or ""
        self.member: str | None = getattr(ctx, "member_id", None)
        self.clock = getattr(ctx, "clock", None)
        self.now = utcnow()

    def stamp(self, obj: Any) -> None:
        """A written row's time and merge stamp."""
        obj.updated_at = self.now
        obj.hlc = (
            self.clock.now()
            if self.clock
            else f"{int(self.now.timestamp() * 1000):013d}-00000-{self.device}"
        )

    def created(self, obj: Any) -> None:
        """A new row's id (when it has none), creation time, origin, version and stamp."""
        if obj.id is None:
            from crm_desktop.domain.base import new_id

            obj.id = new_id()
        obj.created_at = obj.created_at or self.now
        obj.origin = obj.origin or self.device
        obj.version = obj.version or 1
        self.stamp(obj)

    def entry(
        self,
        entity_type: str,
        entity_id: str,
        action: str,
        field: str = "",
        old: Any = None,
        new: Any = None,
    ) -> dict[str, Any]:
        """A field-history entry's values, without its merge stamp (``entries_stamped``)."""
        return {
            "entity_type": entity_type,
            "entity_id": entity_id,
            "action": action,
            "field": field,
            "old_value": json_value(old),
            "new_value": json_value(new),
            "member_id": self.member,
            "at": self.now,
            "origin": self.device,
            "created_at": self.now,
            "updated_at": self.now,
        }

    def entries_stamped(self, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The entries with their merge stamps, taken after the rows' own (a flush
        stamps its rows first, then their history)."""
        for e in entries:
            e["hlc"] = self.clock.now() if self.clock else ""
        return entries


def _before_flush(session: Session, flush_context: object, instances: object) -> None:
    stamps = Stamps(session)
    audit: list[dict[str, Any]] = []

    def entry(
        obj: SyncedMixin, action: str, field: str = "", old: Any = None, new: Any = None
    ) -> None:
        audit.append(stamps.entry(obj.__tablename__, obj.id, action, field, old, new))  # type: ignore[attr-defined]

    for obj in list(session.new):
        if not isinstance(obj, SyncedMixin) or isinstance(obj, AuditEntry):
            continue
        stamps.created(obj)
        entry(obj, "create")

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
        stamps.stamp(obj)
        obj.version = (obj.version or 0) + 1
        if action != "update":
            entry(obj, action)
        for key, old, new in changes:
            entry(obj, "update", key, old, new)

    for values in stamps.entries_stamped(audit):
        session.add(AuditEntry(**values))


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
