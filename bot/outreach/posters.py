"""Printable posters and pocket cards that community champions hand out.

A champion pins the poster up at a baby group, mosque or food bank and hands the card to a woman who
may not read English, so both are built from the same catalog sentences she will later see in the chat
(``poster.*`` keys), in each of the group's languages, with the group's code and a QR that opens the
chat with that code already typed. The design follows the NHS plain style (blue band, dark text on
white, large type) because that is what a trustworthy health notice looks like in a UK waiting room.

Everything here is a pure function of :class:`PosterContent`: no database, no network. Fonts are
looked up on this machine at run time (fontconfig, else a scan of the usual font folders) rather than
vendored, because Noto fonts for Bengali, Gurmukhi, Urdu and friends are megabytes each and every
Linux distribution packages them (Debian: ``fonts-noto-core``). A language whose script has no font is
left off the poster rather than printed as empty boxes; :func:`missing_fonts` says which, so an
operator can install the package.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import segno
import uharfbuzz
from fpdf import FPDF
from fpdf.enums import Align, MethodReturnValue, XPos, YPos

from flows.catalog import entries, text
from flows.languages import BY_CODE, DEFAULT

__all__ = ["PosterContent", "card_pdf", "missing_fonts", "poster_pdf"]


@dataclass(frozen=True)
class PosterContent:
    """What one champion's poster says. Built by the caller from the champion's group record."""

    code: str  # e.g. "MEDWAY-BUMPS"
    group_name: str  # e.g. "Medway Bumps and Babies" (shown small)
    whatsapp_link: str | None  # the QR encodes this; if None the Telegram link; if both None, no QR
    sms_number: str | None  # e.g. "07700 900123", for "Text HELLO CODE to ..."
    telegram_link: str | None  # https://t.me/<bot>?start=CODE
    languages: tuple[str, ...]  # English first, then the group's chosen languages (our codes)


# NHS identity colours: https://www.england.nhs.uk/nhsidentity/identity-guidelines/colours/
NHS_BLUE = (0, 94, 184)  # #005EB8
NHS_DARK = (33, 43, 50)  # #212B32, body text
NHS_GREY = (66, 84, 98)  # #425563, small labels
WHITE = (255, 255, 255)

PT = 25.4 / 72  # millimetres per point

# Which script each of our languages is written in. Languages not listed here are not known to
# flows.languages either, so they cannot have a catalog and are never printed.
LANGUAGE_SCRIPT: dict[str, str] = {
    "en": "latin",
    "pl": "latin",
    "ro": "latin",
    "so": "latin",
    "pt": "latin",
    "uk": "cyrillic",
    "ur": "urdu",
    "ar": "arabic",
    "ps": "arabic",
    "prs": "arabic",
    "bn": "bengali",
    "pa": "gurmukhi",
    "gu": "gujarati",
    "ti": "ethiopic",
}

# Preferred font families per script, best first; the first one installed wins. Noto first because
# it is designed to cover each script properly; DejaVu Sans is the near-universal fallback that covers
# Latin, Cyrillic and the basic Arabic letters (the glyph check below catches what it lacks).
SCRIPT_FONTS: dict[str, tuple[str, ...]] = {
    "latin": ("Noto Sans", "DejaVu Sans", "Liberation Sans", "FreeSans"),
    "cyrillic": ("Noto Sans", "DejaVu Sans", "Liberation Sans", "FreeSans"),
    # Nastaliq is how Urdu is printed and read; Naskh is legible to Urdu readers if it is all we have.
    "urdu": ("Noto Nastaliq Urdu", "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans"),
    "arabic": ("Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans"),
    "bengali": ("Noto Sans Bengali", "Noto Serif Bengali", "Lohit Bengali", "FreeSerif"),
    "gurmukhi": ("Noto Sans Gurmukhi", "Noto Serif Gurmukhi", "Lohit Gurmukhi", "FreeSerif"),
    "gujarati": ("Noto Sans Gujarati", "Noto Serif Gujarati", "Lohit Gujarati", "FreeSerif"),
    "ethiopic": ("Noto Sans Ethiopic", "Noto Serif Ethiopic", "Abyssinica SIL", "FreeSerif"),
}

# Nastaliq's stacked letters need much more room between lines than Naskh or Latin.
LINE_FACTOR: dict[str, float] = {"urdu": 2.1, "arabic": 1.6}
DEFAULT_LINE_FACTOR = 1.3
# Naskh and Nastaliq look about a size smaller than Latin at the same point size.
SIZE_FACTOR: dict[str, float] = {"urdu": 1.05, "arabic": 1.2}

FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
    Path.home() / ".fonts",
)
POSTER_KEYS = ("poster.title", "poster.promise")
_PLACEHOLDER = re.compile(r"\{(code|number|link)\}")


@dataclass(frozen=True)
class _FontFiles:
    family: str  # the fontconfig family name we asked for
    regular: Path
    bold: Path | None


@dataclass(frozen=True)
class _Block:
    """One language's part of the poster, already filled in."""

    lang: str
    label: str
    title: str | None
    lines: tuple[str, ...]
    rtl: bool
    font: str  # fpdf family id
    line_factor: float
    size_factor: float


