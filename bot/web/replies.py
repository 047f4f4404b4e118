"""Replies: the live checker, drafting, translation for the approver, and approval by a second person."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy.orm import Session

from bot.clients.translators import TranslationError
from bot.review import replies, translation
from bot.web.auth import me, requires
from bot.web.common import back_to, let_go, signed_in_user, start_work, story_or_404
from bot.web.current import services
from flows.review import Permission, can_approve_reply
from storage import replies as stored_replies, stories
from storage.models import Response

blueprint = Blueprint("replies", __name__, url_prefix="/review")


@blueprint.post("/check-reply")
@requires(Permission.DRAFT)
def check_reply() -> ResponseReturnValue:
    """The checker, live while the responder types (CSRF header required like any other POST).

    Answers ``{"blocking": [...], "advice": [...]}``: what stops approval, and what could be added.

    Typing a reply is starting work on the story, so this also claims it for the writer; when someone
    else already holds it they are told at once, not when they save.
    """
    data = request.get_json(silent=True) or {}
    body = str(data.get("body", ""))[:5000]
    ref = str(data.get("ref", ""))
    with services().db.session() as session:
        found = stories.by_ref(session, ref) if ref else None
        if found is None:
            abort(404)
        found_now = replies.findings(found, body) if body.strip() else []
        stopping = replies.blocking(found_now)
        answer: dict[str, object] = {
            "blocking": stopping,
            "advice": [finding for finding in found_now if finding not in stopping],
        }
        if body.strip() and not start_work(session, found):
            answer["held_by"] = found.claimed_by
        return answer


@blueprint.post("/story/<ref>/reply")
@requires(Permission.DRAFT)
def draft_reply(ref: str) -> ResponseReturnValue:
    body = request.form.get("body", "")
    with services().db.session() as session:
        found = story_or_404(session, ref)
        if not start_work(session, found):
            return back_to(ref)
        try:
            response = replies.draft(session, found, signed_in_user(session), body)
        except replies.ReplyRefused as refused:
            flash(str(refused))
            return back_to(ref)
        _translate(session, response)
        if request.form.get("save_template") and request.form.get("template_title", "").strip():
            try:
                replies.save_template(
                    session,
                    request.form.get("template_theme", ""),
                    request.form.get("template_title", ""),
                    response.body,
                    me().username,
                )
            except replies.ReplyRefused as refused:
                flash(f"Your reply is saved, but not as a template. {refused}")
        waiting = len(replies.blocking(response.findings))
    if waiting:
        flash(
            f"Your reply is saved, but the checker found {waiting} thing(s) to change before it can be "
            "approved. Write a new version below."
        )
        return back_to(ref)
    # Done with this story: back to the queue, so the page does not hold the story from the approver.
    flash(f"{ref}: your reply is saved. Someone else will read and approve it.")
    return redirect(url_for("queue.index"))


def _translate(session: Session, response: Response) -> None:
    """Machine-translate the reply into her language for the approver; a failure is said, not hidden."""
    try:
        result = translation.translate_reply(services(), response.body, response.story.lang)
    except TranslationError:
        flash("The reply could not be translated just now. The approver can try again or write it by hand.")
        return
    if result is not None:
        replies.set_translation(session, response, result[0], result[1], edited_by=None)


def _response(session: Session, response_id: int) -> Response:
    found = stored_replies.get(session, response_id)
    if found is None:
        abort(404)
    return found


@blueprint.post("/response/<int:response_id>/translate")
@requires(Permission.APPROVE)
def translate_again(response_id: int) -> ResponseReturnValue:
    with services().db.session() as session:
        response = _response(session, response_id)
        if start_work(session, response.story):
            _translate(session, response)
        return back_to(response.story.ref or "")


@blueprint.post("/response/<int:response_id>/translation")
@requires(Permission.APPROVE)
def edit_translation(response_id: int) -> ResponseReturnValue:
    """The approver (a fluent speaker, or with an interpreter) corrects the translation by hand."""
    with services().db.session() as session:
        response = _response(session, response_id)
        if not can_approve_reply(response.status):
            flash("This reply can no longer be changed: it was approved, sent or closed.")
        elif start_work(session, response.story):
            replies.set_translation(
                session, response, request.form.get("translation", ""), None, me().username
            )
            flash("Your translation is saved. It will be sent as you wrote it.")
        return back_to(response.story.ref or "")


@blueprint.post("/response/<int:response_id>/approve")
@requires(Permission.APPROVE)
def approve(response_id: int) -> ResponseReturnValue:
    with services().db.session() as session:
        response = _response(session, response_id)
        ref = response.story.ref or ""
        if not start_work(session, response.story):
            return back_to(ref)
        try:
            queued = replies.approve(
                session,
                response,
                signed_in_user(session),
                override_reason=request.form.get("override_reason", ""),
                may_override=me().can(Permission.OVERRIDE),
            )
        except replies.ReplyRefused as refused:
            let_go(response.story)
            flash(str(refused))
            return back_to(ref)
    if queued is None:
        flash("Approved. She can no longer be reached on her channel, so nothing was sent.")
    else:
        flash("Approved. The reply is on its way to her.")
    return back_to(ref)
