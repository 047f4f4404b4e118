"""LibreTranslate client against a LibreTranslate-shaped server on 127.0.0.1."""

from __future__ import annotations

import logging
import time
from urllib.parse import quote

import pytest

from bot.clients.translators import LibreTranslateTranslator, TranslationError
from tests.fakes.translate import PHRASEBOOK, FakeServer

STORY_UR = PHRASEBOOK[0]["ur"]
REPLY_EN = PHRASEBOOK[1]["en"]


def long_story(chars: int = 10_000) -> str:
    paragraphs: list[str] = []
    sentences: list[str] = []
    i = 0
    while sum(map(len, paragraphs)) + sum(map(len, sentences)) < chars:
        i += 1
        sentences.append(f"On visit {i} the midwife came late and I waited alone for a long time.")
        if len(sentences) == 6:
            paragraphs.append(" ".join(sentences))
            sentences = []
    return "\n\n".join([*paragraphs, " ".join(sentences)])


def test_story_in_urdu_is_translated_to_english(libretranslate: FakeServer) -> None:
    translator = LibreTranslateTranslator(libretranslate.url)

    assert translator.translate(STORY_UR, "ur", "en") == PHRASEBOOK[0]["en"]
    (request,) = libretranslate.requests
    assert request.method == "POST"
    assert request.json() == {"q": STORY_UR, "source": "ur", "target": "en", "format": "text"}


def test_reply_goes_to_her_language_and_back_to_english_for_the_approver(libretranslate: FakeServer) -> None:
    translator = LibreTranslateTranslator(libretranslate.url)

    to_her = translator.translate(REPLY_EN, "en", "pl")
    back = translator.translate(to_her, "pl", "en")

    assert to_her == PHRASEBOOK[1]["pl"]
    assert back == REPLY_EN
    assert [(r.json()["source"], r.json()["target"]) for r in libretranslate.requests] == [
        ("en", "pl"),
        ("pl", "en"),
    ]


def test_dari_is_sent_as_persian(libretranslate: FakeServer) -> None:
    translator = LibreTranslateTranslator(libretranslate.url)

    assert translator.translate(PHRASEBOOK[2]["fa"], "prs", "en") == PHRASEBOOK[2]["en"]
    assert libretranslate.requests[0].json()["source"] == "fa"


def test_api_key_is_sent_in_the_json_body_not_the_url(libretranslate: FakeServer) -> None:
    LibreTranslateTranslator(libretranslate.url, api_key="s3cret-key").translate(STORY_UR, "ur", "en")

    (request,) = libretranslate.requests
    assert request.json()["api_key"] == "s3cret-key"
    assert "s3cret" not in request.path
    assert all("s3cret" not in value for value in request.headers.values())


def test_no_api_key_field_when_none_is_configured(libretranslate: FakeServer) -> None:
    LibreTranslateTranslator(libretranslate.url).translate(STORY_UR, "ur", "en")

    assert "api_key" not in libretranslate.requests[0].json()


def test_nothing_of_the_text_appears_in_the_request_path_or_query(libretranslate: FakeServer) -> None:
    LibreTranslateTranslator(libretranslate.url + "/").translate(STORY_UR, "ur", "en")

    (request,) = libretranslate.requests
    assert request.path == "/translate"
    for word in STORY_UR.split():
        assert word not in request.path
        assert quote(word) not in request.path


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_server_errors_and_rate_limits_are_retryable(libretranslate: FakeServer, status: int) -> None:
    libretranslate.behaviour.status = status
    libretranslate.behaviour.error = {"error": "Slowdown: 1 per 1 second"}

    with pytest.raises(TranslationError) as caught:
        LibreTranslateTranslator(libretranslate.url).translate(STORY_UR, "ur", "en")

    assert caught.value.retryable is True
    assert str(status) in str(caught.value)


@pytest.mark.parametrize(("status", "reason"), [(400, "pa is not supported"), (403, "Invalid API key")])
def test_bad_request_and_bad_key_are_not_retryable(
    libretranslate: FakeServer, status: int, reason: str
) -> None:
    libretranslate.behaviour.status = status
    libretranslate.behaviour.error = {"error": reason}

    with pytest.raises(TranslationError) as caught:
        LibreTranslateTranslator(libretranslate.url).translate("ਮੈਨੂੰ ਦਰਦ ਸੀ", "pa", "en")

    assert caught.value.retryable is False
    assert reason in str(caught.value)


def test_error_messages_never_contain_the_text(libretranslate: FakeServer) -> None:
    libretranslate.behaviour.status = 500

    with pytest.raises(TranslationError) as caught:
        LibreTranslateTranslator(libretranslate.url).translate(STORY_UR, "ur", "en")

    assert STORY_UR.split()[0] not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_slow_server_times_out_as_retryable(libretranslate: FakeServer) -> None:
    libretranslate.behaviour.delay = 5.0
    translator = LibreTranslateTranslator(libretranslate.url, timeout=0.2)

    started = time.monotonic()
    with pytest.raises(TranslationError) as caught:
        translator.translate(STORY_UR, "ur", "en")

    assert caught.value.retryable is True
    assert time.monotonic() - started < 2


def test_connection_refused_is_retryable(closed_port_url: str) -> None:
    with pytest.raises(TranslationError) as caught:
        LibreTranslateTranslator(closed_port_url).translate(STORY_UR, "ur", "en")

    assert caught.value.retryable is True


def test_long_text_is_sent_in_sentence_chunks_and_rejoined(libretranslate: FakeServer) -> None:
    story = long_story()
    assert len(story) >= 10_000

    result = LibreTranslateTranslator(libretranslate.url).translate(story, "pl", "en")

    sent = [r.json()["q"] for r in libretranslate.requests]
    assert len(sent) >= 5
    assert all(len(q) <= 2000 for q in sent)
    assert all(q.startswith("On visit") and q.endswith("time.") for q in sent)
    assert result.count("[pl>en] ") == len(sent)
    assert result.replace("[pl>en] ", "") == story


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_empty_or_whitespace_text_returns_empty_without_a_request(
    libretranslate: FakeServer, text: str
) -> None:
    assert LibreTranslateTranslator(libretranslate.url).translate(text, "ur", "en") == ""
    assert libretranslate.requests == []


def test_same_language_returns_the_text_without_a_request(libretranslate: FakeServer) -> None:
    assert LibreTranslateTranslator(libretranslate.url).translate(REPLY_EN, "en", "en") == REPLY_EN
    assert libretranslate.requests == []


def test_unknown_language_is_refused_before_any_request(libretranslate: FakeServer) -> None:
    with pytest.raises(TranslationError) as caught:
        LibreTranslateTranslator(libretranslate.url).translate(STORY_UR, "xx", "en")

    assert caught.value.retryable is False
    assert libretranslate.requests == []


def test_logs_carry_lengths_and_codes_but_never_the_text(
    libretranslate: FakeServer, caplog: pytest.LogCaptureFixture
) -> None:
    translator = LibreTranslateTranslator(libretranslate.url)
    caplog.set_level(logging.DEBUG, logger="bot.clients.translators")

    translator.translate(STORY_UR, "ur", "en")
    libretranslate.behaviour.status = 400
    with pytest.raises(TranslationError):
        translator.translate(STORY_UR, "ur", "en")

    assert f"ur->en chars={len(STORY_UR)}" in caplog.text
    assert "status=400" in caplog.text
    words = STORY_UR.split() + [w for w in PHRASEBOOK[0]["en"].split() if len(w) > 4]
    assert not any(word in caplog.text for word in words)
