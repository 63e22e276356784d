"""Property-based fuzzing: random and mutated files to the importers, random bytes to
the database-open path. Nothing may raise anything but a user-facing CrmError, and a
rejected input may leave nothing half-written."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.config import Paths
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.exchange.db_import import ImportOptions, import_file
from crm_desktop.runtime import open_runtime

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exchange"
SAMPLES = (
    sorted(p for p in FIXTURES.iterdir() if p.suffix in (".csv", ".vcf", ".xlsx"))
    if FIXTURES.is_dir()
    else []
)
SUFFIXES = (".csv", ".vcf", ".xlsx", ".txt")
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A real sample file with a few bytes flipped, cut, duplicated or inserted."""
    if not SAMPLES or draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=4096))
    data = bytearray(draw(st.sampled_from(SAMPLES)).read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "cut", "insert", "truncate", "dup"]))
        if op == "flip":
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "cut":
            del data[i : i + draw(st.integers(1, 64))]
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=32))
        elif op == "truncate":
            del data[i:]
        else:
            data[i:i] = data[i : i + draw(st.integers(1, 200))]
    return bytes(data)


def _counts(services: object) -> tuple[int, ...]:
    s = services
    return (s.contacts.count(), s.companies.count(), len(s.tags.list()))  # type: ignore[attr-defined]


def test_importers_take_any_file_without_a_crash_or_a_partial_write(paths: Paths, tmp_path: Path):
    rt = open_runtime("sqlite:///" + str(tmp_path / "fuzz.sqlite3"), paths)
    rt.services.companies.create(CompanyInput(name="Existing"))
    work = Path(tempfile.mkdtemp(dir=tmp_path))

    @FUZZ
    @given(data=mutated(), suffix=st.sampled_from(SUFFIXES))
    def check(data: bytes, suffix: str) -> None:
        f = work / ("input" + suffix)
        f.write_bytes(data)
        before = _counts(rt.services)
        try:
            report = import_file(rt.services, f, ImportOptions())
        except CrmError:
            assert _counts(rt.services) == before  # rejected: nothing written
            return
        assert report is not None

    try:
        check()
    finally:
        rt.close()
        shutil.rmtree(work, ignore_errors=True)


def _small_database(folder: Path) -> bytes:
    paths = Paths(folder, folder / "config")
    path = folder / "seed.sqlite3"
    rt = open_runtime("sqlite:///" + str(path), paths)
    for i in range(15):
        rt.services.companies.create(CompanyInput(name=f"Seed {i}", description="x" * 300))
    rt.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path.read_bytes()


@st.composite
def database_bytes(draw: st.DrawFn, seed: bytes) -> bytes:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.binary(max_size=8192))
    if kind == 1:  # a plausible header over garbage
        return b"SQLite format 3\x00" + draw(st.binary(max_size=8192))
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, len(data) - 1))
        if draw(st.booleans()):
            data[i] ^= 1 << draw(st.integers(0, 7))
        else:
            data[i : i + 16] = draw(st.binary(min_size=16, max_size=16))
    if kind == 3:
        del data[draw(st.integers(100, len(data) - 1)) :]
    return bytes(data)


def test_random_bytes_to_the_open_path_never_crash_and_never_write(tmp_path: Path):
    seed = _small_database(tmp_path / "seed")
    folder = tmp_path / "fuzz"

    @FUZZ
    @given(data=database_bytes(seed))
    def check(data: bytes) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        path = folder / "crm.sqlite3"
        path.write_bytes(data)
        paths = Paths(folder, folder / "config")
        try:
            rt = open_runtime("sqlite:///" + str(path), paths, writer=True)
        except CrmError:
            assert path.read_bytes() == data  # refused: not a byte changed
            # A read-only look at a file whose header says WAL makes SQLite create an
            # empty -wal and its -shm index; neither holds data.
            left = {p.name for p in folder.iterdir()} - {
                "config",
                "crm.sqlite3.lock",
                "crm.sqlite3-shm",
            }
            assert left <= {"crm.sqlite3", "crm.sqlite3-wal"}, left
            wal = folder / "crm.sqlite3-wal"
            assert not wal.exists() or wal.stat().st_size == 0
            return
        rt.close()  # a mutation in unused space is still a sound database

    check()
