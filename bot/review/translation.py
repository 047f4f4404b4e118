"""Translation in the product: stories to English for staff, replies to her language and back.

Only redacted text confirmed by a moderator is ever sent. A provider that is down or slow never holds
up her messages: stories wait as "pending" and the worker retries them with backoff. With no provider
set up, nothing is "being translated": staff are told so, and someone who reads her language (or has an
interpreter) writes the English by hand, recorded in the audit log.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from bot.clients.retry import backoff
from bot.clients.translators import TranslationError, Translator, make_translator
from bot.config import Settings
from bot.services import Services
from storage import audit, stories
from storage.models import Story

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 10
ENGLISH = "en"


def set_up(settings: Settings) -> bool:
    """A translation service is configured: not "none", and LibreTranslate (the default) with its URL."""
    provider = (settings.translate_provider or "libretranslate").strip().lower()
    return provider != "none" and not (provider == "libretranslate" and not settings.translate_url)


def translator(services: Services) -> Translator | None:
    """The configured provider, or None when translation is switched off or not set up."""
    settings = services.settings
    if not set_up(settings):
        return None
    return make_translator(
        settings.translate_provider, settings.translate_url or None, settings.translate_api_key or None
    )


def queue_story(story: Story) -> None:
    """Called once a moderator has confirmed the redactions: only then may the text leave."""
    story.translation_status = "not_needed" if story.lang == ENGLISH else "pending"
    story.translation_attempts = 0
    story.translation_next_at = datetime.now(UTC)


def translate_pending(services: Services, now: datetime | None = None, limit: int = 10) -> int:
    moment = now or datetime.now(UTC)
    client = translator(services)
    with services.db.session() as session:
        due = [
            (story.id, story.lang, story.redacted_text or "", dict(story.answers))
            for story in stories.translation_due(session, moment, limit)
        ]
    for story_id, lang, text, answers in due:
        if client is None:
            _switched_off(services, story_id)
            continue
        try:
            english = client.translate(text, lang, ENGLISH)
            answers_en = {
                key: client.translate(value, lang, ENGLISH)
                for key, value in answers.items()
                if isinstance(value, str) and not key.endswith("_en")
            }
        except TranslationError as error:
            _failed(services, story_id, error, moment)
            continue
        with services.db.session() as session:
            story = session.get(Story, story_id)
            if story is not None:
                story.translation_en = english
                story.answers = {**story.answers, **{f"{key}_en": value for key, value in answers_en.items()}}
                story.translation_status = "done"
    return len(due)


class NotTranslated(Exception):
    """Why a translation by hand was not kept: shown to the member of staff as it is."""


def translate_by_hand(session: Session, story: Story, english: str, who: str) -> None:
    """A person who reads her language writes the English; the worker will not replace it."""
    english = english.strip()
    if not english:
        raise NotTranslated("Write the English translation first.")
    if story.translation_en:
        raise NotTranslated("This story already has an English translation.")
    story.translation_en = english
    story.translation_by = who
    story.translation_status = "done"
    audit.record(session, who, "story_translated_by_hand", story.ref)


def _switched_off(services: Services, story_id: int) -> None:
    """No provider is set up: staff see that, rather than a failure to chase."""
    with services.db.session() as session:
        story = session.get(Story, story_id)
        if story is not None:
            story.translation_status = "off"


def _failed(services: Services, story_id: int, error: TranslationError, now: datetime) -> None:
    with services.db.session() as session:
        story = session.get(Story, story_id)
        if story is None:
            return
        story.translation_attempts += 1
        if not error.retryable or story.translation_attempts >= MAX_ATTEMPTS:
            story.translation_status = "failed"
        else:
            story.translation_next_at = now + backoff(story.translation_attempts)
    log.warning("story %s: translation failed (retryable=%s): %s", story_id, error.retryable, error)


def translate_reply(services: Services, english: str, lang: str) -> tuple[str, str] | None:
    """Her language, and back to English so the approver can check the meaning survived.

    None when she wrote in English or no provider is set up; raises TranslationError when the
    provider fails, so staff can try again or write the translation by hand.
    """
    client = translator(services)
    if lang == ENGLISH or client is None:
        return None
    translated = client.translate(english, ENGLISH, lang)
    return translated, client.translate(translated, lang, ENGLISH)
