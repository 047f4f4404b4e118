"""Her first message is answered in her language when it is clear which, and in English when not."""

from __future__ import annotations

import pytest

from bot.chat.language import detect_language, script_languages
from flows.languages import LANGUAGES
from tests.samples import SAMPLES, UNSURE

#: share of each language's samples that must be recognised (all of them today).
MIN_ACCURACY = 1.0


def test_every_language_we_offer_has_at_least_five_samples() -> None:
    assert {language.code for language in LANGUAGES} == set(SAMPLES)
    assert all(len(samples) >= 5 for samples in SAMPLES.values())


@pytest.mark.parametrize("lang", list(SAMPLES))
def test_her_opening_message_is_recognised_in_her_language(lang: str) -> None:
    found = [detect_language(text) for text in SAMPLES[lang]]
    wrong = [(text, got) for text, got in zip(SAMPLES[lang], found, strict=True) if got != lang]
    assert 1 - len(wrong) / len(found) >= MIN_ACCURACY, wrong


@pytest.mark.parametrize("text", UNSURE)
def test_greetings_single_words_emoji_and_languages_we_do_not_speak_are_not_guessed(text: str) -> None:
    assert detect_language(text) is None


def test_the_polish_example_from_the_brief_is_polish() -> None:
    assert detect_language("Witam, miałam trudny poród i chcę o tym napisać") == "pl"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("doctor ne mujhe kuch nahi bataya", "ur"),
        ("زه ډېر ستړې وم او درد مې درلود", "ps"),
        ("من خیلی درد داشتم و کسی نیامد", "prs"),
        ("ኣነ ብዙሕ ቃንዛ ነይሩኒ", "ti"),
        ("Я дуже втомилася після пологів", "uk"),
    ],
)
def test_letters_and_words_only_one_language_uses_decide_it(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("word", "languages"),
    [
        ("سلام", ("ur", "ar", "prs", "ps")),
        ("ستړي", ("ps",)),
        ("ہیلو", ("ur",)),
        ("নমস্কার", ("bn",)),
        ("ਹੈਲੋ", ("pa",)),
        ("નમસ્તે", ("gu",)),
        ("ሰላም", ("ti",)),
        ("Привіт", ("uk",)),
        ("Здравствуйте, ты", ()),
        ("hello", ()),
        ("👋", ()),
    ],
)
def test_a_word_too_short_to_tell_narrows_her_language_by_its_script(
    word: str, languages: tuple[str, ...]
) -> None:
    assert script_languages(word) == languages
