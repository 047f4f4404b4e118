"""Messages that could not be delivered, and messages of hers we could not read: why, never where or
what, so no number and no word of hers is ever on screen."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue

from bot.web.auth import requires
from bot.web.current import services
from flows.review import Permission
from storage import inbound, outbox

blueprint = Blueprint("deliveries", __name__, url_prefix="/review")


@blueprint.get("/deliveries")
@requires(Permission.AUDIT)
def index() -> ResponseReturnValue:
    with services().db.reading() as session:
        problems = [
            (row.created_at, row.kind, row.channel, row.status, row.attempts, row.last_error or "", ref)
            for row, ref in outbox.problems(session)
        ]
        parked = inbound.parked(session)
        return render_template("leads/deliveries.html", problems=problems, parked=parked)
