"""The worker: drains the outbox, finishes unprocessed messages, nudges quiet storytellers.

Any number may run at once: outbox rows are claimed (``SKIP LOCKED`` on PostgreSQL), and
conversations due a nudge are locked the same way, so two workers never send the same thing.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.blocking import BlockingScheduler

from bot.chat.delivery import deliver_due, requeue_stale
from bot.chat.media import fetch_pending
from bot.chat.receive import process_pending, run_due_ticks
from bot.privacy import retention
from bot.reports import digest
from bot.review.alerts import send_pending as send_alerts
from bot.review.translation import translate_pending
from bot.services import Services
from storage import lease

log = logging.getLogger(__name__)


DIGEST_HOUR = 7
HOLDER = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


def leased(services: Services, name: str, every: float, job: Callable[[], object]) -> Callable[[], object]:
    """Run ``job`` only in the worker holding the lease: scheduled work happens once, not once per worker."""

    def run() -> object:
        with services.db.session() as session:
            mine = lease.acquire(session, name, HOLDER, datetime.now(UTC), timedelta(seconds=every * 2))
        return job() if mine else None

    return run


def jobs(services: Services) -> dict[str, tuple[Callable[[], object], float]]:
    """Each job and how often it runs, in seconds."""
    return {
        "retention": (leased(services, "retention", 3600.0, lambda: _retention(services)), 3600.0),
        "digest": (lambda: _weekly_digest(services), 600.0),
        "deliver": (lambda: deliver_due(services), 1.0),
        "pending": (lambda: process_pending(services), 5.0),
        "ticks": (lambda: run_due_ticks(services), 30.0),
        "media": (lambda: fetch_pending(services), 5.0),
        "alerts": (lambda: send_alerts(services), 5.0),
        "translate": (lambda: translate_pending(services), 10.0),
        "stale": (lambda: requeue_stale(services), 60.0),
    }


def _weekly_digest(services: Services) -> None:
    """Monday from 07:00: last week's digest, once, whichever worker gets there first."""
    now = datetime.now(UTC)
    if now.weekday() != 0 or now.hour < DIGEST_HOUR:
        return
    with services.db.session() as session:
        first = lease.acquire(session, f"digest-{digest.last_week(now)}", HOLDER, now, timedelta(days=8))
    if first:
        digest.send_weekly(services, now)


def _retention(services: Services) -> None:
    retention.purge_raw(services)
    retention.reduce_old(services)


def run_once(services: Services) -> None:
    for name, (job, _every) in jobs(services).items():
        try:
            job()
        except Exception:
            log.exception("worker job %s failed", name)


def run_forever(services: Services) -> None:
    scheduler = BlockingScheduler(timezone=UTC)
    for name, (job, every) in jobs(services).items():
        scheduler.add_job(job, "interval", seconds=every, id=name, max_instances=1, coalesce=True)
    log.info("worker started")
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        log.info("worker stopped")
