"""Her name alone as the last sentence of her story is her signature, even where no list knows it and
the model doubts it ("… nobody listened. Folasade"); an everyday word or a place closing the story
stays."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The care was poor and nobody listened. Folasade", "The care was poor and nobody listened. [NAME]"),
        ("I gave birth at Whipps Cross. Folasade Adeyemi", "I gave birth at Whipps Cross. [NAME]"),
    ],
)
def test_her_name_closing_the_story_goes(text: str, expected: str) -> None:
    assert redact(text, "en") == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The care was poor and nobody listened. Disgraceful."),
        ("en", "We were sent to Homerton. Awful."),
        ("ur", "sab log bohat ache the. Shukriya"),
        ("so", "Waan ka mahadsanahay. Alhamdulillaah"),
    ],
)
def test_a_word_closing_the_story_stays(lang: str, text: str) -> None:
    assert redact(text, lang) == text
