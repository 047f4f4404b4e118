"""In another language's story an English word that is also a name ("Precious", "Grace"), capitalised
mid-sentence, is a name; an English title, month or season, or a ward's English name, stays."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("pl", "pozdrowienia dla Ewelinki i dla Precious, która nauczyła mnie karmić", "Precious"),
        ("so", "salaan u gudbi Sagal iyo Precious oo i bartay naas nuujinta", "Precious"),
        ("uk", "привіт Соломії і Precious, яка навчила годувати", "Precious"),
        ("ro", "la spital Grace de la tură de noapte a fost un înger", "Grace"),
        ("so", "salam Blessing, mahadsanid", "Blessing"),
    ],
)
def test_an_english_word_name_in_another_language_is_taken_out(lang: str, text: str, name: str) -> None:
    assert name not in redact(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("pl", "Dziękuję pani Magdzie z oddziału Rose, bez niej bym się poddała", "Rose"),
        ("ro", "în salonul Rose era curat dar soneria nu mergea", "Rose"),
        ("pl", "leżałam na Rose ward dwa dni", "Rose"),
        ("pt", "fiquei no Princess Anne três dias", "Princess"),
        ("pl", "urodziłam w May, a w June wróciłam", "May"),
    ],
)
def test_a_ward_a_title_or_a_month_in_english_stays(lang: str, text: str, word: str) -> None:
    assert word in redact(text, lang)


def test_in_an_english_story_the_word_is_left_to_the_rules_written_for_it() -> None:
    assert redact("there was no hope left and no grace in how they spoke", "en") == (
        "there was no hope left and no grace in how they spoke"
    )
