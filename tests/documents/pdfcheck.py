"""Helpers for the PDF tests: text extraction and font inspection with pypdf."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

# Header and footer bands of the A4 renderer (points from the bottom edge).
BODY_BOTTOM = 20 * 72 / 25.4 - 4
BODY_TOP = 842 - 24 * 72 / 25.4 + 4


@dataclass
class PdfInfo:
    pages: list[str]
    fonts: dict[str, bool]  # base font name -> embedded
    metadata: dict[str, str]
    bodies: list[str]  # page text without the running header and footer
    lowest: list[float] = None  # type: ignore[assignment]  # per page: lowest body text y

    def used(self, page: int) -> float:
        """How much of the body frame's height the page's text fills, 0..1."""
        return (BODY_TOP - self.lowest[page]) / (BODY_TOP - BODY_BOTTOM)

    @property
    def body(self) -> str:
        return "\n".join(self.bodies)

    def body_contains(self, needle: str) -> bool:
        """Text that flows over a page break, found across it."""
        return squash(needle) in squash(self.body)

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def squashed(self) -> str:
        """All text without whitespace: line wrapping (anywhere in CJK) cannot break a match."""
        return squash(self.text)

    def contains(self, needle: str) -> bool:
        return squash(needle) in self.squashed


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _font_embedded(font: object) -> bool:
    font = font.get_object()  # type: ignore[attr-defined]
    if font.get("/Subtype") == "/Type0":
        return all(_font_embedded(d) for d in font["/DescendantFonts"])
    if font.get("/Subtype") == "/Type3":
        return True  # glyphs are drawn by the file itself
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def inspect_pdf(data: bytes) -> PdfInfo:
    assert data.startswith(b"%PDF-"), "not a PDF"
    reader = PdfReader(io.BytesIO(data))
    fonts: dict[str, bool] = {}
    pages = []
    bodies: list[str] = []
    lowest: list[float] = []
    for page in reader.pages:
        pages.append(page.extract_text() or "")
        parts: list[str] = []
        low = [BODY_TOP]

        def visit(text, cm, tm, font, size, parts=parts, low=low):
            y = cm[5] + tm[5] * cm[3]
            if BODY_BOTTOM < y < BODY_TOP:
                parts.append(text)
                if text.strip():
                    low[0] = min(low[0], y)

        page.extract_text(visitor_text=visit)
        bodies.append("".join(parts))
        lowest.append(low[0])
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        if font_dict:
            for ref in font_dict.get_object().values():
                font = ref.get_object()
                fonts[str(font.get("/BaseFont"))] = _font_embedded(font)
    meta = {k: str(v) for k, v in (reader.metadata or {}).items()}
    return PdfInfo(pages=pages, fonts=fonts, metadata=meta, bodies=bodies, lowest=lowest)


def assert_all_fonts_embedded(info: PdfInfo) -> None:
    assert info.fonts, "no fonts found in the PDF"
    missing = [name for name, embedded in info.fonts.items() if not embedded]
    assert not missing, f"fonts not embedded: {missing}"
    # subset fonts carry a six-letter tag: ABCDEF+Name
    assert all(re.match(r"/[A-Z]{6}\+", name) for name in info.fonts), info.fonts
