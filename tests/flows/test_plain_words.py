"""What she reads is plain: the English prompts sit at a reading age of 9 or below, in short sentences.

Reading age is the US grade level plus five. The Coleman-Liau grade counts letters, not syllables, so
it needs no dictionary download (textstat's syllable-based scores fetch one from the internet).
"""

from __future__ import annotations

import re

import textstat

from flows.catalog import entries

READING_AGE = 9
GRADE_TO_AGE = 5
LONGEST_SENTENCE_WORDS = 20
#: single-word menu options and command word lists are not prose
NOT_PROSE = ("words.", "ethnicity.", "age.", "option.", "site.other")


def _prompts() -> dict[str, str]:
    return {
        key: entry.text.format(
            code="AV-7KQ2",
            days="3",
            triage="01634 000000",
            number="07700 900123",
            link="https://t.me/allvoices_bot",
            last="7",
            about="the night feeds",
            change="added a midwife at night",
        )
        for key, entry in entries("en").items()
        if not key.startswith(NOT_PROSE)
    }


def test_the_english_prompts_read_at_age_nine_or_below() -> None:
    grade = textstat.coleman_liau_index(" ".join(_prompts().values()))
    print(f"\nColeman-Liau grade {grade:.1f}: reading age {grade + GRADE_TO_AGE:.1f}")
    assert grade + GRADE_TO_AGE <= READING_AGE


def test_no_english_prompt_has_a_long_sentence() -> None:
    for key, prompt in _prompts().items():
        for sentence in re.split(r"(?<=[.?!])\s+|\n", prompt):
            assert len(sentence.split()) <= LONGEST_SENTENCE_WORDS, (key, sentence)


def test_no_prompt_defends_or_talks_clinically() -> None:
    banned = (
        "unfortunately",
        "however",
        "policy",
        "procedure",
        "protocol",
        "patient",
        "clinical",
        "complaint",
    )
    for key, prompt in _prompts().items():
        for word in banned:
            assert word not in prompt.lower(), (key, word)
