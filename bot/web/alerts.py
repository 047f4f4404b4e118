"""Urgent alerts on a story: marked seen, then acted on with a note of what was done."""

from __future__ import annotations

from flask import Blueprint, abort, flash, request
from flask.typing import ResponseReturnValue

from bot.review import alerts
from bot.web.auth import me, requires
from bot.web.common import back_to
from bot.web.current import services
from flows.review import Permission
from storage import alerts as stored_alerts

blueprint = Blueprint("alerts", __name__, url_prefix="/review")


@blueprint.post("/alert/<int:alert_id>")
@requires(Permission.MODERATE)
def mark(alert_id: int) -> ResponseReturnValue:
    with services().db.session() as session:
        alert = stored_alerts.get(session, alert_id)
        if alert is None:
            abort(404)
        action = request.form.get("action", "")
        note = request.form.get("note", "").strip()
        if action == "acted" and not note:
            flash("Say what was done, so the next person knows.")
        elif action in ("seen", "acted"):
            alerts.mark(session, alert, me().username, action, note)
            flash("Alert marked as seen." if action == "seen" else "Alert marked as acted on.")
        return back_to(alert.story_ref)
