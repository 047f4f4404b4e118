""" "You said, we did": changes the service made because of what women told it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from flows.review import ActionStatus
from storage.models import Action, Story


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
        status=ActionStatus.MADE if made else ActionStatus.PLANNED,
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


def existing_refs(session: Session, refs: Sequence[str]) -> set[str]:
    """Which of ``refs`` are stories that exist (one query)."""
    if not refs:
        return set()
    return {ref for (ref,) in session.execute(select(Story.ref).where(Story.ref.in_(list(refs)))) if ref}


def for_story(session: Session, ref: str) -> list[Action]:
    """The changes a story is linked to (its reference is held in each action's JSON list)."""
    pattern = f'%"{ref}"%'
    return list(
        session.scalars(
            select(Action).where(cast(Action.story_refs, String).like(pattern)).order_by(Action.created_at)
        )
    )


def linked_stories(session: Session, action: Action) -> list[Story]:
    refs = [str(ref) for ref in action.story_refs]
    if not refs:
        return []
    return list(session.scalars(select(Story).where(Story.ref.in_(refs)).order_by(Story.id)))


def made_between(session: Session, site: str, start: datetime, end: datetime) -> list[Action]:
    """Changes made in a period, for one site (and those for every site)."""
    query = select(Action).where(
        Action.status == ActionStatus.MADE, Action.made_at >= start, Action.made_at < end
    )
    if site.lower() != "all":
        query = query.where((Action.site.is_(None)) | (Action.site == site))
    return list(session.scalars(query.order_by(Action.made_at)))
