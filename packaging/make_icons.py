"""Draw the application icon set into resources/icons/app/.

The icon is geometry only (no fonts), so it is reproducible on any machine with Pillow:
a blue rounded square holding a white contact card (a person and three text lines) and
an orange badge with an upward chevron — people and a pipeline that moves forward.
Small sizes drop the text lines and the badge so the shape stays readable at 16 px.

    python packaging/make_icons.py

The generated files are committed; run this again only when the drawing changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "icons" / "app"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SUPERSAMPLE = 8

BLUE_TOP = (47, 128, 214)
BLUE_BOTTOM = (22, 66, 145)
CARD = (255, 255, 255)
PERSON = (30, 88, 170)
LINES = (160, 178, 204)
BADGE = (245, 146, 32)


def _gradient(size: int, top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    column = Image.new("RGB", (1, size))
    for y in range(size):
        t = y / max(size - 1, 1)
        column.putpixel(
            (0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    return column.resize((size, size))


def draw(size: int) -> Image.Image:
    """Render one size; detail depends on how many pixels there are to spend."""
    s = size * SUPERSAMPLE
    detailed = size >= 48
    with_badge = size >= 32

    def px(v: float) -> int:
        return round(v * s)

    # Background: rounded square with a soft vertical gradient, a small margin as the
    # freedesktop and macOS grids expect.
    margin = 0.04 if size >= 48 else 0.0
    mask = Image.new("L", (s, s), 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        (px(margin), px(margin), px(1 - margin) - 1, px(1 - margin) - 1), radius=px(0.2), fill=255
    )
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    img.paste(_gradient(s, BLUE_TOP, BLUE_BOTTOM), (0, 0), mask)

    # The card, with a faint shadow so it lifts off the background at large sizes.
    card = (0.17, 0.27, 0.83, 0.73) if detailed else (0.12, 0.22, 0.88, 0.78)
    if detailed:
        shadow = Image.new("L", (s, s), 0)
        ImageDraw.Draw(shadow).rounded_rectangle(
            (px(card[0]), px(card[1] + 0.025), px(card[2]), px(card[3] + 0.025)),
            radius=px(0.06),
            fill=90,
        )
        shadow = shadow.filter(ImageFilter.GaussianBlur(px(0.02)))
        img.paste((10, 30, 70, 255), (0, 0), Image.composite(shadow, Image.new("L", (s, s)), mask))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle(tuple(px(v) for v in card), radius=px(0.06), fill=CARD)

    # The person: head and shoulders, clipped to the card's lower edge.
    if detailed:
        cx, head_r, head_y, body_w, body_top = 0.34, 0.075, 0.42, 0.14, 0.53
    else:
        cx, head_r, head_y, body_w, body_top = (0.42 if with_badge else 0.5), 0.11, 0.40, 0.21, 0.56
    d.ellipse(
        (px(cx - head_r), px(head_y - head_r), px(cx + head_r), px(head_y + head_r)), fill=PERSON
    )
    body = Image.new("L", (s, s), 0)
    ImageDraw.Draw(body).ellipse(
        (px(cx - body_w), px(body_top), px(cx + body_w), px(body_top + 2 * body_w)), fill=255
    )
    card_mask = Image.new("L", (s, s), 0)
    ImageDraw.Draw(card_mask).rounded_rectangle(
        tuple(px(v) for v in card), radius=px(0.06), fill=255
    )
    img.paste(PERSON, (0, 0), ImageChops.multiply(body, card_mask))

    if detailed:
        d = ImageDraw.Draw(img)
        for i, (y, length) in enumerate(((0.39, 0.27), (0.48, 0.22), (0.57, 0.17))):
            d.rounded_rectangle(
                (px(0.50), px(y - 0.022), px(0.50 + length), px(y + 0.022)),
                radius=px(0.022),
                fill=PERSON if i == 0 else LINES,
            )

    if with_badge:
        d = ImageDraw.Draw(img)
        bc, br = (0.76, 0.74) if detailed else (0.76, 0.76), (0.155 if detailed else 0.2)
        ring = 0.025 if detailed else 0.035
        d.ellipse(
            (
                px(bc[0] - br - ring),
                px(bc[1] - br - ring),
                px(bc[0] + br + ring),
                px(bc[1] + br + ring),
            ),
            fill=BLUE_BOTTOM,
        )
        d.ellipse((px(bc[0] - br), px(bc[1] - br), px(bc[0] + br), px(bc[1] + br)), fill=BADGE)
        w = br * 0.55
        chevron = [
            (px(bc[0] - w), px(bc[1] + w * 0.45)),
            (px(bc[0]), px(bc[1] - w * 0.55)),
            (px(bc[0] + w), px(bc[1] + w * 0.45)),
        ]
        d.line(chevron, fill=CARD, width=px(br * 0.32), joint="curve")
        for x, y in (chevron[0], chevron[2]):
            r = px(br * 0.16)
            d.ellipse((x - r, y - r, x + r, y + r), fill=CARD)

    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size) for size in (*PNG_SIZES, 1024)}
    for size in PNG_SIZES:
        images[size].save(OUT_DIR / f"icon-{size}.png", optimize=True)
    images[256].save(
        OUT_DIR / "icon.ico",
        sizes=[(n, n) for n in ICO_SIZES],
        append_images=[images[n] for n in ICO_SIZES if n != 256],
    )
    # Pillow picks each icns slot from append_images when the size matches exactly.
    images[1024].save(
        OUT_DIR / "icon.icns", append_images=[images[n] for n in (16, 32, 64, 128, 256, 512)]
    )
    print(f"wrote {len(PNG_SIZES)} PNGs, icon.ico and icon.icns to {OUT_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
