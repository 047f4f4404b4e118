"""A hospital's name in her own script is a place, not a person: before the hospital or park word of her
script ("ویکسہم پارک ہسپتال"), after a transliterated "Royal" ("رائل اولڈہم") or after the hospital word
of the languages that put it first ("شفاخانه …", "بمستشفى …"); her son's name just before it still goes."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ur", "میری ڈلیوری رائل اولڈہم میں ہوئی", "میری ڈلیوری رائل اولڈہم میں ہوئی"),
        ("pa", "میرا پتر حمزہ ویکسہم پارک ہسپتال وچ ہویا", "میرا پتر [NAME] ویکسہم پارک ہسپتال وچ ہویا"),
        ("prs", "پسرم در شفاخانه هارتلندز به دنیا آمد", "پسرم در شفاخانه هارتلندز به دنیا آمد"),
        ("ar", "كانت الولادة بمستشفى رويال أولدهام", "كانت الولادة بمستشفى رويال أولدهام"),
        ("ar", "أخوي سامر بمستشفى رويال أولدهام", "أخوي [NAME] بمستشفى رويال أولدهام"),
    ],
)
def test_a_hospital_in_her_script_stays(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ur",
            "میں ڈربی کے ہسپتال میں تھی، نرس شازیہ اچھی تھی",
            "میں ڈربی کے ہسپتال میں تھی، نرس [STAFF NAME] اچھی تھی",
        ),
        ("ur", "ہم ویکفیلڈ کے ہسپتال گئے", "ہم ویکفیلڈ کے ہسپتال گئے"),
        ("gu", "વેમ્બલી ની હોસ્પિટલ માં ગઈ", "વેમ્બલી ની હોસ્પિટલ માં ગઈ"),
        ("ur", "ڈاکٹر احمد کے کلینک میں گئی", "ڈاکٹر [STAFF NAME] کے کلینک میں گئی"),
    ],
)
def test_a_town_with_of_before_the_hospital_word_is_the_hospitals_town(
    lang: str, text: str, expected: str
) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "bn",
            "ami Royal Oldham e chilam, amar bon Shathi sathe chilo",
            "ami Royal Oldham e chilam, amar bon [NAME] sathe chilo",
        ),
    ],
)
def test_royal_before_a_capitalised_word_is_the_hospital(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected
