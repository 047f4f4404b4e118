"""Pages for leads: which languages still need a fluent reviewer, and the weekly digest."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue

from bot import i18n
from bot.web.auth import requires

blueprint = Blueprint("languages", __name__)


@blueprint.get("/review/languages")
@requires("audit")
def index() -> ResponseReturnValue:
    return render_template("languages/index.html", rows=i18n.status(), needing=i18n.needing_review())


@blueprint.get("/review/digest")
@requires("audit")
def digest() -> ResponseReturnValue:
    """The weekly digest in the dashboard, for any site and week."""
    from bot.alerts import RISK_WORDS
    from bot.digest import build, last_week, parse_week
    from bot.web.helpers import services

    settings = services().settings
    site = request.args.get("site", "all")
    week = request.args.get("week", "") or last_week()
    if site != "all" and site not in settings.sites:
        site = "all"
    try:
        parse_week(week)
    except ValueError:
        week = last_week()
    with services().db.session() as session:
        found = build(session, services(), site, week)
        return render_template(
            "digest/page.html",
            digest=found,
            risk_words=RISK_WORDS,
            site=site,
            week=week,
            sites=settings.sites,
        )
