"""An e-mail address goes whole, typed or spelled out, with "at" and "dot" in any of her languages."""

from __future__ import annotations

import pytest

from bot.privacy.anonymise import anonymise


def redact(text: str, lang: str | None = None) -> str:
    return anonymise(text, lang).redacted


@pytest.mark.parametrize(
    ("lang", "text", "left"),
    [
        ("en", "write to me: hodan.w @ gmail . com", "write to me: [EMAIL]"),
        ("en", "email is blessing1988 at yahoo dot co dot uk thanks", "email is [EMAIL] thanks"),
        ("en", "my mail amaka_o(at)outlook.com", "my mail [EMAIL]"),
        ("en", "reach me on ngozi.e [at] hotmail [dot] com", "reach me on [EMAIL]"),
        ("pl", "pisać na ania.k małpa wp.pl albo", "pisać na [EMAIL] albo"),
        ("pl", "mail: kasia77 małpa gmail kropka com", "mail: [EMAIL]"),
        ("pt", "meu email é rafa.lima arroba hotmail ponto com", "meu email é [EMAIL]"),
        ("uk", "пишіть на oksana.p собака ukr.net", "пишіть на [EMAIL]"),
        ("ro", "adresa mea ioana.p at yahoo.com", "adresa mea [EMAIL]"),
        ("so", "emailka waa faadumo12 @ gmail.com", "emailka waa [EMAIL]"),
    ],
)
def test_an_address_spelled_out_goes_whole(lang: str, text: str, left: str) -> None:
    assert redact(text, lang) == left


@pytest.mark.parametrize(
    "text",
    [
        "she looked at me at least once",
        "I was at home. Then I rang at 3pm",
        "we were at the hospital dot on time",
    ],
)
def test_at_and_dot_as_everyday_words_stay(text: str) -> None:
    assert redact(text, "en") == text
