"""An English name typed in lowercase that no list holds goes where only a person stands: after her
thanks in any of its words ("cheers kasia", "cant thank oluchi enough", "i owe folake so much") and
where she asks for someone or says who helped ("ask for rukhsana"), before a verb only a person does
("then nkem drove us home") and before "'s" and a relative ("i messaged chidinma's mum"). The same
places keep an everyday word, a medicine or a shop ("ask for help", "asked for paracetamol", "thanks to
the night staff", "lidl's baby wipes")."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cheers kasia you were a star", "cheers [STAFF NAME] you were a star"),
        ("cant thank oluchi enough", "cant thank [STAFF NAME] enough"),
        ("i owe folake so much", "i owe [STAFF NAME] so much"),
        ("thx mehwish for staying late", "thx [STAFF NAME] for staying late"),
        ("so grateful to yetunde on delivery suite", "so grateful to [STAFF NAME] on delivery suite"),
    ],
)
def test_a_name_after_her_thanks_goes(text: str, expected: str) -> None:
    assert redact(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ask for rukhsana she is the best on that ward", "ask for [NAME] she is the best on that ward"),
        ("loads of support from ogechi next door", "loads of support from [NAME] next door"),
    ],
)
def test_a_lowercase_name_nobody_lists_where_she_asks_for_someone_goes(text: str, expected: str) -> None:
    assert redact(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "I asked for paracetamol three times",
        "ask for help if you need it",
        "thanks to the night staff on ward 9",
        "thank god we are home",
        "support from family kept me going",
    ],
)
def test_an_everyday_word_or_a_medicine_there_stays(text: str) -> None:
    assert redact(text, "en") == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("then nkem drove us home", "then [NAME] drove us home"),
        ("my bf said efua phoned the ward", "my bf said [NAME] phoned the ward"),
        ("luckily halima translated for me", "luckily [NAME] translated for me"),
        ("i messaged chidinma's mum", "i messaged [NAME]'s mum"),
        ("we stayed at ngozi’s sister for a week", "we stayed at [NAME]’s sister for a week"),
    ],
)
def test_a_lowercase_name_before_what_only_a_person_does_or_has_goes(text: str, expected: str) -> None:
    assert redact(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "the baby's mum was crying in the next bed",
        "I got them from the baby aisle, lidl's baby wipes are the best",
        "the codeine made me drowsy",
    ],
)
def test_a_thing_before_a_persons_verb_or_a_possessive_stays(text: str) -> None:
    assert redact(text, "en") == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "shout out to ifeoma, blessing and nnenna",
            "shout out to [STAFF NAME], [STAFF NAME] and [STAFF NAME]",
        ),
        (
            "thanks to adaora, chipo, and tsion on the night shift",
            "thanks to [STAFF NAME], [STAFF NAME], and [STAFF NAME] on the night shift",
        ),
        ("thank you bisi, precious and mercy", "thank you [STAFF NAME], [STAFF NAME] and [STAFF NAME]"),
    ],
)
def test_every_name_of_her_thanks_list_goes(text: str, expected: str) -> None:
    assert redact(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thanks bisi, hope to see you soon", "thanks [STAFF NAME], hope to see you soon"),
        ("thanks to abiola, my sister and my mum", "thanks to [STAFF NAME], my sister and my mum"),
        ("big thanks to the midwives, the doctors and the cleaners", None),
    ],
)
def test_what_is_no_name_in_her_thanks_list_stays(text: str, expected: str | None) -> None:
    assert redact(text, "en") == (expected or text)
