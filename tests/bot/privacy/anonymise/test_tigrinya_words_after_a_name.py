"""A Tigrinya name does not run on over a verb in the negative ("ኣይ…ን") or a reflexive pronoun ("ባዕልኺ",
yourself), words no everyday list knows in Ge'ez."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ሚድዋይፍ ሄለን ባዕልኺ ግበሪ በለትኒ።", "ሚድዋይፍ [STAFF NAME] ባዕልኺ ግበሪ በለትኒ።"),
        ("ሓኪም ሳሙኤል ኣይሰምዐን።", "ሓኪም [STAFF NAME] ኣይሰምዐን።"),
    ],
)
def test_a_name_stops_before_a_negated_verb_or_a_reflexive(text: str, expected: str) -> None:
    assert redact(text, "ti") == expected
