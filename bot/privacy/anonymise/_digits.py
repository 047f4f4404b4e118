"""The last net for numbers: identifiers found by their shape, whatever the words around them.

Every pattern before this one looks for a label, a format or a cue.  This net looks only at digits:
a run of digit groups joined by single spaces, dashes, dots or slashes ("07700 900 123", "501-234-5678",
"0 7 7 0 0 9 0 0", "۱۳۷۴/۰۵/۱۲") is someone's phone, NHS or hospital number once it holds six or more
digits, and a date once its groups read as day, month and year in either order.  A day and a month
written in words with a year after them ("12 maja 92", "5 червня 1994") is a date too.  Digits of every
script count (``\\d`` reads Bengali ৯, Persian ۳, Gurmukhi ੭, Gujarati ૮), and so do the letters she
types for them inside a number: O or o for 0, I, l or | for 1 ("O77OO 9OO 123").

Ordinary numbers in a story ("34 weeks", "6lb 2", "at 3.30am", "140/90", "10/10", "sa3at" in Arabizi)
hold fewer digits or are glued to letters, so they stay.
"""

from __future__ import annotations

import re

from bot.privacy.anonymise._months import MONTHS

Span = tuple[str, int, int]

# Letters that stand for digits, but only inside a word that is otherwise digits.
_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
_DIGITISH_WORD = re.compile(r"(?<![^\W\d_])[\dOoIl|]*\d[\dOoIl|]*(?![^\W\d_])")
_SEPARATOR = r"(?:[ \u00a0./\-–]|\s?[()]\s?|[./\-–] )"
# Patterns here open with the character a match starts with and look behind it afterwards: a pattern
# that opens with a look-behind makes ``re`` try every position of the story, not only its digits.
_RUN = re.compile(rf"[+(\d](?<![\w+].)(?:(?<=\+)\(?\d+|(?<=\()\d+|(?<=\d)\d*)(?:{_SEPARATOR}\d+)*\)?(?!\w)")
_MIN_DIGITS = 6
_MONTH_DATE = re.compile(
    rf"(?<!\w)\d{{1,2}}(?:st|nd|rd|th|er|º|-?го|ই|শে|লা|রা|ঠা)?\s*(?:of\s+|de\s+|[/.\-]\s*)?(?P<month>{MONTHS})\.?,?"
    rf"(?:\s*(?:de\s+)?|[/.\-])(?P<year>(?:19|20|13|14)\d\d|'\d\d|\d\d(?!\s*(?:am|pm|h\b|hrs|cm|kg|%)))(?!\w)",
    re.IGNORECASE,
)
# Month words that are also everyday words: with them only a four-digit year makes a date.
_AMBIGUOUS_MONTHS = frozenset(
    """may mai mar march june jun july jul aug sep sept oct dec مئی جون حمل ثور جوزا سرطان اسد میزان عقرب قوس
    جدی دلو حوت اب آب مے মে ਮਈ મે تیر مهر دی آذر تله کب زمری noi""".split()
)
# Letters glued to a long number ("rn4567890", "h00234517"): a hospital number in lowercase.
_GLUED = re.compile(r"\d(?<=[^\W\d_]\d)\d{4,}(?!\w)")
_DAY_START = re.compile(r"\d(?<!\w\d)\d?(?!\d)")
# A date glued to the letters around it: a preposition fused before it ("ብ15/01/2024", "ب15/01/2024",
# "on15/01/2024") or a case ending or year mark after it ("২০২৪এ", "15.01.2024р").
_GLUED_DATE = re.compile(r"\d(?<![\d/.\-]\d)\d{0,3}[/.\-]\d{1,2}[/.\-]\d{2,4}(?![\d]|[/.\-]\d)")


