"""Where each sender is in her conversation: one row per contact, locked while her messages are stepped."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Conversation
from storage.upsert import insert_ignoring_conflict


def locked(session: Session, contact_id: int, create: bool = True) -> Conversation:
    """Her conversation, created if new, locked until the transaction ends (one step at a time).

    ``create=False`` when the caller has just seen that it exists: one statement fewer per message (it
    is still created if it went meanwhile).
    """
    query = select(Conversation).where(Conversation.contact_id == contact_id).with_for_update()
    if not create:
        found = session.scalars(query).one_or_none()
        if found is not None:
            return found
    insert_ignoring_conflict(
        session, Conversation.__table__, {"contact_id": contact_id, "state": {}, "version": 0}, ["contact_id"]
    )
    return session.scalars(query).one()


def due(session: Session, now: datetime, limit: int) -> list[Conversation]:
    """Conversations owed a nudge or a timeout, locked so two workers never send the same one."""
    return list(
        session.scalars(
            select(Conversation)
            .where(Conversation.due_at.is_not(None), Conversation.due_at <= now)
            .order_by(Conversation.due_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    )
