"""Draining the outbox: claim due rows, send each through its channel's sender, record what happened.

Sending happens outside any database transaction, so a slow provider never holds a lock; a claimed
row is marked ``sending`` meanwhile, so no other worker takes it. Some channels (WhatsApp) only carry
free-form messages for a while after her last message: outside that window a reply is held and the
channel's approved opener goes first; her answer releases what was held.

What a provider did with a message is the one thing that cannot be asked again, so a worker that
meets the database away right after a send keeps trying to write it down for a minute
(`RECORD_PATIENCE`), then keeps it in memory and writes it first on its next pass, before giving back
what the interrupted batch had claimed. Only a worker that dies holding such an outcome can make a
second copy — and where the provider reports status, even that is reconciled by its callback.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.chat.effects import ask_rating
from bot.clients.retry import backoff
from bot.review import replies
from bot.services import Services
from channels.base import REPLY_WINDOWS, DeliveryReport, OutboundMessage, SendError
from flows.catalog import text as catalog_text
from storage import contacts, outbox, stories
from storage.db import DATABASE_AWAY
from storage.models import Contact, OutboxMessage, Story

log = logging.getLogger(__name__)

#: kinds that still go after she has opted out: the STOP confirmation and the erasure goodbye.
SENT_AFTER_OPT_OUT = ("optout_ack", "goodbye")
#: how long a worker keeps trying to write down what a provider did while the database is away
RECORD_PATIENCE = timedelta(seconds=60)
#: sends a provider took whose outcome could not be written yet: outbox id → provider message id
_unrecorded: dict[int, str] = {}
#: workers whose last pass the database interrupted, with rows still claimed in their name
_interrupted: set[str] = set()
_unrecorded_lock = threading.Lock()


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
    stopping: threading.Event | None = None,
) -> list[int]:
    """Send what is due; returns the ids sent.

    ``worker`` names the worker whose heartbeat keeps the claims alive; without one (the simulator,
    ``allvoices chat``) a claim simply runs out after ``outbox.CLAIM_FOR``. A worker's pass first writes
    down what an interrupted pass could not, then gives back what that pass had claimed and not sent.
    ``stopping`` set ends the pass between two sends; the worker gives the rest back as it exits.
    """
    moment = now or datetime.now(UTC)
    if worker is not None:
        _catch_up(services, worker)
    try:
        return _claim_and_send(services, moment, ids, limit, worker, stopping)
    except DATABASE_AWAY:
        # Even a claim whose commit never came back may have been written: the next pass gives it back.
        if worker is not None:
            with _unrecorded_lock:
                _interrupted.add(worker)
        raise


def _claim_and_send(
    services: Services,
    moment: datetime,
    ids: Sequence[int] | None,
    limit: int,
    worker: str | None,
    stopping: threading.Event | None,
) -> list[int]:
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
    sent = []
    for job in jobs:
        if stopping is not None and stopping.is_set():
            break
        if _send(services, job):
            sent.append(job.id)
    return sent


def _catch_up(services: Services, worker: str) -> None:
    """Write down the sends an earlier pass could not, then give back that pass's other claims.

    Run at the start of each of this worker's passes, when nothing is in hand: any row still claimed in
    its name is left over from a pass the database interrupted. Raises while the database is away. Does
    nothing (and takes no write lock) unless a pass was interrupted.
    """
    with _unrecorded_lock:
        if worker not in _interrupted and not _unrecorded:
            return
        waiting = dict(_unrecorded)
    for outbox_id, provider_id in waiting.items():
        with services.db.session() as session:
            _record_sent(services, session, outbox_id, provider_id)
        with _unrecorded_lock:
            _unrecorded.pop(outbox_id, None)
        log.info("outbox %s: its send written down after the database came back", outbox_id)
    with services.db.session() as session:
        given_back = outbox.release_claims(session, worker)
    with _unrecorded_lock:
        _interrupted.discard(worker)
    if given_back:
        log.info("outbox: %s claims of an interrupted pass given back", given_back)


def _patiently(services: Services, outbox_id: int, work: Callable[[Session], None]) -> None:
    """``work`` in one transaction, tried again while the database is away, for `RECORD_PATIENCE`."""
    give_up = time.monotonic() + RECORD_PATIENCE.total_seconds()
    pause = 0.5
    while True:
        try:
            with services.db.session() as session:
                work(session)
            return
        except DATABASE_AWAY as error:
            if time.monotonic() + pause > give_up:
                raise
            log.warning(
                "outbox %s: cannot write down the send yet, the database is away (%s)",
                outbox_id,
                type(error).__name__,
            )
            time.sleep(pause)
            pause = min(pause * 2, 5.0)


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
    try:
        _patiently(
            services, job.id, lambda session: _record_sent(services, session, job.id, result.provider_id)
        )
    except DATABASE_AWAY:
        with _unrecorded_lock:
            _unrecorded[job.id] = result.provider_id
        raise
    return True


def _record_sent(services: Services, session: Session, outbox_id: int, provider_id: str) -> None:
    row = session.get(OutboxMessage, outbox_id)
    if row is None:
        return
    row.attempts += 1
    row.provider_id = row.provider_id or provider_id  # a status callback may have written it first
    row.sent_at = row.sent_at or datetime.now(UTC)
    _finish(session, row, "delivered" if row.status == "delivered" else "sent", None)
    if row.kind == "reply" and row.contact_id is not None:
        ask_rating(services, session, row.contact_id, key=f"rating-{row.id}")


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
    _patiently(services, outbox_id, lambda session: _record_failure(services, session, outbox_id, error))
    log.warning("outbox %s send failed (retryable=%s): %s", outbox_id, error.retryable, error)


def _record_failure(services: Services, session: Session, outbox_id: int, error: SendError) -> None:
    row = session.get(OutboxMessage, outbox_id)
    if row is None:
        return
    if row.status != "sending" or row.provider_id is not None:
        # Settled meanwhile: the provider took it and its status callback said so before the lost answer
        # reached us (queueing it again would send it twice), or it was given back to another worker.
        log.info("outbox %s: settled while its send was failing (%s); left as it is", row.id, row.status)
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
