"""Replicas for the sync tests: database files with a device (config folder) each."""

from __future__ import annotations

import dataclasses
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from crm_desktop.application import sync
from crm_desktop.config import Paths
from crm_desktop.domain.base import Base
from crm_desktop.domain.models import AuditEntry, Company
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.runtime import Runtime, open_runtime

SKIP = {"version", "updated_at", "hlc"}  # local bookkeeping, not what a user sees


@dataclass
class Rep:
    name: str
    rt: Runtime
    url: str

    @property
    def services(self) -> Any:
        return self.rt.services

    @property
    def device(self) -> str:
        return self.rt.services.ctx.device_id

    def replica(self) -> sync.Replica:
        assert self.rt.identity is not None
        return sync.Replica(self.rt.db, self.rt.identity, self.name)

    def close(self) -> None:
        self.rt.close()


def open_rep(tmp: Path, name: str, url: str | None = None, copy_of: Path | None = None) -> Rep:
    folder = tmp / name
    folder.mkdir(parents=True, exist_ok=True)
    if url is None:
        db = folder / f"{name}.sqlite3"
        if copy_of is not None:
            shutil.copy(copy_of, db)
        url = "sqlite:///" + str(db)
    paths = Paths(data_dir=folder / "data", config_dir=folder / "config")
    return Rep(name, open_runtime(url, paths), url)


def two_way(a: Rep, b: Rep) -> sync.SyncResult:
    return sync.synchronise(a.replica(), b.replica(), a.device)


def company(rep: Rep, name: str, **fields: Any) -> str:
    return rep.services.companies.create(CompanyInput(name=name, **fields)).id


def edit_company(rep: Rep, cid: str, **fields: Any) -> None:
    row = rep.services.companies.get(cid)
    rep.services.companies.update(cid, dataclasses.replace(CompanyInput.from_row(row), **fields))


def get_company(rep: Rep, cid: str) -> Company:
    return rep.services.companies.get(cid)


def snapshot(rep: Rep) -> dict[str, Any]:
    """Every replicated record (live and in the Trash) with its links, the history and the
    conflict list, without the local bookkeeping (version, stamps)."""
    out: dict[str, Any] = {}
    with rep.rt.db.engine.connect() as conn:
        for name in sync.TABLES:
            t = Base.metadata.tables[name]
            ids = list(conn.scalars(select(t.c.id)))
            rows = sync._rows(conn, name, ids)
            links = sync._link_sets(conn, name, ids)
            out[name] = {
                i: ({k: v for k, v in r.items() if k not in SKIP}, links[i])
                for i, r in rows.items()
            }
        a = AuditEntry.__table__
        out["history"] = {
            r.id: (r.entity_id, r.action, r.field, sync.encode(r.new_value))
            for r in conn.execute(select(a))
        }
    return out
