"""Replies to stories and the saved templates responders start from."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import ReplyTemplate, Response, Story


def get(session: Session, response_id: int) -> Response | None:
    return session.get(Response, response_id)


def template(session: Session, template_id: int) -> ReplyTemplate | None:
    return session.get(ReplyTemplate, template_id)


def templates(session: Session) -> list[ReplyTemplate]:
    """Every saved template, by theme then title."""
    return list(session.scalars(select(ReplyTemplate).order_by(ReplyTemplate.theme, ReplyTemplate.title)))


def add_template(session: Session, theme: str, title: str, body: str, by: str) -> ReplyTemplate:
    found = ReplyTemplate(theme=theme, title=title, body=body, created_by=by)
    session.add(found)
    session.flush()
    return found


def overridden_between(session: Session, site: str, start: datetime, end: datetime) -> int:
    """Replies a lead approved in a period over the checker's blocking findings, at one site (or ``all``)."""
    query = (
        select(func.count(Response.id))
        .join(Story, Story.id == Response.story_id)
        .where(
            Response.override_reason.is_not(None),
            Response.approved_at >= start,
            Response.approved_at < end,
        )
    )
    if site.lower() != "all":
        query = query.where(Story.site == site)
    return session.scalar(query) or 0
