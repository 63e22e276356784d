"""Measure the contacts list at scale: first screen after the view opens, scrolling, memory.

    python benchmarks/ui_lists.py [--db /tmp/crm-200k.sqlite3] [--contacts 200000]

Builds the database on first use (the demo story plus N generated contacts, written with
bulk inserts), then opens the real ContactsView offscreen and reports:
- the time from constructing the view to its first screen of rows being painted,
- the time to jump to the last row, the number of page queries and rows held in memory,
- the process's peak resident set size,
once without SQLite planner statistics and once with them (the application makes them in
the background at start, see Database.optimize), each in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an install

FAMILY = [
    ("王", "Wang", "Ван"),
    ("李", "Li", "Ли"),
    ("张", "Zhang", "Чжан"),
    ("刘", "Liu", "Лю"),
    ("陈", "Chen", "Чэнь"),
    ("杨", "Yang", "Ян"),
    ("赵", "Zhao", "Чжао"),
    ("黄", "Huang", "Хуан"),
    ("周", "Zhou", "Чжоу"),
    ("吴", "Wu", "У"),
    ("徐", "Xu", "Сюй"),
    ("孙", "Sun", "Сунь"),
]
GIVEN = [
    ("伟", "Wei", "Вэй"),
    ("芳", "Fang", "Фан"),
    ("娜", "Na", "На"),
    ("敏", "Min", "Минь"),
    ("静", "Jing", "Цзин"),
    ("磊", "Lei", "Лэй"),
    ("强", "Qiang", "Цян"),
    ("洋", "Yang", "Ян"),
    ("勇", "Yong", "Юн"),
    ("军", "Jun", "Цзюнь"),
    ("杰", "Jie", "Цзе"),
    ("涛", "Tao", "Тао"),
    ("明", "Ming", "Мин"),
    ("海燕", "Haiyan", "Хайянь"),
    ("建国", "Jianguo", "Цзяньго"),
]
POSITIONS = [
    "总经理 General Manager",
    "Sales Director",
    "Chief Engineer",
    "CFO",
    "Head of International Cooperation",
    "Project Manager",
]


def build(path: Path, n: int) -> None:
    from crm_desktop.config import Paths
    from crm_desktop.demo import load_demo
    from crm_desktop.runtime import open_runtime

    folder = Path(tempfile.mkdtemp())
    rt = open_runtime("sqlite:///" + str(path), Paths(folder, folder / "config"))
    load_demo(rt.services)
    rt.close()
    conn = sqlite3.connect(path)
    companies = [r[0] for r in conn.execute("SELECT id FROM company")]
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    rnd = random.Random(42)
    rows = []
    for i in range(n):
        fam, giv = rnd.choice(FAMILY), rnd.choice(GIVEN)
        display = f"{fam[0]}{giv[0]} ({giv[1]} {fam[1]} {i})"
        rows.append(
            (
                rnd.choice(companies),
                fam[0],
                giv[0],
                fam[1],
                giv[1],
                fam[2],
                giv[2],
                display,
                rnd.choice(POSITIONS),
                "",
                json.dumps([{"kind": "work", "value": f"c{i}@example.cn"}]),
                "[]",
                "",
                "",
                "zh",
                0,
                "",
                str(uuid.uuid4()),
                now,
                now,
                "bench",
                "",
                1,
                None,
            )
        )
    conn.executemany(
        "INSERT INTO contact (company_id, family_name_native, given_name_native, "
        "family_name_latin, given_name_latin, family_name_ru, given_name_ru, display_name, "
        "position, department, emails, phones, wechat, telegram, languages, decision_maker, "
        "notes, id, created_at, updated_at, origin, hlc, version, deleted_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def measure(path: Path) -> dict[str, float]:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from crm_desktop.config import Paths, Settings
    from crm_desktop.runtime import open_runtime
    from crm_desktop.ui.common.pyside_refcount import pin_none
    from crm_desktop.ui.views.entity_views import make_view

    pin_none()  # as the application does (PySide6 6.12 on CPython 3.11, see the module)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    rt = open_runtime("sqlite:///" + str(path), Paths(folder, folder / "config"))
    total = rt.services.contacts.count()
    # The main window is already up when the user opens the contacts list: show another
    # list first so Qt's one-time start-up (fonts, style) is not counted as the list's.
    warm = make_view("companies", rt.services, Settings())
    warm.show()
    app.processEvents()
    warm.close()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    class FirstPaint(QObject):
        """Notes when the table's first screen of rows has been painted."""

        def __init__(self) -> None:
            super().__init__()
            self.at: float | None = None

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and self.at is None:
                obj.removeEventFilter(self)
                obj.event(event)  # paint now, then take the time
                self.at = time.perf_counter()
                return True
            return False

    def open_contacts() -> tuple[object, float]:
        t0 = time.perf_counter()
        view = make_view("contacts", rt.services, Settings())
        probe = FirstPaint()
        view.table.viewport().installEventFilter(probe)
        view.resize(1200, 800)
        view.show()
        while probe.at is None:
            app.processEvents()
        app.processEvents()  # the deferred count and anything else queued
        return view, probe.at - t0

    first_view, first_open = open_contacts()  # includes compiling the contacts query
    first_view.close()
    warm_opens = []
    for _ in range(5):  # the machine may be busy: the best of five shows the list's own cost
        view, seconds = open_contacts()
        warm_opens.append(seconds)
        view.close()
    view, first_screen = open_contacts()
    warm_opens.append(first_screen)
    model = view.model
    model.ensure_count()
    assert model.rowCount() == total
    t1 = time.perf_counter()
    view.table.scrollToBottom()
    app.processEvents()
    to_end = time.perf_counter() - t1
    t2 = time.perf_counter()
    for frac in (0.25, 0.5, 0.75):  # jumps in the middle, as dragging the scroll bar does
        view.table.scrollTo(model.index(int(total * frac), 0))
        app.processEvents()
    jumps = (time.perf_counter() - t2) / 3
    result = {
        "contacts": total,
        "first_screen_first_open_ms": round(first_open * 1000, 1),
        "first_screen_ms_best": round(min(warm_opens) * 1000, 1),
        "first_screen_ms_median": round(statistics.median(warm_opens) * 1000, 1),
        "scroll_to_end_ms": round(to_end * 1000, 1),
        "jump_ms": round(jumps * 1000, 1),
        "page_queries": model.pages_loaded,
        "rows_in_memory": model.cached_rows(),
        "peak_rss_before_contacts_mb": round(rss_before, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    view.close()
    rt.close()
    return result


def set_statistics(path: Path, present: bool) -> None:
    """Without statistics: a file nobody analysed yet (the first start after an import).
    With them: what the application makes in the background at every start."""
    if present:
        from crm_desktop.storage.database import open_database

        db = open_database("sqlite:///" + str(path), backups_dir=Path(tempfile.mkdtemp()))
        db.optimize()
        db.dispose()
    else:
        conn = sqlite3.connect(path)
        conn.execute("DROP TABLE IF EXISTS sqlite_stat1")
        conn.commit()
        conn.close()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--db",
        default=str(Path(tempfile.gettempdir()) / "crm-200k.sqlite3"),
        help="built on first use; or a file from 'crm-desktop demo --size large'",
    )
    p.add_argument("--contacts", type=int, default=200_000)
    p.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    path = Path(args.db)
    if args.measure_only:
        print(json.dumps(measure(path)))
        return 0
    if not path.exists():
        t = time.perf_counter()
        build(path, args.contacts)
        print(f"built {path} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    results = {}
    for label, present in (
        ("without_planner_statistics", False),
        ("with_planner_statistics", True),
    ):
        set_statistics(path, present)
        # a fresh process each time, so start-up costs and peak memory are the list's own
        out = subprocess.run(
            [sys.executable, __file__, "--db", str(path), "--measure-only"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        results[label] = json.loads(out.strip().splitlines()[-1])
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
