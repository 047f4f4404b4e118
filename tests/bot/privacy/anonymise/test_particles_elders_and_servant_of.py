"""Words that belong inside a name: a particle between a given name and a listed or taken surname
("Maria da Silva", "Maria das Dores"), Akan "Nana" before a name ("Nana Ama"; after "my" she is
grandma), the name of God after "servant of" ("عبد الله", "عبد اللہ"), which is a function word on its
own, the second half of a name "Gul" opens ("ګل رحمان"), and Gujarati "ba", "ben" after an elder's or a
sister's name ("chaku ba", "jagruti ben").  A particle before a town stays ("a Jéssica do Porto"), and
so does a verb after "Gul" ("زما خور ګل راغله")."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("pt", "a parteira Maria da Silva foi um anjo", "a parteira [STAFF NAME] foi um anjo"),
        ("en", "Maria da Silva the interpreter was brilliant", "[NAME] the interpreter was brilliant"),
        ("en", "Nana Ama was my midwife", "[STAFF NAME] was my midwife"),
        ("en", "nana ama my mum flew in from Kumasi", "[NAME] my mum flew in from Kumasi"),
        ("en", "my nana Joan came to visit", "my nana [NAME] came to visit"),
        ("ar", "الممرضة عبد الله جات الصبح", "الممرضة [STAFF NAME] جات الصبح"),
        ("ur", "ڈاکٹر عبد اللہ نے کہا", "ڈاکٹر [STAFF NAME] نے کہا"),
        ("pt", "a Jéssica do Porto ajudou", "a [NAME] do Porto ajudou"),
        ("pt", "a parteira Maria das Dores foi um anjo", "a parteira [STAFF NAME] foi um anjo"),
        ("ps", "ګل رحمان زما ورور دی", "[NAME] زما ورور دی"),
        ("ps", "زما خور ګل راغله", "زما خور [NAME] راغله"),
        ("gu", "mari sasu chaku ba ne interpreter joie che", "mari sasu [NAME] ne interpreter joie che"),
        ("gu", "jagruti ben aavya hata", "[NAME] aavya hata"),
    ],
)
def test_the_words_inside_a_name_go_with_it(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected
