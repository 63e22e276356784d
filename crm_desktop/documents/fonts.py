"""Bundled fonts for the PDF documents and the choice of a font for every run of text.

No single free font of a reasonable size covers Latin, Cyrillic and Chinese, so text is
split into runs: a character goes to DejaVu Sans when DejaVu has its glyph, otherwise to
Droid Sans Fallback (CJK); in bold text, a CJK character goes to the Noto Sans CJK SC
Bold subset when that has it (Droid has no bold). Every run is then wrapped in
``<font name=...>`` for Paragraph markup, or drawn run by run on the canvas. User text is
escaped on the way, so ``<``, ``&`` and ``>`` print literally.

ReportLab keeps registered fonts in a process-wide registry; registering is therefore done
once per font and process (and Droid, a 4 MB file that takes ~0.1 s to parse, only when a
document first needs a glyph DejaVu lacks; the 3 MB bold CJK font when bold text first has
a Chinese character).
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SANS = "CRM-DejaVuSans"
SANS_BOLD = "CRM-DejaVuSans-Bold"
CJK = "CRM-DroidSansFallback"
CJK_BOLD = "CRM-NotoSansCJKsc-Bold"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    CJK_BOLD: "NotoSansCJKsc-Bold-subset.ttf",  # built by packaging/make_cjk_bold.py
}

REPLACEMENT = "\ufffd"  # drawn (in DejaVu) for a character no bundled font has
# Characters kept as they are and given to the font of the run they sit in.
_KEEP_IN_RUN = {" ", "\u00a0"}


class FontError(RuntimeError):
    """The bundled fonts are missing or unreadable (a broken installation)."""


@dataclass(frozen=True)
class Run:
    font: str
    text: str


class FontSet:
    """The bundled fonts, registered with ReportLab, and the run splitter over them."""

    def __init__(self, fonts_dir: Path) -> None:
        self.fonts_dir = Path(fonts_dir)
        self._lock = threading.Lock()
        self._loaded: dict[str, TTFont] = {}
        self._choice: dict[str, str] = {}  # character -> font family key ("sans" or "cjk")
        self._bold_cjk: dict[str, str] = {}  # CJK character -> its font in bold text
        self._load(SANS)
        self._load(SANS_BOLD)
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS)
        addMapping(SANS, 1, 1, SANS_BOLD)
        self._sans_cmap = self._loaded[SANS].face.charToGlyph
        # One C-speed search finds whether a text needs anything but DejaVu (most do not).
        self._not_sans = re.compile("[^" + _char_class(self._sans_cmap) + "]")
        _teach_chinese_line_breaking()

    # -- loading ---------------------------------------------------------------------

    def _load(self, name: str) -> TTFont:
        font = self._loaded.get(name)
        if font is not None:
            return font
        with self._lock:
            font = self._loaded.get(name)
            if font is not None:
                return font
            path = self.fonts_dir / _FILES[name]
            try:
                registered = pdfmetrics._fonts.get(name)  # type: ignore[attr-defined]  # noqa: SLF001
                if isinstance(registered, TTFont) and Path(registered.face.filename) == path:
                    font = registered
                else:
                    font = TTFont(name, str(path))
                    pdfmetrics.registerFont(font)
            except Exception as exc:  # ReportLab raises TTFError, OSError, struct errors
                raise FontError(f"Cannot load the bundled font {path}: {exc}") from exc
            if name == CJK:
                for bold in (0, 1):
                    for italic in (0, 1):
                        addMapping(CJK, bold, italic, CJK)
            elif name == CJK_BOLD:
                # From now on one family: <b> and bold styles over a CJK run take the Noto
                # bold (Chinese has no italics). runs() gives a character the bold subset
                # lacks to the regular face by name, so no bold glyph ever prints blank.
                for slant in (0, 1):
                    addMapping(CJK, 1, slant, CJK_BOLD)
                    addMapping(CJK_BOLD, 0, slant, CJK)
                    addMapping(CJK_BOLD, 1, slant, CJK_BOLD)
            self._loaded[name] = font
            return font

    # -- splitting -------------------------------------------------------------------

    def _family_of(self, ch: str) -> str:
        choice = self._choice.get(ch)
        if choice is not None:
            return choice
        code = ord(ch)
        if code in self._sans_cmap:
            choice = "sans"
        elif code in self._load(CJK).face.charToGlyph:
            choice = "cjk"
        else:
            choice = "missing"
        self._choice[ch] = choice
        return choice

    def _bold_cjk_font(self, ch: str) -> str:
        font = self._bold_cjk.get(ch)
        if font is None:
            font = CJK_BOLD if ord(ch) in self._load(CJK_BOLD).face.charToGlyph else CJK
            self._bold_cjk[ch] = font
        return font

    def runs(self, text: str, bold: bool = False) -> list[Run]:
        """Split clean text (see :func:`clean_text`) into runs of one font each."""
        sans = SANS_BOLD if bold else SANS
        if not self._not_sans.search(text):
            return [Run(sans, text)] if text else []
        out: list[Run] = []
        current: str | None = None
        buf: list[str] = []
        for ch in text:
            if ch in _KEEP_IN_RUN and current is not None:
                buf.append(ch)
                continue
            family = self._family_of(ch)
            if family == "cjk":
                font = self._bold_cjk_font(ch) if bold else CJK
            else:
                font = sans
                if family == "missing":
                    ch = REPLACEMENT
            if font != current:
                if buf:
                    out.append(Run(current or sans, "".join(buf)))
                buf = []
                current = font
            buf.append(ch)
        if buf:
            out.append(Run(current or sans, "".join(buf)))
        return out

    def markup(self, text: str | None, bold: bool = False, style_font: str | None = None) -> str:
        """Paragraph markup for user text: escaped, runs wrapped in their font, line breaks kept.

        Runs already in ``style_font`` (the paragraph style's font) need no wrapper, which
        keeps the markup, and ReportLab's parsing of it, short. A bold style makes its
        Chinese runs bold too.
        """
        if not text:
            return ""
        bold = bold or style_font == SANS_BOLD
        lines = clean_text(text).split("\n")
        return "<br/>".join(self._line_markup(line, bold, style_font) for line in lines)

    def _line_markup(self, line: str, bold: bool, style_font: str | None) -> str:
        return "".join(
            escape(run.text)
            if run.font == style_font
            else f'<font name="{run.font}">{escape(run.text)}</font>'
            for run in self.runs(line, bold)
        )

    # -- canvas drawing (headers and footers) ---------------------------------------

    def string_width(self, text: str, size: float, bold: bool = False) -> float:
        return sum(
            pdfmetrics.stringWidth(run.text, run.font, size)
            for run in self.runs(clean_text(text).replace("\n", " "), bold)
        )

    def draw_string(
        self,
        canvas: object,
        x: float,
        y: float,
        text: str,
        size: float,
        bold: bool = False,
        align: str = "left",
    ) -> float:
        """Draw one line of text run by run; returns its width. align: left, right, centre."""
        runs = self.runs(clean_text(text).replace("\n", " "), bold)
        width = sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in runs)
        if align == "right":
            x -= width
        elif align in ("centre", "center"):
            x -= width / 2
        for run in runs:
            canvas.setFont(run.font, size)  # type: ignore[attr-defined]
            canvas.drawString(x, y, run.text)  # type: ignore[attr-defined]
            x += pdfmetrics.stringWidth(run.text, run.font, size)
        return width


# Closing marks that must not start a line in Chinese. ReportLab's CJK line breaking knows
# the Japanese set and lacks these, so a Chinese paragraph could start a line with "，".
_CHINESE_CANNOT_START = "，．：；？！〉》"


def _teach_chinese_line_breaking() -> None:
    """Extend ReportLab's (process-wide) kinsoku table once; idempotent.

    Both modules hold their own reference: textsplit breaks single-style paragraphs,
    paragraph.cjkFragSplit the mixed ones.
    """
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):
        table = module.ALL_CANNOT_START
        missing = "".join(c for c in _CHINESE_CANNOT_START if c not in table)
        if missing:
            module.ALL_CANNOT_START = table + missing  # type: ignore[attr-defined]


def clean_text(text: str) -> str:
    """Normalise line ends, expand tabs and drop control characters that no font can draw."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.replace("\t", "    ")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if all(line.isprintable() for line in text.split("\n")):
        return text  # the usual case, checked in C
    return "".join(_clean_chars(text))


def _char_class(cmap: dict[int, int]) -> str:
    """A regex character class body for the code points of a cmap (as ranges)."""
    codes = sorted(c for c in cmap if c > 0x20 and not 0xD800 <= c <= 0xDFFF)
    parts: list[str] = []
    start = prev = codes[0]
    for code in codes[1:] + [-1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = code
    return " \u00a0" + "".join(parts)


def _clean_chars(text: str) -> Iterator[str]:
    for ch in text:
        if ch == "\n":
            yield ch
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        elif ch in ("\u2028", "\u2029"):
            yield "\n"
        else:
            yield ch


def default_fonts_dir() -> Path:
    from crm_desktop.config import resources_dir

    return resources_dir() / "fonts"


@functools.cache
def bundled_fonts() -> FontSet:
    """The process-wide font set over resources/fonts (ReportLab's registry is global anyway)."""
    return FontSet(default_fonts_dir())
