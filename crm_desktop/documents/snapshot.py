"""An approved memo frozen as JSON: exactly the data its PDF is made from.

Reprinting from the snapshot gives the same document whatever happened to the meeting's
tasks or stage since. The format is the dataclasses of ``data.py`` as JSON objects, dates
in ISO form; a field added to the dataclasses later takes its default when read from an
older snapshot.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import types
import typing
from typing import Any, TypeVar

from crm_desktop.documents.data import Localized, MemoData, Person, Requisites, Step

SNAPSHOT_FORMAT = 1
T = TypeVar("T")
_CLASSES: dict[str, type[Any]] = {
    c.__name__: c for c in (MemoData, Localized, Person, Step, Requisites)
}


class SnapshotError(ValueError):
    """A stored snapshot cannot be read (damaged, or from a newer version)."""


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def memo_to_json(data: MemoData) -> str:
    """Canonical JSON (sorted keys), so equal data gives equal text and hash."""
    return json.dumps(
        {"format": SNAPSHOT_FORMAT, "memo": _plain(data)},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _build(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _build(options[0], value)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_build(item, v) for v in value)
    if hint is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _from_dict(hint, value)
    return value


def _from_dict(cls: type[T], raw: dict[str, Any]) -> T:
    hints = typing.get_type_hints(cls, localns=_CLASSES)
    known = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {k: _build(hints[k], v) for k, v in raw.items() if k in known}
    return cls(**kwargs)


def memo_from_json(text: str) -> MemoData:
    try:
        raw = json.loads(text)
        if raw.get("format", 0) > SNAPSHOT_FORMAT:
            raise SnapshotError("The approved memo was stored by a newer version of the program.")
        return _from_dict(MemoData, raw["memo"])
    except SnapshotError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise SnapshotError(f"The approved memo's stored content is damaged ({e}).") from None


__all__ = ["SnapshotError", "content_hash", "memo_from_json", "memo_to_json"]
