"""The simulator makes stories that look like real ones: it is served only with ALLVOICES_SIMULATOR=on,
and what it makes is labelled "simulated" wherever staff see it and never alerts anyone."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from bot.app import create_app
from bot.config import Settings
from bot.reports.digest import render
from bot.services import Services
from storage.models import Alert, OutboxMessage, StaffUser, Story
from tests.bot.web.test_review_dashboard import as_staff, make_story

SIMULATOR_ROUTES = [
    ("GET", "/simulator"),
    ("GET", "/simulator/"),
    ("GET", "/simulator/messages"),
    ("POST", "/simulator/start"),
    ("POST", "/simulator/send"),
    ("POST", "/simulator/reset"),
]


def _app(services: Services, simulator: bool) -> Flask:
    services.settings = replace(services.settings, simulator=simulator)
    with services.db.session() as session:
        if session.scalars(select(StaffUser).where(StaffUser.username == "lena")).first() is None:
            session.add(StaffUser(username="lena", display_name="Lena Obi", role="lead", password_hash="-"))
    app = create_app(services=services)
    app.config.update(TESTING=True)
    return app


def _csrf(client: FlaskClient) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/simulator/").get_data(as_text=True))
    assert found
    return found.group(1)


def _tell(client: FlaskClient, *messages: str) -> None:
    token = _csrf(client)
    client.post("/simulator/start", data={"channel": "sms", "sender": "07700 900456", "csrf_token": token})
    for text in messages:
        assert client.post("/simulator/send", data={"text": text, "csrf_token": token}).status_code == 200


@pytest.mark.parametrize(("method", "path"), SIMULATOR_ROUTES, ids=[f"{m} {p}" for m, p in SIMULATOR_ROUTES])
def test_every_simulator_address_answers_404_unless_it_is_switched_on(
    services: Services, method: str, path: str
) -> None:
    client = _app(services, simulator=False).test_client()
    response = client.open(path, method=method, data={"channel": "sms", "sender": "1", "text": "help"})
    assert response.status_code == 404
    with services.db.session() as session:
        assert session.scalars(select(OutboxMessage)).all() == [], "nothing was made or sent"


def test_the_landing_page_offers_the_simulator_only_when_it_is_on(services: Services) -> None:
    assert "/simulator" not in _app(services, simulator=False).test_client().get("/").get_data(as_text=True)
    assert "/simulator" in _app(services, simulator=True).test_client().get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("value", "on"), [("on", True), ("ON", True), ("", False), ("off", False), ("1", False)]
)
def test_only_the_word_on_turns_the_simulator_on(
    monkeypatch: pytest.MonkeyPatch, value: str, on: bool
) -> None:
    monkeypatch.setenv("ALLVOICES_SECRET_KEY", "x" * 40)
    monkeypatch.setenv("ALLVOICES_SIMULATOR", value)
    assert Settings.from_env().simulator is on


def test_a_simulated_urgent_story_is_labelled_everywhere_and_alerts_nobody(services: Services) -> None:
    services.settings = replace(
        services.settings, alert_sms=("07700 900555",), alert_emails=("on@call.example",)
    )
    app = _app(services, simulator=True)
    _tell(app.test_client(), "Hello", "yes", "I am bleeding a lot and feel faint")
    real = make_story(services, "The ward was cold.", transport="twilio")
    with services.db.session() as session:
        alert = session.scalars(select(Alert)).one()
        ref = alert.story_ref
        assert alert.email_status == "simulated", "no email will be sent"
        assert session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "alert")).all() == []

    lead = as_staff(app, "lena")
    queue = lead.get("/review/").get_data(as_text=True)
    rows = {found: row for row in queue.split("<tr") for found in (ref, real) if found in row}
    assert "Simulated" in rows[ref] and "Simulated" not in rows[real]
    page = lead.get(f"/review/story/{ref}").get_data(as_text=True)
    assert "made up in the simulator" in page and "nobody was emailed or texted" in page
    assert "Simulated" not in lead.get(f"/review/story/{real}").get_data(as_text=True)

    with services.db.session() as session:  # she finished, and a moderator checked it
        session.execute(
            update(Story).where(Story.ref == ref).values(status="moderated", submitted_at=datetime.now(UTC))
        )
    year, week, _ = datetime.now(UTC).isocalendar()
    digest = render(services, "all", f"{year}-W{week:02d}")
    assert "made up in the simulator" in digest
    assert f"{ref} (simulated: nobody was alerted)" in digest
