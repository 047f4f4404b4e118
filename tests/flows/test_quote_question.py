"""Her words in public only with her own yes, asked on its own at the end; one word takes it back."""

from __future__ import annotations

from flows.types import Answer, SubmitStory, WithdrawQuotes
from tests.flows.test_story_flow import Chat


def _to_the_quote_question(reply: str = "YES") -> Chat:
    chat = Chat().in_story()
    chat.send("The midwife held my hand all night.")
    for answer in ("DONE", "SKIP", "SKIP", "SKIP", reply):
        chat.send(answer)
    return chat


def test_after_the_reply_question_she_is_asked_separately_about_a_public_quote() -> None:
    chat = Chat().in_story()
    chat.send("The midwife held my hand all night.")
    for answer in ("DONE", "SKIP", "SKIP", "SKIP"):
        chat.send(answer)
    (question,) = chat.send("YES")
    assert "may we show a few of your words on our website" in question
    assert "We take out names" in question
    assert not any(isinstance(effect, SubmitStory) for effect in chat.effects), (
        "not finished before she answers"
    )


def test_yes_records_her_agreement_and_tells_her_the_word_that_takes_it_back() -> None:
    chat = _to_the_quote_question()
    (thanks,) = chat.send("yes")
    assert Answer("quote", "yes") in chat.effects
    assert "AV-TEST" in thanks and "within 3 working days" in thanks
    assert "send WITHDRAW" in thanks


def test_the_answer_defaults_to_no_and_a_no_is_never_asked_again() -> None:
    chat = _to_the_quote_question(reply="NO")
    (thanks,) = chat.send("no")
    assert Answer("quote", "no") in chat.effects
    assert "WITHDRAW" not in thanks and "AV-TEST" in thanks


def test_anything_else_at_the_question_is_a_short_hint_not_a_yes() -> None:
    chat = _to_the_quote_question()
    (again,) = chat.send("maybe later")
    assert again == "Sorry, please reply YES or NO."
    assert not any(isinstance(effect, Answer) and effect.field == "quote" for effect in chat.effects)


def test_withdraw_at_any_time_later_takes_her_words_down() -> None:
    chat = _to_the_quote_question()
    chat.send("yes")
    (done,) = chat.send("WITHDRAW")
    assert WithdrawQuotes() in chat.effects
    assert "We will not show any of your words" in done


def test_withdraw_is_honoured_even_after_stop_though_nothing_more_is_sent() -> None:
    chat = _to_the_quote_question()
    chat.send("yes")
    chat.send("STOP")
    assert chat.send("withdraw") == []
    assert WithdrawQuotes() in chat.effects
