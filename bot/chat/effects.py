"""Carrying out what a step of her conversation decided: open or add to her story, record an answer,
submit it, opt her out or in, erase her, raise an alarm — then queue the replies in her language.

The flow (``flows/story.py``) decides; this module does, inside the caller's transaction, so a step's
effects and its replies are committed together or not at all.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from bot.privacy.anonymise import Lessons, Redaction, anonymise
from bot.review import alerts
from bot.services import Services
from flows import story as story_flow
from flows.catalog import render, render_message
from flows.review import Move, Status, advance
from flows.story import ABOUT, FOLLOW_UPS
from flows.types import (
    AddFollowUp,
    AddToStory,
    Answer,
    Attribute,
    Erase,
    FlagCheckSoon,
    FlagUrgent,
    OptIn,
    OptOut,
    Outcome,
    RateReply,
    SetLanguage,
    StartStory,
    SubmitStory,
    WithdrawQuotes,
)
from storage import audit, contacts, conversations, media as stored_media, outbox, quotes, redactions, stories
from storage.models import Contact, Conversation, Inbound, Story

#: how staff see words a machine wrote down from her voice: it may have misheard, so they can listen
MACHINE_MADE = "(Voice note, written down by machine:)"
MACHINE_PARTIAL = "(Voice note, written down by machine; only the start, listen for the rest:)"


def apply(
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
    flagged: FlagUrgent | FlagCheckSoon | None = None
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
        elif isinstance(effect, FlagUrgent | FlagCheckSoon):
            flagged = effect
        elif isinstance(effect, RateReply):
            latest = stories.latest_submitted(session, contact.id)
            if latest is not None:
                latest.rating = effect.rating
                audit.record(session, "sender", "reply_rated", latest.ref, rating=effect.rating)
        elif isinstance(effect, AddFollowUp) and inbound is not None:
            _follow_up(services, session, contact, inbound)
        elif isinstance(effect, WithdrawQuotes):
            refs = quotes.withdraw(session, contact.id)
            audit.record(session, "sender", "quote_withdrawn", stories=refs)
        elif isinstance(effect, Erase):
            _erase(services, session, contact, outcome, key_prefix, queued, effect.reason)
            return True
    if flagged is not None and inbound is not None:
        flag(services, session, contact, inbound, story, flagged, now)
    conversation.state = outcome.state
    conversation.version += 1
    if contact.consented_at is None and outcome.state.get("step") not in ("new", "consent"):
        contact.consented_at = now
    queue_replies(session, contact, outcome, key_prefix, kind, queued)
    return False


def _anonymise(services: Services, session: Session, text: str, lang: str | None) -> Redaction:
    """Redacted with what moderators taught this deployment, so a name they took out once is taken out
    before anyone reads the next story."""
    taught, longest = redactions.taught(session)
    return anonymise(text, lang, Lessons(redactions.hasher(services.vault), taught, longest))


def _answer(services: Services, session: Session, story: Story, effect: Answer) -> None:
    if effect.field in FOLLOW_UPS:
        # Her answers are read by staff like her story, so they are redacted the same way.
        value = _anonymise(services, session, effect.value, story.lang).redacted if effect.value else None
        story.answers = {**story.answers, effect.field: value}
    elif effect.field == "site":
        story.site = effect.value
    elif effect.field == "when":
        story.when_text = effect.value
    elif effect.field == "reply_wanted":
        story.reply_wanted = None if effect.value is None else effect.value == "yes"
    elif effect.field == "quote":
        story.quote_ok = effect.value == "yes"
    elif effect.field in ABOUT:
        story.about = {**story.about, effect.field: effect.value}
    elif effect.field == "about":
        story.about = {**story.about, "skipped": True}


def _submit(services: Services, session: Session, story: Story, now: datetime) -> None:
    """Her story is complete: seal her words, redact them for staff, give it a code, queue it."""
    redact(services, session, story)
    story.status = advance(story.status, Move.SUBMIT)
    story.submitted_at = now
    if story.ref is None:
        stories.assign_ref(session, story)


def redact(services: Services, session: Session, story: Story) -> None:
    """Seal her words as she wrote them (and her voice notes as the machine wrote them down), and keep
    the redacted copy staff will read. Run again when a voice note's words arrive after she finished."""
    parts = stories.parts(session, story.id)
    spoken: dict[int, list[str]] = {}
    for note in stored_media.transcribed(session, [part.id for part in parts]):
        words = services.vault.open(note.transcript_sealed or b"")
        if words.strip():
            spoken.setdefault(note.inbound_id, []).append(machine_words(words, note.transcript_status))
    texts = [
        text for part in parts for text in (services.vault.open(part.body_sealed), *spoken.get(part.id, ()))
    ]
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
    add_follow_up(services, session, story, services.vault.open(inbound.body_sealed))


