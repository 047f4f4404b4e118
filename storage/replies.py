"""Replies to stories and the saved templates responders start from."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import ReplyTemplate, Response


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
