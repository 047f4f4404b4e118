"""Her messages in, the service's answers out: store first, then step the flow, then queue replies.

Every inbound row is committed before anything else happens, so a failure later loses nothing: the
worker finds unprocessed rows and finishes them. One contact's messages are processed one at a time
(a row lock on PostgreSQL, SQLite's single writer), in the order they arrived.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.chat.language import detect_language
from bot.privacy.anonymise import Lessons, Redaction, anonymise
from bot.review import alerts
from bot.services import Services
from channels.base import InboundMessage
from flows import story as story_flow
from flows.catalog import render, render_message
from flows.commands import command
from flows.types import (
    AddFollowUp,
    AddToStory,
    Answer,
    Attribute,
    Erase,
    FlagUrgent,
    Inbound as FlowInbound,
    MediaKind,
    OptIn,
    OptOut,
    Outcome,
    RateReply,
    SetLanguage,
    StartStory,
    SubmitStory,
)
from storage import audit, champions, contacts, outbox, redactions, stories
from storage.models import Contact, Conversation, Inbound, Media, Story
from storage.upsert import insert_ignoring_conflict

log = logging.getLogger(__name__)

FOLLOW_UP_FIELDS = ("well", "better", "culture")
ABOUT_FIELDS = ("ethnicity", "age", "postcode", "disability", "language")
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
        conversation = _lock_conversation(session, contact_id)
        pending = list(
            session.scalars(
                select(Inbound)
                .where(Inbound.contact_id == contact_id, Inbound.processed_at.is_(None))
                .order_by(Inbound.id)
            )
        )
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
            erased = _apply(
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


def _lock_conversation(session: Session, contact_id: int) -> Conversation:
    insert_ignoring_conflict(
        session, Conversation.__table__, {"contact_id": contact_id, "state": {}, "version": 0}, ["contact_id"]
    )
    return session.scalars(
        select(Conversation).where(Conversation.contact_id == contact_id).with_for_update()
    ).one()


def _apply(
    services: Services,
    session: Session,
    contact: Contact,
    conversation: Conversation,
    inbound: Inbound | None,
    outcome: Outcome,
    key_prefix: str,
    queued: list[int],
) -> bool:
    """Carry out one step's effects, then queue its replies. True when she was erased."""
    now = datetime.now(UTC)
    story = stories.open_story(session, contact.id)
    kind = "flow"
    urgent: FlagUrgent | None = None
    for effect in outcome.effects:
        if isinstance(effect, StartStory):
            story = stories.start(session, contact)
        elif isinstance(effect, AddToStory) and story is not None and inbound is not None:
            inbound.story_id = story.id
            story.media_count += len(inbound.media)
        elif isinstance(effect, Answer) and story is not None:
            _answer(services, session, story, effect)
        elif isinstance(effect, SubmitStory) and story is not None:
            _submit(services, session, story, now)
            story = None
        elif isinstance(effect, OptOut):
            contact.opted_out_at = now
            kind = "optout_ack"
        elif isinstance(effect, OptIn):
            contact.opted_out_at = None
        elif isinstance(effect, SetLanguage):
            contact.lang = effect.lang
            if story is not None:
                story.lang = effect.lang
        elif isinstance(effect, Attribute):
            contact.champion_code = effect.code
        elif isinstance(effect, FlagUrgent):
            urgent = effect
        elif isinstance(effect, RateReply):
            latest = stories.latest_submitted(session, contact.id)
            if latest is not None:
                latest.rating = effect.rating
                audit.record(session, "sender", "reply_rated", latest.ref, rating=effect.rating)
        elif isinstance(effect, AddFollowUp) and inbound is not None:
            _follow_up(services, session, contact, inbound)
        elif isinstance(effect, Erase):
            _erase(services, session, contact, outcome, key_prefix, queued)
            return True
    if urgent is not None and inbound is not None:
        _flag_urgent(services, session, contact, inbound, story, urgent, now)
    conversation.state = outcome.state
    conversation.version += 1
    if contact.consented_at is None and outcome.state.get("step") not in ("new", "consent"):
        contact.consented_at = now
    _queue_replies(session, contact, outcome, key_prefix, kind, queued)
    return False


def _anonymise(services: Services, session: Session, text: str, lang: str | None) -> Redaction:
    """Redacted with what moderators taught this deployment, so a name they took out once is taken out
    before anyone reads the next story."""
    taught, longest = redactions.taught(session)
    return anonymise(text, lang, Lessons(redactions.hasher(services.vault), taught, longest))


def _answer(services: Services, session: Session, story: Story, effect: Answer) -> None:
    if effect.field in FOLLOW_UP_FIELDS:
        # Her answers are read by staff like her story, so they are redacted the same way.
        value = _anonymise(services, session, effect.value, story.lang).redacted if effect.value else None
        story.answers = {**story.answers, effect.field: value}
    elif effect.field == "site":
        story.site = effect.value
    elif effect.field == "when":
        story.when_text = effect.value
    elif effect.field == "reply_wanted":
        story.reply_wanted = None if effect.value is None else effect.value == "yes"
    elif effect.field in ABOUT_FIELDS:
        story.about = {**story.about, effect.field: effect.value}
    elif effect.field == "about":
        story.about = {**story.about, "skipped": True}


def _submit(services: Services, session: Session, story: Story, now: datetime) -> None:
    """Her story is complete: seal her words, redact them for staff, give it a code, queue it."""
    _redact(services, session, story)
    story.status = "new"
    story.submitted_at = now
    if story.ref is None:
        stories.assign_ref(session, story)


