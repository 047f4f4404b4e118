"""The story conversation as she experiences it, tested without a server or a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from flows.catalog import render
from flows.story import FlowConfig, next_due, step, tick
from flows.types import (
    AddToStory,
    Answer,
    Erase,
    Inbound,
    MediaKind,
    OptIn,
    OptOut,
    Outcome,
    StartStory,
    SubmitStory,
)

CONFIG = FlowConfig(sites=("Medway Maritime Hospital", "Darent Valley Hospital"), languages=("en",))
T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


class Chat:
    """Her side of a conversation with the pure flow: what she sends, what she would read."""

    def __init__(self) -> None:
        self.state: dict[str, object] | None = None
        self.now = T0
        self.effects: list[object] = []

    def send(self, text: str, media: tuple[MediaKind, ...] = ()) -> list[str]:
        self.now += timedelta(minutes=1)
        outcome = step(self.state, Inbound(text, self.now, media), CONFIG)
        return self._take(outcome)

    def wait(self, delta: timedelta) -> list[str]:
        self.now += delta
        return self._take(tick(self.state, self.now, CONFIG))

    def _take(self, outcome: Outcome) -> list[str]:
        self.state = outcome.state
        self.effects.extend(outcome.effects)
        return [render("en", reply, {"code": "AV-TEST"}) for reply in outcome.replies]

    def in_story(self) -> Chat:
        self.send("Hello")
        self.send("yes")
        return self


def test_any_first_message_gets_a_warm_welcome_that_asks_to_start() -> None:
    (welcome,) = Chat().send("hi")
    assert "A real person reads it" in welcome
    assert "We remove names" in welcome
    assert "won't affect your care" in welcome
    assert "Send STOP any time" in welcome
    assert "Shall we start? Reply YES" in welcome


@pytest.mark.parametrize("answer", ["yes", "YES", "Y", "ok", "Okay.", "👍", "1", "start"])
def test_she_can_say_yes_in_the_ways_people_text(answer: str) -> None:
    chat = Chat()
    chat.send("Hello")
    (reply,) = chat.send(answer)
    assert reply.startswith("Tell us what happened, in your own words")


def test_story_messages_are_kept_quietly_until_she_says_done() -> None:
    chat = Chat().in_story()
    assert chat.send("It started on a Tuesday.") == []
    assert chat.send("Nobody came when I pressed the bell.") == []
    assert sum(isinstance(effect, AddToStory) for effect in chat.effects) == 2
    assert sum(isinstance(effect, StartStory) for effect in chat.effects) == 1
    (reply,) = chat.send("DONE")
    assert reply.startswith("Thank you for telling us.")
    assert "Which hospital or service was it?" in reply


def test_done_before_any_story_asks_gently_for_the_story() -> None:
    chat = Chat().in_story()
    (reply,) = chat.send("done")
    assert "no story from you yet" in reply


def test_a_long_first_answer_is_taken_as_her_story_not_refused() -> None:
    chat = Chat()
    chat.send("Hello")
    replies = chat.send("I want to tell you about the birth of my son last March")
    assert any(isinstance(effect, AddToStory) for effect in chat.effects)
    assert "Send DONE" in replies[-1]


def test_skip_to_every_question_ends_with_a_reference_code_and_what_happens_next() -> None:
    chat = Chat().in_story()
    chat.send("The midwife was kind but the ward was cold.")
    for answer in ("DONE", "SKIP", "SKIP", "SKIP"):
        assert chat.send(answer), f"no reply to {answer}"
    chat.send("yes")
    (thanks,) = chat.send("no")
    assert "AV-TEST" in thanks
    assert "within 3 working days" in thanks
    assert "111" in thanks
    assert any(isinstance(effect, SubmitStory) for effect in chat.effects)
    assert Answer("reply_wanted", "yes") in chat.effects


def test_skip_at_the_reply_question_still_ends_with_her_reference_code() -> None:
    chat = Chat().in_story()
    chat.send("story")
    for answer in ("DONE", "SKIP", "SKIP", "SKIP"):
        chat.send(answer)
    chat.send("SKIP")
    (thanks,) = chat.send("SKIP")
    assert "AV-TEST" in thanks
    assert "reply here" not in thanks
    assert Answer("reply_wanted", None) in chat.effects
    assert Answer("quote", "no") in chat.effects


def test_the_optional_questions_are_offered_and_one_skip_goes_to_the_end() -> None:
    chat = Chat().in_story()
    chat.send("story")
    chat.send("DONE")
    chat.send("SKIP")
    (offer,) = chat.send("SKIP")
    assert "optional" in offer
    (question,) = chat.send("SKIP")
    assert "Would you like a reply" in question


def test_she_is_asked_the_three_kent_and_medway_follow_ups_in_turn() -> None:
    chat = Chat().in_story()
    chat.send("story")
    chat.send("DONE")
    chat.send("SKIP")
    chat.send("SKIP")
    assert "What went well?" in chat.send("yes")[0]
    assert "What could have been better?" in chat.send("The midwife held my hand")[0]
    assert "cultural, faith or family traditions" in chat.send("SKIP")[0]
    chat.send("We pray five times a day")
    assert Answer("well", "The midwife held my hand") in chat.effects
    assert Answer("better", None) in chat.effects
    assert Answer("culture", "We pray five times a day") in chat.effects


def _to_site_question(chat: Chat) -> list[str]:
    chat.send("story")
    return chat.send("DONE")


def test_the_hospital_is_chosen_from_a_numbered_list_with_other() -> None:
    chat = Chat().in_story()
    (question,) = _to_site_question(chat)
    assert "1 Medway Maritime Hospital" in question
    assert "3 Other" in question
    chat.send("2")
    assert Answer("site", "Darent Valley Hospital") in chat.effects


def test_other_hospital_asks_for_its_name() -> None:
    chat = Chat().in_story()
    _to_site_question(chat)
    (ask,) = chat.send("3")
    assert "name of the hospital" in ask
    chat.send("St Elsewhere birth centre")
    assert Answer("site", "Other: St Elsewhere birth centre") in chat.effects


def test_a_wrong_answer_at_a_menu_gets_a_one_line_hint_not_the_whole_menu_again() -> None:
    chat = Chat().in_story()
    _to_site_question(chat)
    (reply,) = chat.send("banana")
    assert reply == "Sorry, please reply with a number from 1 to 3."
    chat.send("1")
    assert Answer("site", "Medway Maritime Hospital") in chat.effects


def test_a_full_postcode_keeps_only_the_district() -> None:
    chat = Chat().in_story()
    _to_site_question(chat)
    chat.send("1")
    chat.send("May 2025")
    chat.send("YES")  # the optional questions
    for _ in range(3):
        chat.send("SKIP")
    chat.send("2")  # ethnic group
    chat.send("3")  # age band
    chat.send("me7 5ny")
    assert Answer("postcode", "ME7") in chat.effects
    assert not any("5NY" in str(effect) for effect in chat.effects)


def test_one_skip_skips_the_whole_about_you_block() -> None:
    chat = Chat().in_story()
    _to_site_question(chat)
    chat.send("1")
    chat.send("SKIP")
    chat.send("YES")
    chat.send("SKIP")
    chat.send("SKIP")
    (about,) = chat.send("SKIP")
    assert "so we can check we hear from everyone" in about
    (reply_question,) = chat.send("SKIP")
    assert "Would you like a reply" in reply_question


def test_a_woman_who_texts_stop_mid_story_gets_nothing_more_until_start() -> None:
    chat = Chat().in_story()
    chat.send("It was a long night")
    (confirm,) = chat.send("STOP")
    assert "no more messages" in confirm
    assert OptOut() in chat.effects
    assert chat.send("hello?") == []
    assert chat.send("DONE") == []
    assert chat.wait(timedelta(days=2)) == []
    back = chat.send("START")
    assert OptIn() in chat.effects
    assert back[0].startswith("Welcome back.")


def test_stop_inside_a_sentence_is_part_of_her_story() -> None:
    chat = Chat().in_story()
    assert chat.send("I asked them to stop and they did not") == []
    assert OptOut() not in chat.effects


def test_delete_asks_first_and_then_erases_everything() -> None:
    chat = Chat().in_story()
    chat.send("my story")
    (ask,) = chat.send("DELETE")
    assert "delete everything" in ask
    (done,) = chat.send("yes")
    assert Erase() in chat.effects
    assert "deleted" in done


def test_no_to_delete_returns_her_to_where_she_was() -> None:
    chat = Chat().in_story()
    chat.send("my story")
    chat.send("DELETE")
    (kept,) = chat.send("no")
    assert kept.startswith("OK, we have kept it.")
    assert "Send DONE" in kept
    assert Erase() not in chat.effects


def test_new_keeps_the_story_so_far_and_starts_another() -> None:
    chat = Chat().in_story()
    chat.send("first story")
    (reply,) = chat.send("NEW")
    assert SubmitStory("new") in chat.effects
    assert "kept your last story, AV-TEST" in reply
    chat.send("second story")
    assert sum(isinstance(effect, StartStory) for effect in chat.effects) == 2


def test_help_says_what_to_do_and_repeats_where_she_is() -> None:
    chat = Chat().in_story()
    (reply,) = chat.send("help")
    assert "STOP" in reply and "DELETE" in reply
    assert "999" in reply
    assert "Send DONE when you have finished." in reply


def test_language_shows_a_menu_and_returns_to_her_place() -> None:
    chat = Chat().in_story()
    (menu,) = chat.send("LANGUAGE")
    assert "1 English" in menu
    (back,) = chat.send("1")
    assert "Tell us what happened" in back


def test_a_voice_note_is_kept_and_thanked() -> None:
    chat = Chat().in_story()
    (reply,) = chat.send("", (MediaKind.AUDIO,))
    assert "we have your voice note" in reply
    assert AddToStory() in chat.effects


def test_an_empty_message_gets_a_kind_answer() -> None:
    chat = Chat().in_story()
    (reply,) = chat.send("   ")
    assert "empty" in reply


def test_emoji_and_right_to_left_text_are_kept_as_her_words() -> None:
    chat = Chat().in_story()
    assert chat.send("😢😢😢") == []
    assert chat.send("لم يستمع إلي أحد") == []
    assert sum(isinstance(effect, AddToStory) for effect in chat.effects) == 2


def test_a_quiet_storyteller_is_nudged_once_then_her_story_is_kept_after_a_day() -> None:
    chat = Chat().in_story()
    chat.send("part of my story")
    assert chat.wait(timedelta(minutes=10)) == []
    (nudge,) = chat.wait(timedelta(minutes=25))
    assert "Shall I send your story as it is?" in nudge
    assert chat.wait(timedelta(hours=1)) == []
    (kept,) = chat.wait(timedelta(hours=24))
    assert "kept what you sent as your story" in kept
    assert SubmitStory("timeout") in chat.effects
    assert chat.wait(timedelta(days=3)) == []
    assert next_due(chat.state, CONFIG) is None


def test_no_nudge_before_she_has_told_anything() -> None:
    chat = Chat().in_story()
    assert next_due(chat.state, CONFIG) is None
    assert chat.wait(timedelta(hours=30)) == []
