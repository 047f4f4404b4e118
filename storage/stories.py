"""Stories: the draft she is telling, the queue staff work through, and their reference codes."""

from __future__ import annotations

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import Contact, Inbound, Story
from storage.refcodes import new_code

QUEUE_STATUSES = ("new", "moderated", "drafted", "approved")
STATUSES = ("new", "moderated", "drafted", "approved", "replied", "closed", "withdrawn")


def start(session: Session, contact: Contact) -> Story:
    """A new draft story: her channel, her language, and the champion who brought her, nothing more."""
    story = Story(
        contact_id=contact.id, channel=contact.channel, lang=contact.lang, champion_code=contact.champion_code
    )
    session.add(story)
    session.flush()
    return story


def open_story(session: Session, contact_id: int) -> Story | None:
    return session.scalars(
        select(Story).where(Story.contact_id == contact_id, Story.status == "draft").order_by(Story.id.desc())
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


def queue(session: Session, statuses: tuple[str, ...] = QUEUE_STATUSES, limit: int = 200) -> list[Story]:
    """Urgent first (even while she is still telling it), then oldest first."""
    return list(
        session.scalars(
            select(Story)
            .where(or_(Story.status.in_(statuses), and_(Story.status == "draft", Story.urgent.is_(True))))
            .order_by(case((Story.urgent, 0), else_=1), Story.submitted_at, Story.id)
            .limit(limit)
        )
    )


def counts(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(Story.status, func.count()).where(Story.ref.is_not(None)).group_by(Story.status)
    )
    return {status: int(count) for status, count in rows}
