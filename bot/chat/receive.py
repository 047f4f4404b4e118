"""Answering her: each stored message run through her flow, in the order she sent them.

The webhook only stores (``bot.chat.intake``); the worker, woken at once, answers. The simulator and
``allvoices chat`` store and answer in one go (`receive`), through the same code.

Each message is one transaction: lock her conversation, step the flow, carry out its effects, queue the
replies, mark the message done — all or nothing. One contact's messages are answered one at a time
(her conversation row is locked), oldest first. A message that fails because of itself is counted in
its own transaction and, after a few tries, parked, so her later messages (STOP above all) go on; a
database that is away is not her message's fault and is never counted against it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from bot.chat import calls
from bot.chat.effects import apply
from bot.chat.intake import store
from bot.chat.language import detect_language, script_languages
from bot.services import Services
from channels.base import REPLY_WINDOWS, InboundMessage
from flows import story as story_flow
from flows.commands import command
from flows.safeguarding import Assessment, assess
from flows.types import Inbound as FlowInbound, MediaKind
from storage import champions, conversations, db, inbound as inbound_store, outbox
from storage.models import Contact, Conversation
from storage.signals import Signal, notify

log = logging.getLogger(__name__)
#: senders answered in one pass of `process_pending`; a pass that finds fewer took all that waited
SENDERS_A_PASS = 50
#: errors that say the database is away or busy, not that her message is at fault
DATABASE_AWAY = db.DATABASE_AWAY


@dataclass(frozen=True)
class Received:
    inbound_id: int | None
    duplicate: bool
    outbox_ids: tuple[int, ...] = ()


class Step(StrEnum):
    """What one turn of `_answer_next` found, so her loop stops without reading again for nothing."""

    NONE = "none"  # nothing of hers to answer now, or she was erased
    MORE = "more"  # one answered and another was waiting behind it (or may be: look again)
    LAST = "last"  # one answered, and none was waiting behind it when looked (a later one wakes us)


def receive(services: Services, message: InboundMessage) -> Received:
    """Store her message and answer it now (the simulator, ``allvoices chat`` and tests)."""
    stored = store(services, message)
    if stored.inbound_id is None:
        return Received(None, duplicate=True)
    try:
        sent = process_contact(services, stored.contact_id)
    except Exception:
        # Kept, not lost: the worker answers her once the database is healthy again.
        log.exception("inbound %s stored but not answered yet", stored.inbound_id)
        return Received(stored.inbound_id, duplicate=False)
    return Received(stored.inbound_id, duplicate=False, outbox_ids=tuple(sent))


def process_contact(services: Services, contact_id: int, now: datetime | None = None) -> list[int]:
    """Answer every waiting message of one sender, oldest first; the ids of the replies queued."""
    queued: list[int] = []
    while True:
        current: list[int] = []
        try:
            if _answer_next(services, contact_id, now or datetime.now(UTC), queued, current) is not Step.MORE:
                return queued
        except DATABASE_AWAY:
            raise
        except Exception as error:
            if not current:
                raise
            parked = _count_failure(services, current[0], error)
            log.exception("inbound %s could not be answered%s", current[0], "; parked" if parked else "")
            if not parked:
                return queued  # tried again after a pause; her later messages wait their turn


@dataclass(frozen=True)
class _Ahead:
    """Her next message as read before taking the write lock, with the slow reading of her words done."""

    inbound_id: int
    conversation_exists: bool
    first: bool
    more: bool
    starting: bool = False  # at the welcome still: her words may yet tell us her language
    detected_lang: str | None = None
    assessment: Assessment | None = None


def _look_ahead(services: Services, contact_id: int, now: datetime) -> _Ahead | None:
    """Her next message to answer, if any, read without the write lock; then, still outside it, her
    language (on a first message) and how urgent her words read — the slow parts of a step, so the
    lock (all of SQLite's writers wait on it) is held only for the database work."""
    with services.db.reading() as session:
        waiting = inbound_store.waiting_of(session, contact_id, now)
    if waiting is None:
        return None
    state, exists = waiting.state or {}, waiting.state is not None
    first = state.get("step", "new") == "new"
    starting = state.get("step", "new") in story_flow.EARLY
    if waiting.is_call:
        return _Ahead(waiting.inbound_id, exists, first, waiting.more)
    text = services.vault.open(waiting.body_sealed)
    return _Ahead(
        waiting.inbound_id,
        exists,
        first,
        waiting.more,
        starting,
        detected_lang=detect_language(text) if starting else None,
        assessment=assess(text) if text.strip() else None,
    )


def _answer_next(
    services: Services, contact_id: int, now: datetime, queued: list[int], current: list[int]
) -> Step:
    """Step her oldest waiting message in one transaction."""
    ahead = _look_ahead(services, contact_id, now)
    if ahead is None:
        return Step.NONE  # nothing waits: the write lock is never taken
    with services.db.session() as session:
        conversation = conversations.locked(session, contact_id, create=not ahead.conversation_exists)
        contact = session.get(Contact, contact_id)
        message = inbound_store.next_of(session, contact_id, now) if contact is not None else None
        if contact is None or message is None:
            return Step.NONE
        current.append(message.id)
        # What was read ahead is used only for the very message now locked (another worker may have
        # answered that one meanwhile, and then what lies behind it is not known: look again).
        same = ahead.inbound_id == message.id
        answered = Step.MORE if ahead.more or not same else Step.LAST
        before = len(queued)
        if message.call is not None:
            calls.heard(services, session, contact, conversation, message, now, queued)
            if len(queued) > before:
                notify(session, Signal.OUTBOX)
            return answered
        text = services.vault.open(message.body_sealed)
        # Only a channel with a reply window (WhatsApp's 24 hours) ever holds a message for her.
        released = outbox.release_held(session, contact_id, now) if contact.channel in REPLY_WINDOWS else 0
        if released and command(text, contact.lang) == "read":
            # "Reply READ to see it": the held reply she asked for is her answer.
            message.processed_at = now
            notify(session, Signal.OUTBOX)
            return answered
        first = conversation.state.get("step", "new") == "new"
        starting = conversation.state.get("step", "new") in story_flow.EARLY
        # Her first words (and her answer to "shall we start?") set her language; later ones are checked
        # for every language's urgent-risk phrases, so detecting each message would cost time for nothing.
        detected = (
            (ahead.detected_lang if same and ahead.starting else detect_language(text)) if starting else None
        )
        code = _champion_code(session, conversation, message.start_code, text)
        flow_inbound = FlowInbound(
            text=text,
            received_at=message.received_at,
            media=tuple(MediaKind(item["kind"]) for item in message.media),
            detected_lang=detected,
            start_code=code,
            languages=_maybe_languages(session, code, text) if first and detected is None else (),
            assessment=ahead.assessment if same else None,
        )
        outcome = story_flow.step(conversation.state, flow_inbound, services.flow)
        message.processed_at = now
        erased = apply(services, session, contact, conversation, message, outcome, f"in{message.id}", queued)
        if not erased:
            conversation.due_at = story_flow.next_due(conversation.state, services.flow)
        if released or len(queued) > before:
            notify(session, Signal.OUTBOX)
        return Step.NONE if erased else answered


def _count_failure(services: Services, inbound_id: int, error: Exception) -> bool:
    """Record the failed try on its own, so the count is kept though the try was rolled back."""
    with services.db.session() as session:
        return inbound_store.failed(session, inbound_id, type(error).__name__, datetime.now(UTC))


def _champion_code(session: Session, conversation: Conversation, given: str | None, text: str) -> str | None:
    """Only a first message attributes her to a champion, and only with a code that exists."""
    if conversation.state.get("step", "new") != "new":
        return None
    if given:
        found = champions.by_code(session, given)
        return found.code if found is not None and found.active else None
    return champions.code_in(session, text)


def _maybe_languages(session: Session, code: str | None, text: str) -> tuple[str, ...]:
    """The languages she may read when her words do not say: her champion's group's, else her script's."""
    champion = champions.by_code(session, code) if code else None
    if champion is not None and champion.languages:
        return tuple(champion.languages)
    return script_languages(text)


def process_pending(
    services: Services,
    now: datetime | None = None,
    limit: int = SENDERS_A_PASS,
    stopping: threading.Event | None = None,
) -> int:
    """Answer every sender with a message waiting (the worker runs this whenever one is stored).

    A worker told to stop (``stopping``) ends after the sender in hand: under a backlog a batch can
    take minutes, and a deploy's SIGKILL comes long before that. The rest wait for the next worker.
    """
    moment = now or datetime.now(UTC)
    with services.db.reading() as session:  # a look: the write lock is taken only for a message
        contact_ids = inbound_store.senders_waiting(session, moment, limit)
    for done, contact_id in enumerate(contact_ids):
        if stopping is not None and stopping.is_set():
            return done
        try:
            process_contact(services, contact_id, moment)
        except DATABASE_AWAY:
            raise
        except Exception:
            log.exception("contact %s: a message could not be answered", contact_id)
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
            queued: list[int] = []
            outcome = story_flow.tick(conversation.state, moment, services.flow)
            apply(services, session, contact, conversation, None, outcome, f"tick{contact.id}-{when}", queued)
            conversation.due_at = story_flow.next_due(conversation.state, services.flow)
            if queued:
                notify(session, Signal.OUTBOX)
            done += 1
    return done
