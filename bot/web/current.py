"""The app's services for the request being handled (set once by the app factory)."""

from __future__ import annotations

from typing import cast

from flask import current_app

from bot.services import Services


def services() -> Services:
    return cast(Services, current_app.extensions["allvoices"])
