"""Optimistic locking in the services, on SQLite and PostgreSQL: two sessions (two
runtimes, two engines) over one database, as two laptops on the team's server would be."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from crm_desktop.config import Paths
from crm_desktop.domain.errors import ConflictError
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.meetings import MeetingInput
from crm_desktop.domain.services.members import MemberInput
from crm_desktop.domain.services.projects import ProjectInput
from crm_desktop.domain.services.tasks import TaskInput
from crm_desktop.runtime import Runtime, open_runtime


@pytest.fixture
def two(db_url: str, paths: Paths) -> Iterator[tuple[Runtime, Runtime]]:
    """Two runtimes on one database; the second acts as the member Wang Fang."""
    first = open_runtime(db_url, paths)
    second = open_runtime(db_url, paths)
    try:
        wang = second.services.members.create(MemberInput(name="Ван Фан", position="analyst"))
        second.services.ctx.member_id = wang.id
        yield first, second
    finally:
        second.close()
        first.close()


def test_a_stale_update_raises_conflict_with_who_and_when(two: tuple[Runtime, Runtime]) -> None:
    a, b = (rt.services for rt in two)
    company = a.companies.create(CompanyInput(name="Kaiquan Pumps", city="Shanghai"))
    mine = a.companies.get(company.id)  # opened in the first window
    theirs = b.companies.get(company.id)
    before = datetime.now(UTC) - timedelta(seconds=1)
    b.companies.update(
        company.id,
        replace(CompanyInput.from_row(theirs), city="Suzhou"),
        expected_version=theirs.version,
    )

    with pytest.raises(ConflictError) as caught:
        a.companies.update(
            company.id,
            replace(CompanyInput.from_row(mine), city="Wuxi"),
            expected_version=mine.version,
        )
    err = caught.value
    assert err.member == "Ван Фан"
    assert err.device == b.ctx.device_id
    assert err.at is not None and err.at >= before
    assert (err.loaded, err.current) == (mine.version, mine.version + 1)
    assert "Ван Фан changed this company" in str(err) and "nothing was saved" in str(err)
    assert a.companies.get(company.id).city == "Suzhou"  # theirs kept, mine not written

    # After a reload the same edit goes through, at the version it now has.
    fresh = a.companies.get(company.id)
    saved = a.companies.update(
        company.id,
        replace(CompanyInput.from_row(fresh), city="Wuxi"),
        expected_version=fresh.version,
    )
    assert saved.city == "Wuxi" and saved.version == fresh.version + 1


def test_every_save_bumps_the_version_and_a_current_one_passes(
    two: tuple[Runtime, Runtime],
) -> None:
    a, _ = (rt.services for rt in two)
    company = a.companies.create(CompanyInput(name="Sany"))
    assert company.version == 1
    one = a.companies.update(
        company.id, replace(CompanyInput.from_row(company), city="A"), expected_version=1
    )
    two_ = a.companies.update(
        company.id, replace(CompanyInput.from_row(one), city="B"), expected_version=2
    )
    assert (one.version, two_.version) == (2, 3)


def test_a_record_moved_to_the_trash_meanwhile_is_a_conflict(two: tuple[Runtime, Runtime]) -> None:
    a, b = (rt.services for rt in two)
    company = a.companies.create(CompanyInput(name="Haier"))
    b.companies.delete(company.id, expected_version=company.version)
    with pytest.raises(ConflictError) as caught:
        a.companies.update(
            company.id,
            replace(CompanyInput.from_row(company), city="Qingdao"),
            expected_version=company.version,
        )
    assert caught.value.deleted and caught.value.member == "Ван Фан"
    with pytest.raises(ConflictError):
        a.companies.delete(company.id, expected_version=company.version)


def test_stage_moves_status_and_tasks_check_the_version(two: tuple[Runtime, Runtime]) -> None:
    a, b = (rt.services for rt in two)
    company = a.companies.create(CompanyInput(name="BYD"))
    stages = a.stages.list()
    project = a.projects.create(
        ProjectInput(title="Bus plant", company_id=company.id, stage_id=stages[0].id)
    )
    b.projects.move_to_stage(project.id, stages[1].id, expected_version=project.version)
    with pytest.raises(ConflictError):  # the board still showed the old card
        a.projects.move_to_stage(project.id, stages[2].id, expected_version=project.version)
    with pytest.raises(ConflictError):
        a.projects.set_status(project.id, project.status, expected_version=project.version)
    assert a.projects.get(project.id).stage_id == stages[1].id
    assert len(a.projects.stage_history(project.id)) == 2  # no half-written move

    task = a.tasks.create(TaskInput(title="Send the offer"))
    b.tasks.update(
        task.id,
        replace(TaskInput.from_row(task), title="Send the offer (EN)"),
        expected_version=task.version,
    )
    with pytest.raises(ConflictError):
        a.tasks.set_done(task.id, expected_version=task.version)
    assert a.tasks.get(task.id).done_at is None


def test_a_meeting_edit_checks_the_version(two: tuple[Runtime, Runtime]) -> None:
    a, b = (rt.services for rt in two)
    start = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
    meeting = a.meetings.record(
        MeetingInput(title="Talks", starts_at=start, timezone="Asia/Shanghai")
    )
    data = MeetingInput.from_row(meeting)
    b.meetings.record(
        replace(data, place="Suzhou"), meeting_id=meeting.id, expected_version=meeting.version
    )
    with pytest.raises(ConflictError):
        a.meetings.record(
            replace(data, place="Beijing"),
            [TaskInput(title="Call back")],
            meeting_id=meeting.id,
            expected_version=meeting.version,
        )
    assert a.meetings.get(meeting.id).place == "Suzhou"
    assert a.meetings.next_steps(meeting.id) == []  # nothing of the stale save was written


def test_the_write_itself_refuses_a_row_changed_after_it_was_read(
    two: tuple[Runtime, Runtime],
) -> None:
    """Without an expected version the UPDATE still carries ``WHERE version = loaded``:
    a row another session changed between this session's read and its write fails."""
    a, b = (rt.services for rt in two)
    company = a.companies.create(CompanyInput(name="Midea"))
    from crm_desktop.domain.models import Company

    with pytest.raises(ConflictError) as caught:
        with a.companies._writing(company.id, None) as (_s, row):
            b.companies.update(company.id, replace(CompanyInput.from_row(company), city="Foshan"))
            row.city = "Shunde"
    assert caught.value.member == "Ван Фан"
    with a.ctx.reading() as s:
        assert s.get(Company, company.id).city == "Foshan"  # type: ignore[union-attr]
