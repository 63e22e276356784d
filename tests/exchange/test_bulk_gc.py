"""An import pauses cyclic garbage collection while it runs and leaves it as it was."""

from __future__ import annotations

import csv
import gc
import threading

from crm_desktop.exchange import bulk, db_import
from crm_desktop.exchange.bulk import collector_paused


def test_the_collector_is_paused_inside_and_back_after_nested_and_threaded_uses():
    assert gc.isenabled()
    inner_started, outer_may_end = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other_bulk_work() -> None:
        with collector_paused():
            inner_started.set()
            outer_may_end.wait(10)
            seen.append(gc.isenabled())

    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block ending does not turn it back on
        worker = threading.Thread(target=other_bulk_work)
        worker.start()
        assert inner_started.wait(10)
    # the first finished; the other still runs with the collector paused
    assert not gc.isenabled()
    outer_may_end.set()
    worker.join(10)
    assert seen == [False]
    assert gc.isenabled() and bulk._depth == [0]


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_import_runs_without_collections_and_restores_them_even_when_it_fails(
    services, tmp_path, monkeypatch
):
    during: list[bool] = []
    real = db_import._import_records

    def spy(*args, **kwargs):
        during.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(db_import, "_import_records", spy)
    path = tmp_path / "one.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["Family name", "Given name"], ["Ivanov", "Ivan"]])
    assert db_import.import_file(services, path).created == 1
    assert during == [False]
    assert gc.isenabled()

    def broken(*args, **kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(db_import, "_import_records", broken)
    try:
        db_import.import_file(services, path)
    except RuntimeError:
        pass
    assert gc.isenabled() and bulk._depth == [0]
