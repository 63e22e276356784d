"""Every command example in README.md runs as written against `crm-desktop demo` data.

The examples are read from the README's fenced blocks (lines that start with
``crm-desktop``), the placeholders (MEETING_ID, TRIP_ID, COMPANY_ID, ...) replaced by the
8-character prefixes `list` prints, and run in order with the installed `crm-desktop` in
a scratch folder. An example fails when it exits non-zero, and a search, list or export
fails when it finds nothing. Alternatives given in a comment ("# or 凯源, kaiyuan") are
run too. Only examples that take minutes (the large generated databases) are left out,
each for a reason stated here.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FIXTURES = ROOT / "tests" / "fixtures" / "exchange"

# Examples that generate databases of 20,000-200,000 contacts: minutes of CPU each.
# The generator itself is tested with small counts in tests/search.
TOO_SLOW = ("--size large", "--contacts 20000")


def readme_examples() -> list[tuple[str, str]]:
    """(command, trailing comment) for each example line in a fenced block."""
    out: list[tuple[str, str]] = []
    fenced = False
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
            continue
        if not fenced or not line.startswith("crm-desktop "):
            continue
        command, comment = (re.split(r"\s#\s?", line, maxsplit=1) + [""])[:2]
        out.append((command.strip(), comment.strip()))
    return out


def _crm() -> list[str]:
    exe = shutil.which("crm-desktop")
    return [exe] if exe else [sys.executable, "-m", "crm_desktop"]


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_crm(), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def _ids(cwd: Path, env: dict[str, str]) -> dict[str, str]:
    """The first record of each kind in the demo data, as the prefix `list` prints."""
    ids = {}
    for kind, placeholder in (
        ("meetings", "MEETING_ID"),
        ("trips", "TRIP_ID"),
        ("companies", "COMPANY_ID"),
        ("contacts", "CONTACT_ID"),
        ("projects", "PROJECT_ID"),
    ):
        r = _run(["--db", "demo.sqlite3", "list", kind, "--json"], cwd, env)
        assert r.returncode == 0, r.stderr
        rows = json.loads(r.stdout)
        assert rows, f"the demo has no {kind}"
        ids[placeholder] = rows[0]["id"][:8]
    return ids


def _alternatives(command: str, comment: str) -> list[str]:
    """``search X  # or A, B, "C D"`` is also run as ``search A`` and so on."""
    if " search " not in f" {command} " or not comment.startswith("or "):
        return []
    head = command.rsplit(" ", 1)[0]
    words = [w.strip() for w in comment[3:].split(",")]
    return [f"{head} {w}" for w in words if w]


def _found_nothing(args: list[str], r: subprocess.CompletedProcess[str], cwd: Path) -> str:
    if "search" in args or "list" in args:
        if not r.stdout.strip() or r.stdout.strip() in ("[]", "{}"):
            return "printed no result"
        if re.search(r"\b(no results|nothing found|0 results)\b", r.stdout, re.I):
            return "found nothing"
    if "-o" in args:
        out = cwd / args[args.index("-o") + 1]
        if not out.exists() or out.stat().st_size == 0:
            return f"wrote no {out.name}"
    if "--out-dir" in args:
        folder = cwd / args[args.index("--out-dir") + 1]
        if not folder.is_dir() or not any(folder.iterdir()):
            return f"wrote nothing into {folder.name}"
    if re.search(r"\b(?:Exported|exported) 0\b", r.stdout + r.stderr):
        return "exported nothing"
    return ""


def test_every_readme_example_runs_on_demo_data(tmp_path: Path) -> None:
    examples = readme_examples()
    assert len(examples) >= 15, "the README's examples were not found"
    # The demo database first, wherever the README shows the command that makes it.
    examples.sort(key=lambda e: not e[0].startswith("crm-desktop demo"))
    env = {**os.environ, "CRM_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CRM_DATABASE_URL", None)
    cwd = tmp_path / "work"
    cwd.mkdir()
    shutil.copy(FIXTURES / "iphone_30_groups.vcf", cwd / "phone.vcf")
    failures: list[str] = []
    ran = 0
    ids: dict[str, str] = {}
    for command, comment in examples:
        if any(slow in command for slow in TOO_SLOW):
            continue
        for line in [command, *_alternatives(command, comment)]:
            for placeholder, value in ids.items():
                line = line.replace(placeholder, value)
            args = shlex.split(line)[1:]
            if not args or args[0].startswith("--lang") and len(args) == 2:
                continue  # the GUI
            r = _run(args, cwd, env)
            ran += 1
            if r.returncode != 0:
                failures.append(f"{line}\n    exit {r.returncode}: {r.stderr.strip()[:300]}")
                continue
            why = _found_nothing(args, r, cwd)
            if why:
                failures.append(f"{line}\n    {why}: {r.stdout.strip()[:200]}")
            if args[:1] == ["demo"] and not ids:
                ids = _ids(cwd, env)
    assert ran >= 15
    assert not failures, "README examples that fail:\n" + "\n".join(failures)
