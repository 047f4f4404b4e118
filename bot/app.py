"""The Flask app factory: one explicit list of blueprints, the same app under ``serve`` and gunicorn."""

from __future__ import annotations

import hashlib
import logging

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from bot.config import Settings
from bot.logs import configure_logging
from bot.services import Services
from bot.web import auth, champions, leads, public, review, simulator, webhooks

csrf = CSRFProtect()


def create_app(settings: Settings | None = None, services: Services | None = None) -> Flask:
    settings = settings or (services.settings if services else Settings.from_env())
    services = services or Services.build(settings)
    configure_logging()
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
    csrf.init_app(app)
    csrf.exempt(webhooks.blueprint)  # providers sign their requests instead
    auth.init_app(app)
    for blueprint in (
        public.blueprint,
        webhooks.blueprint,
        simulator.blueprint,
        auth.blueprint,
        review.blueprint,
        champions.blueprint,
        leads.blueprint,
    ):
        app.register_blueprint(blueprint)
    logging.getLogger(__name__).info("app ready on %s", services.db.engine.dialect.name)
    return app