def add_follow_up(services: Services, session: Session, story: Story, text: str) -> None:
    """Words that came after she finished (typed, or a voice note written down), redacted like her story,
    and the story put back before a moderator."""
    follow_ups = list(story.answers.get("follow_ups") or [])
    if text.strip():
        follow_ups.append(_anonymise(services, session, text, story.lang).redacted)
    story.answers = {**story.answers, "follow_ups": follow_ups}
    if story.status not in (Status.NEW, Status.DRAFT):
        story.status = advance(story.status, Move.FOLLOW_UP)  # a moderator reads it before anyone else
        audit.record(session, "sender", "follow_up_received", story.ref)


def machine_words(words: str, status: str | None) -> str:
    """A voice note's words as staff read them: always marked as written down by machine."""
    label = MACHINE_PARTIAL if status == "partial" else MACHINE_MADE
    return f"{label}\n{words}"


def ask_rating(services: Services, session: Session, contact_id: int, key: str) -> None:
    """Her reply was sent: ask whether it helped, in her language."""
    conversation = conversations.locked(session, contact_id)
    contact = session.get(Contact, contact_id)
    if contact is None:
        return
    outcome = story_flow.replied(conversation.state)
    conversation.state = outcome.state
    queue_replies(session, contact, outcome, key, "flow", [])


def flag(
    services: Services,
    session: Session,
    contact: Contact,
    inbound: Inbound,
    story: Story | None,
    flagged: FlagUrgent | FlagCheckSoon,
    now: datetime,
) -> None:
    """Put the story in front of staff now, even while she is still telling it: at the top with an
    alert for a clear risk, marked "check soon" for a possible one."""
    if story is None and inbound.story_id is not None:
        # Written after she finished: it was threaded onto her last story, so that story is flagged.
        story = session.get(Story, inbound.story_id)
    if story is None:
        # Outside a story (at the welcome): this message becomes a story of its own.
        story = stories.start(session, contact)
        inbound.story_id = story.id
        _submit(services, session, story, now)
    elif inbound.story_id is None:
        inbound.story_id = story.id
    if story.ref is None:
        stories.assign_ref(session, story)
    if story.status == Status.DRAFT:
        redact(services, session, story)
    if isinstance(flagged, FlagUrgent):
        story.urgent = True
        alerts.raise_alert(services, session, story, flagged.risks)
    elif story.check_soon_at is None:
        story.check_soon_at = now
        audit.record(session, "system", "check_soon_flagged", story.ref, risks=list(flagged.risks))


def _erase(
    services: Services,
    session: Session,
    contact: Contact,
    outcome: Outcome,
    key_prefix: str,
    queued: list[int],
    reason: str,
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
    # "declined": she said no at the start; what she sent (her hello, her no) goes like any erasure.
    audit.record(session, "sender", "erasure" if reason == "asked" else "declined_at_start", rows=counts)
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


def queue_replies(
    session: Session, contact: Contact, outcome: Outcome, key_prefix: str, kind: str, queued: list[int]
) -> None:
    """A step's replies in her language, each under its own key so a retried step never sends twice."""
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
