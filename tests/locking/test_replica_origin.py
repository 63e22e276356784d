"""Each laptop is its own replica: a copied database file writes under its own device id
(origin) and HLC stamps, never continuing the device it was copied from."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from crm_desktop.config import Paths, device_id
from crm_desktop.domain.models import AuditEntry, Company
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.runtime import open_runtime
from crm_desktop.storage import identity as identities


def _write_one(path: Path, paths: Paths, name: str) -> tuple[str, str, str, str]:
    """Open the file, create one company and edit it; (device, origin, create hlc,
    edit hlc)."""
    rt = open_runtime("sqlite:///" + str(path), paths)
    try:
        s = rt.services
        row = s.companies.create(CompanyInput(name=name))
        edited = s.companies.update(
            row.id, replace(CompanyInput.from_row(row), city="X"), expected_version=row.version
        )
        return rt.services.ctx.device_id, edited.origin, row.hlc, edited.hlc
    finally:
        rt.close()


def _checkpoint(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_a_copy_on_the_same_computer_stamps_its_own_origin(paths: Paths, tmp_path: Path) -> None:
    original = tmp_path / "office.sqlite3"
    dev_a, origin_a, _, hlc_a = _write_one(original, paths, "Original Co")
    _checkpoint(original)
    copy = tmp_path / "trip" / "laptop.sqlite3"
    copy.parent.mkdir()
    shutil.copy(original, copy)

    dev_b, origin_b, create_b, hlc_b = _write_one(copy, paths, "Copy Co")
    dev_a2, origin_a2, create_a2, _ = _write_one(original, paths, "Original Co 2")

    assert dev_a == origin_a == dev_a2 == origin_a2  # the original keeps its identity
    assert dev_b == origin_b != dev_a  # the copy writes as itself
    # the installation's device id stamps neither file (both share this installation)
    assert device_id(paths) not in (dev_a, dev_b)
    assert hlc_b.endswith(dev_b) and create_a2.endswith(dev_a)
    assert create_b > hlc_a  # the copy's clock goes on after what it was copied with
    assert len({hlc_a, hlc_b, create_b, create_a2}) == 4


def test_copies_on_two_computers_stamp_different_origins(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = tmp_path / "office.sqlite3"
    _write_one(original, paths, "Before the trip")
    _checkpoint(original)
    first = tmp_path / "a" / "crm.sqlite3"
    second = tmp_path / "b" / "crm.sqlite3"
    for p in (first, second):
        p.parent.mkdir()
        shutil.copy(original, p)
    devices = []
    for host, path in (("laptop-beijing", first), ("laptop-suzhou", second)):
        monkeypatch.setattr(identities, "this_host", lambda host=host: host)
        devices.append(_write_one(path, paths, f"Met in {host}"))
    (dev1, origin1, c1, e1), (dev2, origin2, c2, e2) = devices
    assert origin1 == dev1 != dev2 == origin2
    assert len({c1, e1, c2, e2}) == 4
    # every history entry of the new work carries its own laptop
    rt = open_runtime("sqlite:///" + str(second), paths)
    try:
        with rt.services.ctx.reading() as s:
            from sqlalchemy import select

            names = {c.name: c.origin for c in s.scalars(select(Company))}
            assert names["Met in laptop-suzhou"] == dev2
            assert names["Before the trip"] not in (dev1, dev2)
            origins = set(
                s.scalars(
                    select(AuditEntry.origin).where(
                        AuditEntry.at
                        > s.get(
                            Company,
                            next(
                                c.id
                                for c in s.scalars(select(Company))
                                if c.name == "Met in laptop-suzhou"
                            ),
                        ).created_at
                    )
                )
            )
            assert origins == {dev2}
    finally:
        rt.close()


def test_a_server_database_stamps_the_installation(paths: Paths) -> None:
    assert identities.writer_id(None, "inst") == "inst"
    ident = identities.new_id()
    assert identities.writer_id(ident, "inst").replace("-", "") == ident
