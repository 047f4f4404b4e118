"""Saved replies: starting points for common themes. Every sent reply is still read and approved."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from bot.review import replies, themes
from bot.web.auth import me, requires
from bot.web.current import transaction
from flows.review import Permission
from storage import replies as stored_replies

blueprint = Blueprint("reply_templates", __name__, url_prefix="/review")


@blueprint.route("/templates", methods=["GET", "POST"])
@requires(Permission.DRAFT)
def index() -> ResponseReturnValue:
    with transaction() as session:
        if request.method == "POST":
            try:
                replies.save_template(
                    session,
                    request.form.get("theme", ""),
                    request.form.get("title", ""),
                    request.form.get("body", ""),
                    me().username,
                )
                flash("Template saved.")
            except replies.ReplyRefused as refused:
                flash(str(refused))
            return redirect(url_for("reply_templates.index"))
        return render_template(
            "review/templates.html", templates=stored_replies.templates(session), all_themes=themes.themes()
        )
