"""Providers that fail the way providers do — 500, 429 with Retry-After, a hang past our timeout, a
connection dropped before the message was taken, and one dropped after it was taken — while the outbox
drains. Nothing is lost; on Twilio nothing goes twice (its status callback carries the outbox key and
settles a send whose answer was lost); on Telegram, which sends no receipts, a message whose answer was
lost goes at most twice, as README says."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server

from bot.app import create_app
from bot.chat.delivery import deliver_due
from bot.services import Services
from channels.telegram import TelegramSender
from channels.twilio import TwilioSender
from storage import outbox
from storage.migrations import upgrade
from storage.models import OutboxMessage
from tests.conftest import make_settings
from tests.fakes.providers import FakeTelegram, FakeTwilio
from tests.faults.processes import free_port

MESSAGES = 24
#: each provider's next answers, in order: (how many, how it fails)
FAULTS: dict[str, tuple[int, dict[str, object]]] = {
    "500": (3, {"status": 500}),
    "429 Retry-After 1": (3, {"status": 429, "retry_after": 1}),
    "hang": (2, {"hang": 4.0}),
    "dropped": (3, {"drop": True}),
    "dropped after taking it": (3, {"drop_after": True}),
}
TIMEOUT = 1.5  # the senders' HTTP timeout here (15 s in production), so a hang is over quickly


@pytest.fixture
def services(tmp_path: Path, twilio_api: FakeTwilio, telegram_api: FakeTelegram) -> Iterator[Services]:
    """The app on a real local port (Twilio's status callbacks reach it), senders with short timeouts."""
    port = free_port()
    url = f"sqlite:///{tmp_path / 'allvoices.db'}"
    upgrade(url)
    built = Services.build(
        make_settings(
            url,
            public_url=f"http://127.0.0.1:{port}",
            twilio_account_sid=twilio_api.account_sid,
            twilio_auth_token=twilio_api.auth_token,
            twilio_from_sms="+447700900000",
            twilio_api_url=twilio_api.url,
            telegram_bot_token=telegram_api.token,
            telegram_api_url=telegram_api.url,
        )
    )
    built.channels.senders["twilio"] = TwilioSender(
        twilio_api.account_sid,
        twilio_api.auth_token,
        "+447700900000",
        "",
        twilio_api.url,
        f"http://127.0.0.1:{port}/webhooks/twilio/status",
        timeout=TIMEOUT,
    )
    built.channels.senders["telegram"] = TelegramSender(telegram_api.token, telegram_api.url, timeout=TIMEOUT)
    server = make_server("127.0.0.1", port, create_app(services=built), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield built
    server.shutdown()
    thread.join()
    built.db.dispose()


def _queue(services: Services, channel: str, transport: str, address: str, key: str) -> None:
    with services.db.session() as session:
        outbox.enqueue(
            session,
            idempotency_key=key,
            channel=channel,
            transport=transport,
            address_sealed=services.vault.seal(address),
            body=f"Thank you for telling us ({key}).",
            contact_id=None,
        )


@pytest.mark.slow
def test_failing_providers_lose_nothing_and_duplicate_only_where_readme_says(
    services: Services, twilio_api: FakeTwilio, telegram_api: FakeTelegram
) -> None:
    twilio_api.callbacks = True
    for count, failure in FAULTS.values():
        twilio_api.fail_next(count, **failure)  # type: ignore[arg-type]
        telegram_api.fail_next(count, method="sendMessage", **failure)  # type: ignore[arg-type]
    for n in range(MESSAGES):
        _queue(services, "sms", "twilio", f"+4477009{n:05d}", f"sms-{n}")
        _queue(services, "telegram", "telegram", str(1000 + n), f"telegram-{n}")

    began = time.monotonic()
    while time.monotonic() - began < 90:
        deliver_due(services, worker="faults")
        with services.db.reading() as session:
            waiting = session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status.in_(("queued", "sending")))
            )
        if not waiting:
            break
        time.sleep(0.2)
    took = time.monotonic() - began

    with services.db.reading() as session:
        statuses = Counter(session.scalars(select(OutboxMessage.status)))
    on_twilio = Counter(twilio_api.accepted_refs())
    on_telegram = Counter(
        int(form["chat_id"]) - 1000 for form in telegram_api.delivered if form["chat_id"].isdigit()
    )
    failed_on = {
        "twilio": len(twilio_api.requests) - len(twilio_api.accepted),
        "telegram": len(telegram_api.calls("sendMessage")) - len(telegram_api.delivered),
    }
    reached = {
        "twilio": sum(1 for n in range(MESSAGES) if on_twilio[f"sms-{n}"]),
        "telegram": sum(1 for n in range(MESSAGES) if on_telegram[n]),
    }
    twice = {
        "twilio": sum(1 for n in on_twilio.values() if n > 1),
        "telegram": sum(1 for n in on_telegram.values() if n > 1),
    }
    faults = {name: count for name, (count, _) in FAULTS.items()}
    print(
        f"\nfailing providers: {MESSAGES} messages each on Twilio and Telegram, faults {faults} on each; "
        f"outbox {dict(statuses)} after {took:.1f} s; "
        + "; ".join(
            f"{name}: {reached[name]} reached her, {twice[name]} twice, {failed_on[name]} failed tries"
            for name in ("twilio", "telegram")
        )
    )
    assert set(statuses) <= {"sent", "delivered"}, statuses
    assert all(on_twilio[f"sms-{n}"] == 1 for n in range(MESSAGES)), on_twilio
    assert all(1 <= on_telegram[n] <= 2 for n in range(MESSAGES)), on_telegram
    assert twice["telegram"] <= FAULTS["dropped after taking it"][0]
    assert twilio_api.failures == [] and telegram_api.failures == []  # every fault was met
