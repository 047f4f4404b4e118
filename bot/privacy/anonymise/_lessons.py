"""What moderators taught this deployment: words to take out, and words that are not names after all.

The anonymiser never sees the taught words in clear: only a keyed hash of each phrase (casefolded
tokens joined by one space), and a key function to hash phrases of the story in hand the same way.
So a database copy reveals no name, and the next story with the same name is redacted before anyone
reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bot.privacy.anonymise._tokens import TOKEN_RE

Span = tuple[str, int, int]
KEEP = "KEEP"  # the type remembered for an undo
NAME_TYPES = frozenset({"NAME", "STAFF NAME"})
# Words and numbers: "bed 14" must not be remembered as "bed".
_WORD = re.compile(rf"{TOKEN_RE.pattern}|\d+")


@dataclass(frozen=True)
class Lessons:
    """``taught`` maps the keyed hash of a phrase to the type to redact it as, or to ``KEEP``."""

    key: Callable[[str], str]
    taught: Mapping[str, str] = field(default_factory=dict)
    longest: int = 1  # the most words in any taught phrase: no longer run is ever hashed


def phrase(words: str) -> str:
    """The form a phrase is remembered in: her capitals and spacing do not make it a new phrase."""
    return " ".join(m.group().casefold() for m in _WORD.finditer(words))


def length(words: str) -> int:
    return sum(1 for _ in _WORD.finditer(words))


def taught_spans(text: str, lessons: Lessons) -> tuple[list[Span], set[tuple[int, int]]]:
    """Runs of words a moderator taught: spans to redact, and (start, end) of runs to keep."""
    redact: list[Span] = []
    keep: set[tuple[int, int]] = set()
    if not lessons.taught:
        return redact, keep
    found = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(text)]
    for i, (start, _, _) in enumerate(found):
        words: list[str] = []
        for _, end, word in found[i : i + lessons.longest]:
            words.append(word)
            kind = lessons.taught.get(lessons.key(" ".join(words)))
            if kind == KEEP:
                keep.add((start, end))
            elif kind is not None:
                redact.append((kind, start, end))
    return redact, keep


def unlearned(spans: list[Span], keep: set[tuple[int, int]], taught: list[Span] | None = None) -> list[Span]:
    """Names a moderator undid before are left in: she said they are ordinary words here, so no part of
    them is a name either (the model may take "Jones" alone where the rules took "Sarah Jones").  A name
    found inside a phrase she taught gives way to hers, so her type stands ("KEZ" stays the NAME she said,
    not a staff name the model guessed)."""
    runs = keep | {(start, end) for _, start, end in taught or []}
    return [s for s in spans if not (s[0] in NAME_TYPES and any(a <= s[1] and s[2] <= b for a, b in runs))]
