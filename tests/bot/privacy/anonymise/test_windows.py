"""Patterns written to be read fast still find what the slow ones found, in every case of letters."""

from __future__ import annotations

import re

import pytest

from bot.privacy.anonymise import anonymise
from bot.privacy.anonymise._windows import Caseless, alternation


def test_an_alternation_matches_its_words_only_where_a_word_starts() -> None:
    pattern = re.compile(alternation((("flat", "apt", "apartment"), True), (("سرير",), False)))
    assert [m.group() for m in pattern.finditer("flat 5, apartment 2, aflat, بالسرير")] == [
        "flat",
        "apartment",
        "سرير",
    ]


def test_an_alternation_refuses_a_word_that_opens_with_a_pattern() -> None:
    with pytest.raises(ValueError):
        alternation((("(?:a|b)c",), True))


@pytest.mark.parametrize(
    "story",
    [
        "I was in Bed 14 on the ward",
        "İ was in bed 14 on the ward",  # lower case is one letter longer
        "ſo I was in bed 14 on the ward",  # a long s, which only IGNORECASE reads as s
    ],
)
def test_a_bed_number_goes_whatever_letters_the_story_holds(story: str) -> None:
    assert "14" not in anonymise(story, "en").redacted


def test_a_case_blind_pattern_reads_every_case() -> None:
    pattern = Caseless(r"born\s+(?P<date>\d+)")
    for story in ("BORN 1990", "born 1990", "İ was Born 1990"):
        assert [m.group("date") for m in pattern.finditer(story)] == ["1990"]


@pytest.mark.parametrize(
    ("lang", "story", "gone"),
    [
        ("ti", "ኣብ ክፍሊ 12 ነይረ", "12"),  # "in room 12": its stem is not "ክፍል"'s
        ("so", "gabadhaydu waxay dhalatay 3 march", "3 march"),  # "my daughter was born on 3 March"
    ],
)
def test_every_word_a_slow_pattern_needs_is_looked_for_before_it_is_skipped(
    lang: str, story: str, gone: str
) -> None:
    assert gone not in anonymise(story, lang).redacted
