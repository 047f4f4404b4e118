"""Drawing: the NHS blue band, each language's block fitted to the space, the QR, the code."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import segno
from fpdf import FPDF
from fpdf.enums import Align, MethodReturnValue, XPos, YPos

from bot.outreach.posters._content import PosterContent, fill, number, plain
from bot.outreach.posters._scripts import (
    DEFAULT_LINE_FACTOR,
    LANGUAGE_SCRIPT,
    LINE_FACTOR,
    SCRIPT_FONTS,
    SIZE_FACTOR,
    FontFiles,
    codepoints,
    find_family,
    needs_glyph,
    require_latin,
    script_font,
)
from flows.catalog import entries
from flows.languages import BY_CODE, DEFAULT

# NHS identity colours: https://www.england.nhs.uk/nhsidentity/identity-guidelines/colours/
NHS_BLUE = (0, 94, 184)  # #005EB8
NHS_DARK = (33, 43, 50)  # #212B32, body text
NHS_GREY = (66, 84, 98)  # #425563, small labels
WHITE = (255, 255, 255)

PT = 25.4 / 72  # millimetres per point


@dataclass(frozen=True)
class Block:
    """One language's part of the poster, already filled in."""

    lang: str
    label: str
    title: str | None
    lines: tuple[str, ...]
    rtl: bool
    font: str  # fpdf family id
    line_factor: float
    size_factor: float


def qr_png(data: str) -> io.BytesIO:
    """The QR as a crisp 1-bit PNG: error correction at least M so a creased or scuffed poster scans."""
    qr = segno.make(data, error="m", boost_error=True, micro=False)
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=16, border=4, dark="black", light="white")
    buffer.seek(0)
    return buffer


