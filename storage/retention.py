"""The queries that forget: her raw words after moderation, old stories' links to her, idle contacts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, delete, exists, or_, select, update
from sqlalchemy.orm import Session

from flows.review import Status
from storage.models import Contact, Conversation, Inbound, Media, Story


def raw_due(session: Session, now: datetime) -> list[Story]:
    """Moderated stories whose raw words and media may now go."""
    return list(
        session.scalars(
            select(Story).where(
                Story.purge_raw_after.is_not(None),
                Story.purge_raw_after <= now,
                Story.raw_sealed.is_not(None),
            )
        )
    )


def purge_raw(session: Session, story: Story, blank: bytes) -> None:
    """Her media gone and every message of the story emptied; the redacted text stays."""
    story.raw_sealed = None
    parts = select(Inbound.id).where(Inbound.story_id == story.id)
    session.execute(delete(Media).where(Media.inbound_id.in_(parts)))
    session.execute(update(Inbound).where(Inbound.story_id == story.id).values(body_sealed=blank))


def older_than(session: Session, cutoff: datetime) -> list[Story]:
    """Finished stories created before ``cutoff`` that still hold a link to her or her raw words."""
    return list(
        session.scalars(
            select(Story).where(
                Story.created_at < cutoff,
                or_(Story.contact_id.is_not(None), Story.raw_sealed.is_not(None)),
                Story.status != Status.DRAFT,
            )
        )
    )


def reduce(session: Session, story: Story) -> None:
    """Keep only the story's redacted, anonymous form: no messages, no media, no link to her."""
    parts = select(Inbound.id).where(Inbound.story_id == story.id)
    session.execute(delete(Media).where(Media.inbound_id.in_(parts)))
    session.execute(delete(Inbound).where(Inbound.story_id == story.id))
    story.raw_sealed = None
    story.contact_id = None


def forget_idle_contacts(session: Session, cutoff: datetime) -> int:
    """Contacts with no story left and no message since ``cutoff``, with their messages and state."""
    idle = list(
        session.scalars(
            select(Contact.id).where(
                or_(Contact.last_inbound_at.is_(None), Contact.last_inbound_at < cutoff),
                ~exists().where(and_(Story.contact_id == Contact.id)),
            )
        )
    )
    for contact_id in idle:
        session.execute(delete(Inbound).where(Inbound.contact_id == contact_id))
        session.execute(delete(Conversation).where(Conversation.contact_id == contact_id))
        session.execute(delete(Contact).where(Contact.id == contact_id))
    return len(idle)
