"""Her first words set the language of everything she reads, through the real inbound path and outbox."""

from __future__ import annotations

import pytest

from bot.services import Services
from flows.catalog import text
from tests.helpers import say
from tests.samples import SAMPLES

OPENINGS = {
    "pl": "Witam, miałam trudny poród i chcę o tym napisać",
    "ro": "Bună ziua, am avut o naștere grea și vreau să vă povestesc",
    "pt": "Olá, tive um parto muito difícil e quero contar o que aconteceu",
    "uk": "Добрий день, у мене були важкі пологи і я хочу про це розповісти",
    "en": "Hello, I had a difficult birth and I would like to tell you about it",
}


@pytest.mark.parametrize("lang", sorted({*OPENINGS, *SAMPLES}))
def test_her_first_message_gets_the_welcome_in_her_language(services: Services, lang: str) -> None:
    opening = OPENINGS.get(lang) or SAMPLES[lang][0]
    (welcome,) = say(services, opening)
    assert welcome.startswith(text(lang, "welcome"))
    assert text(lang, "consent.ask") in welcome


def test_a_first_message_with_nothing_to_go_on_gets_every_language_apart_and_a_number_switches(
    services: Services,
) -> None:
    welcome, menu = say(services, "👋")
    assert welcome.startswith(text("en", "welcome"))
    assert "Or choose your language:" in menu
    assert "2 اردو" in menu
    (urdu,) = say(services, "2")
    assert urdu.startswith(text("ur", "welcome"))
    (story,) = say(services, "ہاں")
    assert story.startswith(text("ur", "story.ask"))  # then the line saying where to get help now


def test_hi_gets_the_english_welcome_and_language_shows_every_language(services: Services) -> None:
    (welcome,) = say(services, "hi")
    assert welcome.endswith(text("en", "language.more"))
    (menu,) = say(services, "LANGUAGE")
    assert "2 اردو" in menu


@pytest.mark.parametrize("word", ["STOP", "zatrzymaj"])
def test_stop_in_polish_or_english_silences_her(services: Services, word: str) -> None:
    say(services, OPENINGS["pl"])
    (stopped,) = say(services, word)
    assert stopped == text("pl", "stopped")
    assert say(services, "Czy ktoś tam jest?") == []
