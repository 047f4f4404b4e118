"""The app factory (bot/app.py): what every process serving the app is set up with."""

from __future__ import annotations

import sys

from bot.app import GIL_SWITCH_INTERVAL, create_app
from bot.services import Services


def test_a_webhook_waits_at_most_half_a_millisecond_for_a_page_being_drawn_beside_it(
    services: Services,
) -> None:
    """Under gunicorn's threads a lead's page and her webhook share a process: Python's default 5 ms
    turns, paid each time the webhook came back from the database, made its p99 grow beside a lead."""
    default = sys.getswitchinterval()
    try:
        create_app(services=services)
        assert sys.getswitchinterval() == GIL_SWITCH_INTERVAL <= 0.0005
    finally:
        sys.setswitchinterval(default)
