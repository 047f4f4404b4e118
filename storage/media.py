"""Voice notes, photos and files she sent, kept sealed for moderators."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Inbound, Media, Story

#: how many times fetching one file from the provider is tried before it is marked failed
MAX_ATTEMPTS = 5


def get(session: Session, media_id: int) -> Media | None:
    return session.get(Media, media_id)


def stored_for_story(session: Session, story_id: int) -> list[Media]:
    return list(
        session.scalars(
            select(Media)
            .join(Inbound, Inbound.id == Media.inbound_id)
            .where(Inbound.story_id == story_id, Media.status == "stored")
            .order_by(Media.id)
        )
    )


def story_of(session: Session, media: Media) -> Story | None:
    inbound = session.get(Inbound, media.inbound_id)
    return session.get(Story, inbound.story_id) if inbound is not None and inbound.story_id else None


def to_fetch(session: Session, limit: int) -> list[Media]:
    """Files the provider still holds for us, locked so two workers never fetch the same one."""
    return list(
        session.scalars(
            select(Media)
            .where(Media.status == "pending", Media.attempts < MAX_ATTEMPTS, Media.source_sealed.is_not(None))
            .order_by(Media.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    )
