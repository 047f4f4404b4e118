"""Plain SMS costs money per segment: the whole English story path stays within 9 segments.

Nine since she is asked, on its own, whether a few of her words may be shown publicly (issue 18).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.config import DEFAULT_SITES
from channels.sms import segments
from flows.catalog import available_languages, entries, render
from flows.story import FlowConfig, step
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
