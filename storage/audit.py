"""The audit log: append-only. There is deliberately no function here to change or remove an event."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import AuditEvent


def record(session: Session, actor: str, action: str, story_ref: str | None = None, **detail: Any) -> None:
    session.add(AuditEvent(actor=actor, action=action, story_ref=story_ref, detail=detail))


def recent(session: Session, limit: int = 200, story_ref: str | None = None) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if story_ref is not None:
        query = query.where(AuditEvent.story_ref == story_ref)
    return list(session.scalars(query))
