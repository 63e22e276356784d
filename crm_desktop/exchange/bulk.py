"""Fewer garbage collections while a bulk import or export runs.

Python starts a collection every 700 new container objects, and every tenth of those
walks the whole heap: the ORM's objects, the search keys' caches, pypinyin's dictionaries.
An import of 10,000 contacts makes millions of short-lived rows and dicts, and those
walks were a quarter of its CPU time. Raising the first threshold while the work runs
keeps the collector (cycles are still collected, in larger batches) and costs a few MB.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

BULK_THRESHOLD = 20_000  # new container objects between two youngest-generation collections

_lock = threading.Lock()
_depth = [0]  # bulk operations running (an import and an export may overlap in the GUI)
_saved: list[tuple[int, int, int]] = []


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often until the block ends (nested and threaded uses too:
    the first to start raises the threshold, the last to finish restores it)."""
    with _lock:
        if _depth[0] == 0:
            old = gc.get_threshold()
            _saved[:] = [old]
            gc.set_threshold(max(old[0], BULK_THRESHOLD), old[1], old[2])
        _depth[0] += 1
    try:
        yield
    finally:
        with _lock:
            _depth[0] -= 1
            if _depth[0] == 0 and _saved:
                gc.set_threshold(*_saved.pop())
