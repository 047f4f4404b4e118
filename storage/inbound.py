"""Her messages as they arrived: stored once, answered in order, and set aside when one cannot be.

A message that fails because of itself (not because the database is away) is tried a few times, each
failure committed on its own so the count survives the failed try; then it is parked: shown to leads,
and her later messages — STOP above all — go on without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, Select, bindparam, func, or_, select
from sqlalchemy.orm import Session

from storage.models import Conversation, Inbound, Media
from storage.upsert import insert_ignoring_conflict

#: failed tries before a message is parked; the waits between them grow from one second
MAX_ATTEMPTS = 3


def add(session: Session, values: dict[str, Any]) -> int | None:
    """Store one message; None when the provider had sent it before (a retry is a no-op)."""
    return insert_ignoring_conflict(session, Inbound.__table__, values, ["channel", "provider_id"])


def add_media(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    for row in rows:
        session.add(Media(**row))


def _waiting(now: datetime) -> list[Any]:
    return [
        Inbound.processed_at.is_(None),
        Inbound.parked_at.is_(None),
        or_(Inbound.retry_at.is_(None), Inbound.retry_at <= now),
    ]


#: the senders a statement built once asks about, given when it runs
_SENDERS = bindparam("contact_ids", type_=Integer(), expanding=True)
#: her messages not yet answered nor parked, whether or not one waits to be tried again: her order
#: holds, so a message waiting for its retry keeps the ones behind it waiting too
_UNANSWERED = (Inbound.contact_id.in_(_SENDERS), Inbound.processed_at.is_(None), Inbound.parked_at.is_(None))


def _tried_later(retry_at: datetime | None, now: datetime) -> bool:
    return retry_at is not None and retry_at > now


#: built once, run for every message: building a statement costs more CPU than running it
_OLDEST = select(Inbound).where(*_UNANSWERED).order_by(Inbound.id).limit(1)


def next_of(session: Session, contact_id: int, now: datetime) -> Inbound | None:
    """Her oldest message still to answer; None when the oldest is waiting to be tried again."""
    oldest = session.scalars(_OLDEST, {"contact_ids": [contact_id]}).first()
    if oldest is None or _tried_later(oldest.retry_at, now):
        return None
    return oldest


@dataclass(frozen=True)
class Waiting:
    """Her oldest message to answer, her conversation's state (None: none yet) and whether another of
    hers waits behind it: what the worker reads before it takes the write lock."""

    contact_id: int
    inbound_id: int
    body_sealed: bytes
    is_call: bool
    state: dict[str, Any] | None
    more: bool


def _first_waiting() -> Select[Any]:
    """Each sender's oldest unanswered message, how many she has, and her conversation's state."""
    mine = Inbound.contact_id
    ranked = (
        select(
            Inbound.id,
            mine,
            Inbound.body_sealed,
            Inbound.call,
            Inbound.retry_at,
            func.row_number().over(partition_by=mine, order_by=Inbound.id).label("place"),
            func.count().over(partition_by=mine).label("unanswered"),
        )
        .where(*_UNANSWERED)
        .subquery()
    )
    return (
        select(ranked, Conversation.state)
        .outerjoin(Conversation, Conversation.contact_id == ranked.c.contact_id)
        .where(ranked.c.place == 1)
    )


_FIRST_WAITING = _first_waiting()


def waiting_for(session: Session, contact_ids: Sequence[int], now: datetime) -> dict[int, Waiting]:
    """`next_of` and her state for each of these senders, in one unlocked read (senders with nothing to
    answer now are left out). It counts her other messages too, so that the worker, having answered
    this one, need not read again to learn there is nothing after it."""
    rows = session.execute(_FIRST_WAITING, {"contact_ids": list(contact_ids)})
    return {
        row.contact_id: Waiting(
            row.contact_id,
            row.id,
            row.body_sealed,
            row.call is not None,
            None if row.state is None else dict(row.state),
            more=row.unanswered > 1,
        )
        for row in rows
        if not _tried_later(row.retry_at, now)
    }


def senders_waiting(session: Session, now: datetime, limit: int) -> list[int]:
    """Contacts with a message to answer now, the longest waiting first."""
    ids = session.scalars(select(Inbound.contact_id).where(*_waiting(now)).order_by(Inbound.id).limit(limit))
    return list(dict.fromkeys(ids))


def failed(session: Session, inbound_id: int, error: str, now: datetime) -> bool:
    """Count a failed try (the caller commits it apart from the try); True when it is now parked."""
    row = session.get(Inbound, inbound_id)
    if row is None:
        return False
    row.attempts += 1
    row.last_error = error[:200]
    if row.attempts >= MAX_ATTEMPTS:
        row.parked_at = now
        return True
    row.retry_at = now + timedelta(seconds=2 ** (row.attempts - 1))
    return False


def parked(session: Session, limit: int = 200) -> list[Inbound]:
    """Messages set aside after failing, newest first, for leads to see (never her words)."""
    return list(
        session.scalars(
            select(Inbound).where(Inbound.parked_at.is_not(None)).order_by(Inbound.id.desc()).limit(limit)
        )
    )


def count_waiting(session: Session, now: datetime) -> int:
    return int(session.scalar(select(func.count()).select_from(Inbound).where(*_waiting(now))) or 0)


def of_contact(session: Session, contact_id: int) -> list[Inbound]:
    """Everything one sender sent, in order (the simulator shows it back to her)."""
    return list(session.scalars(select(Inbound).where(Inbound.contact_id == contact_id).order_by(Inbound.id)))
