"""update and delete on the command line, run as a user runs them (a real process), and
two operating-system processes saving the same record: the second one is stale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from crm_desktop.config import Paths
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.runtime import open_runtime


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DATA_DIR": str(data_dir)}
    env.pop("CRM_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def records(db: Path, kind: str, data_dir: Path, *extra: str) -> list[dict[str, Any]]:
    r = run("--db", str(db), "list", kind, "--json", *extra, data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)  # type: ignore[no-any-return]


def pumps(db: Path, data_dir: Path) -> dict[str, Any]:
    return next(
        c for c in records(db, "companies", data_dir) if c["name_native"] == "凯源泵业集团有限公司"
    )


def test_update_sets_typed_fields_and_prints_the_new_version(demo_db: Path, data_dir: Path) -> None:
    before = pumps(demo_db, data_dir)
    r = run(
        "--db",
        str(demo_db),
        "update",
        "companies",
        before["id"][:8],
        "--set",
        "city=Сучжоу",
        "--set",
        "employees=1 250",
        "--set",
        "revenue=12,5",
        "--set",
        "revenue_currency=usd",
        "--set",
        "kind=partner",
        "--set",
        "tags=",
        "--if-version",
        str(before["version"]),
        data_dir=data_dir,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == str(before["version"] + 1) and r.stderr == ""
    after = pumps(demo_db, data_dir)
    assert (
        after["city"],
        after["employees"],
        after["revenue"],
        after["revenue_currency"],
        after["kind"],
        after["tags"],
    ) == ("Сучжоу", 1250, "12.50", "USD", "partner", [])
    assert after["version"] == before["version"] + 1


def test_update_finds_references_by_prefix_and_records_by_name(
    demo_db: Path, data_dir: Path
) -> None:
    task = records(demo_db, "tasks", data_dir)[0]
    member = records(demo_db, "members", data_dir)[-1]
    r = run(
        "--db",
        str(demo_db),
        "update",
        "tasks",
        task["id"][:8],
        "--set",
        f"owner={member['id'][:6]}",
        "--set",
        "due_date=2026-07-01",
        "--set",
        "status=done",
        data_dir=data_dir,
    )
    assert r.returncode == 0, r.stderr
    changed = next(t for t in records(demo_db, "tasks", data_dir) if t["id"] == task["id"])
    assert changed["owner"]["id"] == member["id"]
    assert (changed["due_date"], changed["status"]) == ("2026-07-01", "done")
    r = run(
        "--db",
        str(demo_db),
        "update",
        "companies",
        "Kaiyuan Pump Group Co., Ltd.",
        "--set",
        "website=https://kaiyuan.example",
        data_dir=data_dir,
    )
    assert r.returncode == 0, r.stderr
    assert pumps(demo_db, data_dir)["website"] == "https://kaiyuan.example"


def test_a_stale_if_version_fails_in_one_line_naming_the_change(
    demo_db: Path, data_dir: Path
) -> None:
    company = pumps(demo_db, data_dir)
    loaded = company["version"]
    first = run(
        "--db",
        str(demo_db),
        "update",
        "companies",
        company["id"][:8],
        "--set",
        "city=Wuxi",
        "--if-version",
        str(loaded),
        data_dir=data_dir,
    )
    assert first.returncode == 0, first.stderr
    second = run(
        "--db",
        str(demo_db),
        "update",
        "companies",
        company["id"][:8],
        "--set",
        "city=Nanjing",
        "--if-version",
        str(loaded),
        data_dir=data_dir,
    )
    assert second.returncode != 0 and second.stdout == ""
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1, second.stderr
    assert "changed" in lines[0] and f"version {loaded + 1}" in lines[0]
    assert "2026" in lines[0] or "UTC" in lines[0]
    assert pumps(demo_db, data_dir)["city"] == "Wuxi"


def test_bad_fields_and_values_fail_in_one_line_and_change_nothing(
    demo_db: Path, data_dir: Path
) -> None:
    company = pumps(demo_db, data_dir)
    for sets, expected in (
        (["colour=red"], "no field “colour”"),
        (["employees=many"], "“many” is not a whole number"),
        (["kind=friend"], "is not one of investor"),
        (["country=ZZ"], "ISO 3166"),
        (["city=Wuxi", "revenue=-5"], "cannot be negative"),
        (["city"], "is not FIELD=VALUE"),
        (["owner=ffffffff"], None),  # companies have no owner
    ):
        args = [a for s in sets for a in ("--set", s)]
        r = run(
            "--db", str(demo_db), "update", "companies", company["id"][:8], *args, data_dir=data_dir
        )
        assert r.returncode != 0, sets
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr
        if expected:
            assert expected in r.stderr, r.stderr
    r = run(
        "--db", str(demo_db), "update", "tasks", "ffff0000", "--set", "title=x", data_dir=data_dir
    )
    assert r.returncode != 0 and len(r.stderr.strip().splitlines()) == 1
    assert pumps(demo_db, data_dir) == company  # nothing half-written


def test_delete_moves_to_the_trash_and_list_no_longer_shows_it(
    demo_db: Path, data_dir: Path
) -> None:
    site = records(demo_db, "sites", data_dir)[0]
    r = run("--db", str(demo_db), "delete", "sites", site["id"][:8], data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert "Trash" in r.stdout
    assert site["id"] not in {s["id"] for s in records(demo_db, "sites", data_dir)}
    trashed = records(demo_db, "sites", data_dir, "--deleted")
    assert site["id"] in {s["id"] for s in trashed}
    again = run("--db", str(demo_db), "delete", "sites", site["id"][:8], data_dir=data_dir)
    assert again.returncode != 0 and len(again.stderr.strip().splitlines()) == 1


def test_a_write_is_refused_while_the_window_holds_the_database(
    demo_db: Path, data_dir: Path
) -> None:
    from crm_desktop.storage.lock import WRITE, DatabaseLocks

    company = pumps(demo_db, data_dir)
    locks = DatabaseLocks(demo_db, WRITE, app="crm-desktop").acquire()
    try:
        r = run(
            "--db",
            str(demo_db),
            "update",
            "companies",
            company["id"][:8],
            "--set",
            "city=Wuxi",
            data_dir=data_dir,
        )
        assert r.returncode != 0 and "already open for writing" in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    finally:
        locks.release()
    assert pumps(demo_db, data_dir)["city"] == company["city"]


# -- two processes ----------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from dataclasses import replace
    from crm_desktop.config import resolve_paths
    from crm_desktop.domain.errors import ConflictError
    from crm_desktop.domain.services.companies import CompanyInput
    from crm_desktop.runtime import open_runtime

    url, company_id, city = sys.argv[1:4]
    rt = open_runtime(url, resolve_paths())
    row = rt.services.companies.get(company_id)
    print("loaded", row.version, flush=True)
    sys.stdin.readline()  # the test says when to save
    try:
        saved = rt.services.companies.update(
            company_id, replace(CompanyInput.from_row(row), city=city),
            expected_version=row.version)
        print("saved", saved.version, flush=True)
    except ConflictError as e:
        print("conflict", e.current, e.device, flush=True)
    rt.close()
""")


def test_two_processes_save_the_same_record_the_second_is_stale(
    db_url: str, paths: Paths, data_dir: Path
) -> None:
    rt = open_runtime(db_url, paths)
    company = rt.services.companies.create(CompanyInput(name="Kaiquan", city="Shanghai"))
    device = rt.services.ctx.device_id
    rt.close()
    env = {**os.environ, "CRM_DATA_DIR": str(data_dir)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, db_url, company.id, city],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for city in ("Suzhou", "Wuxi")
    ]
    try:
        for p in procs:  # both have the record open at version 1
            assert p.stdout is not None and p.stdout.readline().split() == ["loaded", "1"]
        outputs = []
        for p in procs:  # the first saves, then the second
            assert p.stdin is not None and p.stdout is not None
            p.stdin.write("\n")
            p.stdin.flush()
            outputs.append(p.stdout.readline().split())
            assert p.wait(timeout=120) == 0
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    assert outputs[0] == ["saved", "2"]
    assert outputs[1][:2] == ["conflict", "2"] and outputs[1][2] == device
    rt = open_runtime(db_url, paths)
    try:
        assert rt.services.companies.get(company.id).city == "Suzhou"
    finally:
        rt.close()
