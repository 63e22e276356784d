"""Crash test: kill the real save path with SIGKILL at random moments, many times.

    python benchmarks/crash_test.py [--runs 1000] [--encrypted] [--max-ms 400] [--seed N]
    python benchmarks/crash_test.py --operations [--runs 200] [--seed N]

Each run starts a child process that opens the database the way the application does
(``open_runtime`` with the writer lock), then saves as fast as it can through the domain
services: it creates companies and edits one of them, one transaction per save, and
after each save returns it appends an acknowledgement to a file (written with
``os.write``, so it survives the process being killed). The parent kills the child
with SIGKILL at a random moment, then opens the database the way the next start does
(integrity check included) and checks that every acknowledged save is there.

It reports acknowledged rows lost and integrity failures; both must be zero. The exit
status is 1 when either is not.

``--operations`` kills the whole-file and bulk commands instead, each run one of:
``import`` (3,000 contacts, one transaction), ``restore``, ``encrypt``, ``rekey``
(change-passphrase), ``backup -o`` and ``sync OTHER`` (each side must be as it was or
fully merged, and the next sync must finish the merge on both), run through the real command line
(``crm_desktop.cli.main`` in the child). Most kills (80 %) wait for the command's first
write (the WAL growing, a ``.restoring-`` / ``.converting-`` / ``.part`` file appearing)
and land at a random moment after it. Then the next start (a writer open, which finishes
or undoes what the command left, or for ``backup -o`` the retried command) and the
checks: acknowledged rows lost (a command that returned 0 whose result is not there, or
a database that is neither the state before nor after), files left behind beside the
database or in the backups folder, and integrity failures. All three must be 0. A
failure of the checker itself is counted, never raised.

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
        return not (
            self.lost_rows or self.lost_edits or self.integrity_failures or self.open_failures
        )

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


def _child(
    url: str, paths: Paths, key: DatabaseKey | None, ack_path: Path, run: int, ready_fd: int
) -> None:
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
        row = companies.create(
            CompanyInput(
                name=f"crash-{run}-{i}",
                name_native=f"崩溃{i}",
                name_ru=f"Сбой {i}",
                country="CN",
                description="x" * random.randint(0, 3000),
            )
        )
        os.write(ack, f"C {row.id} {time.monotonic()}\n".encode())  # create() returned
        if edited is None:
            edited = row.id
        if i % 3 == 0:
            data = CompanyInput.from_row(companies.get(edited))
            data.employees = i
            companies.update(edited, data)
            os.write(ack, f"E {edited} {i}\n".encode())


def _check(url: str, path: Path, key: DatabaseKey | None, ack_path: Path, report: Report) -> None:
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


def _wait_for_first_save(ack_path: Path, pid: int, limit: float = 30.0) -> bool:
    """Wait until the child acknowledged its first save; True when it has already
    ended (and was reaped) instead."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        try:
            if b"\nC " in ack_path.read_bytes():
                return False
        except OSError:
            pass
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            return True
        time.sleep(0.002)
    return False


def run(
    runs: int = 1000,
    *,
    folder: Path | None = None,
    encrypted: bool = False,
    max_ms: float = 400.0,
    seed: int | None = None,
    progress: bool = False,
) -> Report:
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
            gone = False
            if rng.random() < 0.8:  # most kills land after the first save returned
                gone = _wait_for_first_save(ack_path, pid)
            if gone:
                report.open_failures += 1
                report.problems.append(f"run {n}: the child ended on its own")
            else:
                time.sleep(rng.uniform(0, max_ms) / 1000)
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            _check(url, path, key, ack_path, report)
            if progress and (n + 1) % 50 == 0:
                print(
                    f"... {n + 1} runs, {report.acknowledged_creates} saves, "
                    f"{report.lost_rows} lost",
                    flush=True,
                )
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
    parser.add_argument(
        "--max-ms",
        type=float,
        default=400.0,
        help="the kill comes 0..MAX ms after the child is ready",
    )
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument(
        "--folder", type=Path, default=None, help="work here instead of a temporary folder (kept)"
    )
    parser.add_argument(
        "--operations",
        action="store_true",
        help="kill import, restore, encrypt, re-key and backup instead",
    )
    args = parser.parse_args(argv)
    if args.operations:
        ops = run_operations(args.runs, folder=args.folder, seed=args.seed, progress=True)
        print(ops.text())
        return 0 if ops.ok else 1
    report = run(
        args.runs,
        folder=args.folder,
        encrypted=args.encrypted,
        max_ms=args.max_ms,
        seed=args.seed,
        progress=True,
    )
    print(report.text())
    return 0 if report.ok else 1


