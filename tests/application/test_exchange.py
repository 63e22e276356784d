"""Import and export use cases: what `import`, `export` and the GUI's dialogs call."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from crm_desktop.application import exchange
from crm_desktop.application.database import DatabaseLocation, open_database
from crm_desktop.application.demo import fill
from crm_desktop.config import Paths
from crm_desktop.exchange.records import ContactRecord, Email
from crm_desktop.runtime import Runtime

ROWS = [
    ("Zhang Wei", "zhang@example.cn"),
    ("Ольга Смирнова", "olga@example.ru"),
    ("John Miller", "john@example.com"),
]


@pytest.fixture
def rt(db_url: str, paths: Paths):  # noqa: ANN201
    runtime = open_database(DatabaseLocation.parse(db_url), paths)
    try:
        yield runtime
    finally:
        runtime.close()


def _csv(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Name", "Email"])
        w.writerows(ROWS)
    return path


def test_import_from_a_file_then_export_it_back(rt: Runtime, tmp_path: Path) -> None:
    seen: list[tuple[int, int | None]] = []
    report = exchange.import_contacts(
        rt.services,
        _csv(tmp_path / "in.csv"),
        progress=exchange.progress(lambda d, t: seen.append((d, t))),
    )
    assert report.written and report.created == 3 and rt.services.contacts.count() == 3
    assert seen and seen[-1] == (3, 3)
    done = exchange.export_contacts(rt.services, tmp_path / "out.csv", "csv")
    assert done.count == 3 and not done.private
    text = done.path.read_text(encoding="utf-8-sig")
    assert all(email in text for _, email in ROWS)


def test_a_dry_run_and_a_cancelled_import_write_nothing(rt: Runtime, tmp_path: Path) -> None:
    source = _csv(tmp_path / "in.csv")
    report = exchange.import_contacts(rt.services, source, exchange.ImportOptions(dry_run=True))
    assert report.dry_run and rt.services.contacts.count() == 0
    job = exchange.progress()
    job.cancel()
    with pytest.raises(exchange.Cancelled):
        exchange.import_contacts(rt.services, source, progress=job)
    assert rt.services.contacts.count() == 0


def test_the_preview_source_imports_its_cards(rt: Runtime) -> None:
    cards = [ContactRecord(family_name="Zhang", given_name="Wei", emails=[Email("z@example.cn")])]
    source = exchange.ImportSource("cards.vcf", cards=cards)
    assert source.total == 1
    report = exchange.import_contacts(rt.services, source)
    assert report.created == 1 and report.source == "cards.vcf"


def test_meetings_export_as_icalendar_and_cancel_keeps_the_old_file(
    rt: Runtime, tmp_path: Path
) -> None:
    fill(rt)
    target = tmp_path / "m.ics"
    done = exchange.export_meetings(rt.services, target, exchange.MeetingFilter())
    assert done.count == rt.services.meetings.count() > 0
    before = target.read_bytes()
    assert before.startswith(b"BEGIN:VCALENDAR")
    job = exchange.progress()
    job.cancel()
    with pytest.raises(exchange.Cancelled):
        exchange.export_contacts(rt.services, target, "vcf", progress=job)
    assert target.read_bytes() == before
