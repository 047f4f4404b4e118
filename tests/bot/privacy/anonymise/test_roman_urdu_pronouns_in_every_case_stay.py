"""Roman Urdu's pronouns and words of manner in every case she spells them ("shukriya unka", "inka",
"aapka", "kaisa") are her words, even straight after thanks, which points at a name; a listed name
spelled like one ("Kaisa") still goes where a person's name stands."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "midwife Rehana ne bataya ke dard kaisa hoga, shukriya unka",
            "midwife [STAFF NAME] ne bataya ke dard kaisa hoga, shukriya unka",
        ),
        (
            "shukriya inka jinhone raat bhar mera khayal rakha",
            "shukriya inka jinhone raat bhar mera khayal rakha",
        ),
        ("nurse ne pucha bachi kaisi hai", "nurse ne pucha bachi kaisi hai"),
    ],
)
def test_her_pronouns_stay(text: str, expected: str) -> None:
    assert redact(text, "ur") == expected


def test_a_name_spelled_like_one_still_goes() -> None:
    assert redact("meri saas Kaisa nahi aayi", "ur") == "meri saas [NAME] nahi aayi"
