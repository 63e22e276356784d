"""The place in the partner's language and the project's English / Chinese titles travel
to the other laptop with a sync, like every other field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from synchelp import company, open_rep, snapshot, two_way

from crm_desktop.application import sync
from crm_desktop.domain.services.meetings import MeetingInput
from crm_desktop.domain.services.projects import ProjectInput

PLACE_ZH = "上海市嘉定区，凯源泵业集团总部"
PROJECT_ZH = "服务中心及备件仓库"


def test_a_place_alt_and_project_title_edit_travels(tmp_path: Path) -> None:
    a = open_rep(tmp_path, "a")
    S = a.services
    cid = company(a, "Kaiyuan Pump")
    pid = S.projects.create(ProjectInput("Сервисный центр и склад запчастей", cid)).id
    mid = S.meetings.record(
        MeetingInput(
            "Встреча с Kaiyuan",
            dt.datetime(2026, 5, 20, 2, tzinfo=dt.UTC),
            "Asia/Shanghai",
            company_id=cid,
            project_id=pid,
            place="Шанхай, Цзядин",
        )
    ).id
    src = Path(a.url.removeprefix("sqlite:///"))
    a.close()
    a = open_rep(tmp_path, "a")
    b = open_rep(tmp_path, "b", copy_of=src)
    try:
        meeting = MeetingInput.from_row(b.services.meetings.get(mid))
        meeting.second_language, meeting.place_alt = "zh", PLACE_ZH
        b.services.meetings.record(meeting, meeting_id=mid)
        project = ProjectInput.from_row(b.services.projects.get(pid))
        project.title_zh, project.title_en = PROJECT_ZH, "Service centre"
        b.services.projects.update(pid, project)
        two_way(a, b)
        for rep in (a, b):
            got = rep.services.meetings.get(mid)
            assert (got.place_alt, got.place) == (PLACE_ZH, "Шанхай, Цзядин")
            row = rep.services.projects.get(pid)
            assert (row.title_zh, row.title_en) == (PROJECT_ZH, "Service centre")
            assert sync.conflicts(rep.rt.db) == []
        assert snapshot(a) == snapshot(b)
    finally:
        a.close()
        b.close()