class Doc(FPDF):
    """FPDF with our fonts registered once per document and a few measuring helpers."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__(orientation="P", unit="mm", format=(width, height))
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.c_margin = 0
        self.set_creator("allvoices")
        self._families: dict[Path, str] = {}
        self._bold: set[str] = set()
        self._word_widths: dict[tuple[str, str, str], list[list[float]]] = {}
        self.add_page()

    def family_for(self, files: FontFiles, bold: bool = False) -> str:
        """Register a font file once, as a fallback for every other font too.

        Only Latin gets a bold face: each embedded font is subset at output, which is the slowest part
        of building a poster, and the other scripts' titles read well in blue regular at a larger size.
        Every font is a fallback for the others so "HELLO CODE" inside a Bengali sentence is still drawn.
        """
        if files.regular not in self._families:
            family = f"f{len(self._families)}" + re.sub(r"[^a-z]", "", files.family.lower())
            self.add_font(family, "", str(files.regular))
            self._families[files.regular] = family
        family = self._families[files.regular]
        if bold and family not in self._bold:
            self.add_font(family, "B", str(files.bold or files.regular))
            self._bold.add(family)
        self.set_fallback_fonts(list(self._families.values()), exact_match=False)
        return family

    def use(self, family: str, size: float, bold: bool = False, rtl: bool = False, lang: str = "") -> None:
        """Select a font; RTL text is shaped right-to-left as Arabic script, the rest auto-detected."""
        self.set_font(family, "B" if bold and family in self._bold else "", size)
        if rtl:
            self.set_text_shaping(True, direction="rtl", script="arab", language=lang or None)
        else:
            self.set_text_shaping(True, language=lang or None)

    def text_height(self, width: float, content: str, line: float, align: Align = Align.L) -> float:
        """Exact height of wrapped text, as fpdf2 will lay it out (slow: it reshapes as it wraps)."""
        lines = self.multi_cell(
            width, line, content, align=align, dry_run=True, output=MethodReturnValue.LINES
        )
        assert isinstance(lines, list)  # fpdf2 returns the wrapped lines for output=LINES
        return len(lines) * line

    def estimate_height(self, width: float, content: str, size: float, line: float) -> float:
        """Height of wrapped text from word widths shaped once per font and scaled by size.

        Used for fitting many languages at many trial sizes, where reshaping every time took most of
        a second; a small safety margin stands in for kerning across spaces.
        """
        key = (self.font_family, self.font_style, content)
        if key not in self._word_widths:
            per_point = 1 / self.font_size_pt
            self._word_widths[key] = [
                [self.get_string_width(word) * per_point for word in paragraph.split(" ") if word]
                for paragraph in content.split("\n")
            ] + [[self.get_string_width(" ") * per_point]]
        *paragraphs, (space,) = self._word_widths[key]
        room = width * 0.96 / size
        count = 0
        for words in paragraphs:
            count += 1
            used = 0.0
            for word in words:
                if used and used + space + word > room:
                    count += 1
                    used = word
                else:
                    used += (space if used else 0.0) + word
        return count * line

    def paragraph(
        self, x: float, y: float, width: float, content: str, line: float, align: Align = Align.L
    ) -> float:
        """Write wrapped text at (x, y) and return the y just below it."""
        self.set_xy(x, y)
        self.multi_cell(width, line, content, align=align, new_x=XPos.LEFT, new_y=YPos.NEXT)
        return float(self.get_y())

    def fit_size(
        self,
        family: str,
        content: str,
        width: float,
        height: float,
        largest: float,
        smallest: float,
        bold: bool = False,
        factor: float = DEFAULT_LINE_FACTOR,
    ) -> float:
        """The largest point size (down to ``smallest``) at which the text fits the box.

        A size also has to fit its longest word on one line: a code or link broken mid-word is misread.
        """
        words = content.split() or [""]
        size = largest
        while size > smallest:
            self.use(family, size, bold)
            widest = max(self.get_string_width(word) for word in words)
            if widest <= width and self.text_height(width, content, size * PT * factor) <= height:
                return size
            size = max(smallest, size * 0.92)
        return smallest


def blocks(doc: Doc, content: PosterContent, langs: Sequence[str], with_sms: bool) -> list[Block]:
    """Each language's label, title and promise (and its own SMS line); English's title is the band."""
    values = {"code": plain(content.code), "number": number(content.sms_number), "link": ""}
    blocks: list[Block] = []
    for lang in langs:
        found = entries(lang)
        font = script_font(lang)
        if font is None:
            continue
        language = BY_CODE[lang]
        script = LANGUAGE_SCRIPT[lang]
        lines = [found["poster.promise"].text]
        if with_sms and lang != DEFAULT and "poster.sms" in found:
            lines.append(fill(found["poster.sms"].text, values))
        blocks.append(
            Block(
                lang=lang,
                label=language.native_name,
                title=None if lang == DEFAULT else found["poster.title"].text,
                lines=tuple(lines),
                rtl=language.rtl,
                font=doc.family_for(font, bold=script in ("latin", "cyrillic")),
                line_factor=LINE_FACTOR.get(script, DEFAULT_LINE_FACTOR),
                size_factor=SIZE_FACTOR.get(script, 1.0),
            )
        )
    return blocks


def draw_blocks(
    doc: Doc,
    blocks: Sequence[Block],
    box: tuple[float, float, float],
    sizes: tuple[float, float],
    draw: bool,
) -> float:
    """Lay the language blocks out top to bottom; with ``draw=False`` only measure. Returns the height."""
    x, y, width = box
    title_pt, body_pt = sizes
    gap = body_pt * PT * 1.1
    top = y

    def put(content: str, size: float, align: Align, factor: float) -> None:
        nonlocal y
        line = size * PT * factor
        if draw:
            y = doc.paragraph(x, y, width, content, line, align)
        else:
            y += doc.estimate_height(width, content, size, line)

    for index, block in enumerate(blocks):
        align = Align.R if block.rtl else Align.L
        scale = block.size_factor
        if index:
            if draw:
                doc.set_draw_color(*NHS_BLUE)
                doc.set_line_width(0.3)
                doc.line(x, y + gap / 2, x + width, y + gap / 2)
            y += gap
        if block.title is not None:
            # The label is the language's own name, e.g. "বাংলা", so she finds hers at a glance.
            label_pt = max(6.0, body_pt * 0.7) * scale
            doc.use(block.font, label_pt, rtl=block.rtl, lang=block.lang)
            doc.set_text_color(*NHS_GREY)
            put(block.label, label_pt, align, block.line_factor)
            # Tall scripts (Nastaliq) rise above their line box: give the title room under the label.
            y += title_pt * scale * PT * (block.line_factor - DEFAULT_LINE_FACTOR) / 2
            doc.use(block.font, title_pt * scale, bold=True, rtl=block.rtl, lang=block.lang)
            doc.set_text_color(*NHS_BLUE)
            put(block.title, title_pt * scale, align, block.line_factor)
        doc.use(block.font, body_pt * scale, rtl=block.rtl, lang=block.lang)
        doc.set_text_color(*NHS_DARK)
        for paragraph in block.lines:
            put(paragraph, body_pt * scale, align, block.line_factor)
    return y - top


def fit_blocks(
    doc: Doc,
    blocks: Sequence[Block],
    box: tuple[float, float, float, float],
    sizes: tuple[float, float],
    largest: float = 1.0,
) -> None:
    """Size all languages together to fill the box, so no language looks less important than another.

    Measuring shaped text is the slow part, so the first guess comes from the area ratio (text height
    scales roughly with the square of the type size) and only a few corrections follow.
    """
    x, y, width, height = box
    title_pt, body_pt = sizes

    def measure(scale: float) -> float:
        return draw_blocks(doc, blocks, (x, y, width), (title_pt * scale, body_pt * scale), False)

    # Grow up to ``largest`` when there is room (an English-only poster should not be half empty).
    scale = min(largest, (height / max(measure(1.0), 0.1)) ** 0.5)
    while scale > 0.3 and measure(scale) > height:
        scale *= 0.95
    draw_blocks(doc, blocks, (x, y, width), (title_pt * scale, body_pt * scale), True)


def band(
    doc: Doc, latin: str, title: str, width: float, height: float, margin: float, largest: float
) -> None:
    doc.set_fill_color(*NHS_BLUE)
    doc.rect(0, 0, width, height, style="F")
    inner = width - 2 * margin
    size = doc.fit_size(latin, title, inner, height - margin * 0.8, largest, 8, bold=True, factor=1.15)
    doc.use(latin, size, bold=True)
    doc.set_text_color(*WHITE)
    line = size * PT * 1.15
    used = doc.text_height(inner, title, line, Align.L)
    doc.paragraph(margin, (height - used) / 2, inner, title, line, Align.L)


def register_for(doc: Doc, value: str) -> None:
    """Make sure a champion-typed name in any script we know (a mosque's Arabic name) is drawn.

    The fonts become fallbacks, so the name is still written in the Latin font where it can be.
    """
    latin = require_latin()
    needed = {char for char in value if needs_glyph(char) and ord(char) not in codepoints(latin.regular)}
    for families in SCRIPT_FONTS.values():
        if not needed:
            return
        for family in families:
            found = find_family(family)
            if found is not None and needed & {chr(point) for point in codepoints(found.regular)}:
                doc.family_for(found)
                needed -= {chr(point) for point in codepoints(found.regular)}
                break
