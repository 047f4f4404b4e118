"""Pashto's auxiliaries ("لرم", I have; "کېدو", becoming), its adverbs of time and order ("وروسته",
after; "لومړی ځل", the first time) and "with me", "please" are ordinary words, which the model had taken
mid-sentence where no list knew them; a name beside them still goes."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("د زېږون وروسته زه ډېره ستړې وم", "وروسته"),
        ("لومړی ځل مې ماشوم ولید", "لومړی"),
        ("زه هیله لرم چې بل ځل ښه وي", "لرم"),
        ("مهرباني وکړئ ما ته زنګ ووهئ", "مهرباني"),
        ("مور مې راسره وه", "راسره"),
    ],
)
def test_a_pashto_auxiliary_or_adverb_stays(text: str, word: str) -> None:
    assert word in redact(text, "ps")


def test_a_name_before_a_pashto_adverb_still_goes() -> None:
    assert "ګلالۍ" not in redact("زما خور ګلالۍ وروسته راغله", "ps")
