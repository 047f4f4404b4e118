"""Staff accounts. Passwords are hashed with argon2; nothing else here is secret."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from flows.review import Role
from storage.models import StaffUser

ROLES = tuple(role.value for role in Role)
#: the longest username, and display name or job title, the staff_user table holds
USERNAME_MAX, NAME_MAX = 80, 120
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def create(
    session: Session, username: str, password: str, role: str, display_name: str, job_title: str = ""
) -> StaffUser:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    user = StaffUser(
        username=username.strip().lower(),
        password_hash=hash_password(password),
        role=role,
        display_name=display_name,
        job_title=job_title,
    )
    session.add(user)
    session.flush()
    return user


def too_long(username: str, display_name: str, job_title: str) -> bool:
    """More than the staff_user table holds (PostgreSQL refuses it; SQLite would keep it anyway)."""
    return (
        len(username.strip()) > USERNAME_MAX
        or len(display_name.strip()) > NAME_MAX
        or len(job_title.strip()) > NAME_MAX
    )


def by_username(session: Session, username: str) -> StaffUser | None:
    return session.scalars(
        select(StaffUser).where(StaffUser.username == username.strip().lower())
    ).one_or_none()


def authenticate(session: Session, username: str, password: str) -> StaffUser | None:
    user = by_username(session, username)
    if user is None or not user.active:
        _hasher.hash(password)  # same work either way, so timing doesn't reveal which usernames exist
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def get(session: Session, user_id: int) -> StaffUser | None:
    return session.get(StaffUser, user_id)


def everyone(session: Session) -> list[StaffUser]:
    """Active accounts first, then by name."""
    return list(session.scalars(select(StaffUser).order_by(StaffUser.active.desc(), StaffUser.display_name)))


def display_names(session: Session) -> dict[str, str]:
    """Usernames to display names, so pages say "Mo Khan" rather than a login."""
    return {user.username: user.display_name for user in session.scalars(select(StaffUser))}
