"""The base of every PDF document: A4, organisation header, "Page X of Y", confidentiality.

A renderer is a template method: :meth:`DocumentRenderer.render` builds the page frame and
calls the subclass for the title, the confidentiality level and the story (the flowables).
It returns the PDF as bytes and never touches files; the caller decides where they go.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from crm_desktop.documents.data import Localized
from crm_desktop.documents.fonts import SANS, SANS_BOLD, FontSet, bundled_fonts
from crm_desktop.documents.labels import Labels

T = TypeVar("T")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 15 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#9aa0a6")
ACCENT = colors.HexColor("#1f4e79")
ZEBRA = colors.HexColor("#f1f3f4")
MARK = colors.HexColor("#b00020")


class Styles:
    """Paragraph styles of the documents, all in the bundled fonts."""

    def __init__(self) -> None:
        base = ParagraphStyle(
            "body",
            fontName=SANS,
            fontSize=10.5,
            leading=14,
            textColor=INK,
            spaceAfter=3,
            bulletFontName=SANS,  # the default bullet font is the unembedded Helvetica
        )
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10, spaceAfter=0)
        self.muted = ParagraphStyle("muted", parent=self.small, textColor=MUTED)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12, spaceAfter=0)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=SANS_BOLD)
        self.tiny = ParagraphStyle("tiny", parent=self.cell, fontSize=7.5, leading=9.2)
        self.tiny_bold = ParagraphStyle("tiny_bold", parent=self.tiny, fontName=SANS_BOLD)
        self.label = ParagraphStyle("label", parent=self.cell, textColor=MUTED)
        self.title = ParagraphStyle(
            "title", parent=base, fontName=SANS_BOLD, fontSize=16, leading=20, spaceAfter=2,
            textColor=ACCENT,
        )  # fmt: skip
        self.subtitle = ParagraphStyle(
            "subtitle", parent=base, fontSize=11, leading=14, spaceAfter=8, textColor=INK
        )
        self.heading = ParagraphStyle(
            "heading", parent=base, fontName=SANS_BOLD, fontSize=12, leading=15,
            spaceBefore=9, spaceAfter=4, textColor=ACCENT,
        )  # fmt: skip
        self.subheading = ParagraphStyle(
            "subheading", parent=base, fontName=SANS_BOLD, fontSize=10.5, leading=13.5,
            spaceBefore=5, spaceAfter=2,
        )  # fmt: skip
        self.bullet = ParagraphStyle(
            "bullet", parent=base, leftIndent=12, bulletIndent=2, spaceAfter=2
        )
        self.cover_title = ParagraphStyle(
            "cover_title", parent=self.title, fontSize=24, leading=30, alignment=TA_CENTER,
            spaceAfter=8,
        )  # fmt: skip
        self.cover_subtitle = ParagraphStyle(
            "cover_subtitle", parent=self.subtitle, fontSize=14, leading=18, alignment=TA_CENTER
        )
        self._cjk: dict[str, ParagraphStyle] = {}

    def cjk_variant(self, style: ParagraphStyle) -> ParagraphStyle:
        """The same style with CJK line breaking: between any two ideographs, and never
        before a closing mark such as ，。）. Only for text that is mostly Chinese, because
        that mode would also break Russian and English words anywhere."""
        variant = self._cjk.get(style.name)
        if variant is None:
            variant = ParagraphStyle(style.name + "_cjk", parent=style, wordWrap="CJK")
            self._cjk[style.name] = variant
        return variant


class _PagedCanvas(Canvas):
    """Defers page decoration until the total page count is known ("Page X of Y")."""

    def __init__(self, *args: Any, decorate: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab API
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's own reset

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(self, number, total)
            Canvas.showPage(self)
        Canvas.save(self)


class DocumentRenderer(ABC, Generic[T]):
    """Template method: ``render(data) -> bytes``; subclasses provide title and story."""

    def __init__(
        self,
        labels: Labels | str = "ru",
        organisation: str = "",
        fonts: FontSet | None = None,
        *,
        generated_at: dt.datetime | None = None,
        invariant: bool = False,
        organisation_names: Localized | None = None,
    ) -> None:
        self.labels = labels if isinstance(labels, Labels) else Labels.parse(labels)
        self.organisation = organisation
        # the ministry's name in English and Chinese, for documents in those languages
        self.organisation_names = organisation_names
        self.fonts = fonts or bundled_fonts()
        self.styles = Styles()
        self.generated_at = generated_at
        # invariant: byte-identical output for the same input (no creation date, fixed ids)
        self.invariant = invariant

    # -- hooks -----------------------------------------------------------------------

    @abstractmethod
    def title(self, data: T) -> str:
        """Document title: PDF metadata and the running header."""

    @abstractmethod
    def story(self, data: T) -> list[Flowable]:
        """The flowables of the document body."""

    def confidentiality(self, data: T) -> str | None:
        """Level code ('confidential', 'internal') marked on every page, or None."""
        return None

    def prepared_at(self, data: T) -> dt.datetime | None:
        """When the data was taken ("Prepared on" in the footer), if it matters."""
        return self.generated_at

    def organisation_text(self) -> str:
        """The ministry's name in the document's languages ('' for none)."""
        if self.organisation_names is None:
            return self.organisation
        names = Localized(
            self.organisation or self.organisation_names.ru,
            self.organisation_names.en,
            self.organisation_names.zh,
        )
        return names.for_labels(tuple(s.code for s in self.labels.sets()))

    # -- the template method ------------------------------------------------------------

    def render(self, data: T) -> bytes:
        buffer = io.BytesIO()
        title = self.title(data)
        marking = self.labels.marking(self.confidentiality(data))
        doc = BaseDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=self.organisation_text(),
            creator="crm-desktop",
            subject=title,
            invariant=1 if self.invariant else 0,
            initialFontName=SANS,  # never let the standard (unembedded) Helvetica in
            lang=self.labels.primary.code,
        )
        frame = Frame(
            MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
            id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        decorate = functools.partial(
            self._decorate_page, title=title, marking=marking, prepared=self.prepared_at(data)
        )
        doc.build(
            self.story(data),
            canvasmaker=functools.partial(_PagedCanvas, decorate=decorate),
        )
        return buffer.getvalue()

    def _decorate_page(
        self,
        canvas: Canvas,
        page: int,
        total: int,
        *,
        title: str,
        marking: str,
        prepared: dt.datetime | None,
    ) -> None:
        f = self.fonts
        canvas.saveState()
        top = PAGE_HEIGHT - 12 * mm
        right = PAGE_WIDTH - MARGIN_RIGHT
        canvas.setFillColor(MUTED)
        # the running header gets the width the marking leaves free; the ministry's name
        # wraps (it is never cut), the document title on later pages is shortened
        free = CONTENT_WIDTH - (f.string_width(marking, 8.5, bold=True) + 20 if marking else 0)
        lines = wrap_text(f, self.organisation_text(), 8, free)
        if page > 1:
            lines.append(_shorten(f, title, 8, free))
        # the last line sits just above the rule; a long name grows upwards
        y = top - (10 if page > 1 else 0) + 9.5 * (len(lines) - 1)
        for line in lines:
            f.draw_string(canvas, MARGIN_LEFT, y, line, 8)
            y -= 9.5
        if marking:
            canvas.setFillColor(MARK)
            canvas.setStrokeColor(MARK)
            width = f.string_width(marking, 8.5, bold=True)
            canvas.setLineWidth(0.8)
            canvas.rect(right - width - 8, top - 3.5, width + 8, 13, stroke=1, fill=0)
            f.draw_string(canvas, right - 4, top, marking, 8.5, bold=True, align="right")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_LEFT, top - 14, right, top - 14)

        bottom = 10 * mm
        canvas.line(MARGIN_LEFT, bottom + 9, right, bottom + 9)
        canvas.setFillColor(MUTED)
        if prepared is not None:
            stamp = f"{self.labels.primary.prepared_on}: " + self.labels.format_short_date(
                prepared.date()
            )
            f.draw_string(canvas, MARGIN_LEFT, bottom, stamp, 7.5)
        if marking:
            canvas.setFillColor(MARK)
            f.draw_string(canvas, PAGE_WIDTH / 2, bottom, marking, 7.5, bold=True, align="centre")
            canvas.setFillColor(MUTED)
        f.draw_string(canvas, right, bottom, self.labels.page_of(page, total), 7.5, align="right")
        canvas.restoreState()

    # -- building blocks for subclasses ----------------------------------------------

    def p(
        self, text: str | None, style: ParagraphStyle | None = None, bold: bool = False
    ) -> Paragraph:
        """A paragraph of user text (escaped, font runs)."""
        style = style or self.styles.body
        if text and _mostly_cjk(text):
            style = self.styles.cjk_variant(style)
            text = chinese_punctuation(text)
        return Paragraph(self.fonts.markup(text, bold, style.fontName), style)

    # Headings are kept with their first lines by a conditional page break, not by
    # keepWithNext: that glues the heading to the whole next flowable, and a long table
    # after it then moves to the next page as one block, leaving this one half empty.
    def heading(self, key: str) -> list[Flowable]:
        """A section heading that never stays alone at the bottom of a page."""
        return [CondPageBreak(22 * mm), self.p(self.labels.inline(key), self.styles.heading, True)]

    def subheading(self, key: str) -> list[Flowable]:
        """A subheading with room for its first lines (or a table's header and first row)."""
        return [
            CondPageBreak(18 * mm),
            self.p(self.labels.inline(key), self.styles.subheading, True),
        ]

    def text_block(self, text: str | None, empty: bool = True) -> list[Flowable]:
        """Multi-paragraph user text: blank lines separate paragraphs, '- ' lines are bullets.

        Each paragraph is its own flowable, so long texts break across pages between (and,
        for very long ones, inside) paragraphs.
        """
        if not text or not text.strip():
            if not empty:
                return []
            return [self.p(self.labels.primary.nothing_recorded, self.styles.muted)]
        out: list[Flowable] = []
        for block in _paragraphs(text):
            stripped = block.lstrip()
            if stripped[:2] in ("- ", "* ", "• "):
                style = self.styles.bullet
                if _mostly_cjk(stripped):
                    style = self.styles.cjk_variant(style)
                    stripped = chinese_punctuation(stripped)
                out.append(
                    Paragraph(
                        self.fonts.markup(stripped[2:], False, style.fontName),
                        style,
                        bulletText="•",
                    )
                )
            else:
                out.append(self.p(block))
        return out

    def field_table(
        self, rows: Iterable[tuple[str, Any]], label_width: float = 45 * mm
    ) -> Table | Spacer:
        """Two columns: label (by key) and value (user text or a prepared flowable)."""
        data = []
        for key, value in rows:
            if value is None or value == "" or value == []:
                continue
            if isinstance(value, (Flowable, list)):
                cell = value
            else:
                cell = self.p(str(value), self.styles.cell)
            data.append([self._label_cell(key), cell])
        if not data:
            return Spacer(0, 0)
        table = Table(data, colWidths=[label_width, CONTENT_WIDTH - label_width], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), SANS, 9),  # the cell default is Helvetica
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        return table

    def _label_cell(self, key: str) -> Paragraph:
        first, second = self.labels.pair(key)
        markup = self.fonts.markup(first)
        if second:
            markup += "<br/>" + self.fonts.markup(second)
        return Paragraph(markup, self.styles.label)

    def grid(
        self,
        header_keys: Sequence[str],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        repeat_header: bool = True,
        small: bool = False,
        header: bool = True,
    ) -> Table:
        """A ruled table with a label header row; cells are user text or flowables.

        ``header=False``: the continuation of a table above (same columns, no header row).
        """
        cell = self.styles.tiny if small else self.styles.cell
        head = self.styles.tiny_bold if small else self.styles.cell_bold
        head_row = [
            Paragraph(self.fonts.markup(self.labels.inline(k, "\n"), True), head)
            for k in header_keys
        ]
        body = [
            [
                c if isinstance(c, (Flowable, list)) else self.p("" if c is None else str(c), cell)
                for c in row
            ]
            for row in rows
        ]
        total = sum(widths)
        scaled = [w * CONTENT_WIDTH / total for w in widths]
        top = 1 if header else 0
        table = Table(
            [head_row, *body] if header else body,
            colWidths=scaled,
            repeatRows=1 if repeat_header and header else 0,
            hAlign="LEFT",
        )
        style: list[Any] = [
            ("FONT", (0, 0), (-1, -1), SANS, 9),  # the cell default is Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, top), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        if header:
            style.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT))
        for i in range(2 - top, len(rows) + top, 2):
            style.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
        table.setStyle(TableStyle(style))
        return table

    def grid_with_tail(
        self,
        header_keys: Sequence[str],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        small: bool = False,
        tail: int = 2,
    ) -> list[Flowable]:
        """A grid whose last ``tail`` rows are a table of their own (same columns, no
        header), so what follows (a signature) can be kept with them and not with the
        whole table."""
        if len(rows) <= tail + 1:
            return [self.grid(header_keys, rows, widths, small=small)]
        return [
            self.grid(header_keys, rows[:-tail], widths, small=small),
            self.grid(header_keys, rows[-tail:], widths, small=small, header=False),
        ]

    def keep(self, flowables: list[Flowable]) -> KeepTogether:
        return KeepTogether(flowables)


