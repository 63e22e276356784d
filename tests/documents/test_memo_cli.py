"""crm-desktop memo --copy / --approve / --draft, run as a user runs it (a subprocess)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.documents.pdfcheck import inspect_pdf
from tests.storage.test_writer_lock import Holder, cli, one_line_error


@pytest.fixture
def data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


def _meeting(db: Path, data: Path) -> str:
    r = cli("--db", str(db), "list", "meetings", "--json", data=data)
    assert r.returncode == 0, r.stderr
    return next(m["id"] for m in json.loads(r.stdout) if "итоги трёх лет" in m["title"])


def _revisions(db: Path) -> list[tuple[str, int]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT number, revision FROM memo_revision ORDER BY revision"
        ).fetchall()
    finally:
        conn.close()


def test_approve_reprint_and_partner_copy(demo_db: Path, data: Path, tmp_path: Path):
    meeting = _meeting(demo_db, data)
    draft = tmp_path / "draft.pdf"
    r = cli("--db", str(demo_db), "memo", meeting, "-o", str(draft), data=data)
    assert r.returncode == 0, r.stderr
    assert "draft: not approved" in r.stdout
    assert inspect_pdf(draft.read_bytes()).contains("Проект (не утверждён)")

    approved = tmp_path / "approved.pdf"
    r = cli("--db", str(demo_db), "memo", meeting, "--approve", "-o", str(approved), data=data)
    assert r.returncode == 0, r.stderr
    number = r.stdout.split("memo No. ")[1].split(",")[0]
    assert f"memo No. {number}, revision 1: approved" in r.stdout
    assert inspect_pdf(approved.read_bytes()).contains(f"Рег. № {number}")
    assert _revisions(demo_db) == [(number, 1)]

    partner = tmp_path / "partner.pdf"
    r = cli(
        "--db",
        str(demo_db),
        "memo",
        meeting,
        "--copy",
        "partner",
        "--lang",
        "ru+zh",
        "-o",
        str(partner),
        data=data,
    )
    assert r.returncode == 0, r.stderr
    info = inspect_pdf(partner.read_bytes())
    assert info.contains("Руководитель делегации / 代表团团长")
    for internal in ("Стадия", "ДЛЯ СЛУЖЕБНОГО", "Рег. №", "Ход обсуждения"):
        assert not info.contains(internal), internal
    assert "compiled by" not in r.stdout  # the partner's copy has no compiler line


@pytest.mark.parametrize(
    "args, message",
    [
        (["--approve", "--draft"], "not allowed with"),
        (["--copy", "everyone", "-o", "x.pdf"], "invalid choice"),
    ],
)
def test_bad_combinations_are_refused_in_one_line(demo_db, data, args, message):
    meeting = _meeting(demo_db, data)
    r = cli("--db", str(demo_db), "memo", meeting, *args, data=data)
    assert r.returncode != 0
    assert message in r.stderr and "Traceback" not in r.stderr


def test_approve_of_a_trip_or_all_is_one_line(demo_db, data, tmp_path):
    line = one_line_error(
        cli(
            "--db",
            str(demo_db),
            "memo",
            "--all",
            "--approve",
            "--out-dir",
            str(tmp_path),
            data=data,
        )
    )
    assert "one memo at a time" in line


def test_approve_is_refused_while_another_process_writes(demo_db, data, tmp_path):
    meeting = _meeting(demo_db, data)
    holder = Holder(demo_db, "writer")
    try:
        line = one_line_error(cli("--db", str(demo_db), "memo", meeting, "--approve", data=data))
        assert f"process {holder.pid}" in line
    finally:
        holder.stop()
    assert _revisions(demo_db) == []
    # once the other writer has gone, the same approval goes through
    r = cli("--db", str(demo_db), "memo", meeting, "--approve", data=data)
    assert r.returncode == 0, r.stderr
    assert _revisions(demo_db)[0][1] == 1


def test_compiler_chosen_on_the_command_line_is_printed(demo_db, data, tmp_path):
    meeting = _meeting(demo_db, data)
    pdf = tmp_path / "memo.pdf"
    r = cli(
        "--db",
        str(demo_db),
        "memo",
        meeting,
        "--compiler",
        "кузнецова марина олеговна",
        "-o",
        str(pdf),
        data=data,
    )
    assert r.returncode == 0, r.stderr
    assert (
        "compiled by: Кузнецова Марина Олеговна, Начальник управления по работе с "
        "иностранными инвесторами"
    ) in r.stdout
    info = inspect_pdf(pdf.read_bytes())
    assert info.contains("Составил") and info.contains("Кузнецова Марина Олеговна")
    before = pdf.read_bytes()
    line = one_line_error(
        cli(
            "--db", str(demo_db), "memo", meeting, "--compiler", "Nobody", "-o", str(pdf), data=data
        )
    )
    assert "No member" in line and pdf.read_bytes() == before
