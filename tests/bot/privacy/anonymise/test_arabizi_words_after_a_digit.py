"""Arabizi writes a sound with a digit: the letters after it are the rest of one word ("3arif", he knew),
not a name of their own though "arif" is listed; a name written so goes whole, its digit with it."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    "text",
    [
        "jozi ma kan 3arif yatkallam english",
        "kalamt el doctor 3ashani w ma rad",
    ],
)
def test_the_letters_after_a_digit_are_no_name(text: str) -> None:
    assert redact(text, "ar") == text


def test_a_name_written_with_a_digit_goes_whole() -> None:
    assert redact("ukhti 3aisha ejet mn birmingham", "ar") == "ukhti [NAME] ejet mn birmingham"
