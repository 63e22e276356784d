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


def best_of(args: list[str], runs: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, *args], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs per command (default 10)")
    parser.add_argument("--json", action="store_true", help="one JSON object per row")
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    results = {name: best_of(argv, args.runs) for name, argv in COMMANDS.items()}
    bare = results["bare python"]
    for name, seconds in results.items():
        extra = seconds - bare
        if args.json:
            print(json.dumps({"name": name, "value": round(seconds * 1000, 1), "unit": "ms",
                              "over_bare_ms": round(extra * 1000, 1), "load": load}))
        else:
            over = f"  (+{extra * 1000:.0f} ms)" if name != "bare python" else ""
            print(f"{name:<24} {seconds * 1000:7.0f} ms{over}")
    if not args.json:
        print(f"best of {args.runs}; load average {load:.1f}; goal: within 150 ms of bare")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
