"""A short run of the crash-test script: SIGKILL during real saves loses nothing acknowledged."""

from __future__ import annotations

import importlib.util
import os
import signal
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "crash_test.py"


def _script() -> object:
    spec = importlib.util.spec_from_file_location("crash_test", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["crash_test"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork() and SIGKILL"
)
@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_sigkill_at_random_moments_loses_no_acknowledged_save(tmp_path: Path, encrypted: bool):
    runs = 8 if encrypted else 20  # the 1,000-run figure is the script's own run
    report = _script().run(runs, folder=tmp_path, encrypted=encrypted, max_ms=800, seed=7)
    assert report.runs == runs
    assert report.acknowledged_creates > 0
    assert report.lost_rows == 0 and report.lost_edits == 0, report.text()
    assert report.integrity_failures == 0 and report.open_failures == 0, report.text()


@pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork() and SIGKILL"
)
def test_sigkill_during_import_restore_encrypt_rekey_backup_and_sync(tmp_path: Path):
    """One killed run of each whole-file or bulk command through the real command line:
    nothing acknowledged is lost, nothing is left behind after the next start, every
    database passes its integrity check (the few-hundred-run figure is the script's)."""
    script = _script()
    runs = len(script.OPERATIONS)  # type: ignore[attr-defined]
    report = script.run_operations(runs, folder=tmp_path, seed=3)  # type: ignore[attr-defined]
    assert report.runs == runs and set(report.by_operation) == set(script.OPERATIONS)
    assert report.lost == 0 and report.left_behind == 0, report.text()
    assert report.integrity_failures == 0 and report.checker_errors == 0, report.text()