# -- whole-file and bulk operations -------------------------------------------------------

OPERATIONS = ("import", "restore", "encrypt", "rekey", "backup", "sync")
SYNC_MINE, SYNC_THEIRS = 30, 40  # companies each side has that the other has not
NEW_PASSPHRASE = "crash-test passphrase, the new one"
IMPORT_ROWS = 3000


@dataclass
class OpsReport:
    runs: int = 0
    by_operation: dict[str, int] = field(default_factory=dict)
    acknowledged: int = 0
    killed_after_first_write: int = 0
    finished_before_kill: int = 0
    lost: int = 0
    left_behind: int = 0
    integrity_failures: int = 0
    checker_errors: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.lost or self.left_behind or self.integrity_failures or self.checker_errors)

    def text(self) -> str:
        ops = ", ".join(f"{k} {v}" for k, v in sorted(self.by_operation.items()))
        lines = [
            f"runs: {self.runs} ({ops})",
            f"killed after the command's first write: {self.killed_after_first_write}; "
            f"finished before the kill: {self.finished_before_kill}",
            f"acknowledged (the command returned 0 before the kill): {self.acknowledged}",
            f"acknowledged rows lost / databases in neither state: {self.lost}",
            f"files left behind after the next start: {self.left_behind}",
            f"integrity failures: {self.integrity_failures}",
            f"checker errors: {self.checker_errors}",
            f"time: {self.seconds:.1f} s",
            "result: " + ("PASS" if self.ok else "FAIL"),
        ]
        lines += [f"problem: {p}" for p in self.problems[:20]]
        return "\n".join(lines)


@dataclass
class _Fixture:
    base: Path  # the database every run starts from (plain)
    base_encrypted: Path  # the same, encrypted under PASSPHRASE
    backup: Path  # a different database, what restore puts in place
    csv: Path
    contacts: int
    backup_contacts: int
    sync_mine: Path  # base with SYNC_MINE companies more: what sync starts from here
    sync_theirs: Path  # base with SYNC_THEIRS others: the database it merges with
    companies: int  # in base


def _count(path: Path, key: DatabaseKey | None) -> int:
    conn = (
        encryption.connect(path, key, readonly=True)
        if key
        else sqlite3.connect("file:" + str(path) + "?mode=ro", uri=True)
    )
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            raise RuntimeError(f"integrity: {rows[:2]}")
        return int(conn.execute("SELECT count(*) FROM contact").fetchone()[0])
    finally:
        conn.close()