# --- fonts --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Listed:
    """One ``fc-list`` row: a font file and how heavy, slanted and wide it is."""

    path: Path
    weight: int  # fontconfig scale: 80 regular, 200 bold
    slant: int
    width: int
    style: str

    @property
    def says_bold(self) -> bool:
        # Some files carry the wrong weight (Noto Nastaliq Urdu Bold says 80), so names count too.
        return self.weight >= 180 or "bold" in self.style.lower() or "bold" in self.path.stem.lower()


def _parse_fc_line(line: str) -> _Listed | None:
    parts = line.split("|", 4)
    if len(parts) != 5 or not parts[0].lower().endswith(".ttf"):
        return None  # fpdf2 embeds TrueType outlines; skip OTF/CFF and collections

    def number(value: str, default: int) -> int:
        try:
            return int(float(value.split()[0].strip("[]")))
        except (ValueError, IndexError):
            return default

    return _Listed(Path(parts[0]), number(parts[1], 80), number(parts[2], 0), number(parts[3], 100), parts[4])


@cache
def _fontconfig_files(family: str) -> _FontFiles | None:
    """Ask fontconfig for the upright regular and bold TTF files of exactly this family.

    ``fc-match`` always answers with *some* font, so we use ``fc-list`` with an exact family pattern:
    an empty answer really means the family is not installed.
    """
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        listed = subprocess.run(
            [fc_list, "--format", "%{file}|%{weight}|%{slant}|%{width}|%{style}\n", f":family={family}"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    upright = [
        font
        for font in map(_parse_fc_line, listed.splitlines())
        if font is not None and font.slant == 0 and font.width == 100 and font.path.is_file()
    ]
    regulars = sorted(
        (font for font in upright if not font.says_bold),
        key=lambda font: (abs(font.weight - 80), str(font.path)),
    )
    bolds = sorted(
        (font for font in upright if font.says_bold),
        key=lambda font: (abs(font.weight - 200), str(font.path)),
    )
    if not regulars:
        return None
    return _FontFiles(family, regulars[0].path, bolds[0].path if bolds else None)


@cache
def _scanned_files(family: str) -> _FontFiles | None:
    """Without fontconfig (a slim container), find ``NotoSansBengali-Regular.ttf`` by its name."""
    stem = family.replace(" ", "")
    regular: Path | None = None
    bold: Path | None = None
    for root in FONT_DIRS:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob(f"{stem}*.ttf")):
            name = path.stem
            if name in (stem, f"{stem}-Regular", f"{stem}-Book") and regular is None:
                regular = path
            elif name == f"{stem}-Bold" and bold is None:
                bold = path
    return _FontFiles(family, regular, bold) if regular else None


def _find_family(family: str) -> _FontFiles | None:
    return _fontconfig_files(family) or _scanned_files(family)


@cache
def _codepoints(path: Path) -> frozenset[int]:
    """The characters a font file has glyphs for, read with HarfBuzz (already needed for shaping)."""
    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(path)))
    return frozenset(int(point) for point in face.unicodes)


def _needs_glyph(char: str) -> bool:
    """Spaces, joiners and direction marks are handled by the shaper and need no glyph of their own."""
    return unicodedata.category(char) not in ("Zs", "Cc", "Cf", "Zl", "Zp")


def _covers(fonts: Iterable[_FontFiles], sample: str) -> bool:
    covered: set[int] = set()
    for font in fonts:
        covered |= _codepoints(font.regular)
    return all(ord(char) in covered for char in sample if _needs_glyph(char))


@cache
def _latin_font() -> _FontFiles | None:
    for family in SCRIPT_FONTS["latin"]:
        found = _find_family(family)
        if found is not None:
            return found
    return None


