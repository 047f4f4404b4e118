"""Answering her: each stored message run through her flow, in the order she sent them.

The webhook only stores (``bot.chat.intake``); the worker, woken at once, answers. The simulator and
``allvoices chat`` store and answer in one go (`receive`), through the same code.

Each message is stepped under her conversation's lock: step the flow, carry out its effects, queue the
replies, mark the message done — all or nothing. Under a backlog the next messages of up to
`ANSWERED_TOGETHER` senders share a transaction, one commit for all (on SQLite one hold of the write
lock, which takes no more messages once it has been held `HOLD_AT_MOST`), never two of one sender's:
hers are answered one at a time, oldest first, so her order holds. A transaction where any message
fails is rolled back and its messages answered again one per transaction, so a message that fails
because of itself is counted in its own transaction and, after a few tries, parked, and her later
messages (STOP above all) go on; a database that is away is not her message's fault and is never
counted against it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
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
#: senders whose next messages are read ahead together, then answered in as few transactions as
#: `HOLD_AT_MOST` allows: one commit for several messages instead of one each
ANSWERED_TOGETHER = 10
#: seconds a transaction goes on taking the next message: on SQLite every webhook waits for the write
#: lock meanwhile (p99 goal 50 ms), and her reply is queued only when it commits
HOLD_AT_MOST = 0.02
#: errors that say the database is away or busy, not that her message is at fault
DATABASE_AWAY = db.DATABASE_AWAY


@dataclass(frozen=True)
class Received:
    inbound_id: int | None
    duplicate: bool
    outbox_ids: tuple[int, ...] = ()


class Step(StrEnum):
    """What one turn of `_step` found, so her loop stops without reading again for nothing."""

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
    return answer_senders(services, [contact_id], now or datetime.now(UTC))


def answer_senders(
    services: Services, contact_ids: Sequence[int], now: datetime, stopping: threading.Event | None = None
) -> list[int]:
    """Answer every waiting message of these senders; the ids of the replies queued.

    The next message of up to `ANSWERED_TOGETHER` of them at a time, read together and answered
    together (`_answer_together`); a sender with another waiting goes to the back of the line, so each
    one's messages are answered in her order and no one waits behind another's long backlog.
    ``stopping`` set ends it after the batch in hand.
    """
    queued: list[int] = []
    line = list(contact_ids)
    while line and not (stopping is not None and stopping.is_set()):
        batch, line = line[:ANSWERED_TOGETHER], line[ANSWERED_TOGETHER:]
        aheads = _look_ahead(services, batch, now)
        steps = _answer_together(services, aheads, now, queued) if aheads else {}
        line += [ahead.contact_id for ahead in aheads if steps[ahead.contact_id] is Step.MORE]
    return queued


@dataclass(frozen=True)
class _Ahead:
    """Her next message as read before taking the write lock, with the slow reading of her words done."""

    contact_id: int
    inbound_id: int
    conversation_exists: bool
    more: bool
    starting: bool = False  # at the welcome still: her words may yet tell us her language
    detected_lang: str | None = None
    assessment: Assessment | None = None


def _look_ahead(services: Services, contact_ids: Sequence[int], now: datetime) -> list[_Ahead]:
    """Each sender's next message to answer, if any, read without the write lock; then, still outside
    it, her language (on a first message) and how urgent her words read — the slow parts of a step, so
    the lock (all of SQLite's writers wait on it) is held only for the database work. In contact order,
    the order their conversations are locked in, so two workers never wait on each other in a circle."""
    with services.db.reading() as session:
        waiting = inbound_store.waiting_for(session, contact_ids, now)
    aheads = []
    for contact_id in sorted(waiting):
        try:
            aheads.append(_read_ahead(services, waiting[contact_id]))
        except DATABASE_AWAY:
            raise
        except Exception:
            log.exception("contact %s: a message could not be answered", contact_id)
    return aheads


def _read_ahead(services: Services, waiting: inbound_store.Waiting) -> _Ahead:
    exists = waiting.state is not None
    starting = (waiting.state or {}).get("step", "new") in story_flow.EARLY
    if waiting.is_call:
        return _Ahead(waiting.contact_id, waiting.inbound_id, exists, waiting.more)
    text = services.vault.open(waiting.body_sealed)
    return _Ahead(
        waiting.contact_id,
        waiting.inbound_id,
        exists,
        waiting.more,
        starting,
        detected_lang=detect_language(text) if starting else None,
        assessment=assess(text) if text.strip() else None,
    )


@dataclass
class _Turn:
    """One transaction's work: what each message stepped in it found, the replies it queued, whether the
    outbox has something new to send, and the message being stepped (the one a failure is counted
    against)."""

    steps: dict[int, Step] = field(default_factory=dict)
    queued: list[int] = field(default_factory=list)
    wake_outbox: bool = False
    current: int | None = None


def _answer_together(
    services: Services, aheads: Sequence[_Ahead], now: datetime, queued: list[int]
) -> dict[int, Step]:
    """Step each sender's next message, as many in one transaction as fit in `HOLD_AT_MOST`. If any
    fails, none of its transaction is kept and each message in it is stepped again in a transaction of
    its own (`_answer_alone`), where a failure is counted against that message only."""
    steps: dict[int, Step] = {}
    rest = list(aheads)
    while len(rest) > 1:
        turn, taken = _Turn(), 0
        try:
            with services.db.session() as session:
                until = time.monotonic() + HOLD_AT_MOST
                for ahead in rest:
                    taken += 1
                    turn.steps[ahead.contact_id] = _step(services, session, ahead, now, turn)
                    if time.monotonic() > until:
                        break
                _wake(session, turn)
        except DATABASE_AWAY:
            raise
        except Exception as error:
            log.warning(
                "%s messages failed together (%s): each is answered alone", taken, type(error).__name__
            )
            for ahead in rest[:taken]:
                steps[ahead.contact_id] = _answer_alone(services, ahead, now, queued)
        else:
            steps |= turn.steps
            queued += turn.queued
        rest = rest[taken:]
    for ahead in rest:
        steps[ahead.contact_id] = _answer_alone(services, ahead, now, queued)
    return steps


def _answer_alone(services: Services, ahead: _Ahead, now: datetime, queued: list[int]) -> Step:
    """Step her next message in a transaction of its own; a failure is counted against it, and once it
    is parked her next message goes on (else it waits for its retry, and hers behind it)."""
    turn = _Turn()
    try:
        with services.db.session() as session:
            step = _step(services, session, ahead, now, turn)
            _wake(session, turn)
    except DATABASE_AWAY:
        raise
    except Exception as error:
        if turn.current is None:
            log.exception("contact %s: a message could not be answered", ahead.contact_id)
            return Step.NONE
        parked = _count_failure(services, turn.current, error)
        log.exception("inbound %s could not be answered%s", turn.current, "; parked" if parked else "")
        return Step.MORE if parked else Step.NONE
    queued += turn.queued
    return step


def _wake(session: Session, turn: _Turn) -> None:
    if turn.wake_outbox:
        notify(session, Signal.OUTBOX)


def _step(services: Services, session: Session, ahead: _Ahead, now: datetime, turn: _Turn) -> Step:
    """Step her oldest waiting message inside ``session``'s transaction, under her conversation's lock."""
    contact_id = ahead.contact_id
    conversation = conversations.locked(session, contact_id, create=not ahead.conversation_exists)
    contact = session.get(Contact, contact_id)
    message = inbound_store.next_of(session, contact_id, now) if contact is not None else None
    if contact is None or message is None:
        return Step.NONE
    turn.current = message.id
    # What was read ahead is used only for the very message now locked (another worker may have
    # answered that one meanwhile, and then what lies behind it is not known: look again).
    same = ahead.inbound_id == message.id
    answered = Step.MORE if ahead.more or not same else Step.LAST
    before = len(turn.queued)
    if message.call is not None:
        calls.heard(services, session, contact, conversation, message, now, turn.queued)
        turn.wake_outbox |= len(turn.queued) > before
        return answered
    text = services.vault.open(message.body_sealed)
    # Only a channel with a reply window (WhatsApp's 24 hours) ever holds a message for her.
    released = outbox.release_held(session, contact_id, now) if contact.channel in REPLY_WINDOWS else 0
    turn.wake_outbox |= released > 0
    if released and command(text, contact.lang) == "read":
        # "Reply READ to see it": the held reply she asked for is her answer.
        message.processed_at = now
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
    erased = apply(services, session, contact, conversation, message, outcome, f"in{message.id}", turn.queued)
    if not erased:
        conversation.due_at = story_flow.next_due(conversation.state, services.flow)
    turn.wake_outbox |= len(turn.queued) > before
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
    """Answer every sender with a message waiting (the worker runs this whenever one is stored); how
    many senders were found.

    A worker told to stop (``stopping``) ends after the batch in hand: under a backlog a pass can take
    minutes, and a deploy's SIGKILL comes long before that. The rest wait for the next worker.
    """
    moment = now or datetime.now(UTC)
    with services.db.reading() as session:  # a look: the write lock is taken only to answer
        contact_ids = inbound_store.senders_waiting(session, moment, limit)
    answer_senders(services, contact_ids, moment, stopping)
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
