"""Straight after a word for one of her own people, a word that is also a name is her child's, her
partner's, her mother's name, in lowercase too ("my daughter hope is 2 weeks old"): it goes. A modal
there ("my husband will") and a verb with its object after it ("my husband drew the curtains") stay."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my daughter hope is 2 weeks old", "my daughter [NAME] is 2 weeks old"),
        ("my son sunny has jaundice", "my son [NAME] has jaundice"),
        ("my baby grace cried all night", "my baby [NAME] cried all night"),
        ("my partner rich stayed till 10", "my partner [NAME] stayed till 10"),
    ],
)
def test_a_name_that_is_also_a_word_after_her_kin_word_goes(text: str, expected: str) -> None:
    assert redact(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "my husband will come later",
        "my daughter may need help with feeding",
        "my husband drew the curtains",
        "the baby was a joy",
    ],
)
def test_a_modal_a_verb_with_its_object_and_a_word_with_no_kin_word_stay(text: str) -> None:
    assert redact(text, "en") == text
