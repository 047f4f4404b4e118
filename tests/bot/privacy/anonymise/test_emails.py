"""An e-mail address goes whole, typed or spelled out, with "at" and "dot" in any of her languages."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


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


@pytest.mark.parametrize(
    ("lang", "text", "left"),
    [
        ("ro", "scrieti-mi pe maria.d la yahoo punct com", "scrieti-mi pe [EMAIL]"),
        ("ro", "emailul e andreea88 la gmail.com", "emailul e [EMAIL]"),
        ("ur", "میرا ای میل nadia.r ایٹ hotmail ڈاٹ com ہے", "میرا ای میل [EMAIL] ہے"),
        ("bn", "আমার ইমেইল shapla.k অ্যাট gmail ডট com", "আমার ইমেইল [EMAIL]"),
        ("pa", "mera email harleen.k ਐਟ yahoo ਡੌਟ com", "mera email [EMAIL]"),
        ("ar", "ايميلي rana.h آت gmail دوت com", "ايميلي [EMAIL]"),
        ("en", "email grace .o@outlook.com if you can", "email [EMAIL] if you can"),
    ],
)
def test_at_and_dot_in_her_script_or_romanian_la_and_a_stray_space_still_make_an_address(
    lang: str, text: str, left: str
) -> None:
    assert redact(text, lang) == left


@pytest.mark.parametrize(
    "text",
    [
        "am ajuns la un punct de epuizare",
        "am mers la spital si la gmail nu am intrat",
        "m-am uitat la ea punct",
    ],
)
def test_romanian_la_and_punct_as_everyday_words_stay(text: str) -> None:
    assert redact(text, "ro") == text


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("mail me tolu.a92 yahoo.co.uk", "mail me [EMAIL]"),
        ("its kemi underscore b at outlook dot com", "its [EMAIL]"),
    ],
)
def test_an_address_with_its_at_left_out_or_its_underscore_spelled_goes_whole(text: str, left: str) -> None:
    assert redact(text, "en") == left


@pytest.mark.parametrize(
    "text",
    ["my old one was on yahoo.com years ago", "sent at 3.30 gmail.com said it was delivered"],
)
def test_a_provider_named_without_her_address_stays(text: str) -> None:
    assert redact(text, "en") == text
