"""Data protection she can trust: raw words purged after moderation, old stories anonymised, erasure
on request by staff, scheduled jobs run once across workers, and nothing of hers in the logs."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from bot.privacy import retention
from bot.privacy.erasure import erase_by_ref, erase_by_sender
from bot.services import Services
from storage import lease
from storage.models import AuditEvent, Contact, Inbound, Story
from tests.helpers import SHE, say, tell_story


def test_raw_words_are_purged_after_moderation_and_the_redacted_story_stays(services: Services) -> None:
    ref = tell_story(services)
    with services.db.session() as session:
        session.execute(
            update(Story).values(status="moderated", purge_raw_after=datetime.now(UTC) - timedelta(minutes=1))
        )
    assert retention.purge_raw(services) == 1
    with services.db.session() as session:
        story = session.scalars(select(Story).where(Story.ref == ref)).one()
        assert story.raw_sealed is None
        assert story.redacted_text and "shout for help" in story.redacted_text
        bodies = [
            services.vault.open(row.body_sealed)
            for row in session.scalars(select(Inbound).where(Inbound.story_id == story.id))
        ]
        assert bodies and all(body == "" for body in bodies)
        assert session.scalars(select(AuditEvent.action).where(AuditEvent.story_ref == ref)).all() == [
            "raw_purged"
        ]


def test_stories_past_the_retention_age_keep_only_their_anonymous_form(services: Services) -> None:
    ref = tell_story(services)
    long_ago = datetime.now(UTC) - timedelta(days=400)
    with services.db.session() as session:
        session.execute(update(Story).values(created_at=long_ago))
        session.execute(update(Contact).values(last_inbound_at=long_ago))
    assert retention.reduce_old(services) == 1
    with services.db.session() as session:
        story = session.scalars(select(Story).where(Story.ref == ref)).one()
        assert story.contact_id is None and story.raw_sealed is None and story.redacted_text
        assert session.scalar(select(func.count()).select_from(Contact)) == 0
        assert session.scalar(select(func.count()).select_from(Inbound)) == 0


def test_staff_erase_a_woman_by_reference_code_on_her_written_request(services: Services) -> None:
    ref = tell_story(services)
    tell_story(services, sender="07700 900999")
    assert erase_by_ref(services, ref, "lena")
    with services.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Story)) == 1
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "erasure")).one()
        assert event.actor == "lena" and event.story_ref is None


def test_staff_erase_a_woman_by_her_number(services: Services) -> None:
    tell_story(services)
    assert erase_by_sender(services, "sms", "+44 7700 900123", "lena")
    assert not erase_by_sender(services, "sms", "+44 7700 900123", "lena")
    with services.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 0


def test_only_one_worker_holds_the_scheduler_lease_at_a_time(services: Services) -> None:
    now = datetime.now(UTC)
    with services.db.session() as session:
        assert lease.acquire(session, "digest", "worker-a", now, timedelta(minutes=1))
    with services.db.session() as session:
        assert not lease.acquire(session, "digest", "worker-b", now, timedelta(minutes=1))
        assert lease.acquire(session, "digest", "worker-a", now, timedelta(minutes=1))
    with services.db.session() as session:
        assert lease.acquire(session, "digest", "worker-b", now + timedelta(minutes=2), timedelta(minutes=1))


def test_a_whole_conversation_logged_at_debug_leaves_no_number_name_or_chat_id(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    services.settings = replace(services.settings, alert_emails=())
    caplog.set_level(logging.DEBUG)
    name, number, chat_id = "Chidinma Okonkwo", "07700 900123", "5550001234"
    with caplog.at_level(logging.DEBUG):
        say(services, "Hello", sender=SHE)
        say(services, "yes", sender=SHE)
        say(services, f"My name is {name}, call me on {number}. The midwife ignored me.", sender=SHE)
        say(services, "DONE", sender=SHE)
        for answer in ("SKIP", "SKIP", "SKIP", "YES"):
            say(services, answer, sender=SHE)
        say(services, "Hello", sender=chat_id, channel="telegram")
        say(services, "I am bleeding heavily", sender=chat_id, channel="telegram")
        say(services, "STOP", sender=SHE)
        say(services, "DELETE", sender=chat_id, channel="telegram")
        say(services, "YES", sender=chat_id, channel="telegram")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert logged, "the conversation was logged"
    for secret in ("Chidinma", "Okonkwo", "7700", "900123", chat_id, "+44"):
        assert secret not in logged, secret
