"""Interface language: choosing it, installing the translators, translating service errors.

Rebuild the translations after changing user-visible strings:

    python -m crm_desktop.ui.common.i18n

runs pyside6-lupdate over crm_desktop/ui and crm_desktop/app.py (existing translations are
kept, new strings are added unfinished) and pyside6-lrelease to compile the .qm files in
resources/translations. Translate new entries in resources/translations/crm_desktop_ru.ts
(Qt Linguist or any editor) and run the command again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from crm_desktop.config import resources_dir

LANGUAGES = ("ru", "en")
SOURCE_LANGUAGE = "en"  # the strings in the code are English
CATALOG = "crm_desktop"
# Qt's own strings that Qt's catalogue leaves untranslated (kept by hand, compiled by rebuild)
QT_SUPPLEMENT = "qt_supplement"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def system_language() -> str:
    """Russian unless the system speaks English: the people using it work in Russian."""
    return "en" if QLocale.system().language() == QLocale.Language.English else "ru"


def choose_language(cli: str | None, saved: str) -> str:
    for lang in (cli, saved):
        if lang in LANGUAGES:
            return lang
    return system_language()


class Translators:
    """The translators installed for one language; replaced as a whole on a switch."""

    def __init__(self) -> None:
        self.language = SOURCE_LANGUAGE
        self._installed: list[QTranslator] = []

    def install(self, language: str) -> bool:
        """Install the application's and Qt's own translations; False if a file is missing."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("Translators.install needs a QApplication")
        for t in self._installed:
            app.removeTranslator(t)
        self._installed.clear()
        self.language = language
        QLocale.setDefault(
            QLocale(QLocale.Language.Russian if language == "ru" else QLocale.Language.English)
        )
        if language == SOURCE_LANGUAGE:
            return True
        ok = True
        ours = QTranslator(app)
        if ours.load(f"{CATALOG}_{language}.qm", str(translations_dir())):
            app.installTranslator(ours)
            self._installed.append(ours)
        else:
            ok = False
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}.qm", qt_dir):  # standard buttons and dialogs
            app.installTranslator(qt)
            self._installed.append(qt)
        supplement = QTranslator(app)
        if supplement.load(f"{QT_SUPPLEMENT}_{language}.qm", str(translations_dir())):
            app.installTranslator(supplement)
            self._installed.append(supplement)
        return ok


def ui_sources(root: Path) -> list[Path]:
    pkg = root / "crm_desktop"
    return sorted((pkg / "ui").rglob("*.py")) + [pkg / "app.py"]


def rebuild(root: Path | None = None) -> int:
    """lupdate (keeping existing translations) then lrelease, for every language."""
    root = root or Path(__file__).resolve().parents[3]
    out_dir = root / "resources" / "translations"
    out_dir.mkdir(parents=True, exist_ok=True)
    sources = [str(p) for p in ui_sources(root)]
    for lang in LANGUAGES:
        if lang == SOURCE_LANGUAGE:
            continue
        ts = out_dir / f"{CATALOG}_{lang}.ts"
        subprocess.run(
            [
                "pyside6-lupdate",
                *sources,
                "-no-obsolete",
                # no line numbers: the catalogue changes only when strings do, so
                # engineers editing different views do not collide in it
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                lang,
                "-ts",
                str(ts),
            ],
            check=True,
        )
        subprocess.run(
            ["pyside6-lrelease", str(ts), "-qm", str(out_dir / f"{CATALOG}_{lang}.qm")], check=True
        )
        supplement = out_dir / f"{QT_SUPPLEMENT}_{lang}.ts"
        if supplement.exists():
            subprocess.run(
                ["pyside6-lrelease", str(supplement), "-qm", str(supplement.with_suffix(".qm"))],
                check=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(rebuild())
