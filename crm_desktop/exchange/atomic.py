"""Files written whole or not at all: a temporary file beside the target, then rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from crm_desktop.exchange.errors import ExchangeError


@contextmanager
def atomic_write(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary file; on success it replaces ``path``, on any exception (cancel
    included) it is removed and ``path`` keeps its previous content."""
    target = Path(path)
    if target.is_dir():
        raise ExchangeError(f"{target} is a folder; give a file name.")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExchangeError(f"Cannot write {target}: {exc.strerror or exc}.") from None
    try:
        # mkstemp makes the file private (0600); an export is an ordinary document
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        try:
            os.chmod(tmp, mode)
        except OSError:
            pass
        with os.fdopen(fd, "wb") as f:
            yield f  # type: ignore[misc]
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        _unlink(tmp)
        raise ExchangeError(f"Cannot write {target}: {exc.strerror or exc}.") from None
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
