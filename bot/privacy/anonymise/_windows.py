"""Running a slow pattern only near the digits it needs, instead of at every position of a story.

A date of birth, a hospital number and a bed number each hold a digit, so they can only be found in a
stretch of text around one.  Python's ``re`` tries a pattern with a long alternation at every
position; reading only those stretches keeps the anonymiser within its time per story.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_DIGITS = re.compile(r"\d+")


def near_digits(pattern: re.Pattern[str], text: str, before: int, after: int) -> Iterator[re.Match[str]]:
    """Every match of ``pattern`` that starts at most ``before`` characters ahead of a digit run and
    ends at most ``after`` characters past it.  Neighbouring stretches are read as one."""
    start = end = -1
    for run in _DIGITS.finditer(text):
        low, high = max(0, run.start() - before), min(len(text), run.end() + after)
        if low <= end:
            end = high
            continue
        if end >= 0:
            yield from pattern.finditer(text, start, end)
        start, end = low, high
    if end >= 0:
        yield from pattern.finditer(text, start, end)
