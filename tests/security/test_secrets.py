"""No password is ever printed; the database, its backups, drafts and copies are
owner-only. The CLI runs in a subprocess, as a user runs it."""

from __future__ import annotations

import os
import stat

import pytest
from test_identity import crm

from crm_desktop.config import Paths
from crm_desktop.files import write_bytes_atomic
from crm_desktop.runtime import open_runtime
from crm_desktop.storage.drafts import DraftStore
from crm_desktop.storage.redact import mask

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _with_password(url: str, password: str) -> str:
    head, rest = url.split("://", 1)
    user = rest.split("@", 1)[0].split(":", 1)[0]
    return f"{head}://{user}:{password}@{rest.split('@', 1)[1]}"


@pytest.mark.parametrize(
    "text, secret",
    [
        ("postgresql+psycopg://crm:S3cret@db.example:5432/crm", "S3cret"),
        ("postgresql://crm:p@ss/w0rd@db.example/crm", "p@ss"),  # an unquoted @ in it
        ("connection failed: host=db user=crm password=S3cret dbname=crm", "S3cret"),
        ("password='it is S3cret' host=db", "S3cret"),
    ],
)
def test_mask_hides_the_password_and_keeps_the_rest(text: str, secret: str):
    masked = mask(text)
    assert secret not in masked and "***" in masked
    assert "crm" in masked or "host=db" in masked


def test_mask_also_hides_a_known_secret_wherever_the_driver_repeats_it():
    assert mask("FATAL: role hunter2 rejected", "hunter2") == "FATAL: role *** rejected"


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_check_and_demo_on_postgresql_print_the_url_without_its_password(db_url: str, paths: Paths):
    password = db_url.split("://", 1)[1].split("@", 1)[0].split(":", 1)[1]
    r = crm(paths.data_dir, "--db", db_url, "demo")
    assert r.returncode == 0, r.stderr
    assert "Demo database ready: " in r.stdout
    r2 = crm(paths.data_dir, "--db", db_url, "check")
    assert r2.returncode == 0, r2.stderr
    for out in (r.stdout + r.stderr, r2.stdout + r2.stderr):
        assert f":{password}@" not in out and ":***@" in out


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_a_wrong_postgresql_password_is_one_line_without_the_password(db_url: str, paths: Paths):
    wrong = "Wr0ng-Sekr1t-xyz"
    r = crm(paths.data_dir, "--db", _with_password(db_url, wrong), "check")
    assert r.returncode == 1
    assert wrong not in r.stdout + r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "password" in r.stderr


def test_a_malformed_url_is_one_line_without_the_password(paths: Paths):
    r = crm(paths.data_dir, "--db", "postgresql+psycopg://crm:Sekr1tPass@h:notaport/crm", "check")
    assert r.returncode == 1
    assert "Sekr1tPass" not in r.stdout + r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@posix_only
def test_database_backups_drafts_and_copies_are_owner_only(paths: Paths):
    db = paths.data_dir / "crm.sqlite3"
    assert crm(paths.data_dir, "demo").returncode == 0
    assert _mode(db) == 0o600
    assert crm(paths.data_dir, "backup").returncode == 0
    out = paths.data_dir / "copy.sqlite3"
    out.write_bytes(b"")
    os.chmod(out, 0o644)  # an older file of the user's it replaces
    r = crm(paths.data_dir, "backup", "-o", str(out))
    assert r.returncode == 0, r.stderr
    made = [p for p in paths.backups_dir.iterdir()]
    assert made and all(_mode(p) == 0o600 for p in [*made, out])
    rt = open_runtime("sqlite:///" + str(db), paths)
    try:
        store = DraftStore(rt.drafts_dir, rt.key, rt.identity)
        store.save("meeting", "new-1", {"discussion": "x"})
        assert _mode(store.path) == 0o600
        assert _mode(paths.backups_dir) == 0o700
    finally:
        rt.close()


@posix_only
def test_an_existing_database_its_backups_and_drafts_are_made_owner_only_on_open(paths: Paths):
    db = paths.data_dir / "crm.sqlite3"
    assert crm(paths.data_dir, "demo").returncode == 0
    assert crm(paths.data_dir, "backup").returncode == 0
    rt = open_runtime("sqlite:///" + str(db), paths)
    store = DraftStore(rt.drafts_dir, rt.key, rt.identity)
    store.save("meeting", "new-1", {"discussion": "x"})
    rt.close()
    made = list(paths.backups_dir.iterdir())
    for p in [db, store.path, *made]:
        os.chmod(p, 0o644)  # as an older version, or a copy with another umask, left them
    r = crm(paths.data_dir, "list", "companies", "--limit", "1")
    assert r.returncode == 0, r.stderr
    assert [_mode(p) for p in [db, store.path, *made]] == [0o600] * (2 + len(made))


@posix_only
def test_a_private_file_is_owner_only_even_where_an_older_file_was_not(tmp_path):
    target = tmp_path / "memo.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    write_bytes_atomic(target, b"%PDF new", private=True)
    assert target.read_bytes() == b"%PDF new" and _mode(target) == 0o600
    other = tmp_path / "plain.pdf"
    write_bytes_atomic(other, b"%PDF")
    assert _mode(other) == 0o644  # a document from a plain database: as before
