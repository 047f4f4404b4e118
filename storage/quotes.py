"""Quotes: a few of her words on a site's public page, only with her yes, gone the moment she withdraws."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from flows.review import MODERATED_OR_LATER
from storage.models import Quote, Story


def withdraw(session: Session, contact_id: int) -> list[str]:
    """Every story of hers says no from now on, and every quote of hers is deleted; their codes."""
    stories = list(session.scalars(select(Story).where(Story.contact_id == contact_id)))
    for story in stories:
        story.quote_ok = False
    ids = [story.id for story in stories]
    if ids:
        session.execute(delete(Quote).where(Quote.story_id.in_(ids)))
    return [story.ref for story in stories if story.ref]


def offered(session: Session, sites: Sequence[str] | None = None, limit: int = 50) -> list[Story]:
    """Stories whose teller said yes, checked by a moderator, and not quoted yet; newest first."""
    quoted = select(Quote.story_id)
    query = (
        select(Story)
        .where(
            Story.quote_ok.is_(True),
            Story.status.in_(list(MODERATED_OR_LATER)),
            Story.id.not_in(quoted),
        )
        .order_by(Story.submitted_at.desc(), Story.id.desc())
        .limit(limit)
    )
    if sites is not None:
        query = query.where(Story.site.in_(list(sites)))
    return list(session.scalars(query))


def publish(session: Session, story: Story, text: str, by: str) -> Quote:
    quote = Quote(story_id=story.id, site=story.site, text=text, published_by=by)
    session.add(quote)
    session.flush()
    return quote


def get(session: Session, quote_id: int) -> Quote | None:
    return session.get(Quote, quote_id)


def remove(session: Session, quote: Quote) -> None:
    session.delete(quote)


def published(session: Session, site: str | None = None, limit: int = 100) -> list[Quote]:
    """Quotes on show, newest first: one site's, or every site's for the lead's page."""
    query = select(Quote).order_by(Quote.published_at.desc(), Quote.id.desc()).limit(limit)
    if site is not None:
        query = query.where(Quote.site == site)
    return list(session.scalars(query))


def story_of(session: Session, quote: Quote) -> Story | None:
    return session.get(Story, quote.story_id)
