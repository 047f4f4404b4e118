"""A kin or staff word is read in the forms each language makes of it: an elder or younger word between
"my" and the relation ("my big sister", "મારી મોટી બહેન", "meri badi behen"), Arabic's "and", "to",
"with" written onto it ("وراجلي", "للممرضة") and Pashto's short "my" after it ("ورور مې"); the form
itself is never a name, and a name never runs on over the town she came from."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "my big sister Tamsin stayed all night", "my big sister [NAME] stayed all night"),
        ("gu", "મારી મોટી બહેન કિંજલ રોજ આવતી", "મારી મોટી બહેન [NAME] રોજ આવતી"),
        ("ur", "meri choti behen Rabia aayi thi", "meri choti behen [NAME] aayi thi"),
        ("ar", "وراجلي يوسف هو اللي ترجم", "وراجلي [NAME] هو اللي ترجم"),
        ("ar", "شكراً للممرضة سلمى على كل شي", "شكراً للممرضة [STAFF NAME] على كل شي"),
        ("ps", "ورور مې احمد هم راغی", "ورور مې [NAME] هم راغی"),
        ("gu", "મારી પડોશી હંસાબેન રોજ આવતા", "મારી પડોશી [NAME] રોજ આવતા"),
    ],
)
def test_a_name_after_a_kin_word_in_another_form_is_taken(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


def test_a_name_does_not_run_on_over_the_town_she_came_from() -> None:
    assert redact("મારી બહેન કિંજલ લેસ્ટર થી આવી", "gu") == "મારી બહેન [NAME] લેસ્ટર થી આવી"


def test_the_verb_of_a_calling_frame_after_and_my_husband_is_no_name() -> None:
    assert redact("أنا هند وجوزي بيقولي لولو", "ar") == "أنا [NAME] وجوزي بيقولي [NAME]"
