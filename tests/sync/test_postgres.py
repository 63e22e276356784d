"""A laptop's SQLite file and the team's PostgreSQL server merge directly."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from synchelp import company, edit_company, get_company, open_rep, snapshot

from crm_desktop.application import sync

pytestmark = pytest.mark.postgres


@pytest.fixture
def server_url() -> Iterator[str]:
    base = os.environ.get("CRM_TEST_POSTGRES_URL")
    if not base:
        if os.environ.get("CRM_REQUIRE_POSTGRES") == "1":
            pytest.fail("CRM_TEST_POSTGRES_URL is not set but CRM_REQUIRE_POSTGRES=1")
        pytest.skip("PostgreSQL tests need CRM_TEST_POSTGRES_URL")
    from sqlalchemy import create_engine, text

    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_laptop_and_server_merge_both_ways(tmp_path: Path, server_url: str) -> None:
    server = open_rep(tmp_path, "server", url=server_url)
    laptop = open_rep(tmp_path, "laptop")  # a new laptop: joins the server's organisation
    cid = company(server, "Kaiquan Pumps", city="Shanghai")
    first = sync.synchronise(laptop.replica(), server.replica(), laptop.device)
    assert first.here.count("company").created == 1
    edit_company(laptop, cid, city="Suzhou", website="kaiquan.cn")
    edit_company(server, cid, city="Wuxi")  # later: wins
    mine = company(laptop, "Huawei")
    server.services.companies.delete(cid)  # and deleted on the server after the edits
    sync.synchronise(laptop.replica(), server.replica(), laptop.device)
    for rep in (laptop, server):
        row = get_company(rep, cid)
        assert (row.city, row.website) == ("Wuxi", "kaiquan.cn")
        assert row.deleted_at is not None
        assert get_company(rep, mine).name == "Huawei"
        assert sorted(c.kind for c in sync.conflicts(rep.rt.db)) == ["delete", "field"]
    assert snapshot(laptop) == snapshot(server)
    packet = tmp_path / "p.crmsync"
    edit_company(laptop, mine, city="Shenzhen")
    sync.export_packet(
        laptop.rt.db, laptop.rt.identity, "laptop", packet, laptop.device, since_peer="server"
    )
    sync.import_packet(server.rt.db, server.rt.identity, packet, server.device)
    assert get_company(server, mine).city == "Shenzhen"
    laptop.close()
    server.close()
