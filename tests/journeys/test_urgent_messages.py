"""Urgent risk is never left waiting: answered at once, flagged to the top, the lead alerted."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from sqlalchemy import select

from bot.review.alerts import send_pending
from bot.services import Services
from channels import simulator
from storage import queue as stories_queue
from storage.models import Alert, OutboxMessage, Story
from storage.queue import QueueFilter
from tests.fakes.smtp import Inbox
from tests.helpers import SHE, say

URGENT = [
    ("I am bleeding a lot and feel faint", "999"),
    ("Krwawię bardzo mocno od godziny", "999"),
    ("Sângerez foarte mult și mă doare", "999"),
    ("Estou a sangrar muito", "999"),
    ("У мене сильна кровотеча", "999"),
    ("مجھے بہت زیادہ خون آ رہا ہے", "999"),
    ("أنزف بشدة الآن", "999"),
    ("আমার খুব রক্তপাত হচ্ছে", "999"),
    ("The baby hasn't moved since yesterday", "999"),
    ("I don't want to live anymore", "116 123"),
    ("My husband hits me and I am scared to go home", "0808 2000 247"),
]
#: a real provider's transport: only stories that came in through one alert anyone
REAL = "twilio"
ORDINARY = [
    "The midwife was lovely and explained everything",
    "I had some bleeding after the birth but it stopped and I was fine",
    "Położna była bardzo miła",
    "Moaşa a fost foarte drăguţă",
    "A parteira foi muito simpática",
    "Акушерка була дуже уважна",
    "دائی بہت اچھی تھی اور اس نے سب کچھ سمجھایا",
    "كانت القابلة لطيفة جدا",
    "ধাত্রী খুব ভালো ছিলেন",
]


def _in_story(services: Services, transport: str = simulator.TRANSPORT) -> None:
    say(services, "Hello", transport=transport)
    say(services, "yes", transport=transport)


@pytest.mark.parametrize(("message", "number"), URGENT)
def test_an_urgent_message_is_answered_at_once_with_the_right_number(
    services: Services, message: str, number: str
) -> None:
    _in_story(services)
    replies = say(services, message)
    assert replies, "an urgent message is answered at once"
    assert number in replies[0]


@pytest.mark.parametrize("message", ORDINARY)
def test_ordinary_feedback_gets_no_emergency_numbers(services: Services, message: str) -> None:
    _in_story(services)
    assert say(services, message) == []


def test_an_urgent_story_goes_to_the_top_of_the_queue_while_she_is_still_telling_it(
    services: Services,
) -> None:
    say(services, "Hello", sender="07700 900001")
    say(services, "yes", sender="07700 900001")
    say(services, "The ward was noisy", sender="07700 900001")
    for answer in ("DONE", *["SKIP"] * 3, "NO", "NO"):
        say(services, answer, sender="07700 900001")
    _in_story(services)
    say(services, "I am bleeding heavily right now")
    with services.db.session() as session:
        queue = stories_queue.page(session, QueueFilter())
        assert queue[0].urgent and queue[0].status == "draft"
        assert queue[0].ref is not None
        alert = session.scalars(select(Alert)).one()
        assert alert.story_ref == queue[0].ref
        assert alert.risks == ["clinical"]


def test_an_urgent_first_message_becomes_a_story_staff_see(services: Services) -> None:
    replies = say(services, "help my baby is not breathing")
    assert "999" in replies[0]
    with services.db.session() as session:
        story = session.scalars(select(Story)).one()
        assert story.urgent and story.ref


def test_the_alert_reaches_the_lead_by_email_without_her_words_or_number(
    services: Services, smtp: tuple[str, Inbox]
) -> None:
    url, inbox = smtp
    services.settings = replace(services.settings, smtp_url=url, alert_emails=("oncall@trust.example",))
    _in_story(services, REAL)
    say(services, "My partner hits me and I am scared to go home. My name is Amina Yusuf", transport=REAL)
    assert send_pending(services) == 1
    for _ in range(50):
        if inbox.messages:
            break
        time.sleep(0.05)
    (raw,) = inbox.messages
    email = raw.decode()
    with services.db.session() as session:
        ref = session.scalars(select(Alert.story_ref)).one()
        assert session.scalars(select(Alert.email_status)).one() == "sent"
    assert ref in email
    assert f"/review/story/{ref}" in email
    for private in ("Amina", "Yusuf", "hits me", "7700", "900123", SHE):
        assert private not in email


def test_the_lead_is_alerted_by_sms_through_the_outbox_without_her_words(services: Services) -> None:
    services.settings = replace(services.settings, alert_sms=("07700 900555",))
    _in_story(services, REAL)
    say(services, "I keep thinking about ending my life", transport=REAL)
    with services.db.session() as session:
        alert_sms = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "alert")).one()
    assert "URGENT" in alert_sms.body
    assert "ending my life" not in alert_sms.body


def test_a_simulated_urgent_story_is_flagged_but_alerts_nobody(
    services: Services, smtp: tuple[str, Inbox]
) -> None:
    url, inbox = smtp
    services.settings = replace(
        services.settings, smtp_url=url, alert_emails=("oncall@trust.example",), alert_sms=("07700 900555",)
    )
    _in_story(services)
    assert "999" in say(services, "I am bleeding a lot and feel faint")[0], "she still gets the numbers"
    assert send_pending(services) == 0
    with services.db.session() as session:
        story = session.scalars(select(Story)).one()
        assert story.urgent and story.transport == simulator.TRANSPORT
        assert session.scalars(select(Alert.email_status)).one() == "simulated"
        assert session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "alert")).all() == []
    assert inbox.messages == []
