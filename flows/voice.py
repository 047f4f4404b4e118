"""A phone call, step by step: choose a language, hear the same promise as in the chat, answer two
questions with the keypad, then tell her story after the tone.

Pure, like ``flows/story.py``: `answer` says what to say next and what to listen for; `recorded` turns the
finished call into a story for the application, like her last chat message does. Every word is a catalog
entry, so the call speaks the chat's plain words in her language. The call keeps no state of its own:
what she chose so far travels with the next step (`Call`).

The two questions (a reply by text? a few words on the website?) come *before* the recording, not after:
many callers hang up the moment they have finished, so her answers must already be known when the
recording arrives. Both default to no, and a caller whose number is withheld is not asked about a reply,
for there is nowhere to send one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from flows.story import FlowConfig, State
from flows.types import (
    AddToStory,
    Answer,
    Call,
    Message,
    Outcome,
    Reply,
    SetLanguage,
    StartStory,
    SubmitStory,
    msg,
)

MENU = "menu"
LANGUAGE = "language"
CONSENT = "consent"
REPLY = "reply"
QUOTE = "quote"
RECORDED = "recorded"
#: the key for yes (and for "start"); any other key, or none, is no
YES = "1"
#: a menu or the promise is said this many times before the call ends kindly
TRIES = 2
#: keys 1 to 9 and then 0: one key per language
MENU_KEYS = "1234567890"


@dataclass(frozen=True)
class Spoken:
    lang: str
    message: Message


@dataclass(frozen=True)
class Turn:
    """What to say now, and what happens next: a key press, a recording, or goodbye."""

    spoken: tuple[Spoken, ...]
    then: Literal["listen", "record", "hang_up"]
    step: str | None = None  # where her key press, or her recording, goes
    call: Call | None = None  # what she has chosen so far, carried there
    tries: int = 0
    #: said after the tone when she records nothing at all
    otherwise: tuple[Spoken, ...] = ()


def menu_keys(languages: tuple[str, ...]) -> dict[str, str]:
    """Which key chooses which language: the first ten languages that can be spoken."""
    return dict(zip(MENU_KEYS, languages, strict=False))


def answer(
    step: str,
    digits: str,
    call: Call | None,
    tries: int,
    languages: tuple[str, ...],
    can_reply: bool,
    recording: bool = False,
) -> Turn:
    """The next thing to say in the call, from the step she is at and the key she pressed."""
    if step == LANGUAGE:
        chosen = menu_keys(languages).get(digits.strip()[:1])
        if chosen is None:
            return _again(_menu(languages, tries + 1), languages[0] if languages else "en", tries)
        return _consent(Call(chosen), 0)
    if call is None or step not in (CONSENT, REPLY, QUOTE, RECORDED):
        return _menu(languages, 0)
    if step == CONSENT:
        if digits.strip() != YES:
            return _again(_consent(call, tries + 1), call.lang, tries)
        return _reply_question(call) if can_reply else _quote_question(call)
    if step == REPLY:
        return _quote_question(replace(call, reply_wanted=digits.strip() == YES))
    if step == QUOTE:
        return _record(replace(call, quote=digits.strip() == YES))
    said = (msg("call.thanks"), msg("help.now")) if recording else (msg("call.nothing"),)
    return Turn(tuple(Spoken(call.lang, part) for part in said), "hang_up", call=call)


def _menu(languages: tuple[str, ...], tries: int) -> Turn:
    """Each language named in its own voice: "For English, press 1", "اردو کے لیے 2 دبائیں" ..."""
    keys = menu_keys(languages)
    if len(keys) == 1:
        return _consent(Call(next(iter(keys.values()))), tries)
    options = tuple(Spoken(lang, msg("call.language", number=key)) for key, lang in keys.items())
    return Turn(options, "listen", LANGUAGE, tries=tries)


def _consent(call: Call, tries: int) -> Turn:
    """The chat's promise, spoken: who we are, a real person listens, names out, her care untouched."""
    said = (Spoken(call.lang, msg("call.welcome")), Spoken(call.lang, msg("call.start")))
    return Turn(said, "listen", CONSENT, call, tries)


def _again(turn: Turn, lang: str, tries: int) -> Turn:
    """A kind repeat; after that, a goodbye rather than a call that never ends."""
    if tries + 1 >= TRIES:
        return Turn((Spoken(lang, msg("call.nothing")),), "hang_up")
    return replace(turn, spoken=(Spoken(lang, msg("not_understood")), *turn.spoken))


def _reply_question(call: Call) -> Turn:
    return Turn((Spoken(call.lang, msg("call.reply")),), "listen", REPLY, call)


def _quote_question(call: Call) -> Turn:
    return Turn((Spoken(call.lang, msg("call.quote")),), "listen", QUOTE, call)


def _record(call: Call) -> Turn:
    nothing = (Spoken(call.lang, msg("call.nothing")),)
    return Turn((Spoken(call.lang, msg("call.record")),), "record", RECORDED, call, otherwise=nothing)


def recorded(data: dict[str, object] | None, call: Call, config: FlowConfig) -> Outcome:
    """Her call, recorded: a story of its own in the language she chose, told and finished at once.

    She is texted (her reference code, what happens next) only if she asked for a reply: the phone she
    called from may not be hers alone. Her chat, if she has one, stays where it was, now in this language.
    """
    state = replace(State.load(data), lang=call.lang)
    effects = (
        StartStory(),
        SetLanguage(call.lang),
        AddToStory(),
        Answer("reply_wanted", "yes" if call.reply_wanted else "no"),
        Answer("quote", "yes" if call.quote else "no"),
        SubmitStory("call"),
    )
    if not call.reply_wanted:
        return Outcome(state.dump(), (), effects)
    parts = (
        msg("call.sms", days=str(config.reply_days)),
        *((msg("quote.thanks"),) if call.quote else ()),
        msg("help.now"),
    )
    return Outcome(state.dump(), (Reply(parts),), effects)
