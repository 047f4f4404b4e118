"""Tokenising shared by the name detector and the cue tables, so both see words the same way."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple


def _combining_marks() -> str:
    """Python's \\w misses the vowel signs of Indic scripts and Arabic harakat; without them a Bengali or
    Gujarati name would be cut into pieces and never match the gazetteer."""
    marks = (chr(c) for c in range(0x0300, 0x1000) if unicodedata.category(chr(c)) in {"Mn", "Mc"})
    return "".join(re.escape(m) for m in marks) + "\u200c\u200d"


_MARKS = _combining_marks()
_LETTER = rf"(?:[^\W\d_]|[{_MARKS}])"
TOKEN_RE = re.compile(rf"{_LETTER}+(?:['’\-]{_LETTER}+)*")
# The same words in a story with no combining mark: one character class, which ``re`` reads several
# times faster than the alternation above.
_PLAIN_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_MARK = re.compile(f"[{_MARKS}]")
# Arabic's short vowels, doubling and silence marks ("وُلد", "هدّأتني"), written only now and then: a word
# is read without them, as every list and the model know it.
_HARAKAT = dict.fromkeys(range(0x064B, 0x0653))
_APOSTROPHES = "'’"
_CONTRACTIONS = frozenset("it's he's she's that's what's there's here's who's where's let's".split())
_SENTENCE_BREAK = re.compile(r"[.!?\n:;…•।۔።؟]")
# Titles written short with a dot ("Dr. Okafor", "ડૉ. પટેલ", "Sra. Costa", "ডা. রহমান"): the dot ends
# the title, not the sentence, so the name after it still has its title before it.
_TITLE_ABBREVIATIONS = frozenset("dr dra mr mrs ms mx prof sr sra dna dl ડૉ ડો ডা ਡਾ".split())
_TITLE_DOT = (".", ". ")


class Token(NamedTuple):
    """A NamedTuple rather than a dataclass: tokenising is the hot loop and tuples build fastest."""

    start: int
    end: int  # excludes a possessive 's, so "Chioma's" redacts to "[NAME]'s"
    low: str
    cap: bool  # starts with an upper-case letter
    cased: bool  # the script has letter case at all (Latin, Cyrillic)
    all_caps: bool
    sentence_start: bool
    gap_before: str  # the characters between the previous token and this one


_new = tuple.__new__  # a NamedTuple built without its keyword-handling constructor: the hot loop


def tokenise(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    breaks = _SENTENCE_BREAK.search
    prev_end = 0
    sentence_start = True
    marked = _MARK.search(text) is not None
    pattern = TOKEN_RE if marked else _PLAIN_TOKEN_RE
    for m in pattern.finditer(text):
        start, end = m.span()
        word = m.group()
        low = word.casefold().translate(_HARAKAT) if marked else word.casefold()
        gap = text[prev_end:start]
        prev_end = end
        if (
            end - start > 3
            and word[-1] in "sS"
            and word[-2] in _APOSTROPHES
            and low.replace("’", "'") not in _CONTRACTIONS
        ):
            end -= 2
            word = word[:-2]
            low = low[:-2]
        first = word[0]
        upper = first.isupper()
        if tokens:
            sentence_start = (
                gap != " "
                and breaks(gap) is not None
                and not (gap in _TITLE_DOT and tokens[-1].low in _TITLE_ABBREVIATIONS)
            )
        append(
            _new(
                Token,
                (
                    start,
                    end,
                    low,
                    upper,
                    upper or first.islower(),
                    upper and len(word) > 1 and word.isupper(),
                    sentence_start,
                    gap,
                ),
            )
        )
    return tokens


# A sentence or line written all in capitals ("THANK YOU TO ABIMBOLA AND SEGUN"): case tells nothing
# there, so it is read as if lowercased, the way a texted story is.  Three words of two capitals or more
# in a row, with no lower-case letter in the sentence, make it shouted; "NICU" or "A&E" in an ordinary
# sentence stays as written.
_UPPER = "".join(re.escape(chr(c)) for c in range(0x41, 0x530) if chr(c).lower() != chr(c))
_SHOUTED_RUN = re.compile(rf"[{_UPPER}]{{2,}}(?:['’\-][{_UPPER}]+)*(?:[^\w.!?\n]+[{_UPPER}]{{2,}}){{2}}")
_SENTENCES = re.compile(f"[^{_SENTENCE_BREAK.pattern[1:-1]}]+")


def unshouted(text: str) -> str:
    """The story with every sentence written all in capitals lowercased, letter for letter, so every
    offset still holds.  Most stories have no such run and are returned as they are, unread."""
    if _SHOUTED_RUN.search(text) is None:
        return text
    parts: list[str] = []
    last = 0
    for m in _SENTENCES.finditer(text):
        sentence = m.group()
        low = sentence.lower()
        shouted = low != sentence and sentence.upper() == sentence and len(low) == len(sentence)
        if shouted and _SHOUTED_RUN.search(sentence):
            parts += (text[last : m.start()], low)
            last = m.end()
    return "".join(parts) + text[last:] if parts else text


@lru_cache(maxsize=65536)
def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A cue's or frame's words; cached, since English's cues are built again with every language's."""
    return tuple(t.low for t in tokenise(phrase))
