"""Resources travel with a non-editable install: the wheel carries them and they are found."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    r = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    return next(out.glob("crm_desktop-*.whl"))


def test_wheel_contains_resources_and_migrations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "crm_desktop/resources/demo/demo.json" in names
    assert any(
        n.startswith("crm_desktop/resources/fonts/") and n.endswith((".ttf", ".otf")) for n in names
    )
    assert "crm_desktop/storage/migrations/env.py" in names
    assert "crm_desktop/storage/migrations/versions/0001_initial_schema.py" in names


def test_installed_wheel_finds_resources_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import crm_desktop.config as c, json; p = c.resources_dir();"
        "assert 'site' in str(p), p;"
        "print(len(json.loads((p / 'demo' / 'demo.json').read_text('utf-8'))['companies']))"
    )
    script = f"import sys; sys.path.insert(0, {str(target)!r}); {code}"
    r = subprocess.run(
        [sys.executable, "-I", "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert int(r.stdout.strip()) >= 8
