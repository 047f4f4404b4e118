"""Cross-site request forgery: every form the app serves carries its token, and every route that changes
anything refuses a request without one, with a made-up one, or with one from another browser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

import pytest
from flask import Flask
from flask.testing import FlaskClient

from bot.app import create_app
from bot.services import Services
from tests.bot.web.test_review_dashboard import as_staff
from tests.bot.web.test_roles import one_of_everything, staff_for_every_role
from tests.faults.test_every_route import OTHER_PARTS

TOKEN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


@pytest.fixture
def app(services: Services) -> Iterator[Flask]:
    staff_for_every_role(services)
    application = create_app(services=replace(services, settings=replace(services.settings, simulator=True)))
    application.config.update(TESTING=True)
    application.config["parts"] = {**one_of_everything(services), **OTHER_PARTS}
    yield application


def _fill(rule: str, parts: dict[str, str]) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda match: parts[match.group(1)], rule)


def _posts(app: Flask) -> list[str]:
    """Every route that takes a POST, but the providers' webhooks: they are signed instead."""
    return sorted(
        _fill(rule.rule, app.config["parts"])
        for rule in app.url_map.iter_rules()
        if "POST" in (rule.methods or set()) and rule.endpoint != "webhooks.webhook"
    )


def _pages(app: Flask) -> list[str]:
    return sorted(
        _fill(rule.rule, app.config["parts"])
        for rule in app.url_map.iter_rules()
        if "GET" in (rule.methods or set()) and rule.endpoint != "static"
    )


def _browser(app: Flask, path: str) -> FlaskClient:
    """Signed in where the route is a staff one (as admin, who may use them all), else a stranger."""
    return as_staff(app, "admin") if path.startswith("/review") else app.test_client()


def _token_of(client: FlaskClient) -> str:
    found = TOKEN.search(client.get("/review/login").get_data(as_text=True))
    assert found
    return found.group(1)


def test_every_form_on_every_page_carries_its_token(app: Flask) -> None:
    forms = 0
    for path in _pages(app):
        for role in ("moderator", "lead", "admin"):
            client = as_staff(app, role) if path.startswith("/review") else app.test_client()
            if role == "admin" and path.startswith("/simulator"):  # the chatting page has forms of its own
                start = {"channel": "sms", "sender": "07700 900123", "csrf_token": _token_of(client)}
                client.post("/simulator/start", data=start)
            response = client.get(path)
            if response.mimetype != "text/html":
                continue
            page = response.get_data(as_text=True)
            for form in re.findall(r"<form\b[^>]*>.*?</form>", page, flags=re.S | re.I):
                if re.search(r'method="post"', form, flags=re.I):
                    forms += 1
                    assert 'name="csrf_token"' in form, f"a form on {path} has no CSRF token"
    print(f"\n{forms} forms posted to this app checked for their token")
    assert forms > 20


@pytest.mark.parametrize("forgery", ["none", "made up", "from another browser"])
def test_every_route_that_changes_anything_refuses_a_forged_request(app: Flask, forgery: str) -> None:
    stranger_token = _token_of(app.test_client())
    refused = 0
    for path in _posts(app):
        client = _browser(app, path)
        _token_of(client)  # this browser has a token of its own, which the forger does not know
        token = {"none": None, "made up": "IjEyMzQ1Ng.forged.token", "from another browser": stranger_token}[
            forgery
        ]
        data = {"csrf_token": token} if token else {}
        status = client.post(path, data=data, headers={"Referer": "https://evil.example/"}).status_code
        assert status == 400, f"{path} took a request with {forgery} token ({status})"
        refused += 1
    print(f"\n{refused} routes refused a request with {forgery} token")
