"""Draining the outbox: claim due rows, send each through its channel's sender, record what happened.

Sending happens outside any database transaction, so a slow provider never holds a lock; the claim
(``claimed_until``) keeps other workers off the row meanwhile.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot import replies
from bot.services import Services
from channels.base import OutboundMessage, SendError, SendResult
from storage import outbox
from storage.models import Contact, OutboxMessage

log = logging.getLogger(__name__)

#: kinds that still go after she has opted out: the STOP confirmation and the erasure goodbye.
SENT_AFTER_OPT_OUT = ("optout_ack", "goodbye")
MAX_BACKOFF = timedelta(hours=1)


@dataclass(frozen=True)
class _Job:
    id: int
    transport: str
    message: OutboundMessage | None  # None: suppressed, she opted out after it was queued


def backoff(attempts: int, retry_after: float | None = None) -> timedelta:
    """Exponential with jitter, so a provider outage is not met by every worker at once."""
    if retry_after is not None:
        return timedelta(seconds=max(retry_after, 1.0))
    base = min(timedelta(seconds=5 * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)
    return base * random.uniform(0.8, 1.2)


def deliver_due(
    services: Services, now: datetime | None = None, ids: Sequence[int] | None = None, limit: int = 20
) -> list[int]:
    """Send what is due; returns the ids sent."""
    moment = now or datetime.now(UTC)
    with services.db.session() as session:
        rows = outbox.claim(session, moment, limit=limit, ids=ids)
        opted_out = {
            contact_id
            for (contact_id,) in session.execute(
                select(Contact.id).where(
                    Contact.id.in_([row.contact_id for row in rows if row.contact_id is not None]),
                    Contact.opted_out_at.is_not(None),
                )
            )
        }
        jobs = [_job(services, row, opted_out) for row in rows]
    sent: list[int] = []
    for job in jobs:
        if _send(services, job):
            sent.append(job.id)
    return sent


def _job(services: Services, row: OutboxMessage, opted_out: set[int]) -> _Job:
    if (row.contact_id in opted_out and row.kind not in SENT_AFTER_OPT_OUT) or row.address_sealed is None:
        return _Job(row.id, row.transport, None)
    message = OutboundMessage(
        channel=row.channel,
        address=services.vault.open(row.address_sealed),
        body=row.body,
        choices=tuple(row.choices),
        idempotency_key=row.idempotency_key,
    )
    return _Job(row.id, row.transport, message)


def _send(services: Services, job: _Job) -> bool:
    if job.message is None:
        _record(services, job.id, status="suppressed", error="she opted out before it was sent")
        return False
    sender = services.senders.get(job.transport)
    if sender is None:
        _record(services, job.id, status="failed", error=f"no sender configured for {job.transport}")
        return False
    try:
        result = sender.send(job.message)
    except SendError as error:
        _retry_or_fail(services, job.id, error)
        return False
    except Exception as error:  # an unexpected client error: retry, never lose the message
        log.exception("outbox %s: unexpected send error", job.id)
        _retry_or_fail(services, job.id, SendError(type(error).__name__, retryable=True))
        return False
    _record(services, job.id, status="sent", result=result)
    return True


def _record(
    services: Services,
    outbox_id: int,
    *,
    status: str,
    error: str | None = None,
    result: SendResult | None = None,
) -> None:
    with services.db.session() as session:
        row = session.get(OutboxMessage, outbox_id)
        if row is None:
            return
        row.status = status
        row.claimed_until = None
        row.last_error = error
        if result is not None:
            row.attempts += 1
            row.provider_id = result.provider_id
            row.sent_at = datetime.now(UTC)
        if row.kind == "reply" and status == "sent" and row.story_id is not None:
            replies.mark_sent(session, row.story_id, datetime.now(UTC))
        if row.kind == "goodbye" and status in ("sent", "failed", "suppressed"):
            row.address_sealed = None  # her last trace goes with her last message
    log.info("outbox %s %s", outbox_id, status)


def _retry_or_fail(services: Services, outbox_id: int, error: SendError) -> None:
    with services.db.session() as session:
        row = session.get(OutboxMessage, outbox_id)
        if row is None:
            return
        row.attempts += 1
        row.claimed_until = None
        row.last_error = str(error)[:500]
        if not error.retryable or row.attempts >= services.settings.outbox_max_attempts:
            row.status = "failed"
            if row.kind == "goodbye":
                row.address_sealed = None
        else:
            row.next_attempt_at = datetime.now(UTC) + backoff(row.attempts, error.retry_after)
    log.warning("outbox %s send failed (retryable=%s): %s", outbox_id, error.retryable, error)
