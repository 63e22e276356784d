"""What every aggregate service shares: get, list, count, soft delete, restore, history."""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from crm_desktop.domain.base import SyncedMixin, utcnow
from crm_desktop.domain.context import Context
from crm_desktop.domain.errors import ConflictError, CrmError, NotFoundError
from crm_desktop.domain.models import AuditEntry, Member

M = TypeVar("M", bound=SyncedMixin)


@dataclass
class ListQuery:
    """Filters shared by every list; services subclass it with fields of their own."""

    text: str = ""  # quick filter
    sort: str = ""  # a key of the service's SORTS
    descending: bool = False
    offset: int = 0
    limit: int | None = None
    deleted: bool = False  # True lists the Trash


class Service(Generic[M]):
    model: ClassVar[type[Any]]  # the aggregate's mapped class (a SyncedMixin)
    entity: ClassVar[str]
    # sort key -> column expression; the first is the default
    SORTS: ClassVar[dict[str, Any]] = {}
    TEXT_COLUMNS: ClassVar[tuple[Any, ...]] = ()

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # -- reading -------------------------------------------------------------------------
    def get(self, id: str, *, include_deleted: bool = True) -> M:
        with self.ctx.reading() as s:
            row = self._load(s, id, include_deleted=include_deleted)
            self._prepare_detached(row)
            s.expunge_all()
            return row

    def _load(self, s: Session, id: str, *, include_deleted: bool = False) -> M:
        row = s.get(self.model, id)
        if row is None or (row.deleted_at is not None and not include_deleted):
            raise NotFoundError(self.entity, id)
        return row  # type: ignore[no-any-return]

    def _prepare_detached(self, row: M) -> None:
        """Touch what callers read after the session closes (lazy relationships)."""

    def _filtered(self, q: ListQuery) -> Select[Any]:
        stmt = select(self.model)
        if q.deleted:
            stmt = stmt.where(self.model.deleted_at.is_not(None))
        else:
            stmt = stmt.where(self.model.deleted_at.is_(None))
        text = q.text.strip()
        if text and self.TEXT_COLUMNS:
            stmt = stmt.where(self._text_clause(text))
        return self._apply_filters(stmt, q)

    def _text_clause(self, text: str) -> Any:
        like = f"%{_escape_like(text)}%"
        clause = or_(*[col.ilike(like, escape="\\") for col in self.TEXT_COLUMNS])
        # the search keys, when the composition root provides them: 凯泉 found as Кайцюань
        by_keys = self.ctx.text_index
        extra = by_keys(self.entity, self.model.id, text) if by_keys is not None else None
        return clause if extra is None else or_(clause, extra)

    def _apply_filters(self, stmt: Select[Any], q: ListQuery) -> Select[Any]:
        return stmt

    def list(self, q: ListQuery | None = None) -> list[M]:
        q = q or self.query()
        stmt = self._filtered(q)
        stmt = stmt.order_by(*self._order(q))
        if q.offset:
            stmt = stmt.offset(q.offset)
        if q.limit is not None:
            stmt = stmt.limit(q.limit)
        with self.ctx.reading() as s:
            rows = list(s.scalars(stmt).unique())
            for row in rows:
                self._prepare_detached(row)
            s.expunge_all()
            return rows

    def count(self, q: ListQuery | None = None) -> int:
        q = q or self.query()
        stmt = self._filtered(q).with_only_columns(func.count()).order_by(None)
        with self.ctx.reading() as s:
            return int(s.scalar(stmt) or 0)

    def _order(self, q: ListQuery) -> builtins.list[Any]:
        key = q.sort if q.sort in self.SORTS else next(iter(self.SORTS), "")
        cols = []
        if key:
            col = self.SORTS[key]
            cols.append(col.desc() if q.descending else col.asc())
        # stable order for paging; follows the direction so a reversed query is the exact
        # mirror image (the lazy list reads pages near the end backwards)
        cols.append(self.model.id.desc() if q.descending else self.model.id.asc())
        return cols

    def query(self, **kwargs: Any) -> ListQuery:
        return ListQuery(**kwargs)

    # -- writing -------------------------------------------------------------------------
    def create(self, data: Any) -> M:
        data = self._clean(data)
        with self.ctx.unit_of_work() as s:
            row = self.model()
            self._write(s, row, data)
            s.add(row)
            s.flush()
            self._after_create(s, row, data)
            id = row.id
        return self.get(id)

    def update(self, id: str, data: Any, *, expected_version: int | None = None) -> M:
        """Save ``data`` over the record. ``expected_version``: the version the caller
        loaded; a record changed since raises ConflictError (who, where, when) and
        nothing is written. Without it the save still fails if another session changes
        the row between this load and the write."""
        data = self._clean(data)
        with self._writing(id, expected_version) as (s, row):
            self._write(s, row, data)
        return self.get(id)

    def _clean(self, data: Any) -> Any:
        """Validate and normalise form data; raise ValidationError with every problem."""
        return data

    def _write(self, s: Session, row: M, data: Any) -> None:
        self._assign(row, data)

    def _after_create(self, s: Session, row: M, data: Any) -> None:
        pass

    def delete(self, id: str, *, expected_version: int | None = None) -> None:
        """Move to the Trash (tombstone); related rows that depend on it go with it."""
        with self._writing(id, expected_version) as (s, row):
            when = utcnow()
            row.deleted_at = when
            self._cascade_delete(s, row, when)

    def restore(self, id: str) -> None:
        with self.ctx.unit_of_work() as s:
            row = self._load(s, id, include_deleted=True)
            if row.deleted_at is None:
                return
            when = row.deleted_at
            row.deleted_at = None
            self._cascade_restore(s, row, when)

    def _cascade_delete(self, s: Session, row: M, when: Any) -> None:
        """Tombstone dependants with the same timestamp so restore can bring them back."""

    def _cascade_restore(self, s: Session, row: M, when: Any) -> None:
        pass

    def history(self, id: str) -> builtins.list[AuditEntry]:
        """The record's field history, newest first."""
        stmt = (
            select(AuditEntry)
            .where(AuditEntry.entity_type == self.entity, AuditEntry.entity_id == id)
            .order_by(AuditEntry.at.desc(), AuditEntry.hlc.desc())
        )
        with self.ctx.reading() as s:
            rows = list(s.scalars(stmt))
            s.expunge_all()
            return rows

    # -- optimistic locking ----------------------------------------------------------------
    @contextmanager
    def _writing(
        self, id: str, expected_version: int | None, *, include_deleted: bool = False
    ) -> Iterator[tuple[Session, M]]:
        """One unit of work over the record, loaded for writing (see _load_for_write); a
        row changed by another session before the commit raises ConflictError too."""
        loaded = expected_version
        try:
            with self.ctx.unit_of_work() as s:
                row = self._load_for_write(s, id, expected_version, include_deleted=include_deleted)
                loaded = row.version
                yield s, row
        except StaleDataError:
            with self.ctx.reading() as s:
                current = s.get(self.model, id)
                if current is None:
                    raise NotFoundError(self.entity, id) from None
                raise stale_error(s, current, loaded or 0) from None

    def _load_for_write(
        self, s: Session, id: str, expected_version: int | None, *, include_deleted: bool = False
    ) -> M:
        """The record, checked against the version the caller loaded it at: a record
        changed (or moved to the Trash) since is a ConflictError, never overwritten."""
        row = s.get(self.model, id)
        if row is None:
            raise NotFoundError(self.entity, id)
        if expected_version is not None and row.version != expected_version:
            raise stale_error(s, row, expected_version)
        if row.deleted_at is not None and not include_deleted:
            raise NotFoundError(self.entity, id)
        return row  # type: ignore[no-any-return]

    # -- helpers for subclasses ------------------------------------------------------------
    @staticmethod
    def _assign(row: Any, data: Any, skip: Sequence[str] = ()) -> None:
        for f in fields(data):
            if f.name not in skip and hasattr(type(row), f.name):
                setattr(row, f.name, getattr(data, f.name))

    def _ids_to_rows(self, s: Session, model: type[Any], ids: Sequence[str]) -> builtins.list[Any]:
        if not ids:
            return []
        rows = {r.id: r for r in s.scalars(select(model).where(model.id.in_(list(ids))))}
        missing = [i for i in ids if i not in rows]
        if missing:
            raise NotFoundError(model.__tablename__, missing[0])
        return [rows[i] for i in dict.fromkeys(ids)]


