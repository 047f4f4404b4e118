"""Draining the outbox: claim due rows, send each through its channel's sender, record what happened.

Sending happens outside any database transaction, so a slow provider never holds a lock; a claimed
row is marked ``sending`` meanwhile, so no other worker takes it. Some channels (WhatsApp) only carry
free-form messages for a while after her last message: outside that window a reply is held and the
channel's approved opener goes first; her answer releases what was held.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.chat.effects import ask_rating
from bot.clients.retry import backoff
from bot.review import replies
from bot.services import Services
from channels.base import REPLY_WINDOWS, DeliveryReport, OutboundMessage, SendError
from flows.catalog import text as catalog_text
from storage import contacts, outbox, stories
from storage.models import Contact, OutboxMessage, Story

log = logging.getLogger(__name__)

#: kinds that still go after she has opted out: the STOP confirmation and the erasure goodbye.
SENT_AFTER_OPT_OUT = ("optout_ack", "goodbye")


@dataclass(frozen=True)
class _Job:
    id: int
    transport: str
    message: OutboundMessage
    template: dict[str, Any] | None


def deliver_due(
    services: Services,
    now: datetime | None = None,
    ids: Sequence[int] | None = None,
    limit: int = 20,
    worker: str | None = None,
) -> list[int]:
    """Send what is due; returns the ids sent.

    ``worker`` names the worker whose heartbeat keeps the claims alive; without one (the simulator,
    ``allvoices chat``) a claim simply runs out after ``outbox.CLAIM_FOR``.
    """
    moment = now or datetime.now(UTC)
    jobs: list[_Job] = []
    if ids is None:
        with services.db.reading() as session:
            if not outbox.due_count(session, moment):
                return []  # nothing to send: the write lock was never taken
    with services.db.session() as session:
        rows = outbox.claim(session, moment, worker or "", limit=limit, ids=ids)
        if worker is None:
            for row in rows:
                row.claimed_by = None
        contact_ids = [row.contact_id for row in rows if row.contact_id is not None]
        found = contacts.by_ids(session, contact_ids)
        for row in rows:
            contact = found.get(row.contact_id) if row.contact_id is not None else None
            if row.address_sealed is None or (
                contact is not None
                and contact.opted_out_at is not None
                and row.kind not in SENT_AFTER_OPT_OUT
            ):
                _finish(session, row, "suppressed", "she opted out before it was sent")
            elif contact is not None and _window_closed(row, contact, moment):
                _hold(services, session, row, contact)
            else:
                jobs.append(_job(services, row))
    return [job.id for job in jobs if _send(services, job)]


def _window_closed(row: OutboxMessage, contact: Contact, now: datetime) -> bool:
    window = REPLY_WINDOWS.get(row.channel)
    if window is None or row.kind == "template":
        return False
    return contact.last_inbound_at is None or now - contact.last_inbound_at > window


def _hold(services: Services, session: Session, row: OutboxMessage, contact: Contact) -> None:
    """Keep the message for her next reply, and send the channel's approved opener once per silence."""
    row.status = "held"
    row.claimed_until = None
    row.claimed_by = None
    story = session.get(Story, row.story_id) if row.story_id else None
    story = story or stories.latest_submitted(session, contact.id)
    code = story.ref if story is not None and story.ref else ""
    since = int(contact.last_inbound_at.timestamp()) if contact.last_inbound_at else 0
    outbox.enqueue_to(
        session,
        contact,
        f"template-{contact.id}-{since}",
        catalog_text(contact.lang, "whatsapp.template").format(code=code),
        story_id=row.story_id,
        kind="template",
        template={"code": code},
    )
    log.info("outbox %s held: the channel's reply window is closed", row.id)


def _job(services: Services, row: OutboxMessage) -> _Job:
    assert row.address_sealed is not None
    message = OutboundMessage(
        channel=row.channel,
        address=services.vault.open(row.address_sealed),
        body=row.body,
        choices=tuple(row.choices),
        idempotency_key=row.idempotency_key,
    )
    return _Job(row.id, row.transport, message, row.template)


