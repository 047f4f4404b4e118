"""The audit log: who saw her raw words, moderated, replied, approved, erased — never her words."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue

from bot.web.auth import requires
from bot.web.current import services
from flows.review import Permission
from storage import audit, staff

blueprint = Blueprint("audit", __name__, url_prefix="/review")


@blueprint.get("/audit")
@requires(Permission.AUDIT)
def index() -> ResponseReturnValue:
    with services().db.reading() as session:
        return render_template(
            "review/audit.html", events=audit.recent(session, limit=500), names=staff.display_names(session)
        )
