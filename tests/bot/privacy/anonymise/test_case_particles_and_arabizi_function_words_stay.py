"""Closed classes that ran on after a name or a title: Arabizi's relative and prepositions with the
article ("elli", "bel", "fel": the nurse who…, at night), Bengali's object particle with "also" or "only"
("কেও", "কেই") written apart after a name."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ar",
            "el nurse Rana elli kanet ma3i kanet 7elwe",
            "el nurse [STAFF NAME] elli kanet ma3i kanet 7elwe",
        ),
        ("ar", "w el nurse bel leil ma ijet", "w el nurse bel leil ma ijet"),
        ("bn", "আমার ভাই সুমন কেও ঢুকতে দেয়নি", "আমার ভাই [NAME] কেও ঢুকতে দেয়নি"),
    ],
)
def test_function_words_after_a_name_or_title_stay(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("pa", "ਮੇਰੀ ਧੀ ਸਿਮਰਨ ਠੀਕ ਹੈ", "ਮੇਰੀ ਧੀ [NAME] ਠੀਕ ਹੈ"),
        ("gu", "નર્સ નીતા એ કહ્યું જાતે કરો", "નર્સ [STAFF NAME] એ કહ્યું જાતે કરો"),
        ("uk", "pryvit, ya Oksana, dyakuyu vsim", "pryvit, ya [NAME], dyakuyu vsim"),
        ("ar", "الممرضة ما جاتش طول الليل", "الممرضة ما جاتش طول الليل"),
        ("ro", "frate-miu Andrei a stat cu mine", "frate-miu [NAME] a stat cu mine"),
    ],
)
def test_everyday_words_no_list_had_stay_beside_a_name(lang: str, text: str, expected: str) -> None:
    """Panjabi "fine" and "was born", Gujarati "do", a romanised Ukrainian greeting and "to all", the
    Arabic "ما …ش" negation written apart, and Romanian's spoken "my brother" ("frate-miu"), a kin word
    whose name follows it."""
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("gu", "બે દિવસે દુખાવો ઓછો થયો"),
        ("ti", "ቃንዛ ብዙሕ ነይሩ ሰሙን ሙሉእ"),
        ("ps", "درد ډېر و، خوب مې نه کاوه"),
        ("pa", "ਦਰਦ ਬਹੁਤ ਸੀ ਸਾਰੀ ਰਾਤ"),
    ],
)
def test_everyday_words_of_a_script_no_frequency_list_covers_stay(lang: str, text: str) -> None:
    """Pain, days, weeks, night in Gujarati, Tigrinya, Pashto and Gurmukhi: wordfreq has none of them, so
    they are written by hand beside the function words."""
    assert redact(text, lang) == text
