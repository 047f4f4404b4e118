"""Pages for leads: which languages still need a fluent reviewer, the weekly digest, delivery problems."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from bot.reports import languages as i18n
from bot.reports.digest import build, last_week, parse_week
from bot.review.alerts import RISK_WORDS
from bot.web.auth import requires
from bot.web.helpers import services
from storage.models import OutboxMessage, Story

blueprint = Blueprint("leads", __name__)


@blueprint.get("/review/languages")
@requires("audit")
def languages() -> ResponseReturnValue:
    return render_template("leads/languages.html", rows=i18n.status(), needing=i18n.needing_review())


@blueprint.get("/review/digest")
@requires("audit")
def digest() -> ResponseReturnValue:
    """The weekly digest in the dashboard, for any site and week."""
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


@blueprint.get("/review/deliveries")
@requires("audit")
def deliveries() -> ResponseReturnValue:
    """Messages that could not be delivered, and why: never where, so no number is ever on screen."""
    with services().db.session() as session:
        rows = session.execute(
            select(OutboxMessage, Story.ref)
            .join(Story, Story.id == OutboxMessage.story_id, isouter=True)
            .where(OutboxMessage.status.in_(("failed", "undelivered", "held", "suppressed")))
            .order_by(OutboxMessage.id.desc())
            .limit(300)
        ).all()
        problems = [
            (row.created_at, row.kind, row.channel, row.status, row.attempts, row.last_error or "", ref)
            for row, ref in rows
        ]
    return render_template("leads/deliveries.html", problems=problems)
