"""Which of our languages can be printed on this machine, and with which font.

Fonts are looked up at run time (fontconfig, else a scan of the usual font folders) rather than
vendored, because Noto fonts for Bengali, Gurmukhi, Urdu and friends are megabytes each and every Linux
distribution packages them (Debian: ``fonts-noto-core``). See FONTS.md.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import uharfbuzz

from flows.catalog import entries
from flows.languages import BY_CODE, DEFAULT

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


@dataclass(frozen=True)
class FontFiles:
    family: str  # the fontconfig family name we asked for
    regular: Path
    bold: Path | None


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
def _fontconfig_files(family: str) -> FontFiles | None:
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
    return FontFiles(family, regulars[0].path, bolds[0].path if bolds else None)


@cache
def _scanned_files(family: str) -> FontFiles | None:
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
    return FontFiles(family, regular, bold) if regular else None


def find_family(family: str) -> FontFiles | None:
    return _fontconfig_files(family) or _scanned_files(family)


@cache
def codepoints(path: Path) -> frozenset[int]:
    """The characters a font file has glyphs for, read with HarfBuzz (already needed for shaping)."""
    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(path)))
    return frozenset(int(point) for point in face.unicodes)


def needs_glyph(char: str) -> bool:
    """Spaces, joiners and direction marks are handled by the shaper and need no glyph of their own."""
    return unicodedata.category(char) not in ("Zs", "Cc", "Cf", "Zl", "Zp")


def _covers(fonts: Iterable[FontFiles], sample: str) -> bool:
    covered: set[int] = set()
    for font in fonts:
        covered |= codepoints(font.regular)
    return all(ord(char) in covered for char in sample if needs_glyph(char))


@cache
def latin_font() -> FontFiles | None:
    for family in SCRIPT_FONTS["latin"]:
        found = find_family(family)
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
def script_font(lang: str) -> FontFiles | None:
    """The first preferred font for the language's script that really has all the glyphs it needs.

    Checking glyphs, not just the family name, matters: DejaVu Sans "covers Arabic" but lacks Urdu's
    ے and Pashto's ۍ, and a poster with empty boxes in it is worse than no translation.
    """
    script = LANGUAGE_SCRIPT.get(lang)
    latin = latin_font()
    if script is None:
        return None
    sample = _poster_sample(lang)
    for family in SCRIPT_FONTS[script]:
        found = find_family(family)
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
        if lang in LANGUAGE_SCRIPT and (latin_font() is None or script_font(lang) is None):
            missing.append(lang)
    return missing


def _ordered_languages(languages: Sequence[str]) -> list[str]:
    """English first (the NHS staff and champions read it too), each language once."""
    return list(dict.fromkeys([DEFAULT, *languages]))


def _has_poster_text(lang: str) -> bool:
    found = entries(lang)
    return all(key in found for key in POSTER_KEYS)


def printable_languages(languages: Sequence[str]) -> list[str]:
    """Languages that have poster sentences in their own catalog and a font for their script.

    ``flows.catalog.text`` falls back to English, which is right in a chat but would print English
    twice on a poster, so we look at the language's own entries.
    """
    return [
        lang
        for lang in _ordered_languages(languages)
        if lang in LANGUAGE_SCRIPT and _has_poster_text(lang) and script_font(lang) is not None
    ]


def require_latin() -> FontFiles:
    latin = latin_font()
    if latin is None:
        raise RuntimeError("no Latin TrueType font found: install fonts-dejavu-core or fonts-noto-core")
    return latin
