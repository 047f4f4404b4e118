"""Names taken out whole, and no further than the name, where the lists cannot help."""

from __future__ import annotations

import pytest

from bot.privacy.anonymise import anonymise


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ar", "w ba3den Um Fadi kanet ma3i", "w ba3den [NAME] kanet ma3i"),
        ("ar", "jozi abu khaled ma ija", "jozi [NAME] ma ija"),
        ("ar", "زوجي أبو يزن كان معي", "زوجي [NAME] كان معي"),
    ],
)
def test_a_kunya_goes_with_the_name_after_it(lang: str, text: str, expected: str) -> None:
    assert anonymise(text, lang).redacted == expected


def test_in_pashto_a_name_does_not_run_on_over_the_words_after_it() -> None:
    # wordfreq has no Pashto: an unlisted word after a name is only carried when the model leans to it.
    assert anonymise("نرسې پلوشه ډېره مرسته وکړه", "ps").redacted == "نرسې [STAFF NAME] ډېره مرسته وکړه"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Listed as "میری سس" (Urdu letters); written with Arabic ones.
        ("pa", "ميري سس نسرین نے کہیا", "ميري سس [NAME] نے کہیا"),
        ("ps", "زما مېړه وحید راغی", "زما مېړه [NAME] راغی"),
    ],
)
def test_a_cue_is_read_in_every_spelling_of_its_letters(lang: str, text: str, expected: str) -> None:
    assert anonymise(text, lang).redacted == expected


def test_in_a_script_no_list_reads_a_name_runs_on_where_the_model_leans_to_it() -> None:
    # wordfreq has no Pashto: "حلیمه" after "بی بی" is carried because the model leans to a name.
    assert anonymise("زما خواښې بی بی حلیمه هره ورځ راتله", "ps").redacted == "زما خواښې [NAME] هره ورځ راتله"


@pytest.mark.parametrize(
    "text",
    [
        "The midwife sat with me all night and explained every step.",
        "the midwife stood by the door and talked to my husband",
        "the nurse rang the doctor and waited with me",
    ],
)
def test_an_everyday_verb_after_a_job_title_is_not_taken_for_a_name(text: str) -> None:
    assert anonymise(text, "en").entities == ()


def test_a_surname_that_is_also_a_word_goes_with_the_name_before_it() -> None:
    # "جعفری" is also parsley in Persian, so a frequency list holds it; after a name it is her surname.
    assert anonymise("خواهرم مریم جعفری دیروز آمد", "prs").redacted == "خواهرم [NAME] دیروز آمد"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("پسر خود احمد را دیدم", "پسر خود [NAME] را دیدم"),
        ("شوهر من فرید را بیرون کردند", "شوهر من [NAME] را بیرون کردند"),
        ("دختر ما نازنین خیلی کوچک بود", "دختر ما [NAME] خیلی کوچک بود"),
    ],
)
def test_a_dari_kin_word_is_a_cue_however_she_says_whose_it_is(text: str, expected: str) -> None:
    assert anonymise(text, "prs").redacted == expected


def test_a_dari_kin_word_with_my_apart_takes_no_everyday_word_after_it() -> None:
    assert anonymise("دختر من خیلی کوچک بود", "prs").redacted == "دختر من خیلی کوچک بود"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rose, my doula, was the only one who knew my plan",
            "[NAME], my doula, was the only one who knew my plan",
        ),
        ("Hope, my birth partner, stayed all night", "[NAME], my birth partner, stayed all night"),
    ],
)
def test_a_word_that_is_also_a_name_goes_when_a_family_cue_follows_it(text: str, expected: str) -> None:
    assert anonymise(text, "en").redacted == expected
