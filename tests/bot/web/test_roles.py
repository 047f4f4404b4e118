"""Who may use each dashboard route, for every route the app has under /review and every role.

The routes come from the app's own url_map, and every one must have an entry in ``NEEDS``: a route added
without deciding who may use it fails here. Access control does not depend on the database, so this
runs on one SQLite database for the whole module to stay fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.app import create_app
from bot.services import Services
from bot.web.sites import slug_of
from flows.review import PERMISSIONS
from storage.migrations import upgrade
from storage.models import (
    Action,
    Alert,
    Champion,
    Inbound,
    Media,
    Quote,
    ReplyTemplate,
    Response,
    StaffUser,
    Story,
)
from tests.bot.web.test_review_dashboard import as_staff, make_story
from tests.conftest import make_settings

#: endpoint → the permission it needs (None: open to anyone, such as the sign-in page)
NEEDS: dict[str, str | None] = {
    "auth.login": None,
    "auth.logout": None,
    "queue.index": "view",
    "queue.next_story": "view",
    "stories.view": "view",
    "stories.release": "view",
    "moderation.moderate": "moderate",
    "stories.set_themes": "moderate",
    "stories.translate_by_hand": "moderate",
    "stories.media": "moderate",
    "alerts.mark": "moderate",
    "replies.check_reply": "draft",
    "replies.draft_reply": "draft",
    "reply_templates.index": "draft",
    "replies.translate_again": "approve",
    "replies.edit_translation": "approve",
    "replies.approve": "approve",
    "actions.index": "actions",
    "actions.made": "actions",
    "quotes.index": "actions",
    "quotes.publish": "actions",
    "quotes.remove": "actions",
    "audit.index": "audit",
    "users.index": "admin",
    "users.toggle_active": "admin",
    "champions.index": "actions",
    "champions.create": "actions",
    "champions.detail": "actions",
    "champions.new_link": "actions",
    "champions.poster": "actions",
    "champions.card": "actions",
    "languages.index": "audit",
    "digest.index": "audit",
    "representation.index": "audit",
    "exports.download": "export",
    "exports.year_report": "export",
    "population.index": "actions",
    "population.save": "actions",
    "population.import_file": "actions",
    "deliveries.index": "audit",
}
ROLES = ("moderator", "responder", "lead", "admin")


def _routes() -> list[tuple[str, str, str]]:
    """(endpoint, method, rule) for every route under /review, read from a real app."""
    app = create_app(services=Services.build(make_settings("sqlite://")))
    return sorted(
        (rule.endpoint, method, rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/review")
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})
    )


ROUTES = _routes()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('roles')) / 'roles.db'}"
    upgrade(url)
    services = Services.build(make_settings(url))
    staff_for_every_role(services)
    application = create_app(services=services)
    application.config.update(TESTING=True)
    yield application
    services.db.dispose()


def staff_for_every_role(services: Services) -> None:
    """One account per role, named after it, and a spare responder to deactivate."""
    with services.db.session() as session:
        for role in ROLES:
            session.add(StaffUser(username=role, display_name=role.title(), role=role, password_hash="-"))
        session.add(StaffUser(username="spare", display_name="Spare", role="responder", password_hash="-"))


@pytest.fixture(scope="module")
def ids(app: Flask) -> dict[str, str]:
    return one_of_everything(app.extensions["allvoices"])


def one_of_everything(services: Services) -> dict[str, str]:
    """One of everything a route can point at, by the name of its part in the route."""
    ref = make_story(services, "The ward was cold.")
    with services.db.session() as session:
        story_id = session.scalars(select(Story.id).where(Story.ref == ref)).one()
        spare = session.scalars(select(StaffUser.id).where(StaffUser.username == "spare")).one()
        author = session.scalars(select(StaffUser.id).where(StaffUser.username == "responder")).one()
        response = Response(story_id=story_id, body="Thank you.", author_id=author)
        alert = Alert(story_id=story_id, story_ref=ref, risks=["clinical"], email_status="off")
        template = ReplyTemplate(theme="access", title="T", body="B", created_by="lead")
        action = Action(you_said="a", we_did="b", created_by="lead")
        champion = Champion(code="MUMS1", name="Mums group", created_by="lead", link_token="t0ken")
        inbound = Inbound(channel="sms", provider_id="p1", contact_id=1, story_id=story_id, body_sealed=b"")
        session.add_all([response, alert, template, action, champion, inbound])
        session.flush()
        media = Media(
            inbound_id=inbound.id,
            contact_id=1,
            transport="simulator",
            kind="image",
            content_type="image/png",
            data_sealed=services.vault.seal_bytes(b"png"),
            status="stored",
        )
        quote = Quote(story_id=story_id, site=None, text="Kind words.", published_by="lead")
        session.add_all([media, quote])
        session.flush()
        return {
            "ref": ref,
            "response_id": str(response.id),
            "alert_id": str(alert.id),
            "media_id": str(media.id),
            "action_id": str(action.id),
            "user_id": str(spare),
            "code": "MUMS1",
            "quote_id": str(quote.id),
            "slug": slug_of(services.settings.sites[0]),
        }


def _path(rule: str, ids: dict[str, str]) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda match: ids[match.group(1)], rule)


def _client(app: Flask, role: str | None) -> FlaskClient:
    return as_staff(app, role) if role else app.test_client()


def _token(client: FlaskClient) -> str:
    page = client.get("/review/login").get_data(as_text=True)
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert found
    return found.group(1)


def _call(client: FlaskClient, method: str, path: str, ids: dict[str, str], csrf: bool = True) -> int:
    if method == "GET":
        return client.get(path).status_code
    headers = {"X-CSRFToken": _token(client)} if csrf else {}
    if path.endswith("/check-reply"):
        return client.post(path, json={"body": "Thank you.", "ref": ids["ref"]}, headers=headers).status_code
    return client.post(path, data={"action": "seen"}, headers=headers).status_code


def test_every_route_under_review_has_a_decided_permission() -> None:
    assert ROUTES, "the app has dashboard routes"
    assert {endpoint for endpoint, _, _ in ROUTES} == set(NEEDS)


@pytest.mark.parametrize(("endpoint", "method", "rule"), ROUTES, ids=[f"{m} {r}" for _, m, r in ROUTES])
@pytest.mark.parametrize("role", [None, *ROLES], ids=["anonymous", *ROLES])
def test_each_role_reaches_only_the_routes_its_permissions_allow(
    app: Flask, ids: dict[str, str], endpoint: str, method: str, rule: str, role: str | None
) -> None:
    assert endpoint in NEEDS, f"decide who may use {endpoint} and add it to NEEDS"
    need = NEEDS[endpoint]
    client = _client(app, role)
    status = _call(client, method, _path(rule, ids), ids)
    if need is None:
        assert status in (200, 302)
    elif role is None:
        assert status == 302
    elif need in PERMISSIONS[role]:
        assert status in (200, 302), f"{role} may use {endpoint}"
    else:
        assert status == 403, f"{role} may not use {endpoint}"


@pytest.mark.parametrize(
    ("endpoint", "rule"), [(e, r) for e, m, r in ROUTES if m == "POST" and e != "auth.login"], ids=str
)
def test_every_form_is_refused_without_its_csrf_token(
    app: Flask, ids: dict[str, str], endpoint: str, rule: str
) -> None:
    assert _call(_client(app, "admin"), "POST", _path(rule, ids), ids, csrf=False) == 400
