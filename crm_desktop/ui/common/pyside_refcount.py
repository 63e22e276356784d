"""Guard against a reference-count bug of PySide6 6.12 on CPython 3.11.

On CPython 3.11, PySide6 6.12.0 returns None from some calls without taking a reference
to it (seen with QWidget.setToolTip, QListWidgetItem.setData, QListWidget.addItem,
QComboBox.addItem, and Python models whose data() returns None): every such call lowers
None's reference count by one. After some thousands of calls CPython aborts with "Fatal
Python error: none_dealloc: deallocating None" — a pipeline board of 30,000 projects does
it while it fills its columns. CPython 3.12 made None immortal (PEP 683), which makes the
bug harmless there; ``pin_none()`` gives None the same immortal-sized count on older
versions. Call it once, before the first window is built.
"""

from __future__ import annotations

import ctypes
import sys

IMMORTAL = 1 << 40  # decrements at one per Qt call: never reached


def pin_none() -> bool:
    """Make None's reference count unreachable by stray decrements; True if it was raised."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field
    if refcount.value >= IMMORTAL:
        return False
    refcount.value += IMMORTAL
    return True
