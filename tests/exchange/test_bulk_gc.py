"""An import collects garbage less often while it runs and leaves the collector as it was."""

from __future__ import annotations

import csv
import gc
import threading

from crm_desktop.exchange import bulk, db_import
from crm_desktop.exchange.bulk import BULK_THRESHOLD, fewer_collections


def test_the_threshold_is_raised_inside_and_restored_after_nested_and_threaded_uses():
    before = gc.get_threshold()
    inner_started, outer_may_end = threading.Event(), threading.Event()
    seen: list[int] = []

    def other_bulk_work() -> None:
        with fewer_collections():
            inner_started.set()
            outer_may_end.wait(10)
            seen.append(gc.get_threshold()[0])

    with fewer_collections():
        assert gc.get_threshold()[0] == max(before[0], BULK_THRESHOLD)
        with fewer_collections():
            assert gc.get_threshold()[0] == max(before[0], BULK_THRESHOLD)
        assert gc.get_threshold()[0] == max(before[0], BULK_THRESHOLD)
        worker = threading.Thread(target=other_bulk_work)
        worker.start()
        assert inner_started.wait(10)
    # the first finished; the other still runs with the raised threshold
    assert gc.get_threshold()[0] == max(before[0], BULK_THRESHOLD)
    outer_may_end.set()
    worker.join(10)
    assert seen == [max(before[0], BULK_THRESHOLD)]
    assert gc.get_threshold() == before


def test_an_import_runs_with_fewer_collections_and_restores_them_even_when_it_fails(
    services, tmp_path, monkeypatch
):
    before = gc.get_threshold()
    during: list[int] = []
    real = db_import._import_records

    def spy(*args, **kwargs):
        during.append(gc.get_threshold()[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(db_import, "_import_records", spy)
    path = tmp_path / "one.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["Family name", "Given name"], ["Ivanov", "Ivan"]])
    assert db_import.import_file(services, path).created == 1
    assert during == [max(before[0], BULK_THRESHOLD)]
    assert gc.get_threshold() == before

    def broken(*args, **kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(db_import, "_import_records", broken)
    try:
        db_import.import_file(services, path)
    except RuntimeError:
        pass
    assert gc.get_threshold() == before and bulk._depth == [0]