def _companies(path: Path) -> int:
    conn = sqlite3.connect("file:" + str(path) + "?mode=ro", uri=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            raise RuntimeError(f"integrity: {rows[:2]}")
        return int(conn.execute("SELECT count(*) FROM company").fetchone()[0])
    finally:
        conn.close()


def _cli(*args: str) -> int:
    from crm_desktop.cli import main as cli_main

    return cli_main(list(args))


def _make_fixture(base_dir: Path) -> _Fixture:
    from crm_desktop.demo import load_demo

    os.environ["CRM_DATA_DIR"] = str(base_dir / "setup-data")
    os.environ["CRM_PASSPHRASE"] = PASSPHRASE
    paths = Paths(base_dir / "setup-data", base_dir / "setup-data" / "config")
    base = base_dir / "base.sqlite3"
    rt = open_runtime("sqlite:///" + str(base), paths)
    load_demo(rt.services)
    rt.close()
    other = base_dir / "other.sqlite3"
    rt = open_runtime("sqlite:///" + str(other), paths)
    for i in range(40):
        rt.services.companies.create(CompanyInput(name=f"restored-{i}", country="CN"))
    rt.close()
    backup = base_dir / "restore-me.sqlite3"
    from crm_desktop.storage.backups import online_backup

    online_backup(other, backup)
    for p in (base, other):
        conn = sqlite3.connect(p)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    enc = base_dir / "base-encrypted.sqlite3"
    import shutil

    shutil.copy(base, enc)
    encryption.encrypt_file(enc, PASSPHRASE)
    csv = base_dir / "import.csv"
    rows = ["Family name,Given name,Email"] + [
        f"王{i},建国,crash{i}@example.com" for i in range(IMPORT_ROWS)
    ]
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    sides = []
    for name, n in (("sync-mine", SYNC_MINE), ("sync-theirs", SYNC_THEIRS)):
        side = base_dir / f"{name}.sqlite3"
        shutil.copy(base, side)
        rt = open_runtime(
            "sqlite:///" + str(side), Paths(base_dir / name, base_dir / name / "config")
        )
        for i in range(n):
            rt.services.companies.create(CompanyInput(name=f"{name}-{i}", country="CN"))
        rt.close()
        sides.append(side)
    return _Fixture(
        base,
        enc,
        backup,
        csv,
        _count(base, None),
        _count(backup, None),
        sides[0],
        sides[1],
        _companies(base),
    )


def _first_write(op: str, db: Path, out: Path, wal_before: int) -> bool:
    name = db.name
    if op == "import":
        wal = Path(str(db) + "-wal")
        return wal.exists() and wal.stat().st_size > wal_before
    if op == "restore":
        return any(db.parent.glob(name + ".restoring-*"))
    if op in ("encrypt", "rekey"):
        return any(db.parent.glob(name + ".converting-*"))
    if op == "sync":
        return any(
            w.exists() and w.stat().st_size > wal_before
            for w in (Path(str(db) + "-wal"), db.parent / "theirs.sqlite3-wal")
        )
    return Path(str(out) + ".part").exists()


def _op_args(op: str, db: Path, fx: _Fixture, out: Path) -> list[str]:
    return {
        "import": ["--db", str(db), "import", "contacts", str(fx.csv)],
        "restore": ["--db", str(db), "restore", str(fx.backup)],
        "encrypt": ["--db", str(db), "encrypt"],
        "rekey": ["--db", str(db), "change-passphrase"],
        "backup": ["--db", str(db), "backup", "-o", str(out)],
        "sync": ["--db", str(db), "sync", str(db.parent / "theirs.sqlite3")],
    }[op]


def _leftovers(work: Path, db: Path, data: Path, out: Path) -> list[str]:
    allowed = {
        db.name,
        db.name + "-wal",
        db.name + "-shm",
        out.name,
        "ack",
        "theirs.sqlite3",
        "theirs.sqlite3-wal",
        "theirs.sqlite3-shm",
    }
    found = [p.name for p in work.iterdir() if p.is_file() and p.name not in allowed]
    backups = data / "backups"
    if backups.is_dir():
        found += [
            f"backups/{p.name}"
            for p in backups.iterdir()
            if ".part" in p.name or p.name.endswith(("-journal", "-wal", "-shm"))
        ]
    return found


def _check_operation(
    op: str, work: Path, fx: _Fixture, acked: bool, report: OpsReport, n: int
) -> None:
    db, out, data = work / "crm.sqlite3", work / "copy.sqlite3", work / "data"
    # The next start: a writer open finishes or undoes what the command left.
    if op == "backup":
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):
            code = _cli(*_op_args(op, db, fx, out))
        if code != 0:  # the user runs it again
            report.problems.append(f"run {n}: the retried backup failed")
            report.lost += 1
    if op == "sync":
        _check_sync(work, fx, acked, report, n)
        return
    passphrase = PASSPHRASE
    if db.exists() and encryption.is_encrypted(db):
        for candidate in (PASSPHRASE, NEW_PASSPHRASE):
            try:
                encryption.unlock(db, candidate)
                passphrase = candidate
                break
            except encryption.WrongPassphraseError:
                continue
    key = encryption.unlock(db, passphrase) if db.exists() and encryption.is_encrypted(db) else None
    paths = Paths(data, data / "config")
    try:
        rt = open_runtime("sqlite:///" + str(db), paths, key=key, writer=True, create=False)
        rt.close()
    except Exception as e:  # noqa: BLE001 - what the next start meets is what we count
        report.integrity_failures += 1
        report.problems.append(f"run {n} ({op}): the next start failed: {e}")
        return
    try:
        count = _count(db, key)
    except Exception as e:  # noqa: BLE001
        report.integrity_failures += 1
        report.problems.append(f"run {n} ({op}): {e}")
        return
    encrypted_now = key is not None
    before = fx.contacts
    if op == "import":
        good = {before + IMPORT_ROWS} if acked else {before, before + IMPORT_ROWS}
        ok = count in good
    elif op == "restore":
        good = {fx.backup_contacts} if acked else {before, fx.backup_contacts}
        ok = count in good
    elif op == "encrypt":
        ok = count == before and (encrypted_now or not acked)
    elif op == "rekey":
        ok = count == before and encrypted_now and (passphrase == NEW_PASSPHRASE or not acked)
    else:  # backup: the source is untouched, the copy is whole
        ok = count == before and _count(out, key) == before
    if not ok:
        report.lost += 1
        report.problems.append(
            f"run {n} ({op}): {count} contacts, acknowledged={acked}, encrypted={encrypted_now}"
        )
    left = _leftovers(work, db, data, out)
    if left:
        report.left_behind += len(left)
        report.problems.append(f"run {n} ({op}): left behind {left}")


