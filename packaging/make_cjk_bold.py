"""Build resources/fonts/NotoSansCJKsc-Bold-subset.ttf, the bold face for Chinese text.

Droid Sans Fallback, the bundled CJK font, has one weight. Noto Sans CJK SC Bold has the
bold, but ships as CFF (PostScript) outlines in an OpenType collection, and ReportLab
embeds TrueType outlines only. This script takes the SC face out of Debian's
``NotoSansCJK-Bold.ttc`` (package ``fonts-noto-cjk``, SIL OFL 1.1), keeps the characters
a memo's headings and names need, and converts the cubic outlines to quadratic ones
(fontTools cu2qu, at most 1 unit of 1000 off the original curve):

- ASCII (Latin letters, digits, punctuation);
- GB 2312 (the 6,763 hanzi and the symbols of simplified Chinese);
- Big5 level 1 (the 5,401 common traditional characters) and the Big5 symbols;
- CJK symbols and punctuation, full-width forms, general punctuation;
- every CJK character in the demo data, the document labels and the document tests'
  sample and stress data, so that what the application prints is always covered.

A character outside this repertoire in bold text is printed in the regular Droid face
(crm_desktop/documents/fonts.py checks the bold font's cmap per character).

    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb noto
    pip install fonttools
    python packaging/make_cjk_bold.py noto/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc

The generated font is committed; run this again only to change the repertoire.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts" / "NotoSansCJKsc-Bold-subset.ttf"
FACE = "Noto Sans CJK SC Bold"
MAX_ERR = 1.0  # font units (of 1000): far below a printed pixel
SCANNED = (
    "resources/demo/demo.json",
    "crm_desktop/documents/labels.py",
    "tests/documents/document_samples.py",
    "tests/documents/stress.py",
)
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]")


def _double_byte(codec: str, first: range, second: range) -> set[int]:
    out: set[int] = set()
    for hi in first:
        for lo in second:
            try:
                text = bytes((hi, lo)).decode(codec)
            except UnicodeDecodeError:
                continue
            out.update(ord(c) for c in text)
    return out


def repertoire() -> set[int]:
    codes: set[int] = set(range(0x20, 0x7F))
    codes |= set(range(0x2010, 0x2070))  # general punctuation: dashes, quotes, ellipsis
    codes |= set(range(0x3000, 0x3040))  # CJK symbols and punctuation
    codes |= set(range(0xFF00, 0xFFF0))  # full-width and half-width forms
    codes |= _double_byte("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    codes |= _double_byte("big5", range(0xA1, 0xA4), range(0x40, 0xFF))  # symbols
    codes |= _double_byte("big5", range(0xA4, 0xC7), range(0x40, 0xFF))  # level 1 hanzi
    for name in SCANNED:
        text = (ROOT / name).read_text(encoding="utf-8")
        codes.update(ord(c) for c in _CJK.findall(text))
    return codes


def _sc_face(ttc: Path) -> TTFont:
    for font in TTCollection(str(ttc)).fonts:
        if font["name"].getDebugName(4) == FACE:
            return font
    raise SystemExit(f"{ttc}: no face named {FACE!r}")


def _cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF table by glyf/loca with quadratic outlines (fontTools' otf2ttf)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
        "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
        "maxComponentElements",
    ):  # fmt: skip
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: ReportLab needs none, and they cost 100 KB
    font.sfntVersion = "\x00\x01\x00\x00"


def build(ttc: Path, out: Path) -> None:
    font = _sc_face(ttc)
    options = subset.Options()
    options.layout_features = []  # ReportLab applies no OpenType layout
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_bounds = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(repertoire()))
    subsetter.subset(font)
    _cff_to_glyf(font)
    font.save(str(out))
    check = TTFont(str(out))
    cmap = check.getBestCmap()
    print(f"{out}: {len(cmap)} characters, {len(check.getGlyphOrder())} glyphs, "
          f"{out.stat().st_size / 1e6:.2f} MB")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("ttc", type=Path, help="NotoSansCJK-Bold.ttc from fonts-noto-cjk")
    parser.add_argument("-o", "--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    build(args.ttc, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
