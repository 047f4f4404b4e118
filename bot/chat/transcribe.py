"""Her voice notes and calls written down, in her language, by the worker — then treated like typed words.

A voice note is heard by nobody until someone plays it, and the woman who would rather speak than write
should not wait longer, or be heard less, for it. So each stored voice note (WhatsApp, Telegram, the
simulator, a call's recording) is written down offline (``bot.chat.speech``) in the language of her
conversation, never a guessed one. The words are sealed like her typed words and marked as written down
by machine; they join her story's raw text, so the same anonymiser and the same moderator check them;
and they are checked for urgent risk like anything she types, with the same numbers sent back. The audio
itself stays sealed, for moderators only.

A language the model cannot write down (Tigrinya), or a note it fails on, is left for a person to
listen to, and she is told so, once per story. Words that arrive after she finished, or after a
moderator started on her story, are added the way anything she adds later is (a follow-up), so a
moderator's marks are never moved under them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from bot.chat import speech
from bot.chat.effects import add_follow_up, flag, machine_words, queue_replies, redact
from bot.services import Services
from flows import story as story_flow
from flows.catalog import render
from flows.review import Status
from flows.types import FlagCheckSoon, FlagUrgent, Inbound as FlowInbound, Outcome, Reply, msg
from storage import conversations, media as stored_media, outbox
from storage.models import Contact, Inbound, Media, Story
from storage.signals import Signal, notify

log = logging.getLogger(__name__)
#: a note still marked "working" this long after it started belongs to a worker that died: try again
STALE = timedelta(minutes=15)

#: audio and her language in, words out (``speech.transcribe``; tests pass a stand-in)
Transcriber = Callable[[bytes, str], speech.Transcript]


def transcribe_pending(
    services: Services, transcriber: Transcriber = speech.transcribe, limit: int = 2
) -> int:
    """Write down the voice notes waiting, a few at a time; how many were tried."""
    now = datetime.now(UTC)
    work: list[tuple[int, str, bytes]] = []
    with services.db.session() as session:
        for note in stored_media.to_transcribe(session, now - STALE, limit):
            lang = _language(session, note)
            if speech.can_transcribe(lang) and note.data_sealed is not None:
                note.transcript_status = "working"
                note.transcript_started_at = now
                note.transcript_lang = lang
                work.append((note.id, lang, note.data_sealed))
            else:
                _for_a_person(services, session, note)
    for media_id, lang, sealed in work:
        try:
            written = transcriber(services.vault.open_bytes(sealed), lang)
        except Exception as error:  # undecodable audio, a model fault: a person listens instead
            log.warning("voice note %s not written down (%s)", media_id, type(error).__name__)
            with services.db.session() as session:
                failed = stored_media.get(session, media_id)
                if failed is not None:
                    _for_a_person(services, session, failed)
            continue
        log.info(
            "voice note %s: %.1f s of audio written down in %.1f s%s",
            media_id,
            written.audio_seconds,
            written.seconds,
            "" if written.complete else " (time limit: only the start)",
        )
        with services.db.session() as session:
            kept = stored_media.get(session, media_id)
            if kept is not None:  # None: she deleted everything meanwhile
                _heard(services, session, kept, lang, written)
    return len(work)


def _language(session: Session, note: Media) -> str:
    """Her story's language (a caller's choice, or her conversation's), else her contact's."""
    story = stored_media.story_of(session, note)
    if story is not None:
        return story.lang
    contact = session.get(Contact, note.contact_id)
    return contact.lang if contact is not None else "en"


def _may_text(story: Story | None) -> bool:
    """A caller who did not ask for a reply is never texted: the phone may not be hers alone."""
    return story is None or story.channel != "voice" or bool(story.reply_wanted)


def _for_a_person(services: Services, session: Session, note: Media) -> None:
    """No machine words: a moderator listens to it, and she is told so (once per story)."""
    note.transcript_status = "listen"
    contact = session.get(Contact, note.contact_id)
    story = stored_media.story_of(session, note)
    if contact is None or contact.opted_out_at is not None or not _may_text(story):
        return
    key = f"voice-listen-{story.id}" if story is not None else f"voice-listen-m{note.id}"
    body = render(story.lang if story is not None else contact.lang, Reply((msg("voice.listen"),)))
    if outbox.enqueue_to(session, contact, key, body) is not None:
        notify(session, Signal.OUTBOX)


def _heard(services: Services, session: Session, note: Media, lang: str, written: speech.Transcript) -> None:
    if not written.text.strip():  # nothing but silence or noise: a person listens
        note.transcript_status = "listen"
        return
    note.transcript_sealed = services.vault.seal(written.text)
    note.transcript_status = "done" if written.complete else "partial"
    inbound = session.get(Inbound, note.inbound_id)
    contact = session.get(Contact, note.contact_id)
    if inbound is None or contact is None:
        return
    conversation = conversations.locked(session, contact.id)  # her messages are answered one at a time
    story = session.get(Story, inbound.story_id) if inbound.story_id else None
    if story is not None:
        _into_story(services, session, story, inbound, machine_words(written.text, note.transcript_status))
    heard = FlowInbound(text=written.text, received_at=inbound.received_at, detected_lang=lang)
    outcome = story_flow.transcribed(conversation.state, heard, services.flow)
    _urgent(services, session, contact, inbound, story, outcome, note.id)


def _into_story(services: Services, session: Session, story: Story, inbound: Inbound, words: str) -> None:
    """Part of her story as she told it, if no moderator has started on it; otherwise added after it."""
    told = story.status == Status.DRAFT or (
        story.status == Status.NEW
        and story.claimed_by is None
        and story.submitted_at is not None
        and inbound.received_at <= story.submitted_at
    )
    if told:
        redact(services, session, story)
    else:
        add_follow_up(services, session, story, words)


def _urgent(
    services: Services,
    session: Session,
    contact: Contact,
    inbound: Inbound,
    story: Story | None,
    outcome: Outcome,
    media_id: int,
) -> None:
    flagged = next((e for e in outcome.effects if isinstance(e, FlagUrgent | FlagCheckSoon)), None)
    if flagged is None:
        return
    flag(services, session, contact, inbound, story, flagged, datetime.now(UTC))
    queued: list[int] = []
    if _may_text(story) and contact.opted_out_at is None:
        queue_replies(session, contact, outcome, f"voice{media_id}", "flow", queued)
    if queued:
        notify(session, Signal.OUTBOX)
