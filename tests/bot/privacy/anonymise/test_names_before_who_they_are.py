"""A lowercase name is known by who she says the person is straight after it, perhaps after a comma: a
possessive and a family word in English, Portuguese, Polish, Romanian or Ukrainian; in Portuguese the
article before a person's name also lets a nickname the rarest word lists hold by chance through."""

from __future__ import annotations

import pytest

from tests.bot.privacy.anonymise.redaction import redact


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "pt",
            "o dudu, meu filho mais velho, ficou com a vizinha",
            "o [NAME], meu filho mais velho, ficou com a vizinha",
        ),
        ("pt", "o dudu ficou com a vizinha", "o [NAME] ficou com a vizinha"),
        ("en", "ebun my aunty came", "[NAME] my aunty came"),
        ("uk", "потім оксана моя подруга прийшла", "потім [NAME] моя подруга прийшла"),
    ],
)
def test_a_name_before_who_she_is_goes(lang: str, text: str, expected: str) -> None:
    assert redact(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "o parto, minha filha, foi longo"),
        ("en", "then took my husband home"),
        ("pt", "a doula chegou cedo"),
    ],
)
def test_an_everyday_word_before_a_family_word_stays(lang: str, text: str) -> None:
    assert redact(text, lang) == text


def test_a_capitalised_word_mid_sentence_the_rules_took_is_a_ukrainian_name() -> None:
    assert redact("Дозволили щоб Настя була зі мною", "uk") == "Дозволили щоб [NAME] була зі мною"
    assert redact("Я з Харкова, живу в Лідсі", "uk") == "Я з Харкова, живу в Лідсі"
