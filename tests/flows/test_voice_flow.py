"""A phone call as she hears it, without a server: a menu of languages each in its own voice, the chat's
promise spoken, two keypad questions that default to no, then the tone."""

from __future__ import annotations

from flows import voice
from flows.catalog import render_message
from flows.story import FlowConfig
from flows.types import Answer, Call, SubmitStory

LANGUAGES = ("en", "ur", "pl")


def heard(turn: voice.Turn) -> list[str]:
    return [render_message(part.lang, part.message, {}) for part in turn.spoken]


def test_the_call_opens_with_each_language_named_in_its_own_words() -> None:
    turn = voice.answer("menu", "", None, 0, LANGUAGES, can_reply=True)
    assert heard(turn) == ["For English, press 1.", "اردو کے لیے 2 دبائیں۔", "Po polsku, naciśnij 3."]
    assert [part.lang for part in turn.spoken] == list(LANGUAGES)
    assert (turn.then, turn.step) == ("listen", "language")


def test_her_key_chooses_the_language_of_everything_after_it() -> None:
    turn = voice.answer("language", "2", None, 0, LANGUAGES, can_reply=True)
    assert turn.call == Call("ur") and turn.step == "consent"
    assert all(part.lang == "ur" for part in turn.spoken)
    assert "allvoices" in heard(turn)[0]


def test_pressing_1_to_the_promise_leads_to_the_questions_then_the_tone() -> None:
    turn = voice.answer("consent", "1", Call("en"), 0, LANGUAGES, can_reply=True)
    assert "reply" in heard(turn)[0] and turn.step == "reply"
    turn = voice.answer("reply", "1", turn.call, 0, LANGUAGES, can_reply=True)
    assert "website" in heard(turn)[0] and turn.call == Call("en", reply_wanted=True)
    turn = voice.answer("quote", "", turn.call, 0, LANGUAGES, can_reply=True)
    assert turn.then == "record" and turn.step == "recorded"
    assert turn.call == Call("en", reply_wanted=True, quote=False), "no key is no"
    assert "after the tone" in heard(turn)[0]


def test_a_withheld_number_is_not_asked_about_a_reply() -> None:
    turn = voice.answer("consent", "1", Call("en"), 0, LANGUAGES, can_reply=False)
    assert turn.step == "quote"


def test_a_wrong_key_is_kindly_repeated_once_then_the_call_ends() -> None:
    again = voice.answer("consent", "7", Call("en"), 0, LANGUAGES, can_reply=True)
    assert heard(again)[0] == "Sorry, I did not catch that." and again.tries == 1
    goodbye = voice.answer("consent", "7", Call("en"), again.tries, LANGUAGES, can_reply=True)
    assert goodbye.then == "hang_up" and "call again" in heard(goodbye)[0]


def test_the_recorded_call_becomes_a_finished_story_and_a_text_only_if_she_asked() -> None:
    config = FlowConfig(sites=(), languages=LANGUAGES)
    quiet = voice.recorded(None, Call("ur", reply_wanted=False, quote=True), config)
    assert quiet.replies == ()
    assert Answer("quote", "yes") in quiet.effects and SubmitStory("call") in quiet.effects
    assert quiet.state["lang"] == "ur"
    texted = voice.recorded(None, Call("en", reply_wanted=True), config)
    (reply,) = texted.replies
    assert [part.key for part in reply.parts] == ["call.sms", "help.now"]
