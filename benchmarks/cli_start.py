"""How long `crm-desktop --version` and `--help` take beside a bare Python start.

Each command runs N times in a fresh process (wall clock, spawn to exit); the best run
counts, since on a shared machine the slower ones measure the neighbours. The goal of
issue 15: within 0.15 s of `python -c pass`.

    python benchmarks/cli_start.py [--runs 10] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {
    "bare python": ["-c", "pass"],
    "crm-desktop --version": ["-m", "crm_desktop", "--version"],
    "crm-desktop --help": ["-m", "crm_desktop", "--help"],
}


def best_of(args: list[str], runs: int) -> tuple[float, float]:
    """Best wall-clock and best CPU time (user + system of the child) in seconds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, *args],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs per command (default 10)")
    parser.add_argument("--json", action="store_true", help="one JSON object per row")
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    results = {name: best_of(argv, args.runs) for name, argv in COMMANDS.items()}
    bare, bare_cpu = results["bare python"]
    for name, (wall, cpu) in results.items():
        if args.json:
            print(
                json.dumps(
                    {
                        "name": name,
                        "value": round(wall * 1000, 1),
                        "unit": "ms",
                        "over_bare_ms": round((wall - bare) * 1000, 1),
                        "cpu_ms": round(cpu * 1000, 1),
                        "cpu_over_bare_ms": round((cpu - bare_cpu) * 1000, 1),
                        "load": load,
                    }
                )
            )
        else:
            over = (
                f"  (+{(wall - bare) * 1000:.0f} ms; CPU +{(cpu - bare_cpu) * 1000:.0f} ms)"
                if name != "bare python"
                else ""
            )
            print(f"{name:<24} {wall * 1000:6.0f} ms wall, {cpu * 1000:5.0f} ms CPU{over}")
    if not args.json:
        print(f"best of {args.runs}; load average {load:.1f}; goal: within 150 ms of bare")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
