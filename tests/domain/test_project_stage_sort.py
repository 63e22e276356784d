"""Projects sorted by stage follow the pipeline order (Lead first), in both directions."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.config import Paths
from crm_desktop.runtime import open_runtime


def test_sort_by_stage_follows_the_pipeline(demo_db: Path, paths: Paths) -> None:
    rt = open_runtime("sqlite:///" + str(demo_db), paths)
    try:
        projects = rt.services.projects
        up = [p.stage.position for p in projects.list(projects.query(sort="stage"))]
        down = [
            p.stage.position for p in projects.list(projects.query(sort="stage", descending=True))
        ]
        assert len(set(up)) > 3
        assert up == sorted(up)
        assert down == sorted(up, reverse=True)
        page = projects.list(projects.query(sort="stage", offset=2, limit=3))
        assert [p.stage.position for p in page] == up[2:5]
    finally:
        rt.close()