_CJK = re.compile(
    r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
)


def _mostly_cjk(text: str) -> bool:
    """More ideographs than other letters: a Chinese paragraph, not a name in a Russian one."""
    cjk = len(_CJK.findall(text))
    if cjk < 8:
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    return cjk * 2 > letters


_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_AFTER_HAN = re.compile(f"(?<={_HAN})\\s?([,;:?!)])")
_BEFORE_HAN = re.compile(f"([(])\\s?(?={_HAN})")
_STOP_AFTER_HAN = re.compile(f"(?<={_HAN})\\.(?=\\s|$)")


def chinese_punctuation(text: str) -> str:
    """Full-width punctuation in Chinese text: '双方同意,继续谈判.' -> '双方同意，继续谈判。'.
    Only marks next to an ideograph change, so '1.5' or 'ISO 9001:2015' stay."""
    text = _AFTER_HAN.sub(lambda mt: _FULL_WIDTH[mt.group(1)], text)
    text = _BEFORE_HAN.sub(lambda mt: _FULL_WIDTH[mt.group(1)], text)
    return _STOP_AFTER_HAN.sub("。", text)


def no_break(text: str) -> str:
    """A name that must not wrap inside: its spaces made non-breaking ('Белов Д. С.')."""
    return text.replace(" ", "\u00a0") if len(text) <= 40 else text


