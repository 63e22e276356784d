"""Export/import timings for N contacts, beside plain sqlite3 + csv writing the same rows.

``python benchmarks/exchange_bench.py --contacts 200000`` prints a table;
``run()`` returns the numbers for the project benchmark (benchmarks/bench.py).
Peak memory of each export is measured with tracemalloc (Python allocations).
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout, not an installed copy

from sqlalchemy import insert  # noqa: E402

from crm_desktop.config import Paths  # noqa: E402
from crm_desktop.domain.models import Company, Contact  # noqa: E402
from crm_desktop.domain.services import Services  # noqa: E402
from crm_desktop.exchange.db_export import export_contacts  # noqa: E402
from crm_desktop.exchange.db_import import ImportOptions, OnDuplicate, import_file  # noqa: E402

_FAMILY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
_FAMILY_PY = [
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "He",
    "Gao",
    "Lin",
    "Luo",
]
_GIVEN_PY = [
    "Wei",
    "Fang",
    "Na",
    "Min",
    "Jing",
    "Li",
    "Qiang",
    "Lei",
    "Jun",
    "Yang",
    "Yong",
    "Yan",
    "Jie",
    "Juan",
    "Tao",
    "Ming",
    "Chao",
    "Xiu",
    "Xia",
    "Ping",
    "Gang",
    "Gui",
]


def populate(services: Services, n: int, companies: int = 2000, seed: int = 7) -> None:
    """Insert ``n`` synthetic contacts quickly (bulk insert; no audit rows)."""
    rnd = random.Random(seed)
    now = datetime.now(UTC)
    device = services.ctx.device_id
    company_ids = [str(uuid.uuid4()) for _ in range(companies)]
    with services.ctx.unit_of_work() as s:
        s.execute(
            insert(Company),
            [
                {
                    "id": cid,
                    "name": f"Company {i} Co., Ltd.",
                    "name_latin": f"Company {i} Co., Ltd.",
                    "country": "CN" if i % 5 else "RU",
                    "created_at": now,
                    "updated_at": now,
                    "origin": device,
                    "hlc": "",
                    "version": 1,
                }
                for i, cid in enumerate(company_ids)
            ],
        )
        batch = []
        # one name per company at most once: the same name at the same company is, by
        # the import's rules, the same person
        used: dict[int, set[tuple[int, int]]] = {}
        for i in range(n):
            taken = used.setdefault(i % companies, set())
            f, g = rnd.randrange(20), rnd.randrange(22)
            while (f, g) in taken and len(taken) < 20 * 22:
                f, g = rnd.randrange(20), rnd.randrange(22)
            taken.add((f, g))
            fam, giv = _FAMILY[f], _GIVEN[g % len(_GIVEN)]
            batch.append(
                {
                    "id": str(uuid.uuid4()),
                    "company_id": company_ids[i % companies],
                    "family_name_native": fam,
                    "given_name_native": giv,
                    "family_name_latin": _FAMILY_PY[f],
                    "given_name_latin": _GIVEN_PY[g],
                    "family_name_ru": "",
                    "given_name_ru": "",
                    "display_name": fam + giv,
                    "position": "Manager" if i % 3 else "=Director",
                    "department": "",
                    "emails": [{"kind": "work", "value": f"person{i}@example.com"}],
                    "phones": [{"kind": "mobile", "value": f"+86138{i:08d}"}],
                    "wechat": f"wx{i}" if i % 2 else "",
                    "telegram": "",
                    "languages": "zh, en",
                    "decision_maker": i % 10 == 0,
                    "notes": "" if i % 4 else "Met at the fair",
                    "created_at": now,
                    "updated_at": now,
                    "origin": device,
                    "hlc": "",
                    "version": 1,
                }
            )
            if len(batch) == 5000:
                s.execute(insert(Contact), batch)
                batch = []
        if batch:
            s.execute(insert(Contact), batch)


def baseline_csv(db_path: Path, out: Path) -> int:
    """Plain sqlite3 + csv: the same rows, no formatting, no neutralising, no BOM."""
    conn = sqlite3.connect(db_path)
    try:
        cur = conn.execute(
            "SELECT c.display_name, c.family_name_native, c.given_name_native, "
            "c.family_name_latin, c.given_name_latin, c.family_name_ru, c.given_name_ru, "
            "co.name, c.department, c.position, co.country, c.phones, c.emails, c.wechat, "
            "c.telegram, c.languages, c.decision_maker, c.notes, c.id "
            "FROM contact c LEFT JOIN company co ON co.id = c.company_id "
            "WHERE c.deleted_at IS NULL ORDER BY c.display_name, c.id"
        )
        n = 0
        with open(out, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            for row in cur:
                w.writerow(row)
                n += 1
        return n
    finally:
        conn.close()


@dataclass
class Timing:
    name: str
    seconds: float
    rows: int
    peak_mb: float

    def line(self, baseline: float | None) -> str:
        ratio = f"{self.seconds / baseline:6.1f}x" if baseline else "       "
        return (
            f"{self.name:<28} {self.seconds:8.2f} s  {self.rows:>8} rows  "
            f"{self.rows / self.seconds if self.seconds else 0:>9.0f} rows/s  "
            + (f"peak {self.peak_mb:6.1f} MB  " if self.peak_mb else "")
            + ratio
        )


def _measure(name: str, fn: Callable[[], int], memory: bool = True) -> Timing:
    if memory:
        tracemalloc.start()
    t0 = time.perf_counter()
    rows = fn()
    seconds = time.perf_counter() - t0
    peak = 0.0
    if memory:
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return Timing(name, seconds, rows, peak)


def run(
    n: int = 200_000,
    workdir: Path | None = None,
    formats: tuple[str, ...] = ("csv", "csv-excel-ru", "xlsx", "vcf", "vcf4"),
    memory: bool = False,
    do_import: bool = True,
) -> list[Timing]:
    """Build a database of ``n`` contacts and time every export (and re-import)."""
    from crm_desktop.runtime import open_runtime

    folder = Path(workdir or tempfile.mkdtemp(prefix="crm-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "bench.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    paths = Paths(folder, folder / "config")
    rt = open_runtime("sqlite:///" + str(db), paths)
    try:
        populate(rt.services, n)
        results = [
            _measure("baseline sqlite3+csv", lambda: baseline_csv(db, folder / "base.csv"), memory)
        ]
        for fmt in formats:
            target = folder / f"contacts.{fmt}"

            def export(fmt: str = fmt, target: Path = target) -> int:
                return export_contacts(rt.services, target, fmt)

            results.append(_measure(f"export {fmt}", export, memory))
        if do_import:
            # into a fresh database: every row is created
            fresh = folder / "import.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(str(fresh) + suffix).unlink(missing_ok=True)
            rt2 = open_runtime("sqlite:///" + str(fresh), paths)
            try:
                src = folder / "contacts.csv"
                if not src.exists():
                    export_contacts(rt.services, src, "csv")
                results.append(
                    _measure(
                        "import csv (new database)",
                        lambda: import_file(rt2.services, src).created,
                        memory,
                    )
                )
                results.append(
                    _measure(
                        "re-import csv (all dupes)",
                        lambda: (
                            import_file(
                                rt2.services, src, ImportOptions(on_duplicate=OnDuplicate.SKIP)
                            ).skipped
                        ),
                        memory,
                    )
                )
            finally:
                rt2.close()
        return results
    finally:
        rt.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=200_000)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--memory", action="store_true", help="also measure peak memory (slower)")
    parser.add_argument("--no-import", action="store_true")
    args = parser.parse_args(argv)
    results = run(args.contacts, args.dir, memory=args.memory, do_import=not args.no_import)
    base = results[0].seconds
    print(f"{args.contacts} contacts; ratio = time / baseline sqlite3+csv ({base:.2f} s)")
    for t in results:
        print(t.line(base))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
