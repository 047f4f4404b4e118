"""Thanks to God in any language ("Alhamdulillah", "Slavă Domnului", "Graças a Deus"), a staff title
opening a sentence ("Dhakhtar", "Doctor") and a hospital's wing ("the Lindo Wing") are never names, though
each opens with a capital; the name beside them still goes."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ro", "Slavă Domnului, băiețelul Tudor e bine", "Slavă Domnului, băiețelul [NAME] e bine"),
        ("pt", "Graças a Deus a minha filha Inês está bem", "Graças a Deus a minha filha [NAME] está bem"),
        (
            "uk",
            "Слава Богу все позаду, мій брат Андрій приїхав",
            "Слава Богу все позаду, мій брат [NAME] приїхав",
        ),
        (
            "so",
            "Alxamdulillaah wiilkayga Cabdi waa fiican yahay",
            "Alxamdulillaah wiilkayga [NAME] waa fiican yahay",
        ),
        ("so", "Dhakhtar Kelly ima dhagaysan", "Dhakhtar [STAFF NAME] ima dhagaysan"),
        (
            "en",
            "we were moved to the Lindo Wing and my sister Ruth came",
            "we were moved to the Lindo Wing and my sister [NAME] came",
        ),
    ],
)
def test_praise_titles_and_wings_stay_and_the_name_goes(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("gu", "દુભાષિયો સમયસર આવ્યો નહીં"),
        ("bn", "দোভাষী আসেনি, ওয়ার্ডে কেউ ছিল না"),
        ("ur", "ڈلیوری کے بعد مترجم نہیں آیا"),
    ],
)
def test_the_interpreter_and_hospital_words_in_her_script_stay(lang: str, text: str) -> None:
    assert redact(text, lang) == text


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "pl",
            "Dziękuję pani Oli z porodówki, była cudowna",
            "Dziękuję pani [STAFF NAME] z porodówki, była cudowna",
        ),
        ("pt", "Obrigada à parteira Inês por tudo", "Obrigada à parteira [STAFF NAME] por tudo"),
        ("so", "mahadsanid walaal Hodan", "mahadsanid walaal [NAME]"),
        ("so", "Mahadsanid umulisada Sagal", "Mahadsanid umulisada [STAFF NAME]"),
    ],
)
def test_thanks_opening_a_sentence_in_a_language_with_capitals_is_no_name(
    lang: str, text: str, expected: str
) -> None:
    assert redact(text, lang) == expected