def _paragraphs(text: str) -> list[str]:
    """Split on blank lines; a run of '- ' lines becomes one paragraph per item."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        lines = block.split("\n")
        if any(line.lstrip()[:2] in ("- ", "* ", "• ") for line in lines):
            current: list[str] = []
            for line in lines:
                if line.lstrip()[:2] in ("- ", "* ", "• "):
                    if current:
                        out.append("\n".join(current))
                    current = [line.strip()]
                else:
                    current.append(line)
            if current:
                out.append("\n".join(current))
        else:
            out.append(block.strip("\n"))
    return out


def wrap_text(fonts: FontSet, text: str, size: float, width: float) -> list[str]:
    """Lines of at most ``width`` points, broken between words (anywhere in CJK runs)."""
    text = " ".join(text.split())
    if not text:
        return []
    lines: list[str] = []
    current = ""
    for word in re.findall(
        r"[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*", text
    ):
        candidate = current + word
        if current and fonts.string_width(candidate.rstrip(), size) > width:
            lines.append(current.rstrip())
            current = word
        else:
            current = candidate
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _shorten(fonts: FontSet, text: str, size: float, width: float) -> str:
    """Cut a running-header text to fit, with an ellipsis."""
    text = " ".join(text.split())
    if fonts.string_width(text, size) <= width:
        return text
    while text and fonts.string_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
