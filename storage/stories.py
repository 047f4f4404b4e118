"""Stories: the draft she is telling, the queue staff work through, and their reference codes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from flows.review import Status
from storage.models import Contact, Inbound, Story
from storage.refcodes import new_code


def start(session: Session, contact: Contact) -> Story:
    """A new draft story: her channel and transport, her language, the champion who brought her."""
    story = Story(
        contact_id=contact.id,
        channel=contact.channel,
        transport=contact.transport,
        lang=contact.lang,
        champion_code=contact.champion_code,
    )
    session.add(story)
    session.flush()
    return story


def open_story(session: Session, contact_id: int) -> Story | None:
    return session.scalars(
        select(Story)
        .where(Story.contact_id == contact_id, Story.status == Status.DRAFT)
        .order_by(Story.id.desc())
    ).first()


def latest_submitted(session: Session, contact_id: int) -> Story | None:
    return session.scalars(
        select(Story)
        .where(Story.contact_id == contact_id, Story.ref.is_not(None))
        .order_by(Story.submitted_at.desc(), Story.id.desc())
    ).first()


def parts(session: Session, story_id: int) -> list[Inbound]:
    return list(session.scalars(select(Inbound).where(Inbound.story_id == story_id).order_by(Inbound.id)))


def assign_ref(session: Session, story: Story) -> str:
    """A unique code; longer codes once short ones start to collide."""
    for attempt in range(12):
        code = new_code(4 + attempt // 4)
        try:
            with session.begin_nested():
                story.ref = code
                session.flush()
        except IntegrityError:
            story.ref = None
            continue
        return code
    raise RuntimeError("could not allocate a reference code")


def by_ref(session: Session, ref: str) -> Story | None:
    return session.scalars(select(Story).where(Story.ref == ref)).one_or_none()


def _at_site(site: str) -> list[ColumnElement[bool]]:
    return [] if site.lower() == "all" else [Story.site == site]


def submitted_between(
    session: Session, site: str, start: datetime, end: datetime, statuses: Sequence[str]
) -> list[Story]:
    """Stories she finished in a period, at one site (or ``all``), in any of ``statuses``."""
    return list(
        session.scalars(
            select(Story).where(
                *_at_site(site),
                Story.ref.is_not(None),
                Story.status.in_(list(statuses)),
                Story.submitted_at >= start,
                Story.submitted_at < end,
            )
        )
    )


def replied_between(session: Session, site: str, start: datetime, end: datetime) -> list[Story]:
    return list(
        session.scalars(
            select(Story).where(*_at_site(site), Story.replied_at >= start, Story.replied_at < end)
        )
    )


def translation_due(session: Session, now: datetime, limit: int) -> list[Story]:
    """Moderated stories waiting for machine translation, locked so two workers never send one twice."""
    return list(
        session.scalars(
            select(Story)
            .where(Story.translation_status == "pending", Story.translation_next_at <= now)
            .order_by(Story.translation_next_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    )
