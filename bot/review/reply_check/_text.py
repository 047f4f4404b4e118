"""Reading a draft: one normal form for quotes, sentences with their place in the draft, and phrases.

The rules file's phrase syntax (see its header) is compiled here, once, into whole-word patterns that forgive
hyphens, commas and curly apostrophes, so every list in the file is matched the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# One character for one character, so a match in the normalised text quotes the same span of the draft.
_NORMALISE = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'", "\u2010": "-", "\u2011": "-"}
)
# Words of a phrase may be split by spaces, a hyphen or a comma; a dash or a full stop starts a new thought.
_SEP = r"(?:\s*,\s*|\s+|-)"
_GAP_WORDS = 6
_WORD = r"[\w']+"
# A sentence ends at . ! ? (not inside "Dr." style short words) or a line break; a dash is not an end.
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+(?=\s|$)|\n|$)")


def normalise(text: str) -> str:
    return text.translate(_NORMALISE)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the draft and where it starts, so a finding can quote it exactly."""

    text: str
    start: int


def sentences(text: str) -> list[Sentence]:
    found: list[Sentence] = []
    for match in _SENTENCE.finditer(text):
        piece = match.group(0)
        stripped = piece.strip()
        if any(character.isalnum() for character in stripped):
            found.append(Sentence(" ".join(stripped.split()), match.start() + piece.index(stripped[0])))
    return found


def words(text: str) -> list[str]:
    return re.findall(_WORD, text.lower())


@dataclass(frozen=True)
class Phrase:
    """A phrase from the rules file, compiled once so every draft is matched the same forgiving way."""

    text: str
    pattern: re.Pattern[str]


Phrases = tuple[Phrase, ...]


def compile_phrase(phrase: str, ignore_case: bool = True) -> Phrase:
    """``[word]`` is optional, ``word*`` is any word starting so, ``...`` is up to six words between."""
    tokens = [token for token in re.split(r"[\s-]+", phrase.strip()) if token]
    if not tokens or tokens[0] == "..." or tokens[-1] == "..." or tokens[0].startswith("["):
        raise ValueError(f"phrase {phrase!r} must start and end with a word")
    parts = [_token_pattern(tokens[0])]
    for token in tokens[1:]:
        if token == "...":
            parts.append(f"(?:{_SEP}{_WORD}){{0,{_GAP_WORDS}}}?")
        elif token.startswith("[") and token.endswith("]"):
            parts.append(f"(?:{_SEP}{_token_pattern(token[1:-1])})?")
        else:
            parts.append(_SEP + _token_pattern(token))
    pattern = r"(?<!\w)(?<!\w')" + "".join(parts) + r"(?!\w)"
    return Phrase(phrase, re.compile(pattern, re.IGNORECASE if ignore_case else 0))


#: how a word of a phrase is also written in a text message ("u should of told us"): every phrase list
#: matches texting spellings, and a word with an apostrophe matches without it ("didnt", "im")
TEXTING = {"you": ("u",), "your": ("ur", "yr"), "you're": ("ur",), "are": ("r",), "have": ("of",)}


def _token_pattern(token: str) -> str:
    if token.endswith("*"):
        return re.escape(token[:-1]) + r"\w*"
    spellings = [re.escape(token).replace("'", "'?"), *map(re.escape, TEXTING.get(token.lower(), ()))]
    return spellings[0] if len(spellings) == 1 else f"(?:{'|'.join(spellings)})"


def matches(phrases: Phrases, text: str) -> list[re.Match[str]]:
    return sorted(
        (match for phrase in phrases for match in phrase.pattern.finditer(text)),
        key=lambda match: (match.start(), -match.end()),
    )


def first(phrases: Phrases, text: str) -> re.Match[str] | None:
    found = matches(phrases, text)
    return found[0] if found else None


def outside(found: Iterable[re.Match[str]], excluded: list[re.Match[str]]) -> list[re.Match[str]]:
    """Drop matches that are part of a phrase meaning something else: the "busy" of "no matter how busy"."""
    return [
        match
        for match in found
        if not any(match.start() < other.end() and other.start() < match.end() for other in excluded)
    ]


def quote(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())
