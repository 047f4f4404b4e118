"""No digit of an identifier reaches staff, whatever shape or script she writes it in."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    "number",
    [
        "07700 900 123",
        "07700-900-123",
        "07700.900.123",
        "0 7 7 0 0 9 0 0 1 2 3",
        "O77OO 9OO 123",
        "o7700 9oo l23",
        "+44 (0)7700 900 659",
        "+291 7 123456",
        "০৭৭০০ ৯০০ ৫১৯",
        "٠٧٧٠٠ ٩٠٠ ١٢٣",
        "۰۷۷۰۰ ۹۰۰ ۱۲۳",
        "੦੭੭੦੦ ੯੦੦ ੧੨੩",
        "૦૭૭૦૦ ૯૦૦ ૧૨૩",
        "485 777 3456",
        "485.777.3456",
        "4857773456",
        "rn4567890",
        "882 4410",
    ],
)
def test_a_number_shaped_like_an_identifier_goes_whole(number: str) -> None:
    out = redact(f"you can reach me {number} thanks")
    assert not any(c.isdigit() for c in out), out
    assert out.startswith("you can reach me [") and out.endswith("] thanks")


@pytest.mark.parametrize(
    "date",
    [
        "03/04/1991",
        "3/4/91",
        "22.11.1996",
        "2023-03-03",
        "۱۳۷۴/۰۵/۱۲",
        "১৫/০৩/১৯৯৩",
        "૦૪/૧૧/૧૯૮૭",
        "O3/O4/1991",
        "12 maja 92",
        "14 iulie 1993",
        "5 червня 1994",
        "8 de outubro de 1990",
        "3rd april 91",
        "14 feb 2023",
    ],
)
def test_a_full_date_goes_with_or_without_a_cue(date: str) -> None:
    assert redact(f"ok so {date} is the one") == "ok so [DATE OF BIRTH] is the one"


@pytest.mark.parametrize(
    "text",
    [
        "she was 3.2 kg and my temp was 37.5 38.1",
        "bp 150/100 then 140/90 110/70",
        "she came at 34 weeks 2 days, waited 14 hrs, 6lb 2oz at 3.12am",
        "10/10 would go back, ward 7 bay 2",
        "w 3 sa3at 7ada ma 2alli shi",
        "it was may 20 of us in the room",
        "from 20:00 to 08:30",
    ],
)
def test_ordinary_numbers_stay(text: str) -> None:
    assert redact(text) == text


def test_a_street_before_a_postcode_goes_whatever_it_is_called() -> None:
    assert redact("we live 27 Rochester Hollow ME7 4QT") == "we live [ADDRESS][POSTCODE]"
    assert redact("আমরা থাকি ২২ ক্যাবল মাউন্ট E1 8") == "আমরা থাকি [ADDRESS][POSTCODE]"


def test_her_town_after_a_known_street_stays() -> None:
    assert redact("12 Bridge Road Chatham ME4 6QT") == "[ADDRESS] Chatham [POSTCODE]"


def test_her_flat_number_on_its_own_goes() -> None:
    assert redact("we are in flat 5 near the station") == "we are in [ADDRESS] near the station"
    assert redact("mieszkamy w mieszkanie 12 blisko") == "mieszkamy w [ADDRESS] blisko"
    assert redact("زموږ فلیټ ۱۲ دی", "ps") == "زموږ [ADDRESS] دی"
    assert redact("ما در آپارتمان ۱۲ هستیم", "prs") == "ما در [ADDRESS] هستیم"


def test_a_lowercase_everyday_word_nothing_points_at_stays() -> None:
    assert redact("34 weeks 2 days, waited 14 hrs", "en") == "34 weeks 2 days, waited 14 hrs"


def test_every_script_s_digits_are_read_as_digits() -> None:
    import unicodedata

    from bot.privacy.anonymise._digits import digits_as_digits

    for code in range(0x0080, 0x10000):
        ch = chr(code)
        if unicodedata.decimal(ch, -1) >= 0:
            assert digits_as_digits(ch) == str(unicodedata.decimal(ch)), hex(code)


@pytest.mark.parametrize(
    ("lang", "text", "glued"),
    [
        ("ti", "ጓለይ ብ03/11/2023 ተወሊዳ", "ብ[DATE OF BIRTH] "),
        ("ar", "بنتي ولدت ب3/11/2023 بالليل", "ب[DATE OF BIRTH] "),
        ("bn", "আমার ছেলে ০৩/১১/২০২৩এ জন্মেছে", " [DATE OF BIRTH]এ "),
        ("uk", "син народився 03.11.2023р вночі", " [DATE OF BIRTH]р "),
        ("en", "baby came on03/11/2023 at night", "on[DATE OF BIRTH] "),
    ],
)
def test_a_date_glued_to_a_preposition_or_an_ending_goes(lang: str, text: str, glued: str) -> None:
    out = redact(text, lang)
    assert glued in out and not any(c.isdigit() for c in out), out


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ro", "s-a nascut pe 3 noi. 2023, nu 3 ian. 2024"),
        ("pt", "nasceu a 3 fev 2023"),
        ("bn", "৩রা জানুয়ারী ২০২৪ তারিখে"),
        ("prs", "پسرم در ۱۲ جدی ۱۴۰۲ به دنیا آمد"),
        ("prs", "دخترم ۵ مهر ۱۴۰۱ متولد شد"),
        ("ps", "زوی مې د ۳ سلواغه ۱۴۰۲ زېږېدلی"),
        ("uk", "донька народилася 3 листопада 2023 року"),
    ],
)
def test_a_date_with_a_short_or_solar_month_goes_in_every_language(lang: str, text: str) -> None:
    out = redact(text, lang)
    assert "[DATE OF BIRTH]" in out and not any(c.isdigit() for c in out), out


def test_the_word_after_a_ukrainian_year_is_left_whole() -> None:
    assert redact("народилася 3 листопада 2023 року", "uk") == "народилася [DATE OF BIRTH] року"


@pytest.mark.parametrize(
    "text",
    [
        "they gave me 2 x 500mg then 1.5 more at 10.30",
        "contractions 3-4 mins apart in 2023",
        "the app said v2.1 was out",
        "she came out at 14 30 and weighed 3.1",
    ],
)
def test_doses_times_and_a_year_alone_stay(text: str) -> None:
    assert redact(text, "en") == text
