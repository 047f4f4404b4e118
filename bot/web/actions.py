""" "You said, we did": leads record the changes women's stories led to, and tell the women who asked."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from bot.review import actions as changes, themes
from bot.web.auth import me, requires
from bot.web.current import services, transaction
from flows.review import ActionStatus, Permission
from storage import actions as stored_actions, staff

blueprint = Blueprint("actions", __name__, url_prefix="/review")


@blueprint.route("/actions", methods=["GET", "POST"])
@requires(Permission.ACTIONS)
def index() -> ResponseReturnValue:
    if request.method == "POST":
        try:
            with services().db.session() as session:
                changes.add(
                    session,
                    site=request.form.get("site") or None,
                    you_said=request.form.get("you_said", ""),
                    we_did=request.form.get("we_did", ""),
                    themes=themes.valid(request.form.getlist("theme")),
                    refs=changes.parse_refs(request.form.get("story_refs", "")),
                    by=me().username,
                )
        except changes.ActionRefused as refused:
            flash(str(refused))
            return redirect(url_for("actions.index"))
        flash("Saved to \u201cYou said, we did\u201d.")
        return redirect(url_for("actions.index"))
    with transaction() as session:
        return render_template(
            "review/actions.html",
            actions=stored_actions.newest_first(session),
            sites=services().settings.sites,
            all_themes=themes.themes(),
            names=staff.display_names(session),
            ActionStatus=ActionStatus,
        )


@blueprint.post("/actions/<int:action_id>/made")
@requires(Permission.ACTIONS)
def made(action_id: int) -> ResponseReturnValue:
    try:
        with services().db.session() as session:
            action = stored_actions.get(session, action_id)
            if action is None:
                abort(404)
            author = staff.by_username(session, me().username)
            if author is None:
                abort(403)
            done = changes.make(services(), session, action, request.form.get("change", ""), author)
    except changes.ActionRefused as refused:
        flash(str(refused))
        return redirect(url_for("actions.index"))
    women = "woman" if len(done.drafts) == 1 else "women"
    told = (
        f" A message to {len(done.drafts)} {women} who asked for a reply waits for someone else to approve."
        if done.drafts
        else ""
    )
    flash(f"Marked as made.{told}")
    return redirect(url_for("actions.index"))
