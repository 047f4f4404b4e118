"""The town she moved to, went back to or was taken to is no name, in her language's own way of saying
so ("we moved to Luton", "drove me to Chester", "লুটন এ গেলাম", "ڈلیوری برمنگھم میں ہوئی"), and the
frame's verb is no name either ("Mudamos para Luton"); after "spoke to" a person still goes."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "My husband Ade drove me to Chester and midwife Lucia saw me",
            "My husband [NAME] drove me to Chester and midwife [STAFF NAME] saw me",
        ),
        (
            "en",
            "They transferred me to Kettering at 2am, Dr Okafor was there",
            "They transferred me to Kettering at 2am, Dr [STAFF NAME] was there",
        ),
        ("bn", "আমরা লুটন এ গেলাম, আমার বোন রুমানা সাথে ছিল", "আমরা লুটন এ গেলাম, আমার বোন [NAME] সাথে ছিল"),
        ("ur", "میری ڈلیوری ڈربی میں ہوئی، دائی اچھی تھی", "میری ڈلیوری ڈربی میں ہوئی، دائی اچھی تھی"),
        (
            "pt",
            "Mudamos para Luton, a parteira Ana foi ótima",
            "Mudamos para Luton, a parteira [STAFF NAME] foi ótima",
        ),
        (
            "pl",
            "Przeprowadziłyśmy się do Luton, położna Ola była miła",
            "Przeprowadziłyśmy się do Luton, położna [STAFF NAME] była miła",
        ),
    ],
)
def test_the_town_she_went_to_stays_and_the_name_goes(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


def test_a_person_she_spoke_to_is_still_a_name() -> None:
    assert redact("I spoke to Sarah on the desk and she was kind", "en") == (
        "I spoke to [NAME] on the desk and she was kind"
    )
