"""Which languages' prompts still need a fluent speaker to review them."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue

from bot.reports import languages
from bot.web.auth import requires
from flows.review import Permission

blueprint = Blueprint("languages", __name__, url_prefix="/review")


@blueprint.get("/languages")
@requires(Permission.AUDIT)
def index() -> ResponseReturnValue:
    return render_template(
        "leads/languages.html", rows=languages.status(), needing=languages.needing_review()
    )
