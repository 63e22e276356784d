"""The architecture is checked by a machine: Qt stays in crm_desktop/ui and crm_desktop/app.py,
packages import only the layers below them, and no two packages import each other."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    r = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 broken" in r.stdout


def test_the_layers_and_the_cycle_check_are_contracts_without_exceptions():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
        "contracts"
    ]
    kinds = {c["type"] for c in contracts}
    assert {"layers", "acyclic_siblings", "forbidden"} <= kinds
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    named = {m.strip() for layer in layers for m in layer.split("|")}
    top_level = {
        p.stem if p.is_file() else p.name
        for p in (ROOT / "crm_desktop").iterdir()
        if (p.suffix == ".py" and p.stem != "__init__")
        or (p.is_dir() and (p / "__init__.py").exists())
    }
    assert named == {f"crm_desktop.{m}" for m in top_level}, "every package has its layer"
    assert not [c["name"] for c in contracts if c.get("ignore_imports")]


def test_both_front_ends_are_forbidden_to_import_storage():
    """The CLI's commands and the GUI are adapters over the application layer: a module
    of either that imports crm_desktop.storage breaks a contract (checked above)."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
        "contracts"
    ]
    guarded = {
        source
        for c in contracts
        if c["type"] == "forbidden" and "crm_desktop.storage" in c["forbidden_modules"]
        for source in c["source_modules"]
        if not c.get("ignore_imports")
    }
    assert {"crm_desktop.commands", "crm_desktop.ui", "crm_desktop.app"} <= guarded


def test_core_runs_without_qt_installed_in_the_process():
    code = (
        "import sys; import crm_desktop.cli, crm_desktop.demo, crm_desktop.runtime;"
        "import crm_desktop.domain.services, crm_desktop.storage.database;"
        "import crm_desktop.application.security, crm_desktop.application.backups;"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