def stale_error(s: Session, row: Any, loaded: int) -> ConflictError:
    """The ConflictError for ``row``, changed since ``loaded``: who changed it last, on
    which device and when, from its field history (the row's own stamps without one)."""
    entity = str(row.__tablename__)
    last = s.execute(
        select(AuditEntry.member_id, AuditEntry.origin, AuditEntry.at)
        .where(AuditEntry.entity_type == entity, AuditEntry.entity_id == row.id)
        .order_by(AuditEntry.at.desc(), AuditEntry.hlc.desc())
        .limit(1)
    ).first()
    member_id, device, at = last if last is not None else (None, row.origin, row.updated_at)
    name = s.scalar(select(Member.name).where(Member.id == member_id)) if member_id else None
    return ConflictError(
        entity,
        row.id,
        loaded=loaded,
        current=int(row.version),
        member=name or "",
        device=device or "",
        at=at,
        deleted=row.deleted_at is not None,
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def cascade_tombstone(s: Session, model: type[Any], column: Any, parent_id: str, when: Any) -> None:
    for row in s.scalars(select(model).where(column == parent_id, model.deleted_at.is_(None))):
        row.deleted_at = when


def cascade_untombstone(
    s: Session, model: type[Any], column: Any, parent_id: str, when: Any
) -> None:
    for row in s.scalars(select(model).where(column == parent_id, model.deleted_at == when)):
        row.deleted_at = None


__all__ = [
    "ListQuery",
    "Service",
    "CrmError",
    "cascade_tombstone",
    "cascade_untombstone",
    "stale_error",
]
