""" "You said, we did": changes the service made because of what women told it."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Action


def add(
    session: Session,
    *,
    site: str | None,
    you_said: str,
    we_did: str,
    themes: Sequence[str],
    story_refs: Sequence[str],
    made: bool,
    by: str,
) -> Action:
    action = Action(
        site=site,
        you_said=you_said,
        we_did=we_did,
        themes=list(themes),
        story_refs=list(story_refs),
        status="made" if made else "planned",
        created_by=by,
    )
    session.add(action)
    session.flush()
    return action


def get(session: Session, action_id: int) -> Action | None:
    return session.get(Action, action_id)


def newest_first(session: Session) -> list[Action]:
    return list(session.scalars(select(Action).order_by(Action.created_at.desc())))


def for_site(session: Session, site: str, limit: int = 10) -> list[Action]:
    """The latest actions for one site (and those for every site); ``all`` gives every action."""
    query = select(Action).order_by(Action.created_at.desc()).limit(limit)
    if site.lower() != "all":
        query = query.where((Action.site.is_(None)) | (Action.site == site))
    return list(session.scalars(query))
