"""The outbox: every message to her is a row first, so a crash or a provider outage loses nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, func, literal, or_, select, update
from sqlalchemy.orm import Session

from storage.models import Contact, Lease, OutboxMessage, Story
from storage.upsert import insert_ignoring_conflict

#: a claim outlives its worker's heartbeat by at most this; rows claimed before claims named their
#: worker fall back on it alone
CLAIM_FOR = timedelta(minutes=2)
#: how a worker's heartbeat lease is named: ``worker:`` and its id
HEARTBEAT_PREFIX = "worker:"


def enqueue(
    session: Session,
    *,
    idempotency_key: str,
    channel: str,
    transport: str,
    address_sealed: bytes,
    body: str,
    contact_id: int | None,
    story_id: int | None = None,
    choices: Sequence[str] = (),
    kind: str = "flow",
    not_before: datetime | None = None,
    template: dict[str, object] | None = None,
) -> int | None:
    """Queue one message; the same idempotency key twice queues it once."""
    values: dict[str, object] = {
        "idempotency_key": idempotency_key,
        "channel": channel,
        "transport": transport,
        "address_sealed": address_sealed,
        "body": body,
        "contact_id": contact_id,
        "story_id": story_id,
        "choices": list(choices),
        "kind": kind,
        "template": template,
    }
    if not_before is not None:
        values["next_attempt_at"] = not_before
    return insert_ignoring_conflict(session, OutboxMessage.__table__, values, ["idempotency_key"])


def enqueue_to(
    session: Session,
    contact: Contact,
    idempotency_key: str,
    body: str,
    *,
    story_id: int | None = None,
    choices: Sequence[str] = (),
    kind: str = "flow",
    template: dict[str, object] | None = None,
) -> int | None:
    """Queue one message to her, on her channel, at her sealed address."""
    return enqueue(
        session,
        idempotency_key=idempotency_key,
        channel=contact.channel,
        transport=contact.transport,
        address_sealed=contact.address_sealed,
        body=body,
        contact_id=contact.id,
        story_id=story_id,
        choices=choices,
        kind=kind,
        template=template,
    )


def claim(
    session: Session, now: datetime, holder: str, limit: int = 20, ids: Sequence[int] | None = None
) -> list[OutboxMessage]:
    """Take due rows for the worker ``holder``. PostgreSQL skips rows another worker holds; SQLite's
    write lock (writers begin IMMEDIATE) gives one claimer at a time."""
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.status == "queued", OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    if ids is not None:
        query = query.where(OutboxMessage.id.in_(list(ids)))
    rows = list(session.scalars(query))
    for row in rows:
        row.status = "sending"
        row.claimed_until = now + CLAIM_FOR
        row.claimed_by = holder
    return rows


def due_count(session: Session, now: datetime) -> int:
    """How many messages wait to be sent now (a cheap look before taking the write lock to claim)."""
    found = session.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.status == "queued", OutboxMessage.next_attempt_at <= now)
    )
    return int(found or 0)


def release_claims(session: Session, holder: str) -> int:
    """A worker stopping cleanly gives back what it claimed and had not handed to a provider."""
    result = session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == "sending",
            OutboxMessage.claimed_by == holder,
            OutboxMessage.provider_id.is_(None),
        )
        .values(status="queued", claimed_until=None, claimed_by=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def release_held(session: Session, contact_id: int, now: datetime) -> int:
    """She wrote again, so WhatsApp's window is open: send what was waiting for it."""
    result = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.contact_id == contact_id, OutboxMessage.status == "held")
        .values(status="queued", next_attempt_at=now, claimed_until=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def requeue_stale(session: Session, now: datetime) -> int:
    """Rows claimed by a worker that has stopped beating (killed, or its host gone).

    If the provider took the message, its status callback has recorded the provider id by now and the
    row is marked sent; otherwise it is queued again. Only a provider that accepted a message and then
    never called back (Telegram sends no receipts) can cause a second copy.
    """
    alive = exists().where(
        Lease.name == literal(HEARTBEAT_PREFIX) + OutboxMessage.claimed_by, Lease.expires_at >= now
    )
    stale = list(
        session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.status == "sending",
                or_(
                    and_(OutboxMessage.claimed_by.is_not(None), ~alive),
                    and_(OutboxMessage.claimed_by.is_(None), OutboxMessage.claimed_until < now),
                ),
            )
            .with_for_update(skip_locked=True)
        )
    )
    for row in stale:
        row.claimed_until = None
        row.claimed_by = None
        if row.provider_id:
            row.status = "sent"
            row.sent_at = row.sent_at or now
        else:
            row.status = "queued"
            row.last_error = "sent again: the worker sending it stopped"
    return len(stale)


def by_key(session: Session, idempotency_key: str) -> OutboxMessage | None:
    return session.scalars(
        select(OutboxMessage).where(OutboxMessage.idempotency_key == idempotency_key)
    ).first()


def by_provider_id(session: Session, provider_id: str) -> OutboxMessage | None:
    return session.scalars(select(OutboxMessage).where(OutboxMessage.provider_id == provider_id)).first()


def for_contact(
    session: Session, contact_id: int, statuses: Sequence[str] = ("sent", "delivered")
) -> list[OutboxMessage]:
    return list(
        session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.contact_id == contact_id, OutboxMessage.status.in_(list(statuses)))
            .order_by(OutboxMessage.id)
        )
    )


def sent_among(session: Session, ids: Sequence[int]) -> list[OutboxMessage]:
    """Of these rows, the ones that reached her phone, in the order they were queued."""
    return list(
        session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.id.in_(list(ids)), OutboxMessage.status.in_(("sent", "delivered")))
            .order_by(OutboxMessage.id)
        )
    )


def problems(session: Session, limit: int = 300) -> list[tuple[OutboxMessage, str | None]]:
    """Messages that could not be delivered (newest first), each with its story's reference if any."""
    rows = session.execute(
        select(OutboxMessage, Story.ref)
        .join(Story, Story.id == OutboxMessage.story_id, isouter=True)
        .where(OutboxMessage.status.in_(("failed", "undelivered", "held", "suppressed")))
        .order_by(OutboxMessage.id.desc())
        .limit(limit)
    ).all()
    return [(row, ref) for row, ref in rows]