def _poster_sample(lang: str) -> str:
    """Every character this language would put on a poster: its name and its poster sentences."""
    language = BY_CODE.get(lang)
    parts = [language.native_name if language else ""]
    parts.extend(entry.text for key, entry in entries(lang).items() if key.startswith("poster."))
    return "".join(parts)


@cache
def _script_font(lang: str) -> _FontFiles | None:
    """The first preferred font for the language's script that really has all the glyphs it needs.

    Checking glyphs, not just the family name, matters: DejaVu Sans "covers Arabic" but lacks Urdu's
    ے and Pashto's ۍ, and a poster with empty boxes in it is worse than no translation.
    """
    script = LANGUAGE_SCRIPT.get(lang)
    latin = _latin_font()
    if script is None:
        return None
    sample = _poster_sample(lang)
    for family in SCRIPT_FONTS[script]:
        found = _find_family(family)
        if found is not None and _covers([found, *([latin] if latin else [])], sample):
            return found
    return None


def missing_fonts(languages: Sequence[str]) -> list[str]:
    """Languages (in the order given) whose script has no usable font on this machine.

    Shown to the lead so that a missing ``fonts-noto-core`` is fixed rather than silently costing a
    community its language on the poster. Unknown codes are not a font problem and are not listed.
    """
    missing: list[str] = []
    for lang in dict.fromkeys(languages):
        if lang in LANGUAGE_SCRIPT and (_latin_font() is None or _script_font(lang) is None):
            missing.append(lang)
    return missing


# --- content ------------------------------------------------------------------------------------


def _plain(value: str) -> str:
    """User-typed names go on paper as one line of text: no control characters, no line breaks.

    Zero-width (non-)joiners stay, as Persian and Indic spellings need them; other format characters
    go, so a bidi override cannot make a name display backwards.
    """
    kept = []
    for char in value:
        category = unicodedata.category(char)
        if category[0] == "Z" or category == "Cc":
            kept.append(" ")
        elif category[0] != "C" or char in "\u200c\u200d":
            kept.append(char)
    return " ".join("".join(kept).split())


def _number(value: str | None) -> str:
    """A phone number kept whole: no-break spaces never wrap, and inside Arabic or Urdu text the
    bidi algorithm treats them as part of the number, so "07700 900123" is not shown as "900123 07700".
    """
    return _plain(value or "").replace(" ", "\u00a0")


def _fill(template: str, values: dict[str, str]) -> str:
    """Fill {code}/{number}/{link} in one pass, so braces in a group's code are never re-expanded."""
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def _ordered_languages(languages: Sequence[str]) -> list[str]:
    """English first (the NHS staff and champions read it too), each language once."""
    return list(dict.fromkeys([DEFAULT, *languages]))


def _has_poster_text(lang: str) -> bool:
    found = entries(lang)
    return all(key in found for key in POSTER_KEYS)


def _printable_languages(languages: Sequence[str]) -> list[str]:
    """Languages that have poster sentences in their own catalog and a font for their script.

    ``flows.catalog.text`` falls back to English, which is right in a chat but would print English
    twice on a poster, so we look at the language's own entries.
    """
    return [
        lang
        for lang in _ordered_languages(languages)
        if lang in LANGUAGE_SCRIPT and _has_poster_text(lang) and _script_font(lang) is not None
    ]


def _qr_target(content: PosterContent) -> str | None:
    return content.whatsapp_link or content.telegram_link or None


def _qr_png(data: str) -> io.BytesIO:
    """The QR as a crisp 1-bit PNG: error correction at least M so a creased or scuffed poster scans."""
    qr = segno.make(data, error="m", boost_error=True, micro=False)
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=16, border=4, dark="black", light="white")
    buffer.seek(0)
    return buffer


# --- drawing ------------------------------------------------------------------------------------


class _Doc(FPDF):
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

    def family_for(self, files: _FontFiles, bold: bool = False) -> str:
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


