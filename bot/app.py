"""The Flask app factory: one explicit list of blueprints, the same app under ``serve`` and gunicorn."""

from __future__ import annotations

import hashlib
import logging
import sys

from flask import Flask, render_template
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFProtect

from bot.config import Settings
from bot.logs import configure_logging
from bot.services import Services
from bot.web import (
    actions,
    alerts,
    audit,
    auth,
    champions,
    common,
    deliveries,
    digest,
    exports,
    input_guard,
    languages,
    moderation,
    population,
    public,
    queue,
    quotes,
    replies,
    reply_templates,
    representation,
    simulator,
    sites,
    stories,
    users,
    webhooks,
)
from bot.web.proxies import TrustedProxies

csrf = CSRFProtect()

#: seconds a thread may hold the GIL while another waits for it (Python's default is 0.005). Under
#: gunicorn's threads a webhook shares its process with pages being drawn; each time it comes back from
#: the database it waited up to a whole interval for a lead's page to let go, several times a message.
GIL_SWITCH_INTERVAL = 0.0005


def _forbidden(_: Exception) -> ResponseReturnValue:
    return render_template("review/forbidden.html"), 403


def create_app(settings: Settings | None = None, services: Services | None = None) -> Flask:
    settings = settings or (services.settings if services else Settings.from_env())
    services = services or Services.build(settings)
    configure_logging()
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    app = Flask(__name__, template_folder="web/templates", static_folder="web/static")
    app.config.update(
        SECRET_KEY=hashlib.sha256(b"allvoices session\0" + settings.secret_key.encode()).hexdigest(),
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=settings.secure_cookies,
        REMEMBER_COOKIE_HTTPONLY=True,
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
        WTF_CSRF_TIME_LIMIT=None,
    )
    app.extensions["allvoices"] = services
    app.wsgi_app = TrustedProxies(app.wsgi_app, settings.trusted_proxies)  # type: ignore[method-assign]
    csrf.init_app(app)
    csrf.exempt(webhooks.blueprint)  # providers sign their requests instead
    auth.init_app(app)
    common.init_app(app)
    input_guard.init_app(app)
    # Anyone who reaches /simulator can make stories that look like real ones: only when asked for.
    app.jinja_env.globals["simulator_on"] = settings.simulator
    if settings.simulator:
        app.register_blueprint(simulator.blueprint)
    for blueprint in (
        public.blueprint,
        sites.blueprint,
        webhooks.blueprint,
        auth.blueprint,
        queue.blueprint,
        stories.blueprint,
        moderation.blueprint,
        replies.blueprint,
        reply_templates.blueprint,
        alerts.blueprint,
        actions.blueprint,
        quotes.blueprint,
        champions.blueprint,
        digest.blueprint,
        representation.blueprint,
        exports.blueprint,
        population.blueprint,
        languages.blueprint,
        deliveries.blueprint,
        audit.blueprint,
        users.blueprint,
    ):
        app.register_blueprint(blueprint)
    app.register_error_handler(403, _forbidden)
    logging.getLogger(__name__).info("app ready on %s", services.db.engine.dialect.name)
    return app
