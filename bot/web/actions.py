""" "You said, we did": leads record the changes women's stories led to."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from bot.review import themes
from bot.web.auth import me, requires
from bot.web.current import services, transaction
from flows.review import Permission
from storage import actions as stored_actions, audit, staff

blueprint = Blueprint("actions", __name__, url_prefix="/review")


@blueprint.route("/actions", methods=["GET", "POST"])
@requires(Permission.ACTIONS)
def index() -> ResponseReturnValue:
    with transaction() as session:
        if request.method == "POST":
            you_said = request.form.get("you_said", "").strip()
            we_did = request.form.get("we_did", "").strip()
            if not you_said or not we_did:
                flash("Write what women said and what the service did.")
                return redirect(url_for("actions.index"))
            refs = [
                ref.strip().upper() for ref in request.form.get("story_refs", "").split(",") if ref.strip()
            ]
            action = stored_actions.add(
                session,
                site=request.form.get("site") or None,
                you_said=you_said,
                we_did=we_did,
                themes=themes.valid(request.form.getlist("theme")),
                story_refs=refs,
                made=request.form.get("status") == "made",
                by=me().username,
            )
            audit.record(session, me().username, "action_added", action_id=action.id)
            flash("Saved to \u201cYou said, we did\u201d.")
            return redirect(url_for("actions.index"))
        return render_template(
            "review/actions.html",
            actions=stored_actions.newest_first(session),
            sites=services().settings.sites,
            all_themes=themes.themes(),
            names=staff.display_names(session),
        )


@blueprint.post("/actions/<int:action_id>/made")
@requires(Permission.ACTIONS)
def made(action_id: int) -> ResponseReturnValue:
    with services().db.session() as session:
        action = stored_actions.get(session, action_id)
        if action is None:
            abort(404)
        action.status = "made"
        audit.record(session, me().username, "action_made", action_id=action.id)
    flash("Marked as made.")
    return redirect(url_for("actions.index"))
