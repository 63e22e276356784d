"""`benchmarks/bench.py --quick --json` prints every row as JSON, so runs can be compared.

Run on a tiny database: the schema is checked, not the timings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_prints_every_row_as_json(tmp_path: Path) -> None:
    env = {**os.environ, "CRM_BENCH_CACHE": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "bench.py"),
            "--quick",
            "--size",
            "100",
            "--starts",
            "1",
            "--rounds",
            "1",
            "--skip",
            "list",
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=str(ROOT),
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout)  # stdout is the JSON alone; the table went to stderr
    assert "measurement" in proc.stderr and "measurement" not in proc.stdout
    rows = out["rows"]
    assert out["counts"]["contacts"] == 100
    for row in rows:
        assert {"name", "value", "unit", "baseline", "ratio"} <= set(row), row
        assert isinstance(row["name"], str) and row["name"]
        assert row["value"] is None or isinstance(row["value"], int | float), row
        if row["value"] is not None and row["baseline"]:
            assert row["ratio"] == round(row["value"] / row["baseline"], 3), row
        else:
            assert row["ratio"] is None, row
    names = [r["name"] for r in rows]
    assert not [r for r in rows if r["result"].startswith("n/a")], rows
    start = next(r for r in rows if r["name"] == "application cold start to main window")
    bare = next(r for r in rows if r["name"] == "bare PySide6 window, spawn to first paint")
    assert start["unit"] == "ms" and start["baseline"] == bare["value"]
    csv = next(r for r in rows if r["name"] == "export 100 contacts to CSV")
    assert csv["unit"] == "s" and csv["baseline"] is not None and csv["ratio"] is not None
    assert any(n.startswith("search, 3+ characters") for n in names)
    assert any(n.startswith("import ") for n in names)
    assert names[-1] == "machine load during the run"
