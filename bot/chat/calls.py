"""A phone call, recorded: her story, through the same path as a voice note.

The call itself is answered by the channel's webhook (``flows.voice`` says what to say); what reaches the
worker is her recording, kept like any message with its voice note, and her choices. Here it becomes a
story of its own — in the language she chose, with her answers, submitted at once and marked as a phone
call — which the worker then fetches, writes down, anonymises and puts before a moderator like any
other. She pressed 1 to the same promise the chat asks her to agree to, so that is her consent.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.chat.effects import apply
from bot.services import Services
from flows import voice
from flows.types import Call
from storage.models import Contact, Conversation, Inbound, Story

#: how staff see a story told on the phone (``channels.base.CHANNEL_LABELS`` names it)
CHANNEL = "voice"


def heard(
    services: Services,
    session: Session,
    contact: Contact,
    conversation: Conversation,
    message: Inbound,
    now: datetime,
    queued: list[int],
) -> None:
    """Her call's recording, as a submitted story (and a text with her code, if she asked for a reply)."""
    call = Call(**(message.call or {}))
    outcome = voice.recorded(conversation.state, call, services.flow)
    message.processed_at = now
    apply(services, session, contact, conversation, message, outcome, f"in{message.id}", queued)
    story = session.get(Story, message.story_id) if message.story_id else None
    if story is not None:
        story.channel = CHANNEL
    if contact.consented_at is None:
        contact.consented_at = now
