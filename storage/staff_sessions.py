"""Staff sessions kept on the server, so signing out (or being deactivated) ends them everywhere.

The browser's signed cookie carries a random token; this table keeps only its SHA-256, with who it
belongs to, when it was last used and whether it has been revoked. A cookie copied before sign-out
names a revoked row, and a revoked row never comes back.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from storage.models import StaffSession, StaffUser, utcnow

#: how often last_seen_at is written: once a minute is enough to expire idle sessions
TOUCH_EVERY = timedelta(minutes=1)


def _key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(session: Session, user_id: int) -> str:
    """A new session for this person; returns the token for the cookie (kept nowhere else)."""
    token = secrets.token_urlsafe(32)
    session.add(StaffSession(id=_key(token), user_id=user_id))
    session.flush()
    return token


def user_for(session: Session, token: str, idle: timedelta, now: datetime | None = None) -> StaffUser | None:
    """The active person this token belongs to, unless it was revoked or left idle longer than ``idle``."""
    moment = now or utcnow()
    found = session.get(StaffSession, _key(token))
    if found is None or found.revoked_at is not None:
        return None
    if found.last_seen_at < moment - idle:
        found.revoked_at = moment
        return None
    user = session.get(StaffUser, found.user_id)
    if user is None or not user.active:
        return None
    if found.last_seen_at < moment - TOUCH_EVERY:
        found.last_seen_at = moment
    return user


def end(session: Session, token: str) -> None:
    """Sign-out: this token stops working, wherever a copy of the cookie is."""
    session.execute(
        update(StaffSession)
        .where(StaffSession.id == _key(token), StaffSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def end_all_for(session: Session, user_id: int) -> int:
    """Every session this person has (deactivated, or signed out everywhere); returns how many ended."""
    result = session.execute(
        update(StaffSession)
        .where(StaffSession.user_id == user_id, StaffSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    return int(getattr(result, "rowcount", 0) or 0)
