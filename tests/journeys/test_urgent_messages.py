"""Urgent risk is never left waiting: answered at once, flagged to the top, the lead alerted."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.reports.digest import build
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


#: urgent, in words no phrase file lists (the model catches it), and a possible risk below the alarm
UNLISTED_URGENT = "theres blood running down my legs and it wont stop"
POSSIBLE = "some light spotting today, brownish"
TOLD = ["Hello", "yes", "The ward was noisy.", "DONE"]
#: each step, what she sent to reach it, and that step's answer still unset afterwards
STEPS: list[tuple[str, list[str], Callable[[Story], bool]]] = [
    ("welcome", [], lambda story: story.status == "new"),
    ("consent", ["Hello"], lambda story: story.status == "draft"),
    ("story", ["Hello", "yes"], lambda story: story.status == "draft"),
    ("site", TOLD, lambda story: story.site is None),
    ("when", [*TOLD, "1"], lambda story: story.when_text is None),
    ("follow-up", [*TOLD, "1", "May 2025", "YES"], lambda story: "well" not in story.answers),
    ("age", [*TOLD, "1", "May 2025", "YES", *["SKIP"] * 3, "2"], lambda story: "age" not in story.about),
    ("reply", [*TOLD, "1", "May 2025", "SKIP"], lambda story: story.reply_wanted is None),
]


@pytest.mark.parametrize(("where", "before", "answer_unset"), STEPS, ids=[step[0] for step in STEPS])
def test_an_urgent_message_at_each_step_gets_the_numbers_and_leaves_her_answer_unset(
    services: Services, where: str, before: list[str], answer_unset: Callable[[Story], bool]
) -> None:
    for text in before:
        say(services, text)
    replies = say(services, UNLISTED_URGENT)
    assert replies and "999" in replies[0]
    with services.db.session() as session:
        story = session.scalars(select(Story).where(Story.urgent.is_(True))).one()
        assert answer_unset(story), where
        assert session.scalars(select(Alert)).one().story_ref == story.ref


def test_a_possible_risk_marks_the_story_check_soon_without_a_word_to_her(services: Services) -> None:
    for text in ("Hello", "yes", "The ward was noisy", "DONE", "SKIP", "SKIP", "SKIP", "NO", "NO"):
        say(services, text, sender="07700 900001")
    _in_story(services)
    assert say(services, POSSIBLE) == []
    with services.db.session() as session:
        queue = stories_queue.page(session, QueueFilter())
        assert queue[0].check_soon_at is not None and not queue[0].urgent
        assert queue[0].status == "draft" and queue[0].ref is not None  # seen while she is still telling it
        assert queue[1].check_soon_at is None
        assert session.scalars(select(Alert)).all() == []
        assert stories_queue.check_soon_count(session, QueueFilter()) == 1


def test_check_soon_stories_are_counted_in_the_digest(services: Services) -> None:
    for text in ("Hello", "yes", POSSIBLE, "DONE", "1", "May 2025", "SKIP", "NO", "NO"):
        say(services, text)
    year, week, _ = datetime.now(UTC).isocalendar()
    with services.db.session() as session:
        digest = build(session, services, "Medway Maritime Hospital", f"{year}-W{week:02d}")
    assert digest.check_soon == 1 and digest.urgent == []
