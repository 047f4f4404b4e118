"""Messages that could not be delivered, and why: never where, so no number is ever on screen."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue

from bot.web.auth import requires
from bot.web.current import services
from flows.review import Permission
from storage import outbox

blueprint = Blueprint("deliveries", __name__, url_prefix="/review")


@blueprint.get("/deliveries")
@requires(Permission.AUDIT)
def index() -> ResponseReturnValue:
    with services().db.reading() as session:
        problems = [
            (row.created_at, row.kind, row.channel, row.status, row.attempts, row.last_error or "", ref)
            for row, ref in outbox.problems(session)
        ]
    return render_template("leads/deliveries.html", problems=problems)
