"""What a user types for a record on the command line: the id, the 8-character prefix
`list` prints, or a name in any case (ё and е alike, as search compares them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.services import Services
from crm_desktop.text.translit import fold

HEX = set("0123456789abcdef-")


def record_id(
    services: Services, model: Any, entity: str, text: str, names: Sequence[Any] = ()
) -> str:
    """The live record ``text`` names; one line (CrmError) when none or several do."""
    wanted = text.strip()
    if not wanted:
        raise CrmError(f"Give a {entity} id or name.")
    with services.ctx.reading() as s:
        if len(wanted) >= 4 and set(wanted.lower()) <= HEX:
            ids = list(
                s.scalars(
                    select(model.id)
                    .where(model.deleted_at.is_(None), model.id.startswith(wanted.lower()))
                    .limit(2)
                )
            )
            if len(ids) > 1:
                raise CrmError(
                    f"The id {wanted} matches several {entity} records; give more of it."
                )
            if ids:
                return str(ids[0])
        ids = []
        if names:
            # In Python, not SQL: SQLite's lower() folds ASCII letters only.
            key = fold(wanted)
            for row in s.execute(select(model.id, *names).where(model.deleted_at.is_(None))):
                if any(value and fold(value) == key for value in row[1:]):
                    ids.append(row[0])
    if not ids:
        if not names:
            raise CrmError.from_code("not_found", entity=entity, id=wanted)
        raise CrmError(f"No {entity} “{wanted}”.")
    if len(ids) > 1:
        raise CrmError(f"Several {entity} records are called “{wanted}”; give the id.")
    return str(ids[0])


def record_ids(services: Services, model: Any, entity: str, texts: str) -> list[str]:
    """A comma-separated list of ids or prefixes (a list's selection); each must exist."""
    return [record_id(services, model, entity, t) for t in texts.split(",") if t.strip()]
