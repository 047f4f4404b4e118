"""Champions reach women where they are: codes, links, posters, and counts that never identify anyone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.app import create_app
from bot.chat.receive import receive
from bot.services import Services
from channels.base import InboundMessage
from storage import champions, staff
from storage.models import Contact, Story
from tests.bot.outreach.posters.test_posters import qr_texts, render_png
from tests.helpers import say

PASSWORD = "a long enough password"


@pytest.fixture
def app(services: Services) -> Iterator[Flask]:
    services.settings = replace(
        services.settings,
        twilio_from_whatsapp="+447700900001",
        twilio_from_sms="+447700900000",
        telegram_bot_username="allvoices_bot",
    )
    with services.db.session() as session:
        staff.create(session, "lena", PASSWORD, "lead", "Lena", "Head of midwifery")
        staff.create(session, "mo", PASSWORD, "moderator", "Mo", "Midwife")
    application = create_app(services=services)
    application.config.update(TESTING=True)
    yield application


def sign_in(app: Flask, username: str) -> FlaskClient:
    client = app.test_client()
    page = client.get("/review/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert token
    client.post(
        "/review/login", data={"username": username, "password": PASSWORD, "csrf_token": token.group(1)}
    )
    return client


def csrf(client: FlaskClient, path: str) -> str:
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get(path).get_data(as_text=True))
    assert found
    return found.group(1)


def make_champion(services: Services, code: str = "MEDWAY-BUMPS", languages: list[str] | None = None) -> str:
    with services.db.session() as session:
        champion = champions.create(
            session, code, "Medway Bumps and Babies", "Somali community", languages or [], "lena"
        )
        return str(champion.link_token)


def test_a_lead_creates_a_champion_and_gets_links_that_carry_the_code(app: Flask, services: Services) -> None:
    lead = sign_in(app, "lena")
    token = csrf(lead, "/review/champions")
    form = {
        "code": "medway-bumps",
        "name": "Medway Bumps",
        "community": "Somali, Medway",
        "csrf_token": token,
    }
    response = lead.post("/review/champions", data={**form, "languages": ["so", "ar"]})
    assert response.status_code == 302
    page = lead.get("/review/champions/MEDWAY-BUMPS").get_data(as_text=True)
    assert "https://wa.me/447700900001?text=HELLO%20MEDWAY-BUMPS" in page
    assert "Text HELLO MEDWAY-BUMPS to 07700 900000" in page
    assert "https://t.me/allvoices_bot?start=MEDWAY-BUMPS" in page
    assert "/c/" in page


@pytest.mark.parametrize("code", ["AB", "this-code-is-far-too-long-for-anyone", "bad code!", "--x--"])
def test_a_code_that_is_hard_to_type_is_refused(services: Services, code: str) -> None:
    with services.db.session() as session, pytest.raises(champions.InvalidCode):
        champions.create(session, code, "x", "", [], "lena")


def test_a_first_message_with_the_code_attributes_her_story_and_nothing_else(services: Services) -> None:
    make_champion(services)
    say(services, "hello medway-bumps")
    say(services, "yes")
    say(services, "The midwife was kind")
    with services.db.session() as session:
        contact = session.scalars(select(Contact)).one()
        story = session.scalars(select(Story)).one()
    assert contact.champion_code == "MEDWAY-BUMPS"
    assert story.champion_code == "MEDWAY-BUMPS"


def test_a_code_in_a_later_message_does_not_change_who_brought_her(services: Services) -> None:
    make_champion(services)
    say(services, "Hello")
    say(services, "MEDWAY-BUMPS")
    with services.db.session() as session:
        assert session.scalars(select(Contact.champion_code)).one() is None


def test_a_telegram_deep_link_start_code_attributes_her(services: Services) -> None:
    make_champion(services)
    message = InboundMessage(
        channel="telegram",
        transport="simulator",
        address="555000222",
        provider_id="u1",
        text="",
        received_at=datetime.now(UTC),
        start_code="medway-bumps",
    )
    receive(services, message)
    with services.db.session() as session:
        assert session.scalars(select(Contact.champion_code)).one() == "MEDWAY-BUMPS"


def test_the_champions_page_shows_counts_only_and_hides_small_numbers(app: Flask, services: Services) -> None:
    token = make_champion(services)
    for number in range(6):
        sender = f"07700 90{number:04d}"
        say(services, "HELLO MEDWAY-BUMPS", sender)
        say(services, "yes", sender)
        say(services, f"Secret words number {number}", sender)
        if number < 2:
            for answer in ("DONE", "SKIP", "SKIP", "SKIP", "NO", "NO"):
                say(services, answer, sender)
    page = app.test_client().get(f"/c/{token}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Secret words" not in text and "07700" not in text
    assert ">6<" in text  # started
    assert "fewer than 5" in text  # finished: 2
    assert page.headers["X-Robots-Tag"] == "noindex"


def test_a_renewed_link_stops_the_old_one(app: Flask, services: Services) -> None:
    token = make_champion(services)
    lead = sign_in(app, "lena")
    lead.post(
        "/review/champions/MEDWAY-BUMPS/new-link",
        data={"csrf_token": csrf(lead, "/review/champions/MEDWAY-BUMPS")},
    )
    assert app.test_client().get(f"/c/{token}").status_code == 404


def test_a_moderator_cannot_manage_champions(app: Flask) -> None:
    assert sign_in(app, "mo").get("/review/champions").status_code == 403


def test_the_poster_renders_and_its_qr_opens_whatsapp_with_the_code(
    app: Flask, services: Services, tmp_path: Path
) -> None:
    make_champion(services, languages=["pl"])
    lead = sign_in(app, "lena")
    for path in (
        "/review/champions/MEDWAY-BUMPS/poster.pdf?size=A4",
        "/review/champions/MEDWAY-BUMPS/card.pdf",
    ):
        response = lead.get(path)
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        png = render_png(response.data, tmp_path / "page.png")
        assert qr_texts(png) == ["https://wa.me/447700900001?text=HELLO%20MEDWAY-BUMPS"]


def test_leads_see_which_languages_still_need_a_fluent_reviewer(app: Flask) -> None:
    page = sign_in(app, "lena").get("/review/languages")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Needs review" in text and "Urdu" in text
    assert sign_in(app, "mo").get("/review/languages").status_code == 403


def test_leads_read_the_weekly_digest_in_the_dashboard(app: Flask, services: Services) -> None:
    for text in (
        "Hello",
        "yes",
        "My midwife Sarah never explained the drip",
        "DONE",
        "1",
        "SKIP",
        "SKIP",
        "NO",
    ):
        say(services, text)
    year, week, _ = datetime.now(UTC).isocalendar()
    page = sign_in(app, "lena").get(f"/review/digest?site=Medway+Maritime+Hospital&week={year}-W{week:02d}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Who we heard from" in text and "Stories in" in text
    assert "Sarah" not in text
