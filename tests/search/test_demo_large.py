"""The large synthetic data: the counts asked for, real-looking names in several scripts,
every table the application reads filled, and all of it findable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crm_desktop.cli import main
from crm_desktop.demo_large import LargeCounts, generate
from crm_desktop.search.service import SearchService


def test_generate_fills_every_table_and_the_index(runtime) -> None:
    counts = LargeCounts(companies=60, contacts=400, meetings=150, members=5, sites=4)
    made = generate(runtime.db.engine, counts)
    assert made["companies"] == 60
    assert made["contacts"] == 400
    assert made["meetings"] == 150
    assert made["tasks"] == 150
    assert made["projects"] == 90
    assert made["stage_changes"] >= made["projects"]  # every project has its history
    assert made["meeting_participants"] > 150

    s = runtime.services
    assert s.contacts.count() == 400
    assert s.meetings.count() == 150
    contacts = s.contacts.list(s.contacts.query(limit=400))
    scripts = {
        "han": any("\u4e00" <= ch <= "\u9fff" for c in contacts for ch in c.display_name),
        "cyrillic": any(c.family_name_ru for c in contacts),
        "latin": any(c.family_name_latin for c in contacts),
    }
    assert all(scripts.values()), scripts
    # every generated phone is a real number of its country, so an export imports again
    import phonenumbers

    phones = [p["value"] for c in contacts for p in c.phones]
    assert phones and all(phonenumbers.is_valid_number(phonenumbers.parse(p)) for p in phones)

    # a generated Chinese contact is found by its Russian and pinyin spellings
    chinese = next(c for c in contacts if c.family_name_native and c.family_name_ru)
    search = SearchService(runtime.db.session_factory)
    for q in (
        chinese.display_name,
        f"{chinese.family_name_ru} {chinese.given_name_ru}",
        f"{chinese.family_name_latin}{chinese.given_name_latin}",
    ):
        assert chinese.id in search.matching_ids("contact", q), q


def test_generation_is_deterministic(runtime, tmp_path: Path, paths) -> None:
    from crm_desktop.runtime import open_runtime

    small = LargeCounts(companies=10, contacts=30, meetings=5, members=2, sites=1)
    generate(runtime.db.engine, small, seed=3)
    other = open_runtime("sqlite:///" + str(tmp_path / "other.sqlite3"), paths)
    try:
        generate(other.db.engine, small, seed=3)
        names = [[c.display_name for c in rt.services.contacts.list()] for rt in (runtime, other)]
    finally:
        other.close()
    assert names[0] == names[1]


def test_cli_demo_large_with_counts(tmp_path: Path, data_dir, capsys) -> None:
    db = tmp_path / "large.sqlite3"
    code = main(
        ["demo", "--db", str(db), "--companies", "20", "--contacts", "100", "--meetings", "30"]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "20 companies" in out and "100 contacts" in out and "30 meetings" in out
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT COUNT(*) FROM contact").fetchone()[0] == 100
        assert conn.execute("SELECT COUNT(*) FROM search_doc WHERE kind = 2").fetchone()[0] == 100
    finally:
        conn.close()
    assert main(["search", "--db", str(db), "--kind", "company", "Co"]) == 0
