"""Voice notes, photos and files she sent, kept sealed for moderators."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import or_, select
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


def to_transcribe(session: Session, stale_before: datetime, limit: int) -> list[Media]:
    """Stored voice notes not yet written down (or whose worker died at it), once her message has been
    answered (so it belongs to a story), locked so two workers never transcribe the same note."""
    return list(
        session.scalars(
            select(Media)
            .join(Inbound, Inbound.id == Media.inbound_id)
            .where(
                Media.kind == "audio",
                Media.status == "stored",
                Inbound.processed_at.is_not(None),
                or_(
                    Media.transcript_status.is_(None),
                    (Media.transcript_status == "working") & (Media.transcript_started_at < stale_before),
                ),
            )
            .order_by(Media.id)
            .limit(limit)
            .with_for_update(of=Media, skip_locked=True)
        )
    )


def transcribed(session: Session, inbound_ids: Sequence[int]) -> list[Media]:
    """Voice notes of these messages that have words, in the order she sent them."""
    if not inbound_ids:
        return []
    return list(
        session.scalars(
            select(Media)
            .where(Media.inbound_id.in_(list(inbound_ids)), Media.transcript_sealed.is_not(None))
            .order_by(Media.id)
        )
    )
