"""Files written whole or not at all: a temporary file beside the target, then a rename.

Every export, PDF and saved copy goes through here, so a full disk, a missing permission
or a cancelled job never leaves a half-written file, and the previous file survives.

A file written from an encrypted database holds its records in plaintext: the caller
passes ``private=True`` and the file is created owner-only (0600), whatever mode a file
it replaces had.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from crm_desktop.domain.errors import CrmError

PRIVATE_MODE = 0o600


@contextmanager
def atomic_write(
    path: str | os.PathLike[str], error: type[CrmError] = CrmError, *, private: bool = False
) -> Iterator[BinaryIO]:
    """Yield a binary file; on success it replaces ``path``. On any exception (a cancel
    included) the temporary file is removed and ``path`` keeps its previous content.
    OS errors become ``error`` with a one-line message naming the file. ``private``: the
    file is owner-only (written from an encrypted database)."""
    target = Path(path)
    refuse_special(target, error)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _cannot_write(error, target, exc) from None
    try:
        # mkstemp makes the file private (0600); a document keeps ordinary permissions
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        if private:
            mode = PRIVATE_MODE
        try:
            os.chmod(tmp, mode)
        except OSError:
            pass
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        _unlink(tmp)
        raise _cannot_write(error, target, exc) from None
    except BaseException:
        _unlink(tmp)
        raise


def fsync_path(path: str | os.PathLike[str]) -> None:
    """Make a file that was written and closed (by SQLite, or a copy) durable before it
    is renamed into place: fsync through a descriptor of its own. OSError propagates."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def refuse_special(target: Path, error: type[CrmError] = CrmError) -> None:
    """A folder, device, FIFO or socket is never a file to write: renaming over it would
    replace the node (``-o /dev/null`` run as root replaced /dev/null)."""
    if target.is_dir():
        raise error(f"{target} is a folder; give a file name.", code="is_folder", path=str(target))
    if os.path.lexists(target) and not target.is_file():
        raise error(
            f"{target} is not a regular file (a device, FIFO or socket); give a file name.",
            code="not_a_file",
            path=str(target),
        )


def write_bytes_atomic(
    path: str | os.PathLike[str],
    data: bytes,
    error: type[CrmError] = CrmError,
    *,
    private: bool = False,
) -> None:
    with atomic_write(path, error, private=private) as f:
        f.write(data)


def _cannot_write(error: type[CrmError], target: Path, exc: OSError) -> CrmError:
    reason = exc.strerror or str(exc)
    return error(
        f"Cannot write {target}: {reason}.", code="cannot_write", path=str(target), reason=reason
    )


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
