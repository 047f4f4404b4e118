"""Translation in the product, against a LibreTranslate-shaped server on 127.0.0.1: stories reach staff in
English once moderated, replies reach her in her language and back, and an outage only delays."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.review import translation
from bot.services import Services
from storage.models import Story
from tests.fakes.translate import Behaviour, FakeServer, LibreTranslateHandler, serve
from tests.helpers import tell_story

URDU_STORY = "دائی نے میری بات نہیں سنی۔ مجھے بہت درد تھا۔"
ENGLISH_STORY = "The midwife did not listen to me. I was in a lot of pain."
REPLY = "Thank you for telling us. We are sorry you were not listened to."


@pytest.fixture
def libretranslate(services: Services) -> Iterator[FakeServer]:
    with serve(LibreTranslateHandler) as fake:
        services.settings = replace(
            services.settings, translate_provider="libretranslate", translate_url=fake.url
        )
        yield fake


def _urdu_story(services: Services, moderated: bool) -> str:
    ref = tell_story(services)
    with services.db.session() as session:
        story = session.scalars(select(Story).where(Story.ref == ref)).one()
        story.lang = "ur"
        story.redacted_text = URDU_STORY
        story.answers = {}
        if moderated:
            story.status = "moderated"
            translation.queue_story(story)
    return ref


def test_a_story_is_not_sent_for_translation_before_a_moderator_confirms_it(
    services: Services, libretranslate: FakeServer
) -> None:
    _urdu_story(services, moderated=False)
    assert translation.translate_pending(services) == 0
    assert libretranslate.requests == []


def test_a_moderated_urdu_story_reaches_staff_in_english(
    services: Services, libretranslate: FakeServer
) -> None:
    ref = _urdu_story(services, moderated=True)
    assert translation.translate_pending(services) == 1
    with services.db.session() as session:
        story = session.scalars(select(Story).where(Story.ref == ref)).one()
    assert story.translation_status == "done"
    assert story.translation_en == ENGLISH_STORY
    (request,) = libretranslate.requests
    assert request.json()["q"] == URDU_STORY and request.json()["source"] == "ur"


def test_translation_down_leaves_the_story_pending_and_it_is_retried_later(
    services: Services, libretranslate: FakeServer
) -> None:
    ref = _urdu_story(services, moderated=True)
    libretranslate.behaviour = Behaviour(status=500, error={"error": "model loading"})
    translation.translate_pending(services)
    with services.db.session() as session:
        story = session.scalars(select(Story).where(Story.ref == ref)).one()
        assert story.translation_status == "pending" and story.translation_attempts == 1
        assert story.translation_next_at is not None and story.translation_next_at > datetime.now(UTC)
    assert translation.translate_pending(services) == 0, "not before its backoff"
    libretranslate.behaviour = Behaviour()
    translation.translate_pending(services, now=datetime.now(UTC) + timedelta(hours=1))
    with services.db.session() as session:
        assert session.scalars(select(Story.translation_en).where(Story.ref == ref)).one() == ENGLISH_STORY


def test_a_language_the_server_cannot_translate_is_marked_failed_for_staff(
    services: Services, libretranslate: FakeServer
) -> None:
    ref = _urdu_story(services, moderated=True)
    libretranslate.behaviour = Behaviour(status=400, error={"error": "ur is not supported"})
    translation.translate_pending(services)
    with services.db.session() as session:
        assert session.scalars(select(Story.translation_status).where(Story.ref == ref)).one() == "failed"


def test_a_reply_goes_to_her_language_and_back_for_the_approver(
    services: Services, libretranslate: FakeServer
) -> None:
    result = translation.translate_reply(services, REPLY, "ur")
    assert result is not None
    urdu, back = result
    assert urdu == "ہمیں بتانے کا شکریہ۔ ہمیں افسوس ہے کہ آپ کی بات نہیں سنی گئی۔"
    assert back == REPLY
    assert [json.loads(r.body)["target"] for r in libretranslate.requests] == ["ur", "en"]


def test_no_translation_is_attempted_for_english_or_when_switched_off(services: Services) -> None:
    assert translation.translate_reply(services, REPLY, "en") is None
    services.settings = replace(services.settings, translate_provider="none")
    assert translation.translate_reply(services, REPLY, "ur") is None
    ref = _urdu_story(services, moderated=True)
    translation.translate_pending(services)
    with services.db.session() as session:
        assert session.scalars(select(Story.translation_status).where(Story.ref == ref)).one() == "off"
