"""Staff accounts: an admin creates them with a role, deactivates and reactivates them."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from bot.web.auth import me, requires
from bot.web.current import services, transaction
from flows.review import ROLES, Permission
from storage import audit, staff, staff_sessions

blueprint = Blueprint("users", __name__, url_prefix="/review")


@blueprint.route("/users", methods=["GET", "POST"])
@requires(Permission.ADMIN)
def index() -> ResponseReturnValue:
    """Staff accounts: create with a role, deactivate, reactivate. Sites come from settings."""
    with transaction() as session:
        if request.method == "POST":
            form = request.form
            username, password = form.get("username", "").strip(), form.get("password", "")
            display_name, role = form.get("display_name", "").strip(), form.get("role", "")
            job_title = form.get("job_title", "")
            if not username or not display_name or role not in ROLES or len(password) < 12:
                flash("Give a username, a name, a role and a first password of at least 12 characters.")
            elif staff.too_long(username, display_name, job_title):
                flash("Please use a shorter username, name or job title.")
            elif staff.by_username(session, username) is not None:
                flash("That username is taken.")
            else:
                user = staff.create(session, username, password, role, display_name, job_title)
                audit.record(session, me().username, "user_created", user=user.username, role=role)
                flash(f"{display_name} can now sign in as {user.username}.")
            return redirect(url_for("users.index"))
        return render_template(
            "review/users.html", users=staff.everyone(session), roles=ROLES, sites=services().settings.sites
        )


@blueprint.post("/users/<int:user_id>/active")
@requires(Permission.ADMIN)
def toggle_active(user_id: int) -> ResponseReturnValue:
    with services().db.session() as session:
        user = staff.get(session, user_id)
        if user is None:
            abort(404)
        if user.id == me().id:
            flash("You cannot deactivate yourself.")
            return redirect(url_for("users.index"))
        user.active = not user.active
        if not user.active:
            staff_sessions.end_all_for(session, user.id)  # signed out everywhere, now and after reactivation
        audit.record(
            session,
            me().username,
            "user_activated" if user.active else "user_deactivated",
            user=user.username,
        )
        flash(f"{user.display_name} is {'active again' if user.active else 'deactivated'}.")
    return redirect(url_for("users.index"))
