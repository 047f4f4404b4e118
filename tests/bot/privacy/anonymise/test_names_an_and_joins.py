"""A word an "and" joins to a name is a name too when it is also an everyday word with its capital
mid-sentence ("our twins Hope and Faith"), but a town an "and" joins to a name stays a town ("from Lagos
and ebun my aunty"), as does one after Polish "w", which is "in" as well as a romanised "and"."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "our twins Hope and Faith were born at 32 weeks",
            "our twins [NAME] and [NAME] were born at 32 weeks",
        ),
        (
            "en",
            "My mum came from Lagos and ebun my aunty stayed too",
            "My mum came from Lagos and [NAME] my aunty stayed too",
        ),
        (
            "pl",
            "Mój mąż Paweł w Royal Oldham był ze mną",
            "Mój mąż [NAME] w Royal Oldham był ze mną",
        ),
    ],
)
def test_an_and_joins_names_but_not_towns(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "really want to thank Jonalyn, Cherry and Precious on the postnatal ward",
            "really want to thank [STAFF NAME], [STAFF NAME] and [STAFF NAME] on the postnatal ward",
        ),
        (
            "my sister Amina, Mum and Dad came but only one was let in",
            "my sister [NAME], Mum and Dad came but only one was let in",
        ),
        ("Amina, Labour Ward and Triage were all full", "[NAME], Labour Ward and Triage were all full"),
    ],
)
def test_in_a_list_a_name_opens_everyday_words_with_their_capital_are_people_but_places_and_kin_stay(
    text: str, expected: str
) -> None:
    # 2026-12-02: "Cherry" is a common English word, so an "and" or a comma alone did not make it a name
    assert redact(text, "en") == expected
