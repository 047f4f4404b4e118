"""Her messages as they arrived: what is still to be answered, and a conversation's history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Inbound


def unprocessed_of(session: Session, contact_id: int) -> list[Inbound]:
    """One sender's messages not yet run through her flow, oldest first."""
    return list(
        session.scalars(
            select(Inbound)
            .where(Inbound.contact_id == contact_id, Inbound.processed_at.is_(None))
            .order_by(Inbound.id)
        )
    )


def senders_waiting(session: Session, received_before: datetime, limit: int) -> list[int]:
    """Contacts with a message stored before ``received_before`` and still not answered, oldest first."""
    ids = session.scalars(
        select(Inbound.contact_id)
        .where(Inbound.processed_at.is_(None), Inbound.received_at <= received_before)
        .order_by(Inbound.id)
        .limit(limit)
    )
    return list(dict.fromkeys(ids))


def of_contact(session: Session, contact_id: int) -> list[Inbound]:
    """Everything one sender sent, in order (the simulator shows it back to her)."""
    return list(session.scalars(select(Inbound).where(Inbound.contact_id == contact_id).order_by(Inbound.id)))
