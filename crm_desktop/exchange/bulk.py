"""No cyclic garbage collection while a bulk import, export or merge runs.

Python starts a collection every 700 new container objects, and every tenth of those
walks the whole heap: the search keys' caches, pypinyin's dictionaries, the rows in
flight. An import of 10,000 contacts makes millions of short-lived rows and dicts, which
reference counting frees as it goes; the collector's walks found almost nothing in them
and cost 0.9 s of its 7.4 s CPU (a merge of 10,000 rows: 0.3 of 4.5 s). Collection is
paused until the work ends, then back as it was; the few cycles made meanwhile are
collected then.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = [0]  # bulk operations running (an import and an export may overlap in the GUI)
_was_enabled = [True]


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection until the block ends (nested and threaded uses too: the
    first to start pauses it, the last to finish turns it back on if it was on)."""
    with _lock:
        if _depth[0] == 0:
            _was_enabled[0] = gc.isenabled()
            gc.disable()
        _depth[0] += 1
    try:
        yield
    finally:
        with _lock:
            _depth[0] -= 1
            if _depth[0] == 0 and _was_enabled[0]:
                gc.enable()