def _check_sync(work: Path, fx: _Fixture, acked: bool, report: OpsReport, n: int) -> None:
    """Each side is as it was or fully merged (the other side commits first); the next
    sync then completes the merge on both."""
    db, theirs, data = work / "crm.sqlite3", work / "theirs.sqlite3", work / "data"
    merged = fx.companies + SYNC_MINE + SYNC_THEIRS
    try:
        for path in (db, theirs):
            rt = open_runtime(
                "sqlite:///" + str(path), Paths(data, data / "config"), writer=True, create=False
            )
            rt.close()
        mine_n, theirs_n = _companies(db), _companies(theirs)
    except Exception as e:  # noqa: BLE001 - what the next start meets is what we count
        report.integrity_failures += 1
        report.problems.append(f"run {n} (sync): {e}")
        return
    ok = mine_n in ({merged} if acked else {fx.companies + SYNC_MINE, merged}) and theirs_n in (
        {merged} if acked else {fx.companies + SYNC_THEIRS, merged}
    )
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        again = _cli(*_op_args("sync", db, fx, work / "copy.sqlite3"))
    if not ok or again != 0 or (_companies(db), _companies(theirs)) != (merged, merged):
        report.lost += 1
        report.problems.append(
            f"run {n} (sync): mine {mine_n}, theirs {theirs_n} companies, "
            f"acknowledged={acked}, the next sync returned {again}"
        )
    left = _leftovers(work, db, data, work / "copy.sqlite3")
    if left:
        report.left_behind += len(left)
        report.problems.append(f"run {n} (sync): left behind {left}")


