"""Her first words: whatever language she greets us in, however she answers, she is understood.

The flow is given what the application would give it: the language it detected in a sentence
(``detect_language``) or, for a word too short to tell, the languages its script is written in
(``script_languages``) or her champion group's languages.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.chat.language import detect_language, script_languages
from channels.sms import segments
from flows import story
from flows.catalog import DEFAULT, available_languages, entries, render
from flows.languages import BY_CODE
from flows.safeguarding import Assessment, Level
from flows.story import FlowConfig, step
from flows.types import Answer, Attribute, Erase, Inbound, OptOut, Outcome, SetLanguage

SITES = ("Medway Maritime Hospital", "Darent Valley Hospital")
CONFIG = FlowConfig(sites=SITES, languages=available_languages())
TRANSLATED = tuple(code for code in available_languages() if code != DEFAULT)
T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
#: a greeting only one of our languages uses, as she would type it
OWN_GREETING = {
    "en": "Hello",
    "bn": "নমস্কার",
    "pa": "ਸਤ ਸ੍ਰੀ ਅਕਾਲ",
    "gu": "નમસ્તે",
    "pl": "Cześć",
    "ro": "Bună",
    "ar": "مرحبا",
    "so": "Salaan",
    "pt": "Olá",
    "ti": "ሰላም",
    "uk": "Привіт",
}


@pytest.fixture(autouse=True)
def calm(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about words, not risk (``test_safeguarding_flow`` reads risk for real): every
    message reads calm, so the embedding model's seconds a message are not spent on hellos."""
    calm = Assessment(Level.CALM, frozenset(), frozenset(), 0.0, model_alarm=False)
    monkeypatch.setattr(story, "assess", lambda text: calm)


class Chat:
    """Her side of the conversation; what she reads is rendered in the language the flow chose."""

    def __init__(self, languages: tuple[str, ...] = (), code: str | None = None) -> None:
        self.state: dict[str, object] | None = None
        self.now = T0
        self.effects: list[object] = []
        self.languages = languages
        self.code = code

    @property
    def lang(self) -> str:
        return str((self.state or {}).get("lang", DEFAULT))

    def send(self, text: str) -> list[str]:
        self.now += timedelta(minutes=1)
        first = (self.state or {}).get("step", "new") == "new"
        early = (self.state or {}).get("step", "new") in ("new", "consent")
        detected = detect_language(text) if early else None
        guessed = (self.languages or script_languages(text)) if first and detected is None else ()
        inbound = Inbound(
            text,
            self.now,
            detected_lang=detected,
            start_code=self.code if first else None,
            languages=guessed,
        )
        outcome = step(self.state, inbound, CONFIG)
        return self._take(outcome)

    def _take(self, outcome: Outcome) -> list[str]:
        self.state = outcome.state
        self.effects.extend(outcome.effects)
        return [render(self.lang, reply, {"code": "AV-TEST"}) for reply in outcome.replies]


def word(lang: str, command: str) -> str:
    return entries(lang)[f"words.{command}"].text.split(",")[0].strip()


def welcome(lang: str) -> str:
    return entries(lang)["welcome"].text


# ---- she greets us in her own language ---------------------------------------------------------


@pytest.mark.parametrize("lang", sorted(OWN_GREETING))
def test_a_greeting_in_her_own_language_is_answered_in_it(lang: str) -> None:
    chat = Chat()
    (reply,) = chat.send(OWN_GREETING[lang])
    assert reply.startswith(welcome(lang))
    assert chat.lang == lang


def test_hello_gets_the_english_welcome_with_the_way_to_another_language_in_one_word() -> None:
    (reply,) = Chat().send("hello")
    assert reply.startswith(welcome(DEFAULT))
    assert reply.endswith("Another language? Reply LANGUAGE")
    assert segments(reply) <= 2


def test_salaam_offers_the_few_languages_that_say_it_each_in_its_own_words() -> None:
    chat = Chat()
    (menu,) = chat.send("سلام")
    lines = menu.splitlines()
    assert [line.split(":")[0] for line in lines] == ["اردو", "العربية", "دری", "پښتو", "English"]
    assert segments(menu) == 1
    assert welcome("ur") not in menu and welcome(DEFAULT) not in menu
    (greeted,) = chat.send("3")
    assert greeted.startswith(welcome("prs"))
    assert SetLanguage("prs") in chat.effects


def test_yes_to_the_short_menu_asks_for_a_number_in_one_line() -> None:
    chat = Chat()
    chat.send("salaam")
    (hint,) = chat.send("yes")
    assert "\n" not in hint and "1" in hint
    assert chat.state is not None and chat.state["step"] == "consent"


