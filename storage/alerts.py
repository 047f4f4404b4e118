"""Urgent alerts: what was raised for a story, whether the on-call lead was emailed, who acted."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Alert, Story


def add(session: Session, story: Story, risks: list[str], email_status: str) -> Alert:
    assert story.ref is not None
    alert = Alert(story_id=story.id, story_ref=story.ref, risks=risks, email_status=email_status)
    session.add(alert)
    session.flush()
    return alert


def get(session: Session, alert_id: int) -> Alert | None:
    return session.get(Alert, alert_id)


def for_story(session: Session, story_id: int) -> list[Alert]:
    return list(session.scalars(select(Alert).where(Alert.story_id == story_id).order_by(Alert.id)))


def email_pending(session: Session, limit: int = 20) -> list[Alert]:
    return list(session.scalars(select(Alert).where(Alert.email_status == "pending").limit(limit)))


def raised_between(session: Session, site: str, start: datetime, end: datetime) -> list[Alert]:
    """Alerts raised in a period, for one site or ``all``."""
    query = (
        select(Alert)
        .join(Story, Story.id == Alert.story_id)
        .where(Alert.created_at >= start, Alert.created_at < end)
        .order_by(Alert.created_at)
    )
    if site.lower() != "all":
        query = query.where(Story.site == site)
    return list(session.scalars(query))
