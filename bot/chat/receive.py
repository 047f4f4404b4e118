"""Her messages in, the service's answers out: store first, then step the flow, then queue replies.

Every inbound row is committed before anything else happens, so a failure later loses nothing: the
worker finds unprocessed rows and finishes them. One contact's messages are processed one at a time
(a row lock on PostgreSQL, SQLite's single writer), in the order they arrived.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from bot.chat.effects import apply
from bot.chat.language import detect_language
from bot.services import Services
from channels.base import InboundMessage
from flows import story as story_flow
from flows.commands import command
from flows.types import Inbound as FlowInbound, MediaKind
from storage import champions, contacts, conversations, inbound as inbound_store, outbox
from storage.models import Contact, Conversation, Inbound, Media
from storage.upsert import insert_ignoring_conflict

log = logging.getLogger(__name__)

#: a message that failed to process is tried again by the worker after this long.
RETRY_PROCESSING_AFTER = timedelta(seconds=5)


@dataclass(frozen=True)
class Received:
    inbound_id: int | None
    duplicate: bool
    outbox_ids: tuple[int, ...] = ()


def receive(services: Services, message: InboundMessage) -> Received:
    """Store her message (a provider retry is a no-op), then answer it if the database lets us."""
    with services.db.session() as session:
        contact = contacts.find_or_create(
            session, services.vault, message.transport, message.channel, message.address
        )
        inbound_id = insert_ignoring_conflict(
            session,
            Inbound.__table__,
            {
                "channel": message.channel,
                "provider_id": message.provider_id,
                "contact_id": contact.id,
                "received_at": message.received_at,
                "body_sealed": services.vault.seal(message.text),
                "media": [
                    {"kind": item.kind.value, "content_type": item.content_type, "size": item.size}
                    for item in message.media
                ],
                "start_code": message.start_code,
            },
            ["channel", "provider_id"],
        )
        if inbound_id is None:
            return Received(None, duplicate=True)
        for item in message.media:
            session.add(
                Media(
                    inbound_id=inbound_id,
                    contact_id=contact.id,
                    transport=message.transport,
                    kind=item.kind.value,
                    content_type=item.content_type,
                    source_sealed=services.vault.seal(item.url) if item.url else None,
                    status="pending" if item.url else "simulated",
                )
            )
        contact.last_inbound_at = max(contact.last_inbound_at or message.received_at, message.received_at)
        contact_id = contact.id
    try:
        sent = process_contact(services, contact_id)
    except Exception:
        # Kept, not lost: the worker answers her once the database is healthy again.
        log.exception("inbound %s stored but not processed yet", inbound_id)
        return Received(inbound_id, duplicate=False)
    return Received(inbound_id, duplicate=False, outbox_ids=tuple(sent))


def process_contact(services: Services, contact_id: int, now: datetime | None = None) -> list[int]:
    """Run every unprocessed message of one sender through her flow, oldest first."""
    queued: list[int] = []
    with services.db.session() as session:
        conversation = conversations.locked(session, contact_id)
        pending = inbound_store.unprocessed_of(session, contact_id)
        contact = session.get(Contact, contact_id)
        if contact is None:
            return queued
        released = outbox.release_held(session, contact_id, now or datetime.now(UTC)) if pending else 0
        for inbound in pending:
            inbound.attempts += 1
            text = services.vault.open(inbound.body_sealed)
            if released and command(text, contact.lang) == "read":
                # "Reply READ to see it": the held reply she asked for is her answer.
                inbound.processed_at = now or datetime.now(UTC)
                released = 0
                continue
            first = conversation.state.get("step", "new") == "new"
            flow_inbound = FlowInbound(
                text=text,
                received_at=inbound.received_at,
                media=tuple(MediaKind(item["kind"]) for item in inbound.media),
                # Her first words set her language; later ones are checked for every language's
                # urgent-risk phrases, so detecting each message would cost time for nothing.
                detected_lang=detect_language(text) if first else None,
                start_code=_champion_code(session, conversation, inbound.start_code, text),
            )
            outcome = story_flow.step(conversation.state, flow_inbound, services.flow)
            inbound.processed_at = now or datetime.now(UTC)
            erased = apply(
                services, session, contact, conversation, inbound, outcome, f"in{inbound.id}", queued
            )
            if erased:
                return queued
        conversation.due_at = story_flow.next_due(conversation.state, services.flow)
    return queued


def _champion_code(session: Session, conversation: Conversation, given: str | None, text: str) -> str | None:
    """Only a first message attributes her to a champion, and only with a code that exists."""
    if conversation.state.get("step", "new") != "new":
        return None
    if given:
        found = champions.by_code(session, given)
        return found.code if found is not None and found.active else None
    return champions.code_in(session, text)


def process_pending(services: Services, now: datetime | None = None, limit: int = 50) -> int:
    """Finish messages that were stored but not answered (a database error, a crash)."""
    moment = now or datetime.now(UTC)
    with services.db.session() as session:
        contact_ids = inbound_store.senders_waiting(session, moment - RETRY_PROCESSING_AFTER, limit)
    for contact_id in contact_ids:
        try:
            process_contact(services, contact_id)
        except Exception:
            log.exception("contact %s: pending messages still failing", contact_id)
    return len(contact_ids)


def run_due_ticks(services: Services, now: datetime | None = None, limit: int = 50) -> int:
    """Nudge quiet storytellers once, and keep what she sent after a day's silence."""
    moment = now or datetime.now(UTC)
    done = 0
    with services.db.session() as session:
        for conversation in conversations.due(session, moment, limit):
            contact = session.get(Contact, conversation.contact_id)
            if contact is None:
                continue
            when = conversation.due_at.isoformat() if conversation.due_at else ""
            outcome = story_flow.tick(conversation.state, moment, services.flow)
            apply(services, session, contact, conversation, None, outcome, f"tick{contact.id}-{when}", [])
            conversation.due_at = story_flow.next_due(conversation.state, services.flow)
            done += 1
    return done
