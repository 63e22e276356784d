"""init, export formats from the file name, and the partial import, run as a user runs
them: a real process, stdout, stderr, exit code, and the files left behind."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "exchange"
GOOGLE = FIXTURES / "google_contacts_national.csv"  # 13901234567, "ext. 12-34", a bad email
PASSPHRASE = "correct horse battery staple 42"


def cli(*args: str, data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "CRM_DATA_DIR": str(data), **env}
    environ.pop("CRM_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


def one_line(r: subprocess.CompletedProcess[str]) -> str:
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 1 and len(lines) == 1, (r.returncode, r.stderr)
    return lines[0]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def contacts(db: Path) -> dict[str, tuple[list[str], str]]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT display_name, phones, notes FROM contact WHERE deleted_at IS NULL"
        ).fetchall()
    finally:
        conn.close()
    return {
        name: ([p["value"] for p in json.loads(phones)], notes or "")
        for name, phones, notes in rows
    }


def test_init_makes_an_empty_database_and_never_replaces_one(tmp_path, data_dir):
    db = tmp_path / "new" / "crm.sqlite3"
    r = cli("init", "--db", str(db), data=data_dir)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"Empty database ready: {db}")
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert conn.execute("SELECT value FROM setting WHERE key = 'database.id'").fetchone()
    assert conn.execute("SELECT count(*) FROM contact").fetchone()[0] == 0
    conn.close()
    before = sha(db)
    line = one_line(cli("init", "--db", str(db), data=data_dir))
    assert "already exists; nothing was changed" in line
    assert sha(db) == before
    r = cli("--db", str(db), "check", data=data_dir)
    assert r.returncode == 0 and "integrity: ok" in r.stdout


def test_init_encrypt_takes_the_passphrase_from_the_environment(tmp_path, data_dir):
    db = tmp_path / "secret.sqlite3"
    r = cli("init", "--encrypt", "--db", str(db), data=data_dir, CRM_PASSPHRASE=PASSPHRASE)
    assert r.returncode == 0, r.stderr
    assert "encrypted" in r.stdout
    assert not db.read_bytes().startswith(b"SQLite format 3")
    line = one_line(cli("--db", str(db), "check", data=data_dir))  # no passphrase, no tty
    assert "CRM_PASSPHRASE" in line
    r = cli("--db", str(db), "check", data=data_dir, CRM_PASSPHRASE=PASSPHRASE)
    assert r.returncode == 0 and "integrity: ok" in r.stdout


def test_import_into_a_missing_database_says_how_to_make_one(tmp_path, data_dir):
    db = tmp_path / "none.sqlite3"
    line = one_line(cli("--db", str(db), "import", "contacts", str(GOOGLE), data=data_dir))
    assert "does not exist" in line and f"crm-desktop init --db {db}" in line
    assert "--create" in line
    assert not db.exists()
    r = cli("--db", str(db), "import", "contacts", str(GOOGLE), "--create", data=data_dir)
    assert r.returncode == 0, r.stderr
    assert len(contacts(db)) == 3


def test_google_csv_imports_the_valid_rows_and_names_each_rejected_line(tmp_path, data_dir):
    db = tmp_path / "crm.sqlite3"
    assert cli("init", "--db", str(db), data=data_dir).returncode == 0
    r = cli("--db", str(db), "import", "contacts", str(GOOGLE), data=data_dir)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == (
        "google_contacts_national.csv: 3 created, 0 merged, 0 skipped as duplicates, "
        "1 row rejected; 3 new companies; 1 warning"
    )
    assert r.stderr.splitlines() == [
        "google_contacts_national.csv, line 3: warning: phone “ext. 12-34” could not be read "
        "as a number (without a country code it is read in CN or RU); kept in the notes as "
        "written",
        "google_contacts_national.csv, line 4: rejected: “not-an-email@” is not a valid "
        "email address.",
    ]
    people = contacts(db)
    assert people["张伟"] == (["+8613901234567"], "")  # national, read in CN (the default)
    assert people["Ting Huang"] == (
        ["+8613800138000"],
        "Phone (as written in the import): ext. 12-34",
    )
    assert people["John Miller"][0] == ["+12125550199"]
    # the same file again: everything is a duplicate now, nothing new
    r = cli("--db", str(db), "import", "contacts", str(GOOGLE), data=data_dir)
    assert r.returncode == 0 and "0 created" in r.stdout and "3 skipped" in r.stdout


def test_strict_import_is_all_or_nothing(tmp_path, data_dir):
    db = tmp_path / "crm.sqlite3"
    assert cli("init", "--db", str(db), data=data_dir).returncode == 0
    before = sha(db)
    r = cli("--db", str(db), "import", "contacts", str(GOOGLE), "--strict", data=data_dir)
    assert r.returncode == 1
    assert "(nothing written)" in r.stdout
    assert r.stderr.splitlines()[-1].startswith(
        "crm-desktop: error: 1 row rejected; --strict: nothing was imported (first: line 4:"
    )
    assert contacts(db) == {}
    assert sha(db) == before


def test_an_import_with_no_valid_row_fails(tmp_path, data_dir):
    db = tmp_path / "crm.sqlite3"
    assert cli("init", "--db", str(db), data=data_dir).returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "First Name,Last Name,E-mail 1 - Value\nA,B,nope@\nC,D,@nope\n", encoding="utf-8"
    )
    r = cli("--db", str(db), "import", "contacts", str(bad), data=data_dir)
    assert r.returncode == 1 and "2 rows rejected" in r.stdout
    assert r.stderr.splitlines()[-1].startswith(
        "crm-desktop: error: 2 rows rejected; nothing was imported (first: line 2:"
    )
    assert contacts(db) == {}


def test_the_region_setting_reads_national_numbers(tmp_path, data_dir):
    db = tmp_path / "crm.sqlite3"
    assert cli("init", "--db", str(db), data=data_dir).returncode == 0
    (data_dir / "config").mkdir(exist_ok=True)
    (data_dir / "config" / "settings.json").write_text(
        json.dumps({"extra": {"exchange.default_region": "RU"}}), encoding="utf-8"
    )
    ru = tmp_path / "ru.csv"
    ru.write_text(
        "First Name,Last Name,Phone 1 - Value\nОльга,Смирнова,8 (903) 111-22-33\n"
        "Wei,Zhang,13901234567\n",
        encoding="utf-8",
    )
    r = cli("--db", str(db), "import", "contacts", str(ru), data=data_dir)
    assert r.returncode == 0, r.stderr
    people = contacts(db)
    assert people["Смирнова Ольга"][0] == ["+79031112233"]
    assert people["Wei Zhang"] == ([], "Phone (as written in the import): 13901234567")
    assert (
        "line 3: warning: phone “13901234567” could not be read as a number (without a "
        "country code it is read in RU)"
    ) in r.stderr
    # --region beats the setting
    r = cli(
        "--db",
        str(db),
        "import",
        "contacts",
        str(ru),
        "--region",
        "CN",
        "--on-duplicate",
        "merge",
        data=data_dir,
    )
    assert contacts(db)["Wei Zhang"][0] == ["+8613901234567"]


@pytest.mark.parametrize(
    ("name", "magic"),
    [
        ("list.xlsx", b"PK\x03\x04"),
        ("list.vcf", b"BEGIN:VCARD\r\nVERSION:3.0"),
        ("list.pdf", b"%PDF"),
        ("list.csv", b"\xef\xbb\xbf"),
    ],
)
def test_export_takes_the_format_from_the_extension(name, magic, demo_db, tmp_path, data_dir):
    out = tmp_path / name
    r = cli("--db", str(demo_db), "export", "contacts", "-o", str(out), data=data_dir)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(magic)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--format", "csv", "-o", "list.xlsx"], "--format csv writes .csv files"),
        (["--format", "vcf", "-o", "list.pdf"], "--format vcf writes .vcf files"),
        (["-o", "list.txt"], "“.txt”"),
        (["-o", "list"], "no extension"),
    ],
)
def test_export_refuses_a_format_the_file_name_contradicts(
    args, words, demo_db, tmp_path, data_dir
):
    r = cli(
        "--db",
        str(demo_db),
        "export",
        "contacts",
        *[str(tmp_path / a) if a.startswith("list") else a for a in args],
        data=data_dir,
    )
    assert words in one_line(r)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "demo.sqlite3"]


def test_export_with_a_format_that_agrees_with_the_extension(demo_db, tmp_path, data_dir):
    out = tmp_path / "excel.csv"
    r = cli(
        "--db",
        str(demo_db),
        "export",
        "contacts",
        "--format",
        "csv-excel-ru",
        "-o",
        str(out),
        data=data_dir,
    )
    assert r.returncode == 0, r.stderr
    assert b";" in out.read_bytes().splitlines()[0]


def test_national_numbers_are_read_in_the_country_the_file_gives_else_in_russia(tmp_path, data_dir):
    db = tmp_path / "crm.sqlite3"
    assert cli("init", "--db", str(db), data=data_dir).returncode == 0
    rows = tmp_path / "google.csv"
    rows.write_text(
        "First Name,Last Name,Phone 1 - Value,Address 1 - Country\n"
        "Ji-ho,Kim,12-34-56,Atlantis\n"  # not a country: CN, then RU
        "Ji-woo,Park,010-9876-5432,KR\n"  # an ISO code
        "Min-jun,Lee,010-5555-1234,South Korea\n"  # a name in English
        "Мария,Кузнецова,8 496 212-00-00,\n"  # no country: CN, then RU
        "Wei,Zhang,139 0123 4567,Китай\n",  # a country name in Russian
        encoding="utf-8",
    )
    r = cli("--db", str(db), "import", "contacts", str(rows), data=data_dir)
    assert r.returncode == 0, r.stderr
    people = contacts(db)
    assert people["Ji-woo Park"][0] == ["+821098765432"]
    assert people["Min-jun Lee"][0] == ["+821055551234"]
    assert people["Кузнецова Мария"][0] == ["+74962120000"]
    assert people["Wei Zhang"][0] == ["+8613901234567"]
    assert people["Ji-ho Kim"] == ([], "Phone (as written in the import): 12-34-56")
    assert "line 2: warning" in r.stderr


def test_an_unknown_region_is_refused_before_anything_is_read(tmp_path, data_dir):
    db = tmp_path / "crm.sqlite3"
    line = one_line(
        cli(
            "--db",
            str(db),
            "import",
            "contacts",
            str(GOOGLE),
            "--create",
            "--region",
            "XX",
            data=data_dir,
        )
    )
    assert "--region XX: not an ISO 3166 country code" in line
    assert not db.exists()
