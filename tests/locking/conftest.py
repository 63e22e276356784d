"""The UI tests' fixtures (offscreen Qt, QSettings in the test's folder, English locale)
for the GUI tests of this folder: taken from tests/ui/conftest.py, not copied."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "crm_tests_ui_conftest", Path(__file__).resolve().parents[1] / "ui" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_ui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ui)

isolated_qsettings = _ui.isolated_qsettings
english = _ui.english
