"""The app's services for the request being handled (set once by the app factory)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import cast

from flask import current_app, request
from sqlalchemy.orm import Session

from bot.services import Services


def services() -> Services:
    return cast(Services, current_app.extensions["allvoices"])


def transaction() -> AbstractContextManager[Session]:
    """A write transaction for a form post; for a page view, a read that never holds up her messages."""
    db = services().db
    return db.session() if request.method not in ("GET", "HEAD") else db.reading()
