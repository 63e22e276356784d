"""Documents use case: what `memo`, `dossier` and the GUI's document actions call."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crm_desktop.application import documents
from crm_desktop.application.database import DatabaseLocation, open_database
from crm_desktop.application.demo import fill
from crm_desktop.config import Paths
from crm_desktop.domain.errors import CrmError
from crm_desktop.runtime import Runtime


@pytest.fixture
def story(db_url: str, paths: Paths):  # noqa: ANN201
    rt = open_database(DatabaseLocation.parse(db_url), paths)
    fill(rt)
    try:
        yield rt
    finally:
        rt.close()


def _meetings(rt: Runtime) -> list[str]:
    m = rt.services.meetings
    return [x.id for x in m.list(m.query())]


def test_memo_dossier_and_trip_report_are_pdfs(story: Runtime, tmp_path: Path) -> None:
    s = story.services
    meeting = _meetings(story)[0]
    pdf = documents.memo(s, meeting[:8], "ru+zh")  # the 8 characters `list` shows
    assert pdf.data.startswith(b"%PDF") and pdf.filename.endswith(f"_{meeting[:8]}.pdf")
    company = s.companies.list(s.companies.query())[0]
    assert documents.dossier(s, company.id).data.startswith(b"%PDF")
    trip = s.trips.list(s.trips.query())[0]
    target = documents.save(s, documents.trip_report(s, trip.id, "en"), tmp_path / "t.pdf")
    assert target.read_bytes().startswith(b"%PDF")


def test_saving_refuses_a_missing_folder_and_a_folder(story: Runtime, tmp_path: Path) -> None:
    pdf = documents.memo(story.services, _meetings(story)[0])
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(CrmError, match="does not exist"):
        documents.save(story.services, pdf, out / "nowhere" / "m.pdf")
    with pytest.raises(CrmError, match="folder"):
        documents.save(story.services, pdf, out)
    assert list(out.iterdir()) == []


def test_a_batch_writes_every_memo_with_progress(story: Runtime, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    batch = documents.write_memos(
        story.services,
        tmp_path / "memos",
        "en",
        progress=lambda p, done, total: seen.append((done, total)),
    )
    total = len(_meetings(story))
    assert not batch.cancelled and batch.total == total
    assert sorted(p.name for p in (tmp_path / "memos").iterdir()) == sorted(
        p.name for p in batch.written
    )
    assert seen == [(i, total) for i in range(1, total + 1)]
    assert all(p.read_bytes().startswith(b"%PDF") for p in batch.written)


def test_a_cancelled_batch_keeps_whole_memos_and_stops(story: Runtime, tmp_path: Path) -> None:
    batch = documents.write_memos(story.services, tmp_path / "out", cancelled=lambda: True)
    assert batch.cancelled and len(batch.written) == 1 < batch.total
    assert [p.name for p in (tmp_path / "out").iterdir()] == [batch.written[0].name]


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_batch_of_an_encrypted_database_is_owner_only(paths: Paths, tmp_path: Path) -> None:
    from crm_desktop.storage.encryption import DatabaseKey

    rt = open_database(
        DatabaseLocation.parse("sqlite:///" + str(tmp_path / "e.sqlite3")),
        paths,
        key=DatabaseKey.new("correct horse battery staple 42"),
    )
    try:
        fill(rt)
        batch = documents.write_memos(rt.services, tmp_path / "out", meeting_ids=_meetings(rt)[:2])
    finally:
        rt.close()
    assert len(batch.written) == 2
    assert all(p.stat().st_mode & 0o077 == 0 for p in batch.written)
