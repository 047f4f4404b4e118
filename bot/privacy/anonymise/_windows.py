"""Reading a story only where a slow pattern could match, and only once per story.

A date of birth, a hospital number and a bed number each hold a digit, so they can only be found in a
stretch of text around one.  Python's ``re`` tries a pattern with a long alternation at every
position; reading only those stretches keeps the anonymiser within its time per story.  The story's
digit runs and its lower case are worked out once and shared by every pattern that reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property, lru_cache

_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=4)
def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """Where the story's digits are; several patterns ask, so it is cached for the story in hand."""
    return tuple(m.span() for m in _DIGITS.finditer(text))


@lru_cache(maxsize=4)
def casefolded(text: str) -> str:
    """The story casefolded, for the quick looks that say whether a slow pattern is worth running."""
    return text.casefold()


# Letters that re.IGNORECASE takes for another letter than their lower case is ("ſ" for "s", "ı" for
# "i"; Python's re/_casefix.py): a story holding one is read the slow way.
_OTHER_CASE = re.compile(
    "[\u00b5\u0131\u017f\u0345\u0390\u03b0\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06]"
)


@lru_cache(maxsize=4)
def lowered(text: str) -> str | None:
    """The story in lower case, letter for letter, so offsets still hold; None in the rare story where
    lower case changes the length ("İ" becomes two letters) or would not read as IGNORECASE does."""
    low = text.lower()
    return low if len(low) == len(text) and not _OTHER_CASE.search(low) else None


def alternation(*groups: tuple[tuple[str, ...], bool]) -> str:
    r"""Words (regex fragments opening with a plain letter) as one alternation that ``re`` can skip
    through to the letters a match can open with: grouped by first letter, in their order within a
    letter.  Where a group's flag is set its words must start a word; that is checked after the first
    letter (``(?<!\w.)``), since a pattern that opens with a look-behind is tried at every position."""
    by_first: dict[str, list[str]] = {}
    for words, whole in groups:
        for word in words:
            if word[0] in "\\([.":
                raise ValueError(f"{word!r} does not open with a plain letter")
            by_first.setdefault(word[0], []).append((r"(?<!\w.)" if whole else "") + word[1:])
    return "(?:" + "|".join(f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in by_first.items()) + ")"


def mentions(text: str, stems: tuple[str, ...]) -> bool:
    """A quick look before a slow pattern: most stories name no platform, no hospital number."""
    return _any_of(stems).search(casefolded(text)) is not None


@lru_cache(maxsize=64)
def _any_of(stems: tuple[str, ...]) -> re.Pattern[str]:
    """The stems as one pattern: one pass over the story instead of one per stem.  Grouped by first
    character, as ``alternation`` groups words, so ``re`` tries each group once where its character
    stands rather than every stem at every position (a quick look only asks whether any stem is there)."""
    by_first: dict[str, list[str]] = {}
    for stem in stems:
        by_first.setdefault(stem[0], []).append(re.escape(stem[1:]))
    return re.compile("|".join(f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in by_first.items()))


def near_digits(
    pattern: re.Pattern[str], text: str, before: int, after: int, needs: tuple[str, ...] = ()
) -> Iterator[re.Match[str]]:
    """Every match of ``pattern`` that starts at most ``before`` characters ahead of a digit run and
    ends at most ``after`` characters past it.  Neighbouring stretches are read as one; a stretch that
    holds none of ``needs`` (lower-case words every match contains), when given, is not read at all."""
    needed = _any_of(needs).search if needs else None
    for start, end in _stretches(text, before, after):
        if needed is not None and needed(text[start:end].lower()) is None:
            continue
        yield from pattern.finditer(text, start, end)


@lru_cache(maxsize=16)
def _stretches(text: str, before: int, after: int) -> tuple[tuple[int, int], ...]:
    """The stretches ``before`` characters ahead of a digit run to ``after`` past it, neighbours joined;
    cached, since several patterns read the same stretches of the story in hand."""
    stretches: list[tuple[int, int]] = []
    for run_start, run_end in digit_runs(text):
        low, high = max(0, run_start - before), min(len(text), run_end + after)
        if stretches and low <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], high)
        else:
            stretches.append((low, high))
    return tuple(stretches)


class Caseless:
    """A case-blind pattern, compiled twice.  ``re.IGNORECASE`` stops ``re`` from skipping straight to
    the letters a match can start with, which makes a long alternation of words several times slower;
    so the pattern is compiled without it and reads the story lower-cased (the pattern's letters must
    be written in lower case), and with it only for a story whose lower case changes its length."""

    def __init__(self, pattern: str) -> None:
        self.plain = re.compile(pattern)
        self.pattern = pattern

    @cached_property
    def folded(self) -> re.Pattern[str]:
        """Compiled on first need only: compiling costs start-up time, and it is seldom needed."""
        return re.compile(self.pattern, re.IGNORECASE)

    def near_digits(
        self, text: str, before: int, after: int, needs: tuple[str, ...] = ()
    ) -> Iterator[re.Match[str]]:
        """``near_digits`` case-blind; the matches are over the lower-cased story, offsets unchanged."""
        low = lowered(text)
        if low is None:
            return near_digits(self.folded, text, before, after, needs)
        return near_digits(self.plain, low, before, after, needs)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = lowered(text)
        return self.folded.finditer(text) if low is None else self.plain.finditer(low)
