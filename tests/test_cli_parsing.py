"""The command line's arguments: fast to parse, every option explained, every environment
variable named, --lang honoured, counts in good English and Russian."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from crm_desktop.cli import build_parser
from crm_desktop.commands import READ, REPLACE, WRITE, arguments
from crm_desktop.commands.plural import count, noun

ROOT = Path(__file__).resolve().parents[1]
HEAVY = (
    "sqlalchemy",
    "alembic",
    "crm_desktop.domain",
    "crm_desktop.runtime",
    "crm_desktop.storage",
    "crm_desktop.exchange.db_export",
    "phonenumbers",
    "openpyxl",
    "reportlab",
    "PySide6",
)


def run(*args: str, data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "CRM_DATA_DIR": str(data), **env}
    environ.pop("CRM_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=environ, timeout=300
    )


@pytest.mark.parametrize(
    "argv", [["--version"], ["--help"], ["export", "contacts", "--help"], ["list", "planets"]]
)
def test_version_help_and_usage_errors_import_nothing_heavy(argv, data_dir):
    r = run("-X", "importtime", "-m", "crm_desktop", *argv, data=data_dir)
    assert r.returncode in (0, 2)
    imported = {
        line.split("|")[-1].strip()
        for line in r.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "crm_desktop.cli" in imported and "crm_desktop.commands.arguments" in imported
    heavy = sorted(m for m in imported if m.split(".")[0] in HEAVY or m.startswith(HEAVY))
    assert heavy == [], f"{argv} imported {heavy[:8]}"


def test_the_light_copies_of_choices_match_their_sources():
    from crm_desktop.commands.core import LISTS
    from crm_desktop.commands.edit import KIND_NAMES
    from crm_desktop.documents.labels import LANGUAGE_CHOICES
    from crm_desktop.exchange.db_import import OnDuplicate
    from crm_desktop.search.documents import KINDS
    from crm_desktop.storage import lock

    assert arguments.LIST_ENTITIES == tuple(sorted(k.plural for k in LISTS))
    assert arguments.SEARCH_KINDS == KINDS
    assert arguments.EDIT_KINDS == tuple(KIND_NAMES)
    assert arguments.DOCUMENT_LANGUAGES == LANGUAGE_CHOICES
    assert arguments.ON_DUPLICATE == tuple(o.value for o in OnDuplicate)
    assert (READ, WRITE, REPLACE) == (lock.READ, lock.WRITE, lock.REPLACE)


def _parsers(parser: argparse.ArgumentParser, path: str = "crm-desktop"):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{path} {name}")


def test_every_option_and_argument_has_a_help_line():
    missing = []
    for path, parser in _parsers(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                missing += [f"{path} {c.dest}" for c in action._choices_actions if not c.help]
            elif not action.help:
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    assert missing == []


def _environment_variables_read() -> set[str]:
    """Every CRM_* name the program's code reads from the environment."""
    names = set()
    for path in (ROOT / "crm_desktop").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        names.update(re.findall(r"environ(?:\.get)?[\(\[]\s*\"(CRM_[A-Z_]+)\"", text))
        for const in re.findall(r"environ(?:\.get)?[\(\[]\s*([A-Z_]+)\b", text):
            m = re.search(rf"^{const} = \"(CRM_[A-Z_]+)\"", text, re.M)
            if m:
                names.add(m.group(1))
        names.update(re.findall(r"^ENV_[A-Z_]+ = \"(CRM_[A-Z_]+)\"", text, re.M))
    return names


