"""After "my husband", "my sister", the word is her name only if it is not the verb: an everyday word
with an object, a determiner or a particle of motion after it is what he or she did ("my dad drove us
home", "my sister flew back"), while a name there still goes ("my husband kwame drove me in")."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    "text",
    [
        "my dad drove us home after",
        "my sister flew back from Doha to help",
        "my husband translates the letters",
    ],
)
def test_the_verb_after_a_family_word_stays(text: str) -> None:
    assert redact(text, "en") == text


def test_a_name_after_a_family_word_still_goes() -> None:
    assert redact("my husband kwame drove me in", "en") == "my husband [NAME] drove me in"
