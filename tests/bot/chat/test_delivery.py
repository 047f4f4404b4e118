"""The outbox: retries with backoff, permanent failures recorded, opt-out checked at send time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.chat.delivery import deliver_due
from bot.clients.retry import backoff
from bot.services import Services
from channels.base import OutboundMessage, SendError, SendResult
from storage.models import OutboxMessage
from tests.helpers import SHE, say


class FlakyNetwork:
    """A channel whose provider fails the first ``failures`` sends: the edge we don't own."""

    def __init__(self, failures: int, retryable: bool = True) -> None:
        self.failures = failures
        self.retryable = retryable
        self.delivered: list[OutboundMessage] = []

    def send(self, message: OutboundMessage) -> SendResult:
        if self.failures > 0:
            self.failures -= 1
            raise SendError("provider unavailable", retryable=self.retryable)
        self.delivered.append(message)
        return SendResult(f"p-{len(self.delivered)}")


def _rows(services: Services) -> list[OutboxMessage]:
    with services.db.session() as session:
        return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_a_failed_send_is_retried_later_and_arrives_once(services: Services) -> None:
    network = FlakyNetwork(failures=2)
    services.channels.senders["simulator"] = network
    assert say(services, "Hello") == []
    (row,) = _rows(services)
    assert row.status == "queued" and row.attempts == 1
    later = datetime.now(UTC) + timedelta(hours=2)
    deliver_due(services, now=later)
    deliver_due(services, now=later + timedelta(hours=2))
    deliver_due(services, now=later + timedelta(hours=4))
    (row,) = _rows(services)
    assert row.status == "sent" and row.attempts == 3
    assert len(network.delivered) == 1
    assert network.delivered[0].address == "+447700900123"


def test_a_permanent_error_is_recorded_and_not_retried(services: Services) -> None:
    services.channels.senders["simulator"] = FlakyNetwork(failures=1, retryable=False)
    say(services, "Hello")
    deliver_due(services, now=datetime.now(UTC) + timedelta(days=1))
    (row,) = _rows(services)
    assert row.status == "failed"
    assert row.last_error == "provider unavailable"


def test_stop_is_checked_when_sending_not_only_when_queueing(services: Services) -> None:
    network = FlakyNetwork(failures=1)
    services.channels.senders["simulator"] = network
    say(services, "Hello")  # the welcome fails once and waits for a retry
    say(services, "STOP")
    deliver_due(services, now=datetime.now(UTC) + timedelta(hours=2))
    statuses = [(row.kind, row.status) for row in _rows(services)]
    assert statuses == [("flow", "suppressed"), ("optout_ack", "sent")]
    assert [message.body for message in network.delivered] == [
        "You will get no more messages from us. Send START if you want to come back."
    ]
    assert SHE


def test_backoff_grows_and_honours_retry_after() -> None:
    assert backoff(1) < backoff(4) < timedelta(hours=1.3)
    assert backoff(3, retry_after=42) == timedelta(seconds=42)
