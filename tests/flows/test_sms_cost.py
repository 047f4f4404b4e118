"""Plain SMS costs money per segment: the whole English story path stays within 9 segments.

Nine since she is asked, on its own, whether a few of her words may be shown publicly (issue 18). From
a one-word greeting ("Hello", "سلام", "Cześć"), where her language is less sure, English stays within
10 and every other language within 16 (issue 12).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.chat.language import detect_language, script_languages
from bot.config import DEFAULT_SITES
from channels.sms import gsm_septets, segments
from flows import story as story_flow
from flows.catalog import DEFAULT, available_languages, entries, render
from flows.safeguarding import Assessment, Level
from flows.story import EARLY, FlowConfig, step
from flows.types import Inbound

CONFIG = FlowConfig(sites=DEFAULT_SITES, languages=available_languages())
MAX_ENGLISH_SEGMENTS = 9


def _english_path() -> list[str]:
    state: dict[str, object] | None = None
    now = datetime(2026, 11, 24, 9, tzinfo=UTC)
    sent: list[str] = []
    path = [
        ("Hello, I want to tell you about my birth", "en"),
        ("yes", None),
        ("I was left alone for hours and nobody explained anything.", None),
        ("DONE", None),
        ("SKIP", None),
        ("SKIP", None),
        ("SKIP", None),
        ("YES", None),
        ("NO", None),
    ]
    for text, lang in path:
        now += timedelta(minutes=1)
        outcome = step(state, Inbound(text, now, detected_lang=lang), CONFIG)
        state = outcome.state
        sent.extend(render("en", reply, {"code": "AV-7KQ2"}) for reply in outcome.replies)
    return sent


def test_the_whole_english_story_path_costs_no_more_than_nine_segments() -> None:
    sent = _english_path()
    print("\nsegments  message")
    for message in sent:
        print(f"{segments(message):>8}  {message.splitlines()[0][:70]}")
    total = sum(segments(message) for message in sent)
    print(f"{total:>8}  in all, with the {len(DEFAULT_SITES)} default hospitals listed")
    assert total <= MAX_ENGLISH_SEGMENTS


def test_every_english_prompt_is_costed_and_fits_plain_gsm_alphabet() -> None:
    for key, entry in entries("en").items():
        if key.startswith("words."):
            continue
        assert segments(entry.text) <= 2, key
        assert entry.text.encode("gsm03.38"), key


# ---- from a one-word greeting, in every language ------------------------------------------------

#: what one whole story may cost by SMS from a one-word greeting, six hospitals listed
MAX_FROM_A_GREETING = {DEFAULT: 10} | {code: 16 for code in CONFIG.languages if code != DEFAULT}
#: the greeting a woman is likeliest to send first; Urdu, Pashto and Dari share "salaam" with Arabic
GREETING = {
    "en": "Hello",
    "ur": "سلام",
    "bn": "নমস্কার",
    "pa": "ਹੈਲੋ",
    "gu": "નમસ્તે",
    "pl": "Cześć",
    "ro": "Bună",
    "ar": "سلام",
    "so": "Salaan",
    "pt": "Olá",
    "ps": "سلام",
    "prs": "سلام",
    "ti": "ሰላም",
    "uk": "Привіт",
}


def _from_a_greeting(lang: str) -> list[str]:
    """Her whole story from one greeting word, as the application would run it: the language it can
    tell from her words (``detect_language``), else the languages her script is written in."""
    state: dict[str, object] = {}
    now = datetime(2026, 11, 24, 9, tzinfo=UTC)
    sent: list[str] = []
    yes = entries(lang)["words.yes"].text.split(",")[0]
    story = "The midwife was kind but the ward was cold."
    for text in (GREETING[lang], "PICK", yes, story, "DONE", "SKIP", "SKIP", "SKIP", "YES", "NO"):
        if text == "PICK":
            if not state.get("menu_only"):
                continue
            text = str(list(state["offered"]).index(lang) + 1)  # type: ignore[call-overload]
        now += timedelta(minutes=1)
        early = state.get("step", "new") in EARLY
        detected = detect_language(text) if early else None
        guessed = script_languages(text) if state.get("step", "new") == "new" and detected is None else ()
        outcome = step(state, Inbound(text, now, detected_lang=detected, languages=guessed), CONFIG)
        state = outcome.state
        sent.extend(render(str(state["lang"]), reply, {"code": "AV-7KQ2"}) for reply in outcome.replies)
    return sent


def test_from_a_one_word_greeting_a_whole_story_costs_at_most_10_segments_in_english_16_in_any_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Prints the table with ``pytest -s``: segments per message, GSM-7 or UCS-2, for every language."""
    calm = Assessment(Level.CALM, frozenset(), frozenset(), 0.0, model_alarm=False)
    monkeypatch.setattr(story_flow, "assess", lambda text: calm)  # cost, not risk, is measured here
    print(f"\nlanguage  segments  per message (u = UCS-2), {len(DEFAULT_SITES)} hospitals listed")
    over = {}
    for lang in CONFIG.languages:
        sent = _from_a_greeting(lang)
        assert entries(lang)["thanks.reply"].text.split("{")[0] in sent[-1], f"{lang}: no thanks at the end"
        total = sum(segments(message) for message in sent)
        shown = " ".join(f"{segments(m)}{'' if gsm_septets(m) is not None else 'u'}" for m in sent)
        print(f"{lang:<9} {total:>3} / {MAX_FROM_A_GREETING[lang]:<3}  {shown}")
        if total > MAX_FROM_A_GREETING[lang]:
            over[lang] = total
    assert not over