def run_operations(
    runs: int = 100,
    *,
    folder: Path | None = None,
    seed: int | None = None,
    operations: tuple[str, ...] = OPERATIONS,
    progress: bool = False,
) -> OpsReport:
    """Kill import / restore / encrypt / re-key / backup at random moments (see the
    module text)."""
    if not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"):
        raise SystemExit("The crash test needs fork() and SIGKILL (Linux, macOS).")
    import shutil

    rng = random.Random(seed)
    tmp = tempfile.TemporaryDirectory(prefix="crm-crash-ops-") if folder is None else None
    base_dir = Path(tmp.name) if tmp else Path(folder)  # type: ignore[arg-type]
    report = OpsReport()
    started = time.monotonic()
    saved_env = {
        k: os.environ.get(k) for k in ("CRM_DATA_DIR", "CRM_PASSPHRASE", "CRM_NEW_PASSPHRASE")
    }
    try:
        fx = _make_fixture(base_dir)
        durations: dict[str, list[float]] = {}  # how long each finished command took
        for n in range(runs):
            op = operations[n % len(operations)] if n < len(operations) else rng.choice(operations)
            report.runs += 1
            report.by_operation[op] = report.by_operation.get(op, 0) + 1
            work = base_dir / f"run-{n}"
            try:
                work.mkdir()
                db, out, data = work / "crm.sqlite3", work / "copy.sqlite3", work / "data"
                shutil.copy(
                    fx.base_encrypted
                    if op == "rekey"
                    else fx.sync_mine
                    if op == "sync"
                    else fx.base,
                    db,
                )
                if op == "sync":
                    shutil.copy(fx.sync_theirs, work / "theirs.sqlite3")
                os.environ["CRM_DATA_DIR"] = str(data)
                os.environ["CRM_PASSPHRASE"] = PASSPHRASE
                os.environ["CRM_NEW_PASSPHRASE"] = NEW_PASSPHRASE
                ack = work / "ack"
                wal = Path(str(db) + "-wal")
                wal_before = wal.stat().st_size if wal.exists() else 0
                pid = os.fork()
                if pid == 0:  # the child: the real command line
                    code = 3
                    try:
                        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
                        sys.stderr = open(os.devnull, "w")  # noqa: SIM115
                        code = _cli(*_op_args(op, db, fx, out))
                        if code == 0:
                            fd = os.open(ack, os.O_WRONLY | os.O_CREAT, 0o600)
                            os.write(fd, b"done")
                            os.fsync(fd)
                            os.close(fd)
                    finally:
                        os._exit(code)
                t0 = time.monotonic()
                seen = durations.get(op)
                expected = statistics.median(seen) if seen else 2.0
                after_write = rng.random() < 0.8
                done = False
                if after_write:
                    while time.monotonic() - t0 < expected * 3 + 5:
                        if _first_write(op, db, out, wal_before):
                            break
                        if os.waitpid(pid, os.WNOHANG) != (0, 0):
                            done = True
                            break
                        time.sleep(0.001)
                    since = time.monotonic() - t0
                    # after the first write, well inside the command's usual time
                    delay = rng.uniform(0, 0.7 * max(0.0, expected - since))
                else:
                    delay = rng.uniform(0, expected)
                if not done:
                    time.sleep(delay)
                    if os.waitpid(pid, os.WNOHANG) == (0, 0):
                        os.kill(pid, signal.SIGKILL)
                        os.waitpid(pid, 0)
                        if after_write:
                            report.killed_after_first_write += 1
                    else:
                        done = True
                acked = ack.exists()
                if done or acked:
                    report.finished_before_kill += 1
                    if acked:
                        durations.setdefault(op, []).append(time.monotonic() - t0)
                report.acknowledged += int(acked)
                _check_operation(op, work, fx, acked, report, n)
            except Exception as e:  # noqa: BLE001 - the checker never crashes; it counts
                report.checker_errors += 1
                report.problems.append(f"run {n} ({op}): checker: {e.__class__.__name__}: {e}")
            finally:
                shutil.rmtree(work, ignore_errors=True)
            if progress and (n + 1) % 25 == 0:
                print(
                    f"... {n + 1} runs, {report.lost} lost, {report.left_behind} left, "
                    f"{report.integrity_failures} integrity",
                    flush=True,
                )
    finally:
        for k, v in saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        report.seconds = time.monotonic() - started
        if tmp is not None:
            tmp.cleanup()
    return report


if __name__ == "__main__":
    raise SystemExit(main())
