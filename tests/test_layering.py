"""The architecture is checked by a machine: Qt stays in crm_desktop/ui and crm_desktop/app.py."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    r = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 broken" in r.stdout


def test_core_runs_without_qt_installed_in_the_process():
    code = ("import sys; import crm_desktop.cli, crm_desktop.demo, crm_desktop.runtime;"
            "import crm_desktop.domain.services, crm_desktop.storage.database;"
            "import crm_desktop.application.security, crm_desktop.application.backups;"
            "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
