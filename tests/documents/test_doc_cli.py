"""crm-desktop memo / dossier on the demo database: files, errors, exit codes."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pdfcheck import assert_all_fonts_embedded, inspect_pdf

from crm_desktop.cli import main
from crm_desktop.documents.batch import memo_filename


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    old = os.environ.get("CRM_DATA_DIR")
    os.environ["CRM_DATA_DIR"] = str(root / "data")
    db = root / "demo.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    yield root, db
    if old is None:
        os.environ.pop("CRM_DATA_DIR", None)
    else:
        os.environ["CRM_DATA_DIR"] = old


def _ids(db, entity, capsys):
    capsys.readouterr()
    assert main(["--db", str(db), "list", entity, "--json"]) == 0
    import json

    return json.loads(capsys.readouterr().out)


def test_memo_trip_dossier(demo, capsys):
    root, db = demo
    meetings = _ids(db, "meetings", capsys)
    meeting = next(m for m in meetings if "Kaiyuan" in m["title"])
    out = root / "memo.pdf"
    assert main(["--db", str(db), "memo", meeting["id"], "-o", str(out), "--lang", "ru+zh"]) == 0
    info = inspect_pdf(out.read_bytes())
    assert info.body_contains(meeting["agreements"])
    assert info.contains("Повестка / 议程")
    assert_all_fonts_embedded(info)
    # the 8-character prefix `list` prints works too
    short = root / "short.pdf"
    assert main(["--db", str(db), "memo", meeting["id"][:8], "-o", str(short)]) == 0
    assert short.stat().st_size > 10_000

    trip = _ids(db, "trips", capsys)[0]
    report = root / "trip.pdf"
    assert main(["--db", str(db), "memo", "--trip", trip["id"], "-o", str(report)]) == 0
    info = inspect_pdf(report.read_bytes())
    assert info.contains(trip["title"]) and len(info.pages) > 3
    assert_all_fonts_embedded(info)

    company = next(c for c in _ids(db, "companies", capsys) if c["name_native"])
    dossier = root / "dossier.pdf"
    argv = ["--db", str(db), "dossier", company["id"], "-o", str(dossier), "--lang", "en"]
    assert main(argv) == 0
    info = inspect_pdf(dossier.read_bytes())
    assert info.contains(company["name_native"])
    assert_all_fonts_embedded(info)
    assert not list(root.glob(".*.part")), "temporary files left behind"


def test_memo_all(demo, capsys):
    root, db = demo
    meetings = _ids(db, "meetings", capsys)
    folder = root / "memos" / "nested"
    assert main(["--db", str(db), "memo", "--all", "--out-dir", str(folder)]) == 0
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == len(meetings)
    assert all(re.match(r"\d{4}-\d\d-\d\d_.+_[0-9a-f-]{8}\.pdf$", f.name) for f in files)
    assert not list(folder.glob(".*"))


@pytest.mark.parametrize(
    "argv,message",
    [
        (["memo", "no-such-meeting", "-o", "{root}/x.pdf"], "No meeting with id no-such-meeting."),
        (["memo", "--trip", "nope", "-o", "{root}/x.pdf"], "No trip with id nope."),
        (["dossier", "nope", "-o", "{root}/x.pdf"], "No company with id nope."),
        (["memo", "{meeting}", "-o", "{root}/missing/dir/x.pdf"], "does not exist"),
        (["memo", "{meeting}", "-o", "{root}"], "is a folder"),
        (["memo", "{meeting}"], "-o FILE"),
        (["memo", "--all"], "--out-dir"),
        (["memo", "--all", "--out-dir", "{root}/demo.sqlite3"], "demo.sqlite3"),
        (["memo", "{meeting}", "-o", "/proc/crm-desktop-test.pdf"], "Cannot write"),
    ],
)
def test_errors_are_one_line_and_non_zero(demo, capsys, argv, message):
    root, db = demo
    meeting = _ids(db, "meetings", capsys)[0]["id"]
    argv = [a.format(root=root, meeting=meeting) for a in argv]
    capsys.readouterr()
    assert main(["--db", str(db), *argv]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("crm-desktop: error: "), err
    assert message in err
    assert not (root / "x.pdf").exists()


def test_memo_filename_is_safe():
    assert memo_filename("2026-05-20", 'Kaiyuan: итоги / план "A|B"?', "3dd200ae-xxxx") == (
        "2026-05-20_Kaiyuan-итоги-план-A-B_3dd200ae.pdf"
    )
    assert memo_filename("2026-05-20", "  ", "abcdef12") == "2026-05-20_meeting_abcdef12.pdf"
    assert Path(memo_filename("d", "x" * 500, "id")).name == f"d_{'x' * 60}_id.pdf"
