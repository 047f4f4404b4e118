"""A name's first part goes with the part the model found, as its last part always has; a capitalised
everyday or place word before a name stays."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("pt", "ela me explicou tudo, Kelly Cristina", "ela me explicou tudo, [NAME]"),
        (
            "en",
            "dob 4th feb 88, Maryam Hussaini. they gave formula",
            "dob [DATE OF BIRTH], [NAME]. they gave formula",
        ),
        # "cristiano" is an everyday word of an Italian lorem list, so the gazetteer lists no such name
        ("pt", "Cristiano Rodrigues, pai da bebé, quer saber", "[NAME], pai da bebé, quer saber"),
        ("pt", "Ontem Cristiano Rodrigues ligou", "Ontem [NAME] ligou"),
    ],
)
def test_the_first_part_of_a_two_word_name_goes_with_it(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "then on Tuesday Cristina came back", "then on Tuesday [NAME] came back"),
        ("en", "at Queens Hussaini was the reg", "at Queens [STAFF NAME] was the reg"),
        (
            "pa",
            "mera veer Manpreet ne mainu Slough ton Wexham leke gaya",
            "mera veer [NAME] ne mainu Slough ton Wexham leke gaya",
        ),
    ],
)
def test_an_everyday_or_place_word_before_a_name_stays(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected
