"""A listed name where a person's name stands (after a staff or family word, or before "the midwife",
"my aunty" or a verb only a person does) is that name, though it is also a town or a hospital ("my
husband William", "Harvey the registrar"), a function word somewhere, written as a name is ("الدكتور
علي", Ali, also "on me"; "sora mea Nicu"), a bare kin word with its capital ("Lola the student midwife")
or a cue's form made by rule ("أختي باسمة", Basima, read as "باسمه", in his name).  An English decoy a
strong cue points at in another language's story is a name ("moașa iris"), as is a capitalised
facility word one points at ("Dr Hill", "the doctor Lane") and a lowercase name after the article
Portuguese puts before a person ("depois a fernanda chegou").  Where nothing points at
a person the town, the hospital, the word and the kin word stay."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "my husband William held my hand the whole time",
            "my husband [NAME] held my hand the whole time",
        ),
        ("en", "my husband william held my hand", "my husband [NAME] held my hand"),
        ("en", "Thomas the midwife on nights was so kind", "[STAFF NAME] the midwife on nights was so kind"),
        ("en", "the registrar Harvey was rude", "the registrar [STAFF NAME] was rude"),
        ("pt", "o meu marido Thomas ficou comigo", "o meu marido [NAME] ficou comigo"),
        ("ar", "الدكتور علي قال كل شي تمام", "الدكتور [STAFF NAME] قال كل شي تمام"),
        ("ro", "sora mea Nicu a stat cu mine", "sora mea [NAME] a stat cu mine"),
        ("en", "Lola the student midwife sat with me", "[NAME] the student midwife sat with me"),
        ("ar", "أختي باسمة كانت معي", "أختي [NAME] كانت معي"),
        ("ro", "moașa iris a venit dimineața", "moașa [STAFF NAME] a venit dimineața"),
        ("ro", "sora mea dan a stat cu mine", "sora mea [NAME] a stat cu mine"),
        ("pt", "depois a fernanda chegou", "depois a [NAME] chegou"),
        ("en", "Dr Hill said it was normal", "Dr [STAFF NAME] said it was normal"),
        ("en", "the doctor Lane came back at 6", "the doctor [STAFF NAME] came back at 6"),
    ],
)
def test_a_listed_name_where_a_person_stands_is_taken(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "i was at William Harvey for 3 days"),
        ("ar", "زوجي على طول كان معي"),
        ("en", "my lola came to see the baby"),
        ("ro", "am stat în NICU 3 zile"),
        ("en", "my husband checks the phone"),
        ("en", "they moved us to the Evelina after 2 days"),
        ("en", "i was on the ward at Hill House"),
        ("en", "the midwife on Park ward was kind"),
    ],
)
def test_where_nothing_points_at_a_person_the_word_stays(lang: str, text: str) -> None:
    assert redact(text, lang) == text
