"""A capitalised word mid-sentence that no list of any language knows, which the rules took for a name,
is one even where the model doubts it: near a sentence's end, where its training stories seldom put a
name ("we met Kamsi"). A medicine joined to another, a ward's or wing's name, a town after a town and its
postposition, and a word said twice (settled with its other mentions) are left to the other layers."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("en", "my husband cried when u handed us Kamsi 😭😭", "Kamsi"),
        ("en", "we met Kamsi", "Kamsi"),
        ("so", "awowgay ayaa dhegta uga aqriyay ilmaha Maryan", "Maryan"),
    ],
)
def test_an_unlisted_capitalised_name_near_the_end_of_a_sentence_is_taken_out(
    lang: str, text: str, name: str
) -> None:
    assert name not in redact(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("pl", "dali tylko paracetamol i Gaviscon", "Gaviscon"),
        ("en", "i was on Jessop wing for two nights", "Jessop"),
        ("pa", "mera veer mainu Slough ton Wexham leke gaya", "Wexham"),
    ],
)
def test_a_medicine_a_wing_or_a_town_stays(lang: str, text: str, word: str) -> None:
    assert word in redact(text, lang)
