"""The code is checked by machines: mypy --strict on the Qt-free packages (the settings are
in pyproject.toml), mypy on the Qt code with no new errors, ruff check and ruff format --check on
everything."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "crm_desktop"
QT = {"ui", "app"}  # PySide6 code: checked by mypy's ui settings, not held to --strict here
# mypy's errors in the Qt code (ui/, app.py) when its checking began: the number may only
# go down. Lower it when you fix some; new Qt code must not add any.
QT_ERRORS_AT_MOST = 126


def qt_free_targets() -> list[str]:
    """Every top-level package and module of crm_desktop but the Qt ones, as mypy args."""
    args: list[str] = []
    for p in sorted(PACKAGE.iterdir()):
        if p.is_dir() and (p / "__init__.py").exists() and p.name not in QT:
            args += ["-p", f"crm_desktop.{p.name}"]
        elif p.suffix == ".py" and p.stem not in QT | {"__init__"}:
            args += ["-m", f"crm_desktop.{p.stem}"]
    return args


def _tool(name: str) -> str:
    exe = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(exe).exists():
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return exe


def test_qt_free_packages_pass_mypy_strict() -> None:
    targets = qt_free_targets()
    assert "crm_desktop.domain" in targets and "crm_desktop.ui" not in targets
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run(
        [sys.executable, "-m", "mypy", *targets],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert r.returncode == 0, r.stdout[-6000:] + r.stderr[-2000:]
    assert "Success: no issues found" in r.stdout


def test_qt_code_gets_no_new_mypy_errors() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run(
        [sys.executable, "-m", "mypy", "-p", "crm_desktop.ui", "-m", "crm_desktop.app"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    errors = [line for line in r.stdout.splitlines() if ": error:" in line]
    assert len(errors) <= QT_ERRORS_AT_MOST, "\n".join(errors[-40:])


def test_ruff_check_is_clean() -> None:
    r = subprocess.run(
        [_tool("ruff"), "check", "crm_desktop", "tests", "benchmarks", "packaging"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stdout[-6000:] + r.stderr


def test_ruff_format_is_clean() -> None:
    r = subprocess.run(
        [_tool("ruff"), "format", "--check", "crm_desktop", "tests", "benchmarks", "packaging"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, "run `ruff format`:\n" + r.stdout[-6000:] + r.stderr
