"""Staff replies: two people (one writes, another approves), then out through her channel's outbox."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from flows.catalog import text as catalog_text
from storage import audit, outbox
from storage.models import Contact, Response, StaffUser, Story


class ReplyRefused(Exception):
    """Why a reply cannot go: shown to the member of staff as it is."""


def signature(author: StaffUser) -> str:
    """Her reply comes from a person, not "the Trust"."""
    return f"{author.display_name}, {author.job_title}" if author.job_title else author.display_name


def draft(session: Session, story: Story, author: StaffUser, body: str) -> Response:
    body = body.strip()
    if not body:
        raise ReplyRefused("The reply is empty.")
    if story.status in ("new", "draft", "withdrawn", "closed"):
        raise ReplyRefused("This story must be moderated before anyone replies.")
    response = Response(story_id=story.id, body=body, author_id=author.id)
    session.add(response)
    story.status = "drafted"
    session.flush()
    audit.record(session, author.username, "reply_drafted", story.ref, response=response.id)
    return response


def approve(session: Session, response: Response, approver: StaffUser) -> int | None:
    """Approve and queue the reply; returns the outbox id, or None when she can no longer be reached."""
    story = response.story
    if response.author_id == approver.id:
        raise ReplyRefused("Someone else must approve a reply you wrote.")
    if response.status != "draft":
        raise ReplyRefused("This reply has already been approved.")
    now = datetime.now(UTC)
    response.status = "approved"
    response.approver_id = approver.id
    response.approved_at = now
    story.status = "approved"
    audit.record(session, approver.username, "reply_approved", story.ref, response=response.id)
    contact = session.get(Contact, story.contact_id) if story.contact_id is not None else None
    if contact is None:
        return None
    lang = contact.lang
    header = catalog_text(lang, "reply.header").format(code=story.ref)
    body = f"{header}\n{response.body}\n{signature(response.author)}"
    return outbox.enqueue(
        session,
        idempotency_key=f"reply-{response.id}",
        channel=contact.channel,
        transport=contact.transport,
        address_sealed=contact.address_sealed,
        body=body,
        contact_id=contact.id,
        story_id=story.id,
        kind="reply",
    )


def mark_sent(session: Session, story_id: int, at: datetime) -> None:
    """The worker sent an approved reply: the story is answered."""
    story = session.get(Story, story_id)
    if story is None:
        return
    story.status = "replied"
    for response in story.responses:
        if response.status == "approved":
            response.status = "sent"
            response.sent_at = at
