"""Redactions moderators taught this deployment, remembered as keyed hashes of the words, never the words.

One row per phrase: the type to redact it as, or ``KEEP`` when a moderator undid it.  The latest
lesson about a phrase wins, so an undo can be undone.  Callers hash the phrase with the vault's lookup
key (``hasher``) before it reaches this table, so a copy of the table names no one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from storage.models import NEVER_REUSE_IDS, Base, utcnow
from storage.vault import Vault


class TaughtRedaction(Base):
    __tablename__ = "taught_redaction"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    words_hash: Mapped[str] = mapped_column(String(64), unique=True)
    words: Mapped[int] = mapped_column(Integer)  # how many words the phrase has, never which
    type: Mapped[str] = mapped_column(String(20))  # an entity type, or KEEP
    taught_by: Mapped[str] = mapped_column(String(80))
    taught_at: Mapped[datetime] = mapped_column(default=utcnow)


def hasher(vault: Vault) -> Callable[[str], str]:
    """The keyed hash a phrase is remembered and looked up by: the vault's lookup key, its own purpose."""
    return lambda words: vault.lookup("taught words", words)


def remember(session: Session, words_hash: str, words: int, kind: str, by: str) -> None:
    """Record one lesson; a later lesson about the same phrase replaces the earlier one."""
    found = session.scalars(select(TaughtRedaction).where(TaughtRedaction.words_hash == words_hash)).first()
    if found is None:
        session.add(TaughtRedaction(words_hash=words_hash, words=words, type=kind, taught_by=by))
        session.flush()
        return
    found.type = kind
    found.words = words
    found.taught_by = by
    found.taught_at = utcnow()


def taught(session: Session) -> tuple[dict[str, str], int]:
    """Every lesson as hash -> type, and the most words in any taught phrase."""
    rows = session.execute(select(TaughtRedaction.words_hash, TaughtRedaction.type, TaughtRedaction.words))
    lessons: dict[str, str] = {}
    longest = 1
    for words_hash, kind, words in rows:
        lessons[words_hash] = kind
        longest = max(longest, words)
    return lessons, longest