def _blocks(doc: _Doc, content: PosterContent, langs: Sequence[str], with_sms: bool) -> list[_Block]:
    """Each language's label, title and promise (and its own SMS line); English's title is the band."""
    values = {"code": _plain(content.code), "number": _number(content.sms_number), "link": ""}
    blocks: list[_Block] = []
    for lang in langs:
        found = entries(lang)
        font = _script_font(lang)
        if font is None:
            continue
        language = BY_CODE[lang]
        script = LANGUAGE_SCRIPT[lang]
        lines = [found["poster.promise"].text]
        if with_sms and lang != DEFAULT and "poster.sms" in found:
            lines.append(_fill(found["poster.sms"].text, values))
        blocks.append(
            _Block(
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


def _draw_blocks(
    doc: _Doc,
    blocks: Sequence[_Block],
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


def _fit_blocks(
    doc: _Doc,
    blocks: Sequence[_Block],
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
        return _draw_blocks(doc, blocks, (x, y, width), (title_pt * scale, body_pt * scale), False)

    # Grow up to ``largest`` when there is room (an English-only poster should not be half empty).
    scale = min(largest, (height / max(measure(1.0), 0.1)) ** 0.5)
    while scale > 0.3 and measure(scale) > height:
        scale *= 0.95
    _draw_blocks(doc, blocks, (x, y, width), (title_pt * scale, body_pt * scale), True)


def _band(
    doc: _Doc, latin: str, title: str, width: float, height: float, margin: float, largest: float
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


def _action_lines(content: PosterContent) -> tuple[str | None, list[str]]:
    """English "how to reach us" lines: the caption over the code, then SMS and Telegram."""
    values = {
        "code": _plain(content.code),
        "number": _number(content.sms_number),
        "link": _plain(content.telegram_link or ""),
    }
    caption = text(DEFAULT, "poster.whatsapp") if content.whatsapp_link else None
    lines: list[str] = []
    if content.sms_number:
        lines.append(_fill(text(DEFAULT, "poster.sms"), values))
    if content.telegram_link:
        lines.append(_fill(text(DEFAULT, "poster.telegram"), values))
    return caption, lines


def _register_for(doc: _Doc, value: str) -> None:
    """Make sure a champion-typed name in any script we know (a mosque's Arabic name) is drawn.

    The fonts become fallbacks, so the name is still written in the Latin font where it can be.
    """
    latin = _require_latin()
    needed = {char for char in value if _needs_glyph(char) and ord(char) not in _codepoints(latin.regular)}
    for families in SCRIPT_FONTS.values():
        if not needed:
            return
        for family in families:
            found = _find_family(family)
            if found is not None and needed & {chr(point) for point in _codepoints(found.regular)}:
                doc.family_for(found)
                needed -= {chr(point) for point in _codepoints(found.regular)}
                break


def _require_latin() -> _FontFiles:
    latin = _latin_font()
    if latin is None:
        raise RuntimeError("no Latin TrueType font found: install fonts-dejavu-core or fonts-noto-core")
    return latin


def poster_pdf(content: PosterContent, size: str = "A4") -> bytes:
    """An A4 or A5 poster: English title band, each language's promise, big QR and code, how to text.

    Title, QR and code are sized to be read and scanned from across a room; the languages share the
    space between them and shrink together when a group chooses many.
    """
    sizes = {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}
    if size.upper() not in sizes:
        raise ValueError(f"poster size must be A4 or A5, not {size!r}")
    width, height = sizes[size.upper()]
    k = width / 210.0  # everything is designed for A4 and scaled
    doc = _Doc(width, height)
    latin = doc.family_for(_require_latin(), bold=True)
    doc.set_title(f"{text(DEFAULT, 'poster.title')} - {_plain(content.code)}")
    margin = 14 * k
    inner = width - 2 * margin

    band_height = 44 * k
    _band(doc, latin, text(DEFAULT, "poster.title"), width, band_height, margin, 40 * k)

    # Footer: the group's name, small, so the champion can tell her posters apart.
    footer_pt = 10 * k
    footer_y = height - margin * 0.6 - footer_pt * PT * 1.3
    group = _plain(content.group_name)
    if group:
        _register_for(doc, group)
        size_pt = doc.fit_size(latin, group, inner, footer_pt * PT * 1.3, footer_pt, 5)
        doc.use(latin, size_pt)
        doc.set_text_color(*NHS_GREY)
        doc.paragraph(margin, footer_y, inner, group, footer_pt * PT * 1.3, Align.C)

    # Action panel: QR on the left, code and instructions on the right.
    target = _qr_target(content)
    qr_size = 78 * k if target else 0.0
    panel_height = max(qr_size, 60 * k)
    panel_top = footer_y - 4 * k - panel_height
    doc.set_draw_color(*NHS_BLUE)
    doc.set_line_width(1.2 * k)
    doc.line(margin, panel_top - 5 * k, width - margin, panel_top - 5 * k)
    text_x = margin
    if target:
        doc.image(_qr_png(target), x=margin, y=panel_top, w=qr_size, h=qr_size)
        text_x = margin + qr_size + 6 * k
    text_width = width - margin - text_x
    caption, lines = _action_lines(content)
    y = panel_top + 2 * k
    if caption:
        doc.use(latin, 15 * k, bold=True)
        doc.set_text_color(*NHS_DARK)
        y = doc.paragraph(text_x, y, text_width, caption, 15 * k * PT * 1.25, Align.L) + 2 * k
    code = _plain(content.code)
    _register_for(doc, code)
    code_pt = doc.fit_size(latin, code, text_width, 22 * k, 44 * k, 12, bold=True, factor=1.1)
    doc.use(latin, code_pt, bold=True)
    doc.set_text_color(*NHS_BLUE)
    y = doc.paragraph(text_x, y, text_width, code, code_pt * PT * 1.1, Align.L) + 2 * k
    if lines:
        joined = "\n".join(lines)
        room = panel_top + panel_height - y
        body_pt = doc.fit_size(latin, joined, text_width, room, 15 * k, 7, factor=1.25)
        doc.use(latin, body_pt)
        doc.set_text_color(*NHS_DARK)
        for line in lines:
            y = doc.paragraph(text_x, y, text_width, line, body_pt * PT * 1.25, Align.L) + 1 * k

    # Languages between band and panel.
    langs = _printable_languages(content.languages)
    blocks = _blocks(doc, content, langs, with_sms=bool(content.sms_number))
    region_top = band_height + 8 * k
    region_height = panel_top - 12 * k - region_top
    _fit_blocks(doc, blocks, (margin, region_top, inner, region_height), (22 * k, 16 * k), largest=2.0)
    return bytes(doc.output())


def card_pdf(content: PosterContent) -> bytes:
    """A business-card size (85 x 55 mm) card: QR, code, and the promise in English and her language.

    Small enough for a purse or a pram; the SMS line is kept because not every phone scans a QR.
    """
    width, height = 85.0, 55.0
    doc = _Doc(width, height)
    latin = doc.family_for(_require_latin(), bold=True)
    doc.set_title(f"{text(DEFAULT, 'poster.title')} - {_plain(content.code)}")
    margin = 3.5

    band_height = 9.0
    _band(doc, latin, text(DEFAULT, "poster.title"), width, band_height, margin, 10)

    target = _qr_target(content)
    qr_size = 31.0 if target else 0.0
    top = band_height + 2.5
    code = _plain(content.code)
    _register_for(doc, code)
    _, lines = _action_lines(content)
    sms = lines[0] if content.sms_number else None
    bottom = height - margin
    if sms:
        doc.use(latin, 6)
        doc.set_text_color(*NHS_DARK)
        sms_pt = doc.fit_size(latin, sms, width - 2 * margin, 3.2, 7, 4.5)
        doc.use(latin, sms_pt)
        doc.set_xy(margin, bottom - sms_pt * PT * 1.25)
        doc.cell(width - 2 * margin, sms_pt * PT * 1.25, sms, align=Align.L)
        bottom -= sms_pt * PT * 1.25 + 1
    if target:
        doc.image(_qr_png(target), x=margin - 1.2, y=top - 1.2, w=qr_size, h=qr_size)
        code_width = qr_size - 2
        code_pt = doc.fit_size(latin, code, code_width, 5, 12, 5, bold=True, factor=1.1)
        doc.use(latin, code_pt, bold=True)
        doc.set_text_color(*NHS_BLUE)
        doc.paragraph(margin, top + qr_size - 1.6, code_width, code, code_pt * PT * 1.1, Align.C)
        x = margin + qr_size + 1
    else:
        code_pt = doc.fit_size(latin, code, width - 2 * margin, 7, 16, 6, bold=True, factor=1.1)
        doc.use(latin, code_pt, bold=True)
        doc.set_text_color(*NHS_BLUE)
        top = doc.paragraph(margin, top, width - 2 * margin, code, code_pt * PT * 1.1, Align.L) + 1
        x = margin
    langs = _printable_languages(content.languages)[:2]  # English and the first chosen language
    blocks = [replace(b, title=None, lines=b.lines[:1]) for b in _blocks(doc, content, langs, with_sms=False)]
    _fit_blocks(doc, blocks, (x, top, width - margin - x, bottom - top - 0.5), (7, 7))
    return bytes(doc.output())
