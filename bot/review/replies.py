"""Staff replies: two people (one writes, another approves), then out through her channel's outbox.

A reply is checked (``bot.review.reply_check``) when it is saved and again when it is approved. While a
blocking finding stands it cannot be approved, unless a lead decides the checker is wrong for this reply
and writes down why: that decision is audited and counted in the digest. Advice never stops approval.
Once one reply to a story is sent, every other draft for that story is superseded and can never be
approved, so she never gets two answers to one story.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.review import themes
from bot.review.reply_check import check_reply
from flows.catalog import text as catalog_text
from flows.review import ReplyStatus, Status, can_approve_reply
from storage import audit, outbox
from storage.models import Contact, ReplyTemplate, Response, StaffUser, Story

ENGLISH = "en"
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z ]*\]")
#: the longest title the reply_template table holds
TEMPLATE_TITLE_MAX = 120


class ReplyRefused(Exception):
    """Why a reply cannot go: shown to the member of staff as it is."""


def signature(author: StaffUser) -> str:
    """Her reply comes from a person, not "the Trust": their first name and what they do."""
    first = author.display_name.split()[0] if author.display_name.strip() else author.username
    return f"{first}, {author.job_title}" if author.job_title else first


def story_english(story: Story) -> str | None:
    """Her story in English, redacted: what staff read, search and check replies against."""
    if story.translation_en:
        return story.translation_en
    return story.redacted_text if story.lang == ENGLISH else None


def findings(story: Story, body: str) -> list[dict[str, Any]]:
    """What the checker finds in ``body`` as a reply to this story, as stored on the response.

    Placeholders such as [ADDRESS] are not her words, so the checker must not ask for them back.
    """
    english = story_english(story)
    words = _PLACEHOLDER.sub(" ", english) if english else None
    return [asdict(finding) for finding in check_reply(body, words).findings]


def blocking(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The findings that stop approval (stored findings from before advice existed all block)."""
    return [finding for finding in found if finding.get("blocking", True)]


def draft(session: Session, story: Story, author: StaffUser, body: str) -> Response:
    body = body.strip()
    if not body:
        raise ReplyRefused("The reply is empty.")
    if story.status in (Status.NEW, Status.DRAFT, Status.WITHDRAWN, Status.CLOSED):
        raise ReplyRefused("This story must be moderated before anyone replies.")
    response = Response(story_id=story.id, body=body, author_id=author.id, findings=findings(story, body))
    session.add(response)
    story.status = Status.DRAFTED
    story.claimed_by = None
    story.claimed_until = None
    session.flush()
    audit.record(
        session,
        author.username,
        "reply_drafted",
        story.ref,
        response=response.id,
        findings=[finding["rule"] for finding in blocking(response.findings)],
    )
    return response


def set_translation(
    session: Session, response: Response, translated: str, back: str | None, edited_by: str | None
) -> None:
    """The reply in her language; ``edited_by`` when a person wrote or corrected it by hand."""
    response.translation = translated.strip() or None
    response.back_translation = back
    response.translation_edited_by = edited_by
    if edited_by is not None:
        audit.record(session, edited_by, "translation_edited", response.story.ref, response=response.id)


def approve(
    session: Session,
    response: Response,
    approver: StaffUser,
    override_reason: str = "",
    may_override: bool = False,
) -> int | None:
    """Approve and queue the reply; returns the outbox id, or None when she can no longer be reached.

    She gets the reply in her language when there is a translation, with the header in her language
    and the signature of the person who wrote it.
    """
    story = response.story
    if response.status == ReplyStatus.SUPERSEDED:
        raise ReplyRefused("Another reply to this story was sent first, so this draft is closed.")
    if not can_approve_reply(response.status):
        raise ReplyRefused("This reply has already been approved.")
    if response.author_id == approver.id:
        raise ReplyRefused("Someone else must approve a reply you wrote.")
    if any(other.status == ReplyStatus.APPROVED for other in story.responses if other is not response):
        raise ReplyRefused("Another reply to this story is already approved and on its way to her.")
    response.findings = findings(story, response.body)
    stopping = blocking(response.findings)
    reason = override_reason.strip()
    if stopping and not reason:
        raise ReplyRefused(
            "This reply cannot be approved yet: the checker found something that reads as defensive. "
            "Ask the writer to change it, or, as a lead, approve it with a written reason."
        )
    if stopping and not may_override:
        raise ReplyRefused("Only a lead can approve a reply the checker has blocked.")
    now = datetime.now(UTC)
    if stopping:
        response.override_reason = reason
        audit.record(
            session,
            approver.username,
            "reply_override",
            story.ref,
            response=response.id,
            rules=[finding["rule"] for finding in stopping],
            reason=reason,
        )
    response.status = ReplyStatus.APPROVED
    response.approver_id = approver.id
    response.approved_at = now
    story.status = Status.APPROVED
    story.claimed_by = None
    story.claimed_until = None
    audit.record(session, approver.username, "reply_approved", story.ref, response=response.id)
    contact = session.get(Contact, story.contact_id) if story.contact_id is not None else None
    if contact is None:
        return None
    header = catalog_text(contact.lang, "reply.header").format(code=story.ref)
    words = response.translation if response.translation and story.lang != ENGLISH else response.body
    body = f"{header}\n{words}\n{signature(response.author)}"
    return outbox.enqueue_to(session, contact, f"reply-{response.id}", body, story_id=story.id, kind="reply")


def save_template(session: Session, theme: str, title: str, body: str, who: str) -> ReplyTemplate:
    """A starting point for the next reply on this theme; it is still read and approved every time.

    A theme not on the list makes it a template for any theme.
    """
    if not title.strip() or not body.strip():
        raise ReplyRefused("A template needs a title and some words.")
    if len(title.strip()) > TEMPLATE_TITLE_MAX:
        raise ReplyRefused(f"Please keep the template title under {TEMPLATE_TITLE_MAX} characters.")
    (theme,) = themes.valid([theme]) or ("",)
    template = ReplyTemplate(theme=theme, title=title.strip(), body=body.strip(), created_by=who)
    session.add(template)
    session.flush()
    audit.record(session, who, "template_saved", template=template.id, theme=theme)
    return template


def mark_sent(session: Session, story_id: int, at: datetime) -> None:
    """The worker sent an approved reply: the story is answered, and every other draft for it is closed."""
    story = session.get(Story, story_id)
    if story is None:
        return
    story.status = Status.REPLIED
    # the first answer's time stays: a later message ("You said, we did") must not move the reply timings
    story.replied_at = story.replied_at or at
    for response in story.responses:
        if response.status == ReplyStatus.APPROVED:
            response.status = ReplyStatus.SENT
            response.sent_at = at
        elif response.status == ReplyStatus.DRAFT:
            response.status = ReplyStatus.SUPERSEDED
            audit.record(session, "system", "reply_superseded", story.ref, response=response.id)
