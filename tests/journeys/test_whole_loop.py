"""The whole loop through the web app: she tells a story in the simulator, staff review and reply,
the worker delivers, and the reply arrives on her phone. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

import pytest
from flask import Flask
from flask.testing import FlaskClient

from bot.app import create_app
from bot.chat.delivery import deliver_due
from bot.services import Services
from storage import staff
from storage.models import AuditEvent

PASSWORD = "correct horse battery staple"


@pytest.fixture
def app(services: Services) -> Iterator[Flask]:
    services.settings = replace(services.settings, simulator=True)  # she tells her story in the simulator
    with services.db.session() as session:
        for username, role in (("mo", "moderator"), ("rita", "responder"), ("lena", "lead"), ("lou", "lead")):
            staff.create(session, username, PASSWORD, role, username.title(), "Midwife")
    application = create_app(services=services)
    application.config.update(TESTING=True)
    yield application


def csrf(client: FlaskClient, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    found = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page) or re.search(
        r'id="csrf_token" name="csrf_token" type="hidden" value="([^"]+)"', page
    )
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def sign_in(app: Flask, username: str) -> FlaskClient:
    client = app.test_client()
    token = csrf(client, "/review/login")
    response = client.post(
        "/review/login", data={"username": username, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def her_phone(client: FlaskClient) -> list[dict[str, object]]:
    messages: list[dict[str, object]] = client.get("/simulator/messages").get_json()["messages"]
    return messages


def send(client: FlaskClient, text: str) -> None:
    token = csrf(client, "/simulator/")
    assert client.post("/simulator/send", data={"text": text, "csrf_token": token}).status_code == 200


def test_a_story_told_in_the_simulator_is_reviewed_answered_and_the_reply_arrives(
    app: Flask, services: Services
) -> None:
    phone = app.test_client()
    token = csrf(phone, "/simulator/")
    phone.post(
        "/simulator/start", data={"channel": "whatsapp", "sender": "07700 900456", "csrf_token": token}
    )
    for text in ("Hello", "yes", "Nobody explained why I needed the drip.", "DONE"):
        send(phone, text)
    for _ in range(3):
        send(phone, "SKIP")
    send(phone, "YES")
    send(phone, "NO")  # no quote on the public page
    thanks = str(her_phone(phone)[-1]["text"])
    ref = re.search(r"AV-[A-HJ-NP-Z2-9]{4,6}", thanks)
    assert ref, thanks
    code = ref.group(0)

    moderator = sign_in(app, "mo")
    queue = moderator.get("/review/").get_data(as_text=True)
    assert code in queue
    assert "07700" not in queue and "900456" not in queue
    story_page = moderator.get(f"/review/story/{code}").get_data(as_text=True)
    assert "Nobody explained why I needed the drip." in story_page
    assert "900456" not in story_page
    token = csrf(moderator, f"/review/story/{code}")
    moderator.post(f"/review/story/{code}/moderate", data={"csrf_token": token})

    responder = sign_in(app, "rita")
    token = csrf(responder, f"/review/story/{code}")
    reply = (
        "Thank you for telling us that nobody explained why you needed the drip. I am sorry nobody explained "
        "the drip. I will talk to the ward team this week and write to you by Friday. If you would like to "
        "talk, reply here."
    )
    responder.post(f"/review/story/{code}/reply", data={"body": reply, "csrf_token": token})

    lead = sign_in(app, "lena")
    page = lead.get(f"/review/story/{code}").get_data(as_text=True)
    response_id = re.search(r"/review/response/(\d+)/approve", page)
    assert response_id, "the lead sees the draft to approve"
    token = csrf(lead, f"/review/story/{code}")
    lead.post(f"/review/response/{response_id.group(1)}/approve", data={"csrf_token": token})

    assert deliver_due(services), "the worker delivers the approved reply"
    arrived = str(her_phone(phone)[-1]["text"])
    assert code in arrived
    assert "I am sorry nobody explained the drip." in arrived
    assert "Rita, Midwife" in arrived

    with services.db.session() as session:
        actions = [event.action for event in session.query(AuditEvent).filter_by(story_ref=code)]
    assert "raw_viewed" in actions, "a moderator's view of her raw words is audited"
    assert [action for action in actions if action != "raw_viewed"] == [
        "moderated",
        "reply_drafted",
        "reply_approved",
    ]


def test_the_author_of_a_reply_cannot_approve_it(app: Flask, services: Services) -> None:
    from tests.helpers import tell_story

    code = tell_story(services)
    lead = sign_in(app, "lena")
    token = csrf(lead, f"/review/story/{code}")
    lead.post(f"/review/story/{code}/moderate", data={"csrf_token": token})
    lead.post(f"/review/story/{code}/reply", data={"body": "Thank you.", "csrf_token": token})
    page = lead.get(f"/review/story/{code}").get_data(as_text=True)
    assert "Someone else must approve a reply you wrote." in page
    response_id = "1"
    result = lead.post(
        f"/review/response/{response_id}/approve", data={"csrf_token": token}, follow_redirects=True
    )
    assert "Someone else must approve a reply you wrote." in result.get_data(as_text=True)
    assert deliver_due(services) == []


def test_her_words_are_escaped_on_every_page(app: Flask, services: Services) -> None:
    from tests.helpers import say

    say(services, "Hello")
    say(services, "yes")
    say(services, "<script>alert('x')</script> the ward was <b>cold</b>")
    for answer in ("DONE", "SKIP", "SKIP", "YES", "<img src=x onerror=alert(1)>", "SKIP", "SKIP", "SKIP"):
        say(services, answer)
    say(services, "NO")
    say(services, "NO")
    moderator = sign_in(app, "mo")
    queue = moderator.get("/review/").get_data(as_text=True)
    code = re.search(r"AV-[A-HJ-NP-Z2-9]{4,6}", queue)
    assert code
    page = moderator.get(f"/review/story/{code.group(0)}").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page


@pytest.mark.parametrize("path", ["/", "/simulator", "/simulator/"])
def test_the_public_addresses_answer_without_a_redirect(app: Flask, path: str) -> None:
    assert app.test_client().get(path).status_code == 200


def test_the_review_address_sends_strangers_to_sign_in(app: Flask) -> None:
    response = app.test_client().get("/review")
    assert response.status_code == 302 and "/review/login" in response.headers["Location"]


def test_health_says_503_when_the_database_is_unreachable(services: Services) -> None:
    broken = Services.build(
        replace(services.settings, database_url="postgresql+psycopg://postgres@127.0.0.1:1/x")
    )
    assert create_app(services=broken).test_client().get("/healthz").status_code == 503
    assert create_app(services=services).test_client().get("/healthz").status_code == 200
