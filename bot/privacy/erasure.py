"""Erasure requested through staff (a letter, a phone call): the same as her own DELETE."""

from __future__ import annotations

from bot.services import Services
from channels.base import canonical_address
from channels.registry import TRANSPORTS
from storage import audit, contacts, stories


def erase_by_ref(services: Services, ref: str, actor: str) -> bool:
    with services.db.session() as session:
        story = stories.by_ref(session, ref.strip().upper())
        if story is None:
            return False
        if story.contact_id is None:
            session.delete(story)  # already anonymised: only the story itself is left to go
            counts = {"story": 1}
        else:
            counts = contacts.erase(session, story.contact_id)
        audit.record(session, actor, "erasure", None, rows=counts, requested="by staff")
    return True


def erase_by_sender(services: Services, channel: str, sender: str, actor: str) -> bool:
    address = canonical_address(channel, sender)
    erased = False
    with services.db.session() as session:
        for transport in TRANSPORTS:
            contact = contacts.find(session, services.vault, transport, channel, address)
            if contact is not None:
                counts = contacts.erase(session, contact.id)
                audit.record(session, actor, "erasure", None, rows=counts, requested="by staff")
                erased = True
    return erased
