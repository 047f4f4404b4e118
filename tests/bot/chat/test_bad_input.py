"""Bad input gets a clear, kind answer and loses nothing."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from sqlalchemy import func, select, text

from bot.chat.delivery import deliver_due
from bot.chat.receive import process_pending, receive
from bot.services import Services
from channels import simulator
from channels.base import InboundMessage
from flows.types import MediaKind
from storage.models import Inbound, OutboxMessage, Story
from tests.helpers import SHE, say


def _count(services: Services, model: type[object]) -> int:
    with services.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_provider_retry_of_the_same_message_stores_and_sends_nothing_new(services: Services) -> None:
    message = simulator.inbound("sms", SHE, "Hello")
    first = receive(services, message)
    again = receive(services, message)
    assert not first.duplicate and first.outbox_ids
    assert again.duplicate and again.outbox_ids == ()
    assert _count(services, Inbound) == 1
    assert _count(services, OutboxMessage) == 1


def test_a_ten_thousand_character_message_is_kept_whole(services: Services) -> None:
    say(services, "Hello")
    say(services, "yes")
    long_story = ("The night was long and nobody came. " * 300)[:10_000]
    assert say(services, long_story) == []
    say(services, "DONE")
    for _ in range(3):
        say(services, "SKIP")
    say(services, "NO")
    say(services, "NO")
    with services.db.session() as session:
        story = session.scalars(select(Story)).one()
        assert story.raw_sealed is not None
        assert services.vault.open(story.raw_sealed) == long_story


def test_emoji_only_and_right_to_left_messages_are_stored_as_sent(services: Services) -> None:
    say(services, "Hello")
    say(services, "yes")
    say(services, "😡😡😡")
    say(services, "ڈاکٹر نے میری بات نہیں سنی")
    with services.db.session() as session:
        bodies = [services.vault.open(row.body_sealed) for row in session.scalars(select(Inbound))]
    assert "😡😡😡" in bodies
    assert "ڈاکٹر نے میری بات نہیں سنی" in bodies


def test_a_voice_note_with_no_words_is_kept_counted_and_thanked(services: Services) -> None:
    say(services, "Hello")
    say(services, "yes")
    (reply,) = say(services, "", media=(MediaKind.AUDIO,))
    assert "we have your voice note" in reply
    (reply,) = say(services, "", media=(MediaKind.IMAGE,))
    assert "we have your photo" in reply
    with services.db.session() as session:
        story = session.scalars(select(Story)).one()
        assert story.media_count == 2


def test_an_unknown_command_gets_a_kind_repeat_never_an_error(services: Services) -> None:
    say(services, "Hello")
    (reply,) = say(services, "UNSUBSCRIBEME")
    assert reply.startswith("Sorry, I did not catch that.")
    assert "Reply YES" in reply


def test_a_message_after_stop_is_stored_but_not_answered(services: Services) -> None:
    say(services, "Hello")
    say(services, "STOP")
    assert say(services, "are you there?") == []
    with services.db.session() as session:
        bodies = [services.vault.open(row.body_sealed) for row in session.scalars(select(Inbound))]
    assert "are you there?" in bodies


def test_two_messages_arriving_at_once_lose_no_state(services: Services) -> None:
    say(services, "Hello")
    say(services, "yes")
    errors: list[BaseException] = []

    def send(words: str) -> None:
        try:
            receive(services, simulator.inbound("sms", SHE, words))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=send, args=(f"part {n} of my story",)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    process_pending(services, now=datetime(2100, 1, 1, tzinfo=UTC))
    assert errors == []
    say(services, "DONE")
    with services.db.session() as session:
        story = session.scalars(select(Story)).one()
        kept = session.scalar(select(func.count()).where(Inbound.story_id == story.id))
        unprocessed = session.scalar(select(func.count()).where(Inbound.processed_at.is_(None)))
    assert kept == 6
    assert unprocessed == 0


def test_a_database_error_mid_message_keeps_it_and_she_is_answered_on_recovery(services: Services) -> None:
    say(services, "Hello")
    with services.db.engine.begin() as connection:
        connection.execute(text("ALTER TABLE conversation RENAME TO conversation_away"))
    try:
        result = receive(services, simulator.inbound("sms", SHE, "yes"))
    finally:
        with services.db.engine.begin() as connection:
            connection.execute(text("ALTER TABLE conversation_away RENAME TO conversation"))
    assert result.inbound_id is not None and result.outbox_ids == ()
    process_pending(services, now=datetime(2100, 1, 1, tzinfo=UTC))
    sent = deliver_due(services)
    with services.db.session() as session:
        bodies = [session.get(OutboxMessage, number).body for number in sent]  # type: ignore[union-attr]
    assert any("Tell us what happened" in body for body in bodies)


def test_a_webhook_for_an_unparseable_number_is_still_kept(services: Services) -> None:
    message = InboundMessage(
        channel="sms",
        transport="simulator",
        address="not-a-number",
        provider_id="odd-1",
        text="hi",
        received_at=datetime.now(UTC),
    )
    assert receive(services, message).outbox_ids
