"""Hope with its light verb ("asha kori", I hope; "هیله لرم"; "ተስፋ ገይረ") is the word, though Asha,
Hila and Tesfa are names: the phrase keeps it; the same word as a name, with no such verb, still goes."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("bn", "asha kori amar meye bhalo thakbe", "asha"),
        ("bn", "আশা করি সবাই ভালো ব্যবহার পাবে", "আশা"),
        ("ps", "هیله لرم چې بل ځل به ښه وي", "هیله"),
        ("ti", "ተስፋ ገይረ ነይረ ክሕግዙኒ", "ተስፋ"),
    ],
)
def test_hope_before_its_verb_stays(lang: str, text: str, word: str) -> None:
    assert word in redact(text, lang)


def test_hope_as_a_name_without_the_verb_still_goes() -> None:
    assert "Asha" not in redact("amar bon Asha khub help korlo", "bn")