def test_an_emoji_gets_the_english_welcome_and_every_language_in_a_message_of_its_own() -> None:
    chat = Chat()
    greeting, menu = chat.send("👋")
    assert greeting.startswith(welcome(DEFAULT))
    assert segments(greeting) == 1
    for code in available_languages():
        assert BY_CODE[code].native_name in menu
    (urdu,) = chat.send("2")
    assert urdu.startswith(welcome("ur"))


def test_after_the_english_welcome_one_number_still_chooses_english() -> None:
    chat = Chat()
    chat.send("👋")
    (reply,) = chat.send("1")
    assert reply.startswith("Tell us what happened")


# ---- a champion's poster ---------------------------------------------------------------------


def test_a_somali_poster_offers_somali_first_not_the_english_welcome() -> None:
    chat = Chat(languages=("so",), code="MEDWAY-SOM")
    (menu,) = chat.send("HELLO MEDWAY-SOM")
    assert menu.splitlines() == ["Soomaali: 1", "English: 2"]
    assert Attribute("MEDWAY-SOM") in chat.effects
    (greeted,) = chat.send("1")
    assert greeted.startswith(welcome("so"))
    assert chat.lang == "so"


def test_a_group_of_several_languages_is_offered_those_in_its_order() -> None:
    chat = Chat(languages=("ur", "bn", "pa"), code="GRAVESEND-MUMS")
    (menu,) = chat.send("HELLO GRAVESEND-MUMS")
    assert [line.split(":")[0] for line in menu.splitlines()] == ["اردو", "বাংলা", "ਪੰਜਾਬੀ", "English"]
    (greeted,) = chat.send("2")
    assert greeted.startswith(welcome("bn"))


def test_her_own_greeting_on_a_group_poster_settles_which_of_its_languages() -> None:
    chat = Chat(languages=("ar", "so"), code="MEDWAY-SOM")
    (greeted,) = chat.send("Salaan MEDWAY-SOM")
    assert greeted.startswith(welcome("so"))
    assert Attribute("MEDWAY-SOM") in chat.effects


# ---- her own command words before we know her language ----------------------------------------


@pytest.mark.parametrize("lang", TRANSLATED)
def test_her_own_stop_as_her_first_word_stops_everything(lang: str) -> None:
    chat = Chat()
    chat.send(word(lang, "stop"))
    assert OptOut() in chat.effects
    assert chat.send("hello?") == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_her_own_stop_after_the_english_welcome_is_understood(lang: str) -> None:
    chat = Chat()
    chat.send("👋")
    (stopped,) = chat.send(word(lang, "stop"))
    assert OptOut() in chat.effects
    assert stopped


@pytest.mark.parametrize("lang", TRANSLATED)
def test_her_own_help_and_delete_work_before_her_language_is_known(lang: str) -> None:
    chat = Chat()
    chat.send("👋")
    (helped,) = chat.send(word(lang, "help"))
    assert "999" in helped
    (asked,) = chat.send(word(lang, "delete"))
    assert chat.state is not None and chat.state["step"] == "confirm_delete"
    assert asked


def test_a_command_word_only_one_language_uses_answers_in_that_language() -> None:
    chat = Chat()
    chat.send("👋")
    (reply,) = chat.send("ہاں")
    assert chat.lang == "ur"
    assert reply.startswith(entries("ur")["story.ask"].text)


def test_language_from_the_short_menu_shows_every_language_then_welcomes_her_in_hers() -> None:
    chat = Chat()
    chat.send("salaam")
    (menu,) = chat.send("LANGUAGE")
    assert BY_CODE["ti"].native_name in menu
    (greeted,) = chat.send(str(CONFIG.languages.index("ti") + 1))
    assert greeted.startswith(welcome("ti"))
    (story_ask,) = chat.send(word("ti", "yes"))
    assert story_ask.startswith(entries("ti")["story.ask"].text)


def test_her_own_yes_after_her_own_delete_before_she_started_is_understood() -> None:
    chat = Chat()
    chat.send("👋")
    chat.send("حذف")  # Arabic and Dari both: her language is still unknown
    (done,) = chat.send("نعم")
    assert Erase() in chat.effects
    assert done


# ---- "no" at "shall we start?" ---------------------------------------------------------------


