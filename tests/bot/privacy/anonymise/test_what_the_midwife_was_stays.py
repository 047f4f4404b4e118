"""What the midwife or the doctor was, a cue reaching it only over "was", "is", "a", is an ordinary word
("the consultant was horrible", "the midwife was welsh"), while a name there still goes ("the midwife
was sarah", "my midwife was chidinma")."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the consultant was horrible", "the consultant was horrible"),
        ("the doctor was condescending to me", "the doctor was condescending to me"),
        ("my midwife was fab", "my midwife was fab"),
        ("Obi the nurse was nigerian like me", "[STAFF NAME] the nurse was nigerian like me"),
    ],
)
def test_what_staff_were_stays(text: str, expected: str) -> None:
    assert redact(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the midwife was sarah and she was lovely", "the midwife was [STAFF NAME] and she was lovely"),
        ("my midwife was chidinma", "my midwife was [STAFF NAME]"),
    ],
)
def test_a_name_after_was_still_goes(text: str, expected: str) -> None:
    assert redact(text, "en") == expected
