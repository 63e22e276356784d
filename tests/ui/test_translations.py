"""The Russian translation is complete, keeps every placeholder, and matches the code."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from crm_desktop.config import resources_dir
from crm_desktop.ui.common.i18n import CATALOG, Translators, ui_sources

ROOT = Path(__file__).resolve().parents[2]
TS = resources_dir() / "translations" / f"{CATALOG}_ru.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"%\d+|%n|\{[a-z_]+\}|&(?!&)")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    ]


def test_every_entry_is_translated_and_keeps_its_placeholders() -> None:
    entries = messages(TS)
    assert len(entries) > 300
    for context, source, translation in entries:
        assert translation is not None, (context, source)
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), source
        # a plural ("%n ...(s)") has one form per Russian plural class: one, few, many
        forms = [f.text or "" for f in translation.iter("numerusform")]
        if forms:
            assert len(forms) == 3, (context, source, forms)
        for text in forms or [translation.text or ""]:
            assert text.strip(), (context, source)
            wanted = sorted(p for p in PLACEHOLDER.findall(source) if p != "&")
            got = sorted(p for p in PLACEHOLDER.findall(text) if p != "&")
            assert wanted == got, (context, source, text)
            if "&" in PLACEHOLDER.findall(source):  # a menu mnemonic stays a mnemonic
                assert "&" in text, (context, source, text)


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="needs pyside6-lupdate")
def test_the_catalogue_has_every_string_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        ["pyside6-lupdate", *map(str, ui_sources(ROOT)), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = {(c, s) for c, s, _ in messages(fresh)}
    in_catalogue = {(c, s) for c, s, _ in messages(TS)}
    assert in_code - in_catalogue == set(), "run: python -m crm_desktop.ui.common.i18n"


def test_compiled_catalogue_is_installed_and_used(qapp) -> None:
    assert QM.exists() and QM.stat().st_size > 1000
    translators = Translators()
    try:
        assert translators.install("ru")
        assert QCoreApplication.translate("navigation", "Companies") == "Компании"
        assert QCoreApplication.translate("errors", "{field} is required.").count("{field}") == 1
    finally:
        translators.install("en")
    assert QCoreApplication.translate("navigation", "Companies") == "Companies"


def test_service_error_templates_are_all_in_the_catalogue() -> None:
    from crm_desktop.domain.errors import MESSAGES

    sources = {s for c, s, _ in messages(TS) if c == "errors"}
    assert set(MESSAGES.values()) <= sources


def test_every_context_is_one_qt_looks_up_at_run_time() -> None:
    """``box.tr(...)`` is stored under "box" by lupdate but looked up under the object's
    class at run time, so its translation is never shown; use ``Class.tr`` or
    ``QCoreApplication.translate("Context", ...)``."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in ui_sources(ROOT))
    classes = set(re.findall(r"^class (\w+)", code, re.MULTILINE))
    literal = set(re.findall(r"translate\(\s*\"(\w+)\"", code))
    qt_classes = {c for c, _, _ in messages(TS) if re.fullmatch(r"Q[A-Z]\w+", c)}
    unknown = {c for c, _, _ in messages(TS)} - classes - literal - qt_classes
    assert unknown == set()
