"""UI tests: offscreen Qt (set in tests/conftest.py), QSettings kept in the test's folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from crm_desktop.ui.common.pyside_refcount import pin_none

pin_none()  # PySide6 6.12 on CPython 3.11 drops references to None; see that module


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path: Path) -> Iterator[Path]:
    """Column widths, splitters and window geometry never touch the real user profile."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    QCoreApplication.setOrganizationName("crm-desktop-tests")
    QCoreApplication.setApplicationName("crm-desktop-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def english() -> Iterator[None]:
    """Widget texts are checked in the source language, whatever locale ran before."""
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def rt(demo_db: Path, paths: object) -> Iterator[object]:
    """A runtime over a fresh copy of the demo database."""
    from crm_desktop.runtime import open_runtime

    runtime = open_runtime("sqlite:///" + str(demo_db), paths)  # type: ignore[arg-type]
    yield runtime
    runtime.close()