def _redact(services: Services, session: Session, story: Story) -> None:
    """Seal her words as she wrote them, and keep the redacted copy staff will read."""
    texts = [services.vault.open(part.body_sealed) for part in stories.parts(session, story.id)]
    raw = "\n\n".join(text for text in texts if text.strip())
    story.raw_sealed = services.vault.seal(raw)
    redaction = _anonymise(services, session, raw, story.lang)
    story.redacted_text = redaction.redacted
    story.redactions = [
        {"type": entity.type, "start": entity.start, "end": entity.end} for entity in redaction.entities
    ]


def _follow_up(services: Services, session: Session, contact: Contact, inbound: Inbound) -> None:
    """Thread what she wrote after finishing onto her last story, and put it back in the queue."""
    story = stories.latest_submitted(session, contact.id)
    if story is None:
        return
    inbound.story_id = story.id
    story.media_count += len(inbound.media)
    text = services.vault.open(inbound.body_sealed)
    follow_ups = list(story.answers.get("follow_ups") or [])
    if text.strip():
        follow_ups.append(_anonymise(services, session, text, story.lang).redacted)
    story.answers = {**story.answers, "follow_ups": follow_ups}
    if story.status not in ("new", "draft"):
        story.status = "new"  # a moderator reads it before anyone else does
        audit.record(session, "sender", "follow_up_received", story.ref)


def ask_rating(services: Services, session: Session, contact_id: int, key: str) -> None:
    """Her reply was sent: ask whether it helped, in her language."""
    conversation = _lock_conversation(session, contact_id)
    contact = session.get(Contact, contact_id)
    if contact is None:
        return
    outcome = story_flow.replied(conversation.state)
    conversation.state = outcome.state
    _queue_replies(session, contact, outcome, key, "flow", [])


def _flag_urgent(
    services: Services,
    session: Session,
    contact: Contact,
    inbound: Inbound,
    story: Story | None,
    urgent: FlagUrgent,
    now: datetime,
) -> None:
    """Put the story at the top of the queue now, even while she is still telling it, and alert."""
    if story is None:
        # Outside a story (at the welcome, after she finished): this message becomes a story of its own.
        story = stories.start(session, contact)
        inbound.story_id = story.id
        _submit(services, session, story, now)
    elif inbound.story_id is None:
        inbound.story_id = story.id
    story.urgent = True
    if story.ref is None:
        stories.assign_ref(session, story)
    if story.status == "draft":
        _redact(services, session, story)
    alerts.raise_alert(services, session, story, urgent.risks)


def _erase(
    services: Services,
    session: Session,
    contact: Contact,
    outcome: Outcome,
    key_prefix: str,
    queued: list[int],
) -> None:
    channel, transport, sealed, lang = (
        contact.channel,
        contact.transport,
        contact.address_sealed,
        contact.lang,
    )
    session.flush()
    counts = contacts.erase(session, contact.id)
    session.expunge_all()
    audit.record(session, "sender", "erasure", rows=counts)
    for number, reply in enumerate(outcome.replies):
        queued_id = outbox.enqueue(
            session,
            idempotency_key=f"{key_prefix}-{number}",
            channel=channel,
            transport=transport,
            address_sealed=sealed,
            body=render(lang, reply),
            contact_id=None,
            kind="goodbye",
        )
        if queued_id is not None:
            queued.append(queued_id)


def _queue_replies(
    session: Session, contact: Contact, outcome: Outcome, key_prefix: str, kind: str, queued: list[int]
) -> None:
    if not outcome.replies:
        return
    latest = stories.latest_submitted(session, contact.id)
    context = {"code": latest.ref if latest is not None and latest.ref else ""}
    lang = str(outcome.state.get("lang") or contact.lang)
    for number, reply in enumerate(outcome.replies):
        queued_id = outbox.enqueue_to(
            session,
            contact,
            f"{key_prefix}-{number}",
            render(lang, reply, context),
            choices=[render_message(lang, choice, context) for choice in reply.choices],
            kind=kind,
        )
        if queued_id is not None:
            queued.append(queued_id)


def process_pending(services: Services, now: datetime | None = None, limit: int = 50) -> int:
    """Finish messages that were stored but not answered (a database error, a crash)."""
    moment = now or datetime.now(UTC)
    with services.db.session() as session:
        contact_ids = list(
            dict.fromkeys(
                session.scalars(
                    select(Inbound.contact_id)
                    .where(
                        Inbound.processed_at.is_(None), Inbound.received_at <= moment - RETRY_PROCESSING_AFTER
                    )
                    .order_by(Inbound.id)
                    .limit(limit)
                )
            )
        )
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
        due = list(
            session.scalars(
                select(Conversation)
                .where(Conversation.due_at.is_not(None), Conversation.due_at <= moment)
                .order_by(Conversation.due_at)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
        )
        for conversation in due:
            contact = session.get(Contact, conversation.contact_id)
            if contact is None:
                continue
            when = conversation.due_at.isoformat() if conversation.due_at else ""
            outcome = story_flow.tick(conversation.state, moment, services.flow)
            _apply(services, session, contact, conversation, None, outcome, f"tick{contact.id}-{when}", [])
            conversation.due_at = story_flow.next_due(conversation.state, services.flow)
            done += 1
    return done
