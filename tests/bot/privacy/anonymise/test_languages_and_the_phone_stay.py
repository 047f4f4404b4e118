"""The language she speaks or asks for, and her phone and its number, in her script, are ordinary words
even where they open a sentence as a name would; a name beside them still goes."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("ps", "پښتو ژباړن مې غوښت خو نه و", "پښتو"),
        ("ti", "ቁጽሪ ተሌፎነይ 07700 900 123 እዩ", "ተሌፎነይ"),
        ("ti", "ብትግርኛ ዝዛረብ ሰብ ኣይነበረን", "ብትግርኛ"),
        ("bn", "বাংলা বলার কেউ ছিল না", "বাংলা"),
        ("en", "Urdu was all my mother spoke", "Urdu"),
    ],
)
def test_a_language_or_the_phone_stays(lang: str, text: str, word: str) -> None:
    assert word in redact(text, lang)


def test_a_name_beside_a_language_still_goes() -> None:
    assert "Zarlasht" not in redact("my sister Zarlasht spoke Pashto for me", "en")


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("pa", "اوتھے کوئی پنجابی بولن والی نئیں سی", "بولن"),
        ("ps", "پښتو ویونکی هلته نه و", "ویونکی"),
    ],
)
def test_the_verb_that_speaks_a_language_stays(lang: str, text: str, word: str) -> None:
    assert word in redact(text, lang)