def test_every_environment_variable_is_in_help_and_in_the_readme(data_dir):
    names = _environment_variables_read()
    assert {
        "CRM_DATABASE_URL",
        "CRM_PASSPHRASE",
        "CRM_NEW_PASSPHRASE",
        "CRM_DATA_DIR",
        "CRM_DEBUG",
    } <= names
    r = run("-m", "crm_desktop", "--help", data=data_dir)
    epilog = r.stdout.split("environment variables:", 1)[1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in sorted(names):
        assert name in epilog, name
        assert f"`{name}`" in readme, name


def test_list_json_prints_one_array_as_its_help_says(demo_db, data_dir):
    r = run("-m", "crm_desktop", "list", "--help", data=data_dir)
    assert "JSON array" in " ".join(r.stdout.split())
    r = run("-m", "crm_desktop", "--db", str(demo_db), "list", "trips", "--json", data=data_dir)
    trips = json.loads(r.stdout)
    assert isinstance(trips, list) and trips and all(len(t["id"]) == 36 for t in trips)


def _pdf_text(path: Path) -> str:
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_lang_before_the_command_is_the_language_of_memo_and_export(demo_db, tmp_path, data_dir):
    r = run("-m", "crm_desktop", "--db", str(demo_db), "list", "meetings", "--json", data=data_dir)
    meeting = json.loads(r.stdout)[0]["id"][:8]
    en, ru, own = tmp_path / "en.pdf", tmp_path / "ru.pdf", tmp_path / "own.pdf"
    for argv in (
        ["--lang", "en", "memo", meeting, "-o", str(en)],
        ["memo", meeting, "-o", str(ru)],
        ["--lang", "en", "memo", meeting, "-o", str(own), "--lang", "ru"],
    ):
        r = run("-m", "crm_desktop", "--db", str(demo_db), *argv, data=data_dir)
        assert r.returncode == 0, r.stderr
    assert "Agenda" in _pdf_text(en) and "Повестка" not in _pdf_text(en)
    assert "Повестка" in _pdf_text(ru) and "Повестка" in _pdf_text(own)
    sheet, sheet_ru = tmp_path / "sheet.pdf", tmp_path / "sheet_ru.pdf"
    r = run(
        "-m",
        "crm_desktop",
        "--db",
        str(demo_db),
        "--lang",
        "en",
        "export",
        "contacts",
        "-o",
        str(sheet),
        data=data_dir,
    )
    assert r.returncode == 0, r.stderr
    r = run(
        "-m",
        "crm_desktop",
        "--db",
        str(demo_db),
        "export",
        "contacts",
        "-o",
        str(sheet_ru),
        data=data_dir,
    )
    assert r.returncode == 0, r.stderr
    assert "Contact list" in _pdf_text(sheet) and "Contact list" not in _pdf_text(sheet_ru)


@pytest.mark.parametrize(
    ("n", "en", "ru"),
    [
        (0, "0 trips", "0 поездок"),
        (1, "1 trip", "1 поездка"),
        (2, "2 trips", "2 поездки"),
        (4, "4 trips", "4 поездки"),
        (5, "5 trips", "5 поездок"),
        (11, "11 trips", "11 поездок"),
        (12, "12 trips", "12 поездок"),
        (14, "14 trips", "14 поездок"),
        (21, "21 trips", "21 поездка"),
        (22, "22 trips", "22 поездки"),
        (101, "101 trips", "101 поездка"),
        (111, "111 trips", "111 поездок"),
        (1_001, "1,001 trips", "1\u00a0001 поездка"),
    ],
)
def test_counted_nouns_in_english_and_russian(n, en, ru):
    assert count(n, "trip") == en and count(n, "trips", "ru") == ru
    assert noun(1, "companies") == "company" and noun(3, "company", "ru") == "компании"


def test_counts_the_command_line_prints_agree_with_their_number(tmp_path, data_dir):
    db = tmp_path / "one.sqlite3"
    assert run("-m", "crm_desktop", "init", "--db", str(db), data=data_dir).returncode == 0
    one = tmp_path / "one.csv"
    one.write_text(
        "First Name,Last Name,E-mail 1 - Value\nWei,Zhang,zw@example.com\n", encoding="utf-8"
    )
    r = run("-m", "crm_desktop", "--db", str(db), "import", "contacts", str(one), data=data_dir)
    assert r.returncode == 0, r.stderr
    assert "1 created" in r.stdout and "0 rows rejected" in r.stdout
    r = run("-m", "crm_desktop", "--db", str(db), "check", data=data_dir)
    assert "0 companies, 1 contact, 0 projects" in r.stdout and "0 trips" in r.stdout
    r = run("-m", "crm_desktop", "--lang", "ru", "--db", str(db), "check", data=data_dir)
    assert "1 контакт," in r.stdout and "0 поездок" in r.stdout
    r = run(
        "-m",
        "crm_desktop",
        "--db",
        str(db),
        "export",
        "contacts",
        "-o",
        str(tmp_path / "x.csv"),
        data=data_dir,
    )
    assert r.stdout.startswith("Exported 1 contact to ")
    r = run(
        "-m",
        "crm_desktop",
        "--lang",
        "ru",
        "--db",
        str(db),
        "export",
        "contacts",
        "-o",
        str(tmp_path / "y.csv"),
        data=data_dir,
    )
    assert r.stdout.startswith("Экспорт: 1 контакт → ")
