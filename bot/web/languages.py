"""Which languages still need a fluent speaker to review their prompts: shown to leads, never hidden."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue

from bot import i18n
from bot.web.auth import requires

blueprint = Blueprint("languages", __name__)


@blueprint.get("/review/languages")
@requires("audit")
def index() -> ResponseReturnValue:
    return render_template("languages/index.html", rows=i18n.status(), needing=i18n.needing_review())
