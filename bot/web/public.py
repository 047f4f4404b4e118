"""The landing page (with a link to each site's public page) and the health check."""

from __future__ import annotations

from flask import Blueprint, render_template

from bot.web.current import services
from bot.web.sites import slug_of

blueprint = Blueprint("public", __name__)


@blueprint.get("/")
def landing() -> str:
    return render_template("landing.html", sites=services().settings.sites, slug_of=slug_of)


@blueprint.get("/healthz")
def healthz() -> tuple[dict[str, str], int]:
    if services().db.reachable():
        return {"status": "ok"}, 200
    return {"status": "database unreachable"}, 503