@pytest.mark.parametrize("answer", ["no", "No thanks", "no thank you", "NO.", "nope"])
def test_a_woman_who_texts_no_thanks_at_the_start_gets_a_kind_goodbye_and_nothing_is_kept(
    answer: str,
) -> None:
    chat = Chat()
    chat.send("Hello")
    (goodbye,) = chat.send(answer)
    assert Erase("declined") in chat.effects
    assert "not kept anything" in goodbye
    assert "text us again any time" in goodbye
    assert chat.state is not None and chat.state["step"] == "new"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_in_her_own_language_at_the_start_ends_kindly_in_her_language(lang: str) -> None:
    chat = Chat()
    chat.send(OWN_GREETING.get(lang, "salaam"))
    if chat.lang != lang:  # her greeting is shared: she picks her language from the short menu
        offered = list(chat.state["offered"]) if chat.state else []  # type: ignore[call-overload]
        chat.send(str(offered.index(lang) + 1))
    assert chat.lang == lang
    (goodbye,) = chat.send(word(lang, "no"))
    assert Erase("declined") in chat.effects
    assert goodbye == entries(lang)["consent.no"].text


def test_no_as_her_very_first_word_is_not_yet_a_goodbye_she_has_not_been_asked() -> None:
    chat = Chat()
    replies = chat.send("no")
    assert replies[0].startswith(welcome(DEFAULT))
    assert not any(isinstance(effect, Erase) for effect in chat.effects)


def test_a_no_inside_a_long_first_answer_is_her_story_not_a_goodbye() -> None:
    chat = Chat()
    chat.send("Hello")
    assert chat.send("no one came when I rang the bell at night")
    assert not any(isinstance(effect, Erase) for effect in chat.effects)


# ---- answers as people write them --------------------------------------------------------------


def _at(question: str) -> Chat:
    chat = Chat()
    for text in ("Hello", "yes", "story", "DONE", "1", "SKIP", "YES", "SKIP", "SKIP", "SKIP", "2"):
        chat.send(text)
    assert chat.state is not None and chat.state["step"] == "age"
    if question == "postcode":
        chat.send("3")
    return chat


@pytest.mark.parametrize(
    ("answer", "band"),
    [
        ("32", "30to34"),
        ("30-34", "30to34"),
        ("30 to 34", "30to34"),
        ("thirty two", "30to34"),
        ("Thirty-two", "30to34"),
        ("I'm 32", "30to34"),
        ("٣٢", "30to34"),
        ("19", "under20"),
        ("twenty", "20to24"),
        ("45", "40plus"),
        ("3", "25to29"),  # the menu's own number still means what the menu says
        ("7", None),  # rather not say
    ],
)
def test_her_age_is_taken_as_she_writes_it(answer: str, band: str | None) -> None:
    chat = _at("age")
    (question,) = chat.send(answer)
    assert Answer("age", band) in chat.effects
    assert "postcode" in question


@pytest.mark.parametrize("answer", ["25-34", "9", "130", "banana"])
def test_an_age_we_cannot_place_gets_a_one_line_hint(answer: str) -> None:
    chat = _at("age")
    (hint,) = chat.send(answer)
    assert hint == "Sorry, please reply with your age, or a number from 1 to 7."
    assert not any(isinstance(effect, Answer) and effect.field == "age" for effect in chat.effects)


@pytest.mark.parametrize("answer", ["ME7 4", "me7", "ME7 4NY", "me74ny", "ME7.", " me7 4n "])
def test_a_partial_postcode_is_reduced_to_its_district(answer: str) -> None:
    chat = _at("postcode")
    chat.send(answer)
    assert Answer("postcode", "ME7") in chat.effects


def test_a_postcode_we_cannot_read_gets_a_one_line_hint() -> None:
    chat = _at("postcode")
    (hint,) = chat.send("near the station")
    assert hint == "Sorry, please send the first part of your postcode, like ME7, or 0."


# ---- a wrong answer gets a short hint in her language --------------------------------------------


@pytest.mark.parametrize("lang", available_languages())
def test_a_wrong_answer_gets_one_short_line_in_her_language_not_the_menu(lang: str) -> None:
    chat = Chat()
    chat.send("Hello, I want to tell you about my birth")
    chat.state = {**(chat.state or {}), "lang": lang}
    for text in ("yes", "story", "DONE"):
        chat.send(text)
    (hint,) = chat.send("🤷")
    assert "\n" not in hint
    assert SITES[0] not in hint
    assert hint == render(lang, step(chat.state, Inbound("🤷", chat.now), CONFIG).replies[0])
    assert segments(hint) == 1
    if lang != DEFAULT:
        assert "Sorry" not in hint
