"""A database lease, so scheduled jobs run once even with many workers."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, or_, update
from sqlalchemy.orm import Session

from storage.models import Lease
from storage.upsert import insert_ignoring_conflict


def acquire(session: Session, name: str, holder: str, now: datetime, ttl: timedelta) -> bool:
    """Take or renew the lease; True when this holder has it until ``now + ttl``."""
    insert_ignoring_conflict(
        session, Lease.__table__, {"name": name, "holder": holder, "expires_at": now + ttl}, ["name"]
    )
    result = session.execute(
        update(Lease)
        .where(Lease.name == name, or_(Lease.holder == holder, Lease.expires_at < now))
        .values(holder=holder, expires_at=now + ttl)
    )
    return bool(getattr(result, "rowcount", 0))


def release(session: Session, name: str, holder: str) -> None:
    """Give the lease up now (a worker stopping cleanly), if this holder still has it."""
    session.execute(delete(Lease).where(Lease.name == name, Lease.holder == holder))
