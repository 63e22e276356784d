"""Registers the bundled fonts so Chinese renders on a machine without CJK fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from crm_desktop.config import resources_dir


def register_bundled_fonts() -> list[str]:
    """Add every bundled TTF/OTF to Qt; return the families that were added.

    The families become substitutes of the default UI font, so any glyph the system
    font lacks (汉字 on a Russian Windows, Cyrillic on a bare Linux) comes from them.
    """
    folder = resources_dir() / "fonts"
    families: list[str] = []
    for path in sorted(folder.glob("*.ttf")) + sorted(folder.glob("*.otf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    if families:
        default = QFont().defaultFamily()
        existing = QFont.substitutes(default)
        QFont.insertSubstitutions(default, [f for f in families if f not in existing])
    return families
