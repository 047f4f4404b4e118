"""A Tigrinya name does not run on over a verb in the negative ("ኣይ…ን") or a reflexive pronoun ("ባዕልኺ",
yourself), words no everyday list knows in Ge'ez; a negated verb, "with me" and "please" are never a name
anywhere."""

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


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("ሓብተይ ሳባ ምሳይ ነይራ", "ምሳይ"),
        ("ሓካሚት ኣይሰምዓትንን ኢላ ከይዳ", "ኣይሰምዓትንን"),
        ("በጃኹም ብትግርኛ ተዛረቡ", "በጃኹም"),
    ],
)
def test_with_me_please_and_a_negated_verb_stay_anywhere(text: str, word: str) -> None:
    assert word in redact(text, "ti")
