"""Real channels: Twilio (SMS, WhatsApp) and Telegram webhooks, signed and idempotent, and replies sent
through the real client libraries to fake providers on 127.0.0.1 that fail, stall and rate-limit."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select, update
from twilio.request_validator import RequestValidator

from bot.app import create_app
from bot.chat.delivery import _job, deliver_due, requeue_stale
from bot.chat.intake import drain_spool
from bot.chat.media import fetch_pending
from bot.review import replies
from bot.services import Services
from bot.worker import answer_all
from channels.telegram import TelegramSender
from channels.twilio import TwilioSender
from storage import outbox, queue as stories_queue, staff, stories
from storage.models import Contact, Inbound, Media, OutboxMessage
from storage.queue import QueueFilter
from tests.conftest import make_settings
from tests.fakes.providers import FakeTelegram, FakeTwilio

PUBLIC = "https://allvoices.example.nhs.uk"
SECRET = "telegram-webhook-secret"
HER = "+447700900321"


@pytest.fixture
def wired(
    database_url: str, twilio_api: FakeTwilio, telegram_api: FakeTelegram
) -> Iterator[tuple[Services, Flask]]:
    settings = make_settings(
        database_url,
        public_url=PUBLIC,
        twilio_account_sid=twilio_api.account_sid,
        twilio_auth_token=twilio_api.auth_token,
        twilio_from_sms="+447700900000",
        twilio_from_whatsapp="+447700900001",
        twilio_api_url=twilio_api.url,
        twilio_whatsapp_template_sid="HX0123456789abcdef0123456789abcdef",
        telegram_bot_token=telegram_api.token,
        telegram_webhook_secret=SECRET,
        telegram_api_url=telegram_api.url,
    )
    services = Services.build(settings)
    services.channels.senders["twilio"] = TwilioSender(
        settings.twilio_account_sid,
        settings.twilio_auth_token,
        settings.twilio_from_sms,
        settings.twilio_from_whatsapp,
        twilio_api.url,
        f"{PUBLIC}/webhooks/twilio/status",
        timeout=1.0,
        opener_template=settings.twilio_whatsapp_template_sid,
    )
    app = create_app(services=services)
    app.config.update(TESTING=True)
    yield services, app
    services.db.dispose()


_sids = iter(range(10_000))


def twilio_post(
    client: FlaskClient,
    body: str,
    *,
    sender: str = HER,
    sid: str | None = None,
    token: str | None = None,
    signature: str | None = "sign",
    path: str = "/webhooks/twilio",
    extra: dict[str, str] | None = None,
    account: str | None = None,
    answer: bool = True,
) -> int:
    """Post a signed Twilio webhook; then, like the worker it wakes, answer what was stored."""
    fake_account = client.application.extensions["allvoices"].settings.twilio_account_sid
    form = {
        "MessageSid": sid or f"SM{next(_sids):032d}",
        "AccountSid": account or fake_account,
        "From": sender,
        "To": "+447700900000",
        "Body": body,
        "NumMedia": "0",
        **(extra or {}),
    }
    headers = {}
    if signature == "sign":
        auth = token or client.application.extensions["allvoices"].settings.twilio_auth_token
        headers["X-Twilio-Signature"] = RequestValidator(auth).compute_signature(PUBLIC + path, form)
    elif signature is not None:
        headers["X-Twilio-Signature"] = signature
    status = client.post(path, data=form, headers=headers).status_code
    if answer and status == 200:
        answer_all(client.application.extensions["allvoices"])
    return status


def _count(services: Services, model: type[object]) -> int:
    with services.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_unsigned_and_wrongly_signed_twilio_webhooks_are_refused_and_store_nothing(
    wired: tuple[Services, Flask],
) -> None:
    services, app = wired
    client = app.test_client()
    assert twilio_post(client, "Hello", signature=None) == 403
    assert twilio_post(client, "Hello", signature="bm90IGEgc2lnbmF0dXJl") == 403
    assert twilio_post(client, "Hello", token="someone-elses-token") == 403
    assert twilio_post(client, "Hello", account="AC" + "9" * 32) == 403
    assert _count(services, Inbound) == 0


def test_a_signed_sms_is_stored_once_even_when_twilio_retries(wired: tuple[Services, Flask]) -> None:
    services, app = wired
    client = app.test_client()
    assert twilio_post(client, "Hello", sid="SM" + "1" * 32) == 200
    assert twilio_post(client, "Hello", sid="SM" + "1" * 32) == 200
    assert _count(services, Inbound) == 1
    assert _count(services, OutboxMessage) == 1


def test_a_signed_whatsapp_message_is_taken_as_whatsapp(wired: tuple[Services, Flask]) -> None:
    services, app = wired
    assert twilio_post(app.test_client(), "Hello", sender=f"whatsapp:{HER}") == 200
    with services.db.session() as session:
        assert session.scalars(select(Contact.channel)).one() == "whatsapp"


def test_a_malformed_twilio_webhook_gets_400(wired: tuple[Services, Flask]) -> None:
    services, app = wired
    client = app.test_client()
    form = {"AccountSid": services.settings.twilio_account_sid, "From": HER, "Body": "hi"}
    signature = RequestValidator(services.settings.twilio_auth_token).compute_signature(
        PUBLIC + "/webhooks/twilio", form
    )
    response = client.post("/webhooks/twilio", data=form, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 400
    assert _count(services, Inbound) == 0


def test_replies_arrive_exactly_once_through_failures_rate_limits_and_stalls(
    wired: tuple[Services, Flask], twilio_api: FakeTwilio
) -> None:
    services, app = wired
    twilio_api.fail_next(1, status=500)
    twilio_api.fail_next(1, status=429, code=20429, retry_after=1)
    twilio_api.fail_next(1, hang=3.0)
    assert twilio_post(app.test_client(), "Hello") == 200
    moment = datetime.now(UTC)
    for _ in range(6):
        moment += timedelta(hours=1)
        deliver_due(services, now=moment)
    assert len(twilio_api.sent()) == 4, "three failed tries, then one that went"
    sent = twilio_api.accepted
    welcomes = [form for form in sent if "Shall we start?" in form.get("Body", "")]
    assert len(welcomes) == 1
    assert welcomes[0]["To"] == HER
    assert welcomes[0]["StatusCallback"].startswith(f"{PUBLIC}/webhooks/twilio/status")
    with services.db.session() as session:
        row = session.scalars(select(OutboxMessage)).one()
        assert row.status == "sent" and row.attempts == 4 and row.provider_id


def test_a_signed_status_callback_marks_the_message_delivered(
    wired: tuple[Services, Flask], twilio_api: FakeTwilio
) -> None:
    services, app = wired
    client = app.test_client()
    twilio_post(client, "Hello")
    deliver_due(services)
    with services.db.session() as session:
        provider_id = session.scalars(select(OutboxMessage.provider_id)).one()
    assert provider_id
    status = {"MessageSid": provider_id, "MessageStatus": "delivered"}
    assert twilio_post(client, "", path="/webhooks/twilio/status", extra=status, signature=None) == 403
    assert twilio_post(client, "", path="/webhooks/twilio/status", extra=status) in (200, 204)
    with services.db.session() as session:
        assert session.scalars(select(OutboxMessage.status)).one() == "delivered"


def _tell_story_by_whatsapp(client: FlaskClient, services: Services) -> str:
    for text in ("Hello", "yes", "Nobody told me what was happening.", "DONE", *["SKIP"] * 3, "YES", "NO"):
        assert twilio_post(client, text, sender=f"whatsapp:{HER}") == 200
        deliver_due(services)
    with services.db.session() as session:
        story = stories_queue.page(session, QueueFilter())[0]
        assert story.ref
        return story.ref


def test_a_reply_outside_whatsapps_24_hours_goes_as_a_template_and_follows_her_answer(
    wired: tuple[Services, Flask], twilio_api: FakeTwilio
) -> None:
    services, app = wired
    client = app.test_client()
    ref = _tell_story_by_whatsapp(client, services)
    with services.db.session() as session:
        author = staff.create(session, "rita", "pw-long-enough-1", "responder", "Rita", "Midwife")
        approver = staff.create(session, "lena", "pw-long-enough-2", "lead", "Lena", "Head of midwifery")
        story = stories.by_ref(session, ref)
        assert story is not None
        story.status = "moderated"
        good = (
            "Thank you for telling us that nobody told you what was happening. I am sorry nobody told you. "
            "I will talk to the ward team this week and write to you by Friday. If you would like to talk, "
            "reply here."
        )
        response = replies.draft(session, story, author, good)
        replies.approve(session, response, approver)
        session.execute(update(Contact).values(last_inbound_at=datetime.now(UTC) - timedelta(days=2)))
    before = len(twilio_api.accepted)
    deliver_due(services)  # the reply is held, the template queued
    deliver_due(services)  # the template goes
    (template,) = twilio_api.accepted[before:]
    assert template["ContentSid"] == services.settings.twilio_whatsapp_template_sid
    assert ref in json.loads(template["ContentVariables"]).values()
    assert "Body" not in template
    assert "ref=template-" in template["StatusCallback"], "reconciled by its status callback like any send"

    assert twilio_post(client, "READ", sender=f"whatsapp:{HER}") == 200
    deliver_due(services)
    (reply,) = twilio_api.accepted[before + 1 :]
    assert "I am sorry nobody told you." in reply["Body"]
    assert reply["To"] == f"whatsapp:{HER}"


def test_window_closed_reported_by_a_status_callback_holds_the_reply_and_sends_the_template(
    wired: tuple[Services, Flask], twilio_api: FakeTwilio
) -> None:
    services, app = wired
    client = app.test_client()
    twilio_post(client, "Hello", sender=f"whatsapp:{HER}")
    deliver_due(services)
    with services.db.session() as session:
        provider_id = session.scalars(select(OutboxMessage.provider_id)).one()
    failed = {"MessageSid": provider_id, "MessageStatus": "failed", "ErrorCode": "63016"}
    twilio_post(client, "", path="/webhooks/twilio/status", extra=failed)
    deliver_due(services)
    assert "ContentSid" in twilio_api.accepted[-1]
    with services.db.session() as session:
        assert (
            session.scalars(select(OutboxMessage.status).where(OutboxMessage.kind == "flow")).one() == "held"
        )


def test_a_voice_note_is_fetched_with_credentials_and_kept_sealed(
    wired: tuple[Services, Flask], twilio_api: FakeTwilio
) -> None:
    services, app = wired
    voice = b"OggS" + b"\x00" * 2048
    url = twilio_api.add_media(voice, "audio/ogg")
    media = {"NumMedia": "1", "MediaUrl0": url, "MediaContentType0": "audio/ogg"}
    client = app.test_client()
    twilio_post(client, "Hello")
    twilio_post(client, "yes")
    twilio_post(client, "", extra=media)
    assert fetch_pending(services) == 1
    with services.db.session() as session:
        row = session.scalars(select(Media)).one()
        assert row.status == "stored" and row.data_sealed is not None
        assert voice not in row.data_sealed
        assert services.vault.open_bytes(row.data_sealed) == voice


def test_a_voice_note_over_the_size_limit_is_refused_kindly(
    wired: tuple[Services, Flask], twilio_api: FakeTwilio
) -> None:
    services, app = wired
    services.settings = replace(services.settings, media_max_bytes=1024)
    url = twilio_api.add_media(b"x" * 20_000, "audio/ogg")
    client = app.test_client()
    twilio_post(client, "Hello")
    twilio_post(client, "yes")
    twilio_post(client, "", extra={"NumMedia": "1", "MediaUrl0": url, "MediaContentType0": "audio/ogg"})
    fetch_pending(services)
    with services.db.session() as session:
        assert session.scalars(select(Media.status)).one() == "too_large"
        bodies = [row.body for row in session.scalars(select(OutboxMessage))]
    assert any("too big" in body for body in bodies)


def telegram_post(client: FlaskClient, update: object, secret: str | None = SECRET) -> int:
    """Post a Telegram update; then, like the worker it wakes, answer what was stored."""
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    body = update if isinstance(update, (bytes, str)) else json.dumps(update)
    status = client.post(
        "/webhooks/telegram", data=body, headers=headers, content_type="application/json"
    ).status_code
    if status == 200:
        answer_all(client.application.extensions["allvoices"])
    return status


def _update(update_id: int, text: str, chat_id: int = 555000111) -> dict[str, object]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(datetime.now(UTC).timestamp()),
            "chat": {"id": chat_id, "type": "private"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "A"},
            "text": text,
        },
    }


def test_telegram_without_the_secret_is_refused_and_a_repeat_is_stored_once(
    wired: tuple[Services, Flask], telegram_api: FakeTelegram
) -> None:
    services, app = wired
    client = app.test_client()
    assert telegram_post(client, _update(1, "Hello"), secret=None) == 403
    assert telegram_post(client, _update(1, "Hello"), secret="wrong") == 403
    assert telegram_post(client, b"not json at all") == 400
    assert _count(services, Inbound) == 0
    assert telegram_post(client, _update(1, "Hello")) == 200
    assert telegram_post(client, _update(1, "Hello")) == 200
    assert _count(services, Inbound) == 1
    deliver_due(services)
    (sent,) = telegram_api.calls("sendMessage")
    assert sent["chat_id"] == "555000111"
    assert "Shall we start?" in sent["text"]


def test_telegram_menus_come_with_buttons_and_the_numbered_text(
    wired: tuple[Services, Flask], telegram_api: FakeTelegram
) -> None:
    services, app = wired
    client = app.test_client()
    for number, text in enumerate(("Hello", "yes", "The ward was cold", "DONE"), 10):
        telegram_post(client, _update(number, text))
        deliver_due(services)
    site_question = telegram_api.calls("sendMessage")[-1]
    assert "1 Medway Maritime Hospital" in site_question["text"]
    keyboard = json.loads(site_question["reply_markup"])["inline_keyboard"]
    assert keyboard[0][0]["callback_data"] == "1"


def test_a_webhook_while_the_database_is_down_is_kept_in_the_spool_and_answered_when_it_is_back(
    wired: tuple[Services, Flask], twilio_api: FakeTwilio
) -> None:
    services, _ = wired
    broken = Services.build(
        replace(services.settings, database_url="postgresql+psycopg://postgres@127.0.0.1:1/x")
    )
    broken.channels = services.channels
    app = create_app(services=broken)
    assert twilio_post(app.test_client(), "Hello", answer=False) == 200, "acknowledged: it is kept"
    assert services.spool.waiting() == 1 and _count(services, Inbound) == 0
    assert drain_spool(services) == 1, "the database is back: the worker stores it"
    answer_all(services)
    deliver_due(services)
    assert services.spool.waiting() == 0 and _count(services, Inbound) == 1
    assert any("Shall we start?" in form.get("Body", "") for form in twilio_api.accepted)


def test_a_webhook_that_neither_the_database_nor_the_spool_can_keep_asks_the_provider_to_retry(
    wired: tuple[Services, Flask], tmp_path: Path
) -> None:
    services, _ = wired
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the spool folder should be")
    broken = Services.build(
        replace(
            services.settings,
            database_url="postgresql+psycopg://postgres@127.0.0.1:1/x",
            spool_dir=str(blocked),
        )
    )
    broken.channels = services.channels
    assert twilio_post(create_app(services=broken).test_client(), "Hello", answer=False) == 503


def test_a_send_whose_worker_died_is_matched_by_its_status_callback_and_not_sent_twice(
    wired: tuple[Services, Flask], twilio_api: FakeTwilio
) -> None:
    services, app = wired
    client = app.test_client()
    twilio_post(client, "Hello")
    with services.db.session() as session:
        (row,) = outbox.claim(session, datetime.now(UTC), "a-worker-that-died")
        job = _job(services, row)
    result = services.channels.senders["twilio"].send(job.message)  # Twilio takes it; then the worker dies
    callback = twilio_api.accepted[-1]["StatusCallback"]
    path = callback.removeprefix(PUBLIC)
    status = {"MessageSid": result.provider_id, "MessageStatus": "sent"}
    assert twilio_post(client, "", path=path, extra=status) in (200, 204)
    requeue_stale(services, now=datetime.now(UTC) + timedelta(hours=1))
    deliver_due(services, now=datetime.now(UTC) + timedelta(hours=2))
    assert len(twilio_api.accepted) == 1
    with services.db.session() as session:
        row = session.scalars(select(OutboxMessage)).one()
    assert row.status == "sent" and row.provider_id == result.provider_id


def test_a_send_whose_worker_died_with_no_word_from_twilio_is_sent_again(
    wired: tuple[Services, Flask], twilio_api: FakeTwilio
) -> None:
    services, app = wired
    twilio_post(app.test_client(), "Hello")
    with services.db.session() as session:
        outbox.claim(session, datetime.now(UTC), "a-worker-that-died")  # then it died before sending
    requeue_stale(services, now=datetime.now(UTC) + timedelta(hours=1))
    deliver_due(services, now=datetime.now(UTC) + timedelta(hours=1))
    assert len(twilio_api.accepted) == 1


def test_a_file_we_cannot_open_safely_is_refused_kindly_and_never_fetched(
    wired: tuple[Services, Flask], twilio_api: FakeTwilio
) -> None:
    services, app = wired
    url = twilio_api.add_media(b"MZ\x90\x00" * 100, "application/x-msdownload")
    client = app.test_client()
    twilio_post(client, "Hello")
    twilio_post(client, "yes")
    twilio_post(
        client, "", extra={"NumMedia": "1", "MediaUrl0": url, "MediaContentType0": "application/x-msdownload"}
    )
    fetch_pending(services)
    assert not [r for r in twilio_api.requests if r.method == "GET"]
    with services.db.session() as session:
        assert session.scalars(select(Media.status)).one() == "unsupported"
        bodies = [row.body for row in session.scalars(select(OutboxMessage))]
    assert any("cannot open that kind of file" in body for body in bodies)


def test_telegram_replies_arrive_once_through_rate_limits_errors_and_stalls(
    wired: tuple[Services, Flask], telegram_api: FakeTelegram
) -> None:
    services, app = wired
    services.channels.senders["telegram"] = TelegramSender(
        services.settings.telegram_bot_token, telegram_api.url, timeout=1.0
    )
    telegram_api.fail_next(1, status=429, retry_after=1, method="sendMessage")
    telegram_api.fail_next(1, status=500, method="sendMessage")
    assert telegram_post(app.test_client(), _update(7, "Hello")) == 200
    moment = datetime.now(UTC)
    for _ in range(5):
        moment += timedelta(hours=1)
        deliver_due(services, now=moment)
    with services.db.session() as session:
        row = session.scalars(select(OutboxMessage)).one()
    assert row.status == "sent" and row.attempts == 3
    assert len(telegram_api.calls("sendMessage")) == 3, "two refused, one taken"


def test_an_invalid_number_is_a_permanent_failure_shown_to_leads_without_her_number(
    wired: tuple[Services, Flask], twilio_api: FakeTwilio
) -> None:
    services, app = wired
    twilio_api.fail_next(1, status=400, code=21211)
    twilio_post(app.test_client(), "Hello")
    deliver_due(services)
    with services.db.session() as session:
        row = session.scalars(select(OutboxMessage)).one()
        assert row.status == "failed" and row.last_error and "21211" in row.last_error
        staff.create(session, "lena", "long-password-2", "lead", "Lena", "Head of midwifery")
    lead = app.test_client()
    page = lead.get("/review/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert token
    lead.post(
        "/review/login",
        data={"username": "lena", "password": "long-password-2", "csrf_token": token.group(1)},
    )
    text = lead.get("/review/deliveries").get_data(as_text=True)
    assert "21211" in text and "Chat message" in text
    assert "7700" not in text and "900321" not in text
