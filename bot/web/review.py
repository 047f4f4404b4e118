"""The staff dashboard: the queue, a story, moderation, drafting and approving replies, the audit log.

Staff see redacted text only; her address never reaches a template.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy.orm import Session

from bot import replies
from bot.web.auth import me, requires
from bot.web.helpers import services
from storage import audit, stories
from storage.models import Response, StaffUser, Story

blueprint = Blueprint("review", __name__, url_prefix="/review")


def _story(session: Session, ref: str) -> Story:
    story = stories.by_ref(session, ref)
    if story is None or (story.status == "draft" and not story.urgent):
        abort(404)
    return story


def _user(session: Session) -> StaffUser:
    user = session.get(StaffUser, me().id)
    if user is None:
        abort(403)
    return user


@blueprint.get("/")
@requires("view")
def queue() -> ResponseReturnValue:
    status = request.args.get("status", "")
    statuses = (status,) if status in stories.STATUSES else stories.QUEUE_STATUSES
    with services().db.session() as session:
        waiting = stories.queue(session, statuses)
        counts = stories.counts(session)
    return render_template(
        "review/queue.html",
        stories=waiting,
        counts=counts,
        status=status,
        statuses=stories.STATUSES,
        now=datetime.now(UTC),
    )


@blueprint.get("/story/<ref>")
@requires("view")
def story(ref: str) -> ResponseReturnValue:
    with services().db.session() as session:
        found = _story(session, ref)
        history = audit.recent(session, story_ref=found.ref)
        responses = [(response, response.author.display_name) for response in found.responses]
        return render_template(
            "review/story.html", story=found, history=history, responses=responses, me=me()
        )


@blueprint.post("/story/<ref>/moderate")
@requires("moderate")
def moderate(ref: str) -> ResponseReturnValue:
    with services().db.session() as session:
        found = _story(session, ref)
        if found.status != "new":
            flash("This story has already been moderated.")
            return redirect(url_for("review.story", ref=ref))
        edited = request.form.get("redacted_text", "").strip()
        changed = bool(edited) and edited != found.redacted_text
        if changed:
            found.redacted_text = edited
        found.status = "moderated"
        found.moderated_at = datetime.now(UTC)
        audit.record(session, me().username, "moderated", found.ref, edited=changed)
    flash(f"{ref} is moderated and ready for a reply.")
    return redirect(url_for("review.story", ref=ref))


@blueprint.post("/story/<ref>/reply")
@requires("draft")
def draft_reply(ref: str) -> ResponseReturnValue:
    with services().db.session() as session:
        found = _story(session, ref)
        try:
            replies.draft(session, found, _user(session), request.form.get("body", ""))
        except replies.ReplyRefused as refused:
            flash(str(refused))
            return redirect(url_for("review.story", ref=ref))
    flash("Your reply is saved. Someone else will read and approve it.")
    return redirect(url_for("review.story", ref=ref))


@blueprint.post("/response/<int:response_id>/approve")
@requires("approve")
def approve(response_id: int) -> ResponseReturnValue:
    with services().db.session() as session:
        response = session.get(Response, response_id)
        if response is None:
            abort(404)
        ref = response.story.ref
        try:
            queued = replies.approve(session, response, _user(session))
        except replies.ReplyRefused as refused:
            flash(str(refused))
            return redirect(url_for("review.story", ref=ref))
    if queued is None:
        flash("Approved. She can no longer be reached on her channel, so nothing was sent.")
    else:
        flash("Approved. The reply is on its way to her.")
    return redirect(url_for("review.story", ref=ref))


@blueprint.get("/audit")
@requires("audit")
def audit_log() -> ResponseReturnValue:
    with services().db.session() as session:
        events = audit.recent(session, limit=500)
    return render_template("review/audit.html", events=events)
