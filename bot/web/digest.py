"""The weekly digest in the dashboard, for any site and week."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue

from bot.reports import digest
from bot.web.auth import requires
from bot.web.current import services
from flows.review import Permission

blueprint = Blueprint("digest", __name__, url_prefix="/review")


@blueprint.get("/digest")
@requires(Permission.AUDIT)
def index() -> ResponseReturnValue:
    settings = services().settings
    site = request.args.get("site", "all")
    week = request.args.get("week", "") or digest.last_week()
    if site != "all" and site not in settings.sites:
        site = "all"
    try:
        digest.parse_week(week)
    except ValueError:
        week = digest.last_week()
    return render_template(
        "leads/digest.html",
        body=digest.render_body(services(), site, week),
        site=site,
        week=week,
        sites=settings.sites,
    )
