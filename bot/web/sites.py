"""A site's public page (``GET /sites/<slug>``): what women said and what changed, for anyone, no login.

It shows the "You said, we did" changes made, what the answered stories were about, and the few quotes a
lead published from women who said yes — never a story, a code or a count small enough to point at one
woman (a theme is shown once at least `FEWEST` answered stories share it). Built on the NHS design
system like the dashboard.

Cached by browsers and any proxy for a minute at most, and revalidated by ETag after that, so a quote
she withdraws is gone everywhere within a minute.
"""

from __future__ import annotations

import re

from flask import Blueprint, abort, make_response, render_template, request
from flask.typing import ResponseReturnValue

from bot.review import themes
from bot.web.current import services
from storage import public_pages, quotes

blueprint = Blueprint("sites", __name__, url_prefix="/sites")
#: a theme is named publicly once this many answered stories share it
FEWEST = 3
CACHE_SECONDS = 60


def slug_of(site: str) -> str:
    """ "Medway Maritime Hospital" → "medway-maritime-hospital"."""
    return re.sub(r"[^a-z0-9]+", "-", site.casefold()).strip("-")


@blueprint.get("/<slug>")
def page(slug: str) -> ResponseReturnValue:
    site = next((name for name in services().settings.sites if slug_of(name) == slug), None)
    if site is None:
        abort(404)
    labels = themes.labels()
    with services().db.reading() as session:
        shown = quotes.published(session, site)
        changes = public_pages.changes_made(session, site)
        about = [
            (labels.get(theme, theme), count) for theme, count in public_pages.replied_themes(session, site)
        ]
        html = render_template(
            "sites/page.html",
            site=site,
            quotes=shown,
            changes=changes,
            themes=[(label, count) for label, count in about if count >= FEWEST],
        )
    response = make_response(html)
    response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response.add_etag()
    return response.make_conditional(request)
