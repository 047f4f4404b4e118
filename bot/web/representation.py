"""Who we heard from against local births, for one site and period (a quarter unless asked)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue

from bot.reports import representation
from bot.web.auth import requires
from bot.web.current import services, transaction
from flows.review import Permission

blueprint = Blueprint("representation", __name__, url_prefix="/review")
#: what the page shows when no dates are given
DEFAULT_WEEKS = 13


def _date(value: str) -> date | None:
    try:
        found = date.fromisoformat(value.strip())
    except ValueError:
        return None
    return found if date(2000, 1, 1) <= found <= date(9000, 1, 1) else None


@blueprint.get("/representation")
@requires(Permission.AUDIT)
def index() -> ResponseReturnValue:
    settings = services().settings
    site = request.args.get("site", "all")
    if site != "all" and site not in settings.sites:
        site = "all"
    today = datetime.now(UTC).date()
    until = _date(request.args.get("until", "")) or today
    since = _date(request.args.get("since", "")) or until - timedelta(weeks=DEFAULT_WEEKS)
    if since > until:
        since, until = until, since
    start = datetime.combine(since, datetime.min.time(), UTC)
    end = datetime.combine(until, datetime.min.time(), UTC) + timedelta(days=1)
    period = f"from {since:%-d %b %Y} to {until:%-d %b %Y}"
    with transaction() as session:
        found = representation.build(session, site, start, end, period, settings.population_file)
    return render_template(
        "leads/representation.html",
        body=representation.html(found),
        site=site,
        sites=settings.sites,
        since=since,
        until=until,
    )
