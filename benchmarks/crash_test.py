"""Crash test: kill the real save path with SIGKILL at random moments, many times.

    python benchmarks/crash_test.py [--runs 1000] [--encrypted] [--max-ms 400] [--seed N]

Each run starts a child process that opens the database the way the application does
(``open_runtime`` with the writer lock), then saves as fast as it can through the domain
services: it creates companies and edits one of them, one transaction per save, and
after each save returns it appends an acknowledgement to a file (written with
``os.write``, so it survives the process being killed). The parent kills the child
with SIGKILL at a random moment, then opens the database the way the next start does
(integrity check included) and checks that every acknowledged save is there.

It reports acknowledged rows lost and integrity failures; both must be zero. The exit
status is 1 when either is not.

On POSIX the child is a fork of this process (modules already imported), so a run
costs a fraction of a second; the kill itself is SIGKILL, which Windows does not have.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an install

from crm_desktop.config import Paths  # noqa: E402
from crm_desktop.domain.services.companies import CompanyInput  # noqa: E402
from crm_desktop.runtime import open_runtime  # noqa: E402
from crm_desktop.storage import encryption  # noqa: E402
from crm_desktop.storage.encryption import DatabaseKey  # noqa: E402

PASSPHRASE = "crash-test passphrase"


@dataclass
class Report:
    runs: int = 0
    acknowledged_creates: int = 0
    acknowledged_edits: int = 0
    lost_rows: int = 0
    lost_edits: int = 0
    integrity_failures: int = 0
    open_failures: int = 0
    killed_before_first_save: int = 0
    problems: list[str] = field(default_factory=list)
    first_save_ms: list[float] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.lost_rows or self.lost_edits or self.integrity_failures
                    or self.open_failures)

    @property
    def median_first_save_ms(self) -> float:
        return statistics.median(self.first_save_ms) if self.first_save_ms else 0.0

    def text(self) -> str:
        lines = [
            f"runs: {self.runs} (SIGKILL at a random moment in each)",
            f"acknowledged saves: {self.acknowledged_creates} creates, "
            f"{self.acknowledged_edits} edits",
            f"acknowledged rows lost: {self.lost_rows}",
            f"acknowledged edits lost: {self.lost_edits}",
            f"integrity failures: {self.integrity_failures}",
            f"databases that would not open: {self.open_failures}",
            f"runs killed before their first save: {self.killed_before_first_save}",
            f"median time from open to first save: {self.median_first_save_ms:.0f} ms",
            f"time: {self.seconds:.1f} s",
            "result: " + ("PASS" if self.ok else "FAIL"),
        ]
        lines += [f"problem: {p}" for p in self.problems[:20]]
        return "\n".join(lines)


def _child(url: str, paths: Paths, key: DatabaseKey | None, ack_path: Path, run: int,
           ready_fd: int) -> None:
    """The save loop; never returns (the parent kills it)."""
    rt = open_runtime(url, paths, key=key, writer=True)
    ack = os.open(ack_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.write(ack, f"R {time.monotonic()}\n".encode())
    os.write(ready_fd, b"r")
    os.close(ready_fd)
    companies = rt.services.companies
    edited: str | None = None
    i = 0
    while True:
        i += 1
        row = companies.create(CompanyInput(name=f"crash-{run}-{i}", name_native=f"崩溃{i}",
                                            name_ru=f"Сбой {i}", country="CN",
                                            description="x" * random.randint(0, 3000)))
        os.write(ack, f"C {row.id} {time.monotonic()}\n".encode())  # create() returned
        if edited is None:
            edited = row.id
        if i % 3 == 0:
            data = CompanyInput.from_row(companies.get(edited))
            data.employees = i
            companies.update(edited, data)
            os.write(ack, f"E {edited} {i}\n".encode())


def _check(url: str, path: Path, key: DatabaseKey | None, ack_path: Path,
           report: Report) -> None:
    acked: list[str] = []
    ready_at = 0.0
    edits: dict[str, int] = {}
    if ack_path.exists():
        for line in ack_path.read_text().splitlines():
            parts = line.split()
            if parts[0] == "R":
                ready_at = float(parts[1])
            elif len(parts) == 3 and parts[0] == "C":
                acked.append(parts[1])
                if len(acked) == 1:
                    report.first_save_ms.append((float(parts[2]) - ready_at) * 1000)
            elif len(parts) == 3 and parts[0] == "E":
                edits[parts[1]] = int(parts[2])
    report.acknowledged_creates += len(acked)
    report.acknowledged_edits += len(edits)
    if not acked:
        report.killed_before_first_save += 1
    # The next start: WAL recovery, integrity check, schema check.
    try:
        conn = encryption.connect(path, key) if key else sqlite3.connect(path)
    except Exception as e:  # noqa: BLE001 - any failure to open is what we count
        report.open_failures += 1
        report.problems.append(f"run {report.runs}: cannot open: {e}")
        return
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if rows != ["ok"] or fk:
            report.integrity_failures += 1
            report.problems.append(f"run {report.runs}: integrity {rows[:3]} fk {fk[:3]}")
        present = {r[0] for r in conn.execute("SELECT id FROM company")}
        lost = [a for a in acked if a not in present]
        report.lost_rows += len(lost)
        if lost:
            report.problems.append(f"run {report.runs}: lost {len(lost)} acknowledged rows")
        for cid, n in edits.items():
            got = conn.execute("SELECT employees FROM company WHERE id = ?", (cid,)).fetchone()
            if got is None or got[0] is None or got[0] < n:
                report.lost_edits += 1
                report.problems.append(f"run {report.runs}: edit {n} of {cid} lost ({got})")
    finally:
        conn.close()
    ack_path.unlink(missing_ok=True)


def run(runs: int = 1000, *, folder: Path | None = None, encrypted: bool = False,
        max_ms: float = 400.0, seed: int | None = None,
        progress: bool = False) -> Report:
    if not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"):
        raise SystemExit("The crash test needs fork() and SIGKILL (Linux, macOS).")
    rng = random.Random(seed)
    own = folder is None
    tmp = tempfile.TemporaryDirectory(prefix="crm-crash-") if own else None
    base = Path(tmp.name) if tmp else Path(folder)  # type: ignore[arg-type]
    paths = Paths(data_dir=base / "data", config_dir=base / "data" / "config")
    path = base / "crash.sqlite3"
    url = "sqlite:///" + str(path)
    key = DatabaseKey.new(PASSPHRASE) if encrypted else None
    open_runtime(url, paths, key=key).close()  # schema and default stages, once
    ack_path = base / "ack.txt"
    report = Report()
    started = time.monotonic()
    try:
        for n in range(runs):
            report.runs += 1
            r, w = os.pipe()
            gc.freeze()  # the child's collector must not walk (and copy) the parent's heap
            pid = os.fork()
            if pid == 0:  # the child
                os.close(r)
                code = 0
                try:
                    random.seed(rng.random() + n)
                    _child(url, paths, key, ack_path, n, w)
                except BaseException as e:  # noqa: BLE001 - report and leave
                    sys.stderr.write(f"child failed: {e!r}\n")
                    code = 3
                os._exit(code)
            os.close(w)
            ready = os.read(r, 1)
            os.close(r)
            if ready != b"r":
                os.waitpid(pid, 0)
                report.open_failures += 1
                report.problems.append(f"run {n}: the child could not open the database")
                continue
            time.sleep(rng.uniform(0, max_ms) / 1000)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            _check(url, path, key, ack_path, report)
            if progress and (n + 1) % 50 == 0:
                print(f"... {n + 1} runs, {report.acknowledged_creates} saves, "
                      f"{report.lost_rows} lost", flush=True)
    finally:
        gc.unfreeze()
        report.seconds = time.monotonic() - started
        if tmp is not None:
            tmp.cleanup()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--encrypted", action="store_true", help="an SQLCipher database")
    parser.add_argument("--max-ms", type=float, default=400.0,
                        help="the kill comes 0..MAX ms after the child is ready")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--folder", type=Path, default=None,
                        help="work here instead of a temporary folder (kept)")
    args = parser.parse_args(argv)
    report = run(args.runs, folder=args.folder, encrypted=args.encrypted,
                 max_ms=args.max_ms, seed=args.seed, progress=True)
    print(report.text())
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