# Where each script's digits 0-9 start (Unicode's decimal digits outside ASCII, as of Unicode 15):
# Arabic-Indic, Persian, N'Ko, Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada,
# Malayalam, Sinhala, Thai, Lao, Tibetan, Myanmar (2), Khmer, Mongolian, Limbu, New Tai Lue, Tai Tham (2),
# Balinese, Sundanese, Lepcha, Ol Chiki, Vai, Saurashtra, Kayah Li, Javanese, Myanmar Tai Laing, Cham,
# Meetei Mayek and full-width.  ``test_number_shapes`` checks the table against ``unicodedata``.
_DIGIT_STARTS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0,
    0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50,
    0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
)  # fmt: skip


def _digit_table() -> dict[int, str]:
    """Every script's decimal digits (outside ASCII) as 0-9: one table, so translating is one C call."""
    return {start + n: str(n) for start in _DIGIT_STARTS for n in range(10)}


_DIGIT_TABLE = _digit_table()
_OTHER_DIGIT = re.compile(r"\d(?<![0-9])")
_ANY_DIGIT = re.compile(r"\d")
_LOOKALIKE_NEAR = re.compile(r"\d(?:(?<=[OoIl|]\d)|(?=[OoIl|]))")


def digits_as_digits(text: str) -> str:
    """The same string, same length, with every script's digits as 0-9 and, inside a number, the letters
    she types for digits as the digits they stand for."""
    plain = text.translate(_DIGIT_TABLE) if _OTHER_DIGIT.search(text) else text
    if not _LOOKALIKE_NEAR.search(plain):
        return plain
    return _DIGITISH_WORD.sub(lambda m: m.group().translate(_LOOKALIKE), plain)


def _is_date(groups: list[str]) -> bool:
    if len(groups) != 3:
        return False
    a, b, c = (int(g) for g in groups)
    if len(groups[0]) == 4:  # year first: 1374/05/12, 2023-03-03
        return 1 <= b <= 12 and 1 <= c <= 31
    if len(groups[2]) not in (2, 4) or len(groups[0]) > 2 or len(groups[1]) > 2:
        return False
    return 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)


def _shaped(run: str, at: int) -> list[Span]:
    """One run of digit groups.  Measurements written with dots or slashes ("36.5 37.2", "150/100
    140/90") are read piece by piece, not joined over the spaces between them."""
    groups = re.findall(r"\d+", run)
    if _is_date(groups):
        return [("DATE OF BIRTH", at, at + len(run))]
    count = sum(len(g) for g in groups)
    pieces = run.split(" ")
    if len(pieces) > 1 and any("/" in p or "." in p for p in pieces):
        spans: list[Span] = []
        for piece in (m for m in re.finditer(r"\S+", run)):
            spans += _shaped(piece.group(), at + piece.start())
        return spans
    if count < _MIN_DIGITS or ("/" in run and count < 9):
        return []
    phone = run.lstrip("(").startswith(("0", "+"))
    kind = "PHONE" if phone else "NHS NUMBER" if count == 10 else "HOSPITAL NUMBER"
    return [(kind, at, at + len(run))]


def number_shapes(text: str) -> list[Span]:
    """Digit runs shaped like identifiers or dates, and dates with the month in words."""
    if not _ANY_DIGIT.search(text):
        return []
    plain = digits_as_digits(text)
    spans: list[Span] = []
    for m in _RUN.finditer(plain):
        spans += _shaped(m.group(), m.start())
    for m in _GLUED_DATE.finditer(plain):
        if _is_date(re.findall(r"\d+", m.group())):
            spans.append(("DATE OF BIRTH", m.start(), m.end()))
    for day in _DAY_START.finditer(plain):
        date = _MONTH_DATE.match(plain, day.start())
        if date and (len(date.group("year")) == 4 or date.group("month").casefold() not in _AMBIGUOUS_MONTHS):
            spans.append(("DATE OF BIRTH", date.start(), date.end()))
    for m in _GLUED.finditer(plain):
        start = m.start()
        while start > 0 and start > m.start() - 5 and plain[start - 1].isalpha():
            start -= 1
        if m.start() - start <= 4:
            spans.append(("HOSPITAL NUMBER", start, m.end()))
    return spans
