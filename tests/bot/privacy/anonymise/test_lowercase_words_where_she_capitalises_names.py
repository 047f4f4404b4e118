"""Where she gives names their capitals, a lowercase word mid-sentence that nothing points at and no list
knows as a name is an ordinary word ("Mojego męża Marka wyrzucili", "Я народила"); a lowercase name
opening a line, a listed name, one a cue points at, or one before what only a person does or is ("then
ruaridh came", "ebun my aunty") is still taken."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "pl",
            "Mojego męża Marka wyrzucili o 22, położna Ola nic nie mogła",
            "Mojego męża [NAME] wyrzucili o 22, położna [STAFF NAME] nic nie mogła",
        ),
        (
            "uk",
            "Я народила в Лідсі, акушерка Олена була добра",
            "Я народила в Лідсі, акушерка [STAFF NAME] була добра",
        ),
        ("en", "zinnia here. Midwife Joanne was lovely", "[NAME] here. Midwife [STAFF NAME] was lovely"),
        (
            "en",
            "Midwife Joanne was lovely and my husband tobi stayed",
            "Midwife [STAFF NAME] was lovely and my husband [NAME] stayed",
        ),
    ],
)
def test_a_lowercase_word_is_a_name_only_with_reason(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I was at the Royal Free for two days. then ruaridh came in and checked my stitches",
            "I was at the Royal Free for two days. then [NAME] came in and checked my stitches",
        ),
        (
            "I gave birth at Whipps Cross, funmi held my hand the whole time",
            "I gave birth at Whipps Cross, [STAFF NAME] held my hand the whole time",
        ),
        (
            "My husband Tom went home, then folake the midwife stayed",
            "My husband [NAME] went home, then [STAFF NAME] the midwife stayed",
        ),
        (
            "My mum Grace came over and ebun my aunty stayed too",
            "My mum [NAME] came over and [NAME] my aunty stayed too",
        ),
    ],
)
def test_a_lowercase_name_before_what_only_a_person_does_or_is_still_taken_out(
    text: str, expected: str
) -> None:
    assert redact(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I was on Ward 3 with Baby Noah. then the syntocinon made me sick", "syntocinon"),
        ("My partner Dan stayed. then codeine helped a bit", "codeine"),
        ("At Kingston the midwife Tara said it was normal, sertraline helped me later", "sertraline"),
    ],
)
def test_a_medicine_before_a_verb_a_medicine_can_take_too_stays(text: str, word: str) -> None:
    assert word in redact(text, "en")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "It was a long night in Triage, then oyinda came with tea",
            "It was a long night in Triage, then [NAME] came with tea",
        ),
        (
            "pl",
            "Było ciężko w Luton, ale potem wiesia przyszła i pomogła",
            "Było ciężko w Luton, ale potem [NAME] przyszła i pomogła",
        ),
        (
            "en",
            "The ward was quiet, my husband Femi was there, ebun the midwife checked me",
            "The ward was quiet, my husband [NAME] was there, [STAFF NAME] the midwife checked me",
        ),
    ],
)
def test_a_lowercase_word_no_list_knows_before_a_persons_verb_is_taken_even_where_the_model_is_unsure(
    lang: str, text: str, expected: str
) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("My sister Ada from kaduna came to help", "kaduna"),
        ("I had the Epidural at 3, after that the syntocinon came down", "syntocinon"),
    ],
)
def test_a_town_or_a_thing_before_a_persons_verb_stays(text: str, word: str) -> None:
    assert word in redact(text, "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "oyinkansola (me) and obiora (partner) - second baby, all went well",
            "[NAME] (me) and [NAME] (partner) - second baby, all went well",
        ),
        ("it was long, and bunmi (my sister) stayed", "it was long, and [NAME] (my sister) stayed"),
    ],
)
def test_a_lowercase_name_with_who_she_is_in_brackets_goes(text: str, expected: str) -> None:
    assert redact(text, "en") == expected


def test_a_word_before_a_clause_in_brackets_stays() -> None:
    text = "they gave her paracetamol (midwife said so) at 3"
    assert redact(text, "en") == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "My partner Dan was at work so me and tamsin went in together",
            "My partner [NAME] was at work so me and [NAME] went in together",
        ),
        (
            "On Ward 4 the nights were hard but tamsin and I got through",
            "On Ward 4 the nights were hard but [NAME] and I got through",
        ),
        (
            "At Kingston it was hard, honestly tamsin is the reason I am ok",
            "At Kingston it was hard, honestly [NAME] is the reason I am ok",
        ),
    ],
)
def test_in_english_a_lowercase_name_the_model_takes_stays_taken(text: str, expected: str) -> None:
    assert redact(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("At Kingston they gave me pethidine and it made me sick", "pethidine"),
        ("My husband Ade said the mandarin was for me", "mandarin"),
    ],
)
def test_in_english_an_everyday_word_or_a_medicine_in_lowercase_stays(text: str, word: str) -> None:
    assert word in redact(text, "en")
