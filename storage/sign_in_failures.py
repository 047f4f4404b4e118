"""Failed sign-ins, in the database so every web process counts the same attempts.

The limits themselves (how many, how long) are decided by the dashboard's sign-in; this module only
records failures and counts them: per username, per address, per known device.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from storage.models import SignInFailure, utcnow

#: failures are only ever counted within a few minutes; after a day they are of no use to anyone
KEEP_FOR = timedelta(days=1)


@dataclass(frozen=True)
class Failures:
    """How many failures matched since a moment, and when the latest and earliest of them were."""

    count: int
    first: datetime | None
    last: datetime | None


def record(
    session: Session, username: str, address: str, device: str | None, at: datetime | None = None
) -> None:
    moment = at or utcnow()
    session.add(SignInFailure(at=moment, username=username[:80], address=address[:45], device=device))
    session.execute(delete(SignInFailure).where(SignInFailure.at < moment - KEEP_FOR))


def _since(session: Session, since: datetime, *where: ColumnElement[bool]) -> Failures:
    count, first, last = session.execute(
        select(func.count(), func.min(SignInFailure.at), func.max(SignInFailure.at)).where(
            SignInFailure.at >= since, *where
        )
    ).one()
    return Failures(int(count), first, last)


def for_device(session: Session, device: str, since: datetime) -> Failures:
    """Failures from one known device (for the usernames it knows)."""
    return _since(session, since, SignInFailure.device == device)


def for_address(session: Session, address: str, since: datetime) -> Failures:
    """Failures from one address by browsers it did not know."""
    return _since(session, since, SignInFailure.address == address, SignInFailure.device.is_(None))


def for_username(session: Session, username: str, since: datetime) -> Failures:
    """Failures for one username by browsers it did not know."""
    return _since(session, since, SignInFailure.username == username[:80], SignInFailure.device.is_(None))
