"""Her street and house number go however she orders them, and a postcode she gives as hers goes, as does a
district alone where she says she lives or comes from."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "left"),
    [
        ("pl", "mieszkam przy Chapel Street 12 w Luton", "mieszkam przy [ADDRESS] w Luton"),
        ("pl", "adres: ul. Długa 5, Slough", "adres: [ADDRESS], Slough"),
        ("ro", "stau pe strada Florilor nr. 12", "stau pe [ADDRESS]"),
        ("pt", "moro na Rua Augusta 14", "moro na [ADDRESS]"),
        ("uk", "живу на Грін-лейн 14", "живу на [ADDRESS]"),
        ("so", "waxaan deggan ahay Waddada Coral 17", "waxaan deggan ahay [ADDRESS]"),
        ("en", "we live at 14 Ashfield Mount, Bradford", "we live at [ADDRESS], Bradford"),
        ("en", "HV came to 42 Manningham Croft twice", "HV came to [ADDRESS] twice"),
        ("en", "we live at 12-14 High Street now", "we live at [ADDRESS] now"),
    ],
)
def test_a_street_goes_with_its_number_before_or_after_it(lang: str, text: str, left: str) -> None:
    assert redact(text, lang) == left


@pytest.mark.parametrize(
    ("lang", "text", "left"),
    [
        ("en", "my postcode is LU4", "my postcode is [POSTCODE]"),
        ("en", "postcode B12 9Q i think", "postcode [POSTCODE] i think"),
        ("pl", "mój kod pocztowy to E17", "mój kod pocztowy to [POSTCODE]"),
        ("ur", "میرا پوسٹ کوڈ BD3 ہے", "میرا پوسٹ کوڈ [POSTCODE] ہے"),
    ],
)
def test_a_postcode_she_gives_as_hers_goes_even_cut_short(lang: str, text: str, left: str) -> None:
    assert redact(text, lang) == left


@pytest.mark.parametrize(
    ("lang", "text", "left"),
    [
        ("en", "we live in LS6 now, the HV never came", "we live in [POSTCODE] now"),
        ("en", "im from b10 originally", "im from [POSTCODE] originally"),
        ("en", "in E17 area the HV never came", "in [POSTCODE] area the HV"),
        ("uk", "Ми живемо в BD7 вже рік", "Ми живемо в [POSTCODE] вже рік"),
        ("ar", "عايشين في B10 من سنتين", "في [POSTCODE] من سنتين"),
        ("bn", "amra Oldham e thaki, OL8 er dike", "[POSTCODE] er dike"),
        ("gu", "અમે બોલ્ટન માં રહીએ છીએ, BL3 બાજુ", "[POSTCODE] બાજુ"),
        ("pa", "asi LS9 ch rehnde aan", "asi [POSTCODE] ch rehnde aan"),
        ("ps", "mung pa BD3 ke osegu", "mung pa [POSTCODE] ke osegu"),
        ("ti", "ኣብ B10 ኢና ንቕመጥ", "ኣብ [POSTCODE] ኢና ንቕመጥ"),
        ("pt", "moro em SO15 com meu marido", "moro em [POSTCODE] com meu marido"),
        ("pl", "mieszkam w E17 od roku", "mieszkam w [POSTCODE] od roku"),
        ("ro", "locuiesc în LU4 de doi ani", "locuiesc în [POSTCODE] de doi ani"),
        ("ur", "ہم BD3 میں رہتے ہیں", "ہم [POSTCODE] میں رہتے ہیں"),
        ("so", "waxaan ku nool nahay LS8", "waxaan ku nool nahay [POSTCODE]"),
    ],
)
def test_a_district_where_she_lives_or_comes_from_goes(lang: str, text: str, left: str) -> None:
    assert left in redact(text, lang)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("my b12 was low so they gave me vitamin b12 injections", "b12"),
        ("stuck on the M6 for an hour, we live near the M6", "M6"),
        ("the A1 road was closed", "A1"),
        ("CO2 levels in the room were high", "CO2"),
        ("the registrar from B12 ward came", "B12"),
    ],
)
def test_a_code_with_no_word_of_home_keeps_its_other_meaning(text: str, code: str) -> None:
    assert redact(text, "en").count(code) == text.count(code)


@pytest.mark.parametrize(
    "text",
    [
        "at 34 weeks she said the end was near",
        "I went to the market 2 times",
    ],
)
def test_counts_after_a_street_word_stay(text: str) -> None:
    assert redact(text, "en") == text


def test_a_count_after_a_named_street_is_not_its_house_number() -> None:
    assert redact("up Station Road 2 times a day", "en") == "up [ADDRESS] 2 times a day"


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("we live at 4 Elm Rise, B12 9QC", "we live at [ADDRESS], [POSTCODE]"),
        ("Flat 2, Kestrel House, BD7 1IV", "[ADDRESS], [POSTCODE]"),
    ],
)
def test_a_postcode_in_capitals_goes_whatever_letters_end_it(text: str, left: str) -> None:
    assert redact(text, "en") == left


def test_a_ward_and_a_time_in_capitals_are_no_postcode() -> None:
    assert redact("ward C3 7PM", "en") == "ward C3 7PM"


def test_an_arabic_street_goes_with_the_number_before_it() -> None:
    redacted = redact("ساكنة في 12 شارع ستيشن من سنتين", "ar")
    assert "[ADDRESS] من سنتين" in redacted and "12" not in redacted and "ستيشن" not in redacted
