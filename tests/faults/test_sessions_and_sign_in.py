"""Signing in and out, as an attacker would try it: copied cookies.

Sessions live on the server, so a copied cookie stops working at sign-out or deactivation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from bot.app import create_app
from bot.services import Services
from bot.web.auth import IDLE
from storage import staff
from storage.models import StaffSession

PASSWORD = "correct horse battery staple"
WARD = "10.20.30.40"
ELSEWHERE = "192.0.2.7"


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 at its cheapest: these tests are about sessions, not hashing."""
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def app(services: Services) -> Iterator[Flask]:
    with services.db.session() as session:
        staff.create(session, "nia", PASSWORD, "lead", "Nia Patel", "Matron")
        staff.create(session, "ada", PASSWORD, "admin", "Ada Byrne", "Service manager")
    application = create_app(services=services)
    application.config.update(TESTING=True)
    yield application


def browser(app: Flask, address: str = WARD) -> FlaskClient:
    """A browser of its own (cookies and all) at ``address``."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def sign_in(client: FlaskClient, username: str, password: str = PASSWORD, **headers: str) -> int:
    page = client.get("/review/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token
    return client.post(
        "/review/login",
        data={"username": username, "password": password, "csrf_token": token.group(1)},
        headers=headers,
    ).status_code


def sign_out(client: FlaskClient) -> None:
    page = client.get("/review/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token
    assert client.post("/review/logout", data={"csrf_token": token.group(1)}).status_code == 302


def signed_in(client: FlaskClient) -> bool:
    return client.get("/review/").status_code == 200


def copy_of(app: Flask, client: FlaskClient, address: str = ELSEWHERE) -> FlaskClient:
    """Another browser holding a copy of ``client``'s session cookie, as a thief would."""
    thief = browser(app, address)
    cookie = client.get_cookie("session")
    assert cookie is not None
    thief.set_cookie("session", cookie.value)
    return thief


# --- sessions ---------------------------------------------------------------------------------------------


def test_a_copied_session_cookie_stops_working_after_sign_out(app: Flask) -> None:
    nia = browser(app)
    assert sign_in(nia, "nia") == 302
    thief = copy_of(app, nia)
    assert signed_in(thief), "a copied cookie is a session, as long as it lasts"
    sign_out(nia)
    assert not signed_in(nia)
    assert not signed_in(thief), "sign-out ended the session itself, not just this browser's cookie"


def test_signing_out_ends_only_that_session(app: Flask) -> None:
    desk, phone = browser(app), browser(app, ELSEWHERE)
    assert sign_in(desk, "nia") == 302 and sign_in(phone, "nia") == 302
    sign_out(desk)
    assert signed_in(phone)


def test_deactivating_someone_ends_every_session_even_after_they_are_reactivated(
    app: Flask, services: Services
) -> None:
    nia = browser(app)
    assert sign_in(nia, "nia") == 302
    thief = copy_of(app, nia)
    admin = browser(app, ELSEWHERE)
    assert sign_in(admin, "ada") == 302
    with services.db.session() as session:
        user = staff.by_username(session, "nia")
        assert user is not None
        nia_id = user.id
    token = re.search(r'name="csrf_token" value="([^"]+)"', admin.get("/review/users").get_data(as_text=True))
    assert token
    admin.post(f"/review/users/{nia_id}/active", data={"csrf_token": token.group(1)})
    assert not signed_in(nia) and not signed_in(thief)
    admin.post(f"/review/users/{nia_id}/active", data={"csrf_token": token.group(1)})  # active again
    assert not signed_in(nia) and not signed_in(thief), "old sessions stay ended"
    assert sign_in(nia, "nia") == 302 and signed_in(nia), "she signs in afresh"


def test_a_session_left_idle_ends(app: Flask, services: Services) -> None:
    nia = browser(app)
    assert sign_in(nia, "nia") == 302
    with services.db.session() as session:
        session.execute(
            update(StaffSession).values(last_seen_at=datetime.now(UTC) - IDLE - timedelta(minutes=1))
        )
    assert not signed_in(nia)


def test_the_cookie_names_a_session_not_a_person_and_the_database_keeps_only_a_hash(
    app: Flask, services: Services
) -> None:
    nia = browser(app)
    assert sign_in(nia, "nia") == 302
    with nia.session_transaction() as cookie:
        token = cookie["_user_id"]
    with services.db.session() as session:
        kept = session.scalars(select(StaffSession.id)).all()
        user = staff.by_username(session, "nia")
        assert user is not None
        user_id = user.id
    assert token not in kept and len(kept) == 1
    forged = browser(app)
    with forged.session_transaction() as cookie:  # a validly signed cookie naming her user id, as before
        cookie["_user_id"] = str(user_id)
        cookie["_fresh"] = True
    assert not signed_in(forged)