def _send(services: Services, job: _Job) -> bool:
    sender = services.channels.sender(job.transport)
    try:
        if sender is None:
            raise SendError(f"no sender configured for {job.transport}", retryable=False)
        if job.template is not None:
            result = sender.send_opener(
                job.message.address, str(job.template.get("code", "")), job.message.idempotency_key
            )
        else:
            result = sender.send(job.message)
    except SendError as error:
        _failed(services, job.id, error)
        return False
    except Exception as error:  # an unexpected client error: retry, never lose the message
        log.exception("outbox %s: unexpected send error", job.id)
        _failed(services, job.id, SendError(type(error).__name__, retryable=True))
        return False
    with services.db.session() as session:
        row = session.get(OutboxMessage, job.id)
        if row is not None:
            row.attempts += 1
            row.provider_id = result.provider_id
            row.sent_at = datetime.now(UTC)
            _finish(session, row, "delivered" if row.status == "delivered" else "sent", None)
            if row.kind == "reply" and row.contact_id is not None:
                ask_rating(services, session, row.contact_id, key=f"rating-{row.id}")
    return True


def _finish(session: Session, row: OutboxMessage, status: str, error: str | None) -> None:
    row.status = status
    row.claimed_until = None
    row.claimed_by = None
    row.last_error = error
    if row.kind == "reply" and status == "sent" and row.story_id is not None:
        replies.mark_sent(session, row.story_id, datetime.now(UTC))
    if row.kind == "goodbye" and status != "queued":
        row.address_sealed = None  # her last trace goes with her last message
    log.info("outbox %s %s", row.id, status)


def _failed(services: Services, outbox_id: int, error: SendError) -> None:
    with services.db.session() as session:
        row = session.get(OutboxMessage, outbox_id)
        if row is None:
            return
        row.attempts += 1
        contact = session.get(Contact, row.contact_id) if row.contact_id is not None else None
        if error.window_closed and contact is not None and row.kind != "template":
            _hold(services, session, row, contact)
        elif not error.retryable or row.attempts >= services.settings.outbox_max_attempts:
            _finish(session, row, "failed", str(error)[:500])
        else:
            row.status = "queued"
            row.claimed_until = None
            row.claimed_by = None
            row.last_error = str(error)[:500]
            row.next_attempt_at = datetime.now(UTC) + backoff(row.attempts, error.retry_after)
    log.warning("outbox %s send failed (retryable=%s): %s", outbox_id, error.retryable, error)


def apply_status(services: Services, report: DeliveryReport) -> bool:
    """A provider's delivery report. Also reconciles a row whose worker died before recording the send."""
    with services.db.session() as session:
        row = outbox.by_key(session, report.reference) if report.reference else None
        if row is None or (row.provider_id not in (None, report.provider_id)):
            row = outbox.by_provider_id(session, report.provider_id)
        if row is None:
            return False
        row.provider_id = row.provider_id or report.provider_id
        contact = session.get(Contact, row.contact_id) if row.contact_id is not None else None
        if report.status in ("delivered", "read"):
            _finish(session, row, "delivered", None)
        elif report.status in ("failed", "undelivered"):
            if report.window_closed and contact is not None and row.kind != "template":
                _hold(services, session, row, contact)
            else:
                _finish(session, row, report.status, report.error)
        elif row.status in ("sending", "queued"):
            row.sent_at = row.sent_at or datetime.now(UTC)
            _finish(session, row, "sent", None)
    return True


def requeue_stale(services: Services, now: datetime | None = None) -> int:
    """Give back what a stopped worker had claimed (see `storage.outbox.requeue_stale`)."""
    with services.db.session() as session:
        return outbox.requeue_stale(session, now or datetime.now(UTC))


def release_claims(services: Services, worker: str) -> int:
    """This worker is stopping: what it claimed and had not handed over goes back to the queue."""
    with services.db.session() as session:
        return outbox.release_claims(session, worker)
