"""The real deep-translator GoogleTranslator against a translate.google.com/m-shaped page on 127.0.0.1."""

from __future__ import annotations

import time

import pytest

from bot.clients.translators import DeepTranslatorTranslator, TranslationError
from tests.fakes.translate import PHRASEBOOK, FakeServer

REPLY_EN = PHRASEBOOK[1]["en"]


def test_reply_round_trip_through_google(google: FakeServer) -> None:
    translator = DeepTranslatorTranslator("google", url=google.url)

    to_her = translator.translate(REPLY_EN, "en", "ur")
    back = translator.translate(to_her, "ur", "en")

    assert to_her == PHRASEBOOK[1]["ur"]
    assert back == REPLY_EN
    first, second = google.requests
    assert first.method == "GET" and first.path.startswith("/m?")
    # Google's endpoint only takes the text in the URL: the reason it is not the NHS default.
    assert first.query == {"tl": ["ur"], "sl": ["en"], "q": [REPLY_EN]}
    assert second.query["sl"] == ["ur"] and second.query["tl"] == ["en"]


def test_dari_is_sent_to_google_as_persian(google: FakeServer) -> None:
    translator = DeepTranslatorTranslator("google", url=google.url)

    assert translator.translate(PHRASEBOOK[2]["fa"], "prs", "en") == PHRASEBOOK[2]["en"]
    assert google.requests[0].query["sl"] == ["fa"]


def test_long_text_is_split_under_googles_limit(google: FakeServer) -> None:
    story = "\n\n".join(f"Paragraph {i}. " + "I was scared and nobody explained. " * 40 for i in range(8))
    assert len(story) >= 10_000

    result = DeepTranslatorTranslator("google", url=google.url).translate(story.strip(), "pl", "en")

    sent = [r.query["q"][0] for r in google.requests]
    assert len(sent) >= 3
    assert all(len(q) < 5000 for q in sent)
    assert result.replace("[pl>en] ", "") == story.strip()


@pytest.mark.parametrize("status", [429, 503])
def test_google_rate_limit_and_outage_are_retryable(google: FakeServer, status: int) -> None:
    google.behaviour.status = status

    with pytest.raises(TranslationError) as caught:
        DeepTranslatorTranslator("google", url=google.url).translate(REPLY_EN, "en", "ur")

    assert caught.value.retryable is True
    assert REPLY_EN.split()[0] not in str(caught.value)


def test_slow_google_times_out_as_retryable(google: FakeServer) -> None:
    google.behaviour.delay = 5.0
    translator = DeepTranslatorTranslator("google", url=google.url, timeout=0.2)

    started = time.monotonic()
    with pytest.raises(TranslationError) as caught:
        translator.translate(REPLY_EN, "en", "ur")

    assert caught.value.retryable is True
    assert time.monotonic() - started < 2


def test_google_unreachable_is_retryable_and_does_not_leak_the_url(closed_port_url: str) -> None:
    with pytest.raises(TranslationError) as caught:
        DeepTranslatorTranslator("google", url=closed_port_url).translate(REPLY_EN, "en", "ur")

    assert caught.value.retryable is True
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert "Thank" not in str(caught.value)
