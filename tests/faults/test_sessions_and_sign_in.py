"""Signing in and out, as an attacker would try it: copied cookies, guessing, and someone else's address.

Sessions live on the server, so a copied cookie stops working at sign-out or deactivation. Failed
sign-ins are counted in the database, per account, per address and per known device, so two web
processes count the same attempts, and the person who knows her password is never locked out for long.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from bot.app import create_app
from bot.services import Services
from bot.web import known_device, sign_in_limits
from bot.web.auth import IDLE
from storage import staff
from storage.models import SignInFailure, StaffSession

PASSWORD = "correct horse battery staple"
WARD = "10.20.30.40"
ELSEWHERE = "192.0.2.7"


@pytest.fixture(autouse=True)
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same rules with smaller numbers, and argon2 at its cheapest: these tests count attempts."""
    monkeypatch.setattr(staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    monkeypatch.setattr(sign_in_limits, "ACCOUNT_FREE", 3)
    monkeypatch.setattr(sign_in_limits, "ADDRESS_LIMIT", 5)
    monkeypatch.setattr(sign_in_limits, "DEVICE_FREE", 3)


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


def time_passes(services: Services, by: timedelta) -> None:
    """Every failure so far happened ``by`` earlier."""
    with services.db.session() as session:
        for failure in session.scalars(select(SignInFailure)):
            failure.at -= by


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


# --- the sign-in limits -----------------------------------------------------------------------------------


def test_guessing_one_account_is_slowed_not_locked(app: Flask, services: Services) -> None:
    guesser = browser(app, ELSEWHERE)
    for _ in range(sign_in_limits.ACCOUNT_FREE):
        assert sign_in(guesser, "nia", "wrong password") == 200
    assert sign_in(guesser, "nia", PASSWORD) == 429, "after a few guesses even the right password waits"
    time_passes(services, sign_in_limits.MAX_WAIT)
    assert sign_in(browser(app), "nia") == 302, "the wait is short, and then the right password works"


def test_the_wait_is_said_kindly(app: Flask) -> None:
    guesser = browser(app, ELSEWHERE)
    for _ in range(sign_in_limits.ACCOUNT_FREE):
        sign_in(guesser, "nia", "wrong password")
    page = guesser.get("/review/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token
    answer = guesser.post(
        "/review/login", data={"username": "nia", "password": "x", "csrf_token": token.group(1)}
    )
    assert answer.status_code == 429
    assert "too many tries to sign in. Please wait a minute, then try again." in answer.get_data(as_text=True)


def test_many_failures_from_one_address_stop_strangers_there_but_not_her_known_device(
    app: Flask, services: Services
) -> None:
    nia = browser(app)
    assert sign_in(nia, "nia") == 302, "she has signed in on this computer before"
    sign_out(nia)
    stranger = browser(app)  # same ward address, a browser never used to sign in
    for number in range(sign_in_limits.ADDRESS_LIMIT):
        assert sign_in(stranger, f"guess{number}", "wrong password") == 200
    assert sign_in(stranger, "ada") == 429, "a new browser on that address waits, even with a password"
    assert sign_in(browser(app, ELSEWHERE), "ada") == 302, "other addresses are not affected"
    assert sign_in(nia, "nia") == 302, "her known device is not held back by strangers on her address"


def test_her_known_device_gets_in_while_her_account_is_being_guessed(app: Flask) -> None:
    nia = browser(app)
    assert sign_in(nia, "nia") == 302
    sign_out(nia)
    guesser = browser(app, ELSEWHERE)
    for _ in range(sign_in_limits.ACCOUNT_FREE + 2):
        sign_in(guesser, "nia", "wrong password")
    assert sign_in(guesser, "nia") == 429
    assert sign_in(browser(app), "nia") == 429, "a browser that does not know her waits too"
    assert sign_in(nia, "nia") == 302, "the browser she always uses does not"


def test_a_known_device_that_keeps_failing_is_slowed_too(app: Flask, services: Services) -> None:
    nia = browser(app)
    assert sign_in(nia, "nia") == 302
    sign_out(nia)
    for _ in range(sign_in_limits.DEVICE_FREE):
        assert sign_in(nia, "nia", "wrong password") == 200
    assert sign_in(nia, "nia") == 429
    time_passes(services, sign_in_limits.MAX_WAIT)
    assert sign_in(nia, "nia") == 302


def test_a_forged_known_device_cookie_counts_for_nothing(app: Flask) -> None:
    guesser = browser(app, ELSEWHERE)
    guesser.set_cookie(known_device.COOKIE, '{"d": "x", "u": ["nia"]}', path="/review")
    for _ in range(sign_in_limits.ACCOUNT_FREE):
        sign_in(guesser, "nia", "wrong password")
    assert sign_in(guesser, "nia") == 429


def test_two_app_processes_on_one_database_count_the_same_failures(services: Services) -> None:
    with services.db.session() as session:
        staff.create(session, "nia", PASSWORD, "lead", "Nia Patel", "Matron")
    first = create_app(services=Services.build(services.settings))
    second = create_app(services=Services.build(services.settings))
    for app in (first, second):
        app.config.update(TESTING=True)
    for number in range(sign_in_limits.ACCOUNT_FREE):
        sign_in(browser(first if number % 2 else second, ELSEWHERE), "nia", "wrong password")
    assert sign_in(browser(first, ELSEWHERE), "nia") == 429
    assert sign_in(browser(second, ELSEWHERE), "nia") == 429
    for app in (first, second):
        app.extensions["allvoices"].db.dispose()


def test_x_forwarded_for_is_ignored_unless_the_proxy_is_trusted(app: Flask, services: Services) -> None:
    guesser = browser(app, ELSEWHERE)
    for number in range(sign_in_limits.ADDRESS_LIMIT):
        forged = {"X-Forwarded-For": f"198.51.100.{number}"}
        sign_in(guesser, f"guess{number}", "wrong password", **forged)
    assert sign_in(guesser, "ada", **{"X-Forwarded-For": "198.51.100.99"}) == 429, "a new address each time"
    with services.db.session() as session:
        assert set(session.scalars(select(SignInFailure.address))) == {ELSEWHERE}


def test_behind_a_trusted_proxy_the_address_it_saw_is_counted(services: Services) -> None:
    with services.db.session() as session:
        staff.create(session, "ada", PASSWORD, "admin", "Ada Byrne", "Service manager")
    proxied = create_app(
        services=replace(services, settings=replace(services.settings, trusted_proxies=("10.0.0.0/24",)))
    )
    proxied.config.update(TESTING=True)
    proxy = browser(proxied, "10.0.0.5")
    for number in range(sign_in_limits.ADDRESS_LIMIT):
        sign_in(proxy, f"guess{number}", "wrong password", **{"X-Forwarded-For": "203.0.113.9"})
    assert sign_in(proxy, "ada", **{"X-Forwarded-For": "203.0.113.9"}) == 429
    assert sign_in(proxy, "ada", **{"X-Forwarded-For": "203.0.113.10"}) == 302, "another person behind it"
    outsider = browser(proxied, "192.0.2.50")  # not the proxy: its header is only words
    sign_in(outsider, "nobody", "wrong password", **{"X-Forwarded-For": "203.0.113.10"})
    with services.db.session() as session:
        assert set(session.scalars(select(SignInFailure.address))) == {"203.0.113.9", "192.0.2.50"}


def test_a_mistyped_trusted_proxy_stops_the_app_starting(services: Services) -> None:
    wrong = replace(services, settings=replace(services.settings, trusted_proxies=("10.0.0.300",)))
    with pytest.raises(ValueError, match="ALLVOICES_TRUSTED_PROXIES"):
        create_app(services=wrong)


def test_someone_signed_in_who_mistypes_on_the_sign_in_page_is_answered_at_once(app: Flask) -> None:
    nia = browser(app)
    assert sign_in(nia, "nia") == 302
    assert sign_in(nia, "nia", "wrong password") == 200, "not stuck waiting on the database"
