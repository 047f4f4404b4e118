"""The worker: answers her messages the moment they are stored, drains the outbox, runs scheduled jobs.

Two loops run all the time, each woken by the database (PostgreSQL LISTEN/NOTIFY; a short poll on
SQLite): one answers stored messages, one sends what is queued. Everything else — nudges, media, voice
notes written down, alerts, translation, the spool, retention, the Monday digest — runs on APScheduler's
clock.

Any number of workers may run at once: each sender's messages are answered one at a time (her
conversation row is locked; several senders' share a transaction), outbox rows are claimed
(``SKIP LOCKED`` on PostgreSQL) in the name of this worker, whose heartbeat is a short database lease.
SIGTERM (every deploy) stops taking work, finishes what is in hand and gives back any claim not yet
handed to a provider; a worker killed outright stops beating, and another gives its claims back within
about half a minute.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler

from bot.chat.delivery import deliver_due, release_claims, requeue_stale
from bot.chat.intake import drain_spool
from bot.chat.language import detect_language, detector
from bot.chat.media import fetch_pending
from bot.chat.receive import DATABASE_AWAY, SENDERS_A_PASS, process_pending, run_due_ticks
from bot.chat.transcribe import transcribe_pending
from bot.privacy import retention
from bot.reports import digest
from bot.review.alerts import send_pending as send_alerts
from bot.review.translation import translate_pending
from bot.services import Services
from flows import safeguarding
from flows.catalog import available_languages, entries
from storage import lease
from storage.outbox import HEARTBEAT_PREFIX
from storage.signals import Listener, Signal

log = logging.getLogger(__name__)

DIGEST_HOUR = 7
#: this worker, in claims and leases: host, process and a random part (short enough for a lease name)
HOLDER = f"{socket.gethostname()[:12]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
HEARTBEAT_EVERY = 5.0
HEARTBEAT_LASTS = timedelta(seconds=20)
#: the longest a loop sleeps when nothing wakes it
IDLE_WAIT = 1.0


def leased(services: Services, name: str, every: float, job: Callable[[], object]) -> Callable[[], object]:
    """Run ``job`` only in the worker holding the lease: scheduled work happens once, not once per worker."""

    def run() -> object:
        with services.db.session() as session:
            mine = lease.acquire(session, name, HOLDER, datetime.now(UTC), timedelta(seconds=every * 2))
        return job() if mine else None

    return run


def heartbeat(services: Services) -> None:
    """This worker is alive: its claims stay its own for another ``HEARTBEAT_LASTS``."""
    with services.db.session() as session:
        lease.acquire(session, HEARTBEAT_PREFIX + HOLDER, HOLDER, datetime.now(UTC), HEARTBEAT_LASTS)


def jobs(services: Services) -> dict[str, tuple[Callable[[], object], float]]:
    """Each scheduled job and how often it runs, in seconds."""
    return {
        "heartbeat": (lambda: heartbeat(services), HEARTBEAT_EVERY),
        "spool": (lambda: drain_spool(services), 2.0),
        "stale": (lambda: requeue_stale(services), 10.0),
        "ticks": (lambda: run_due_ticks(services), 15.0),
        "media": (lambda: fetch_pending(services), 5.0),
        "transcribe": (lambda: transcribe_pending(services), 5.0),
        "alerts": (lambda: send_alerts(services), 5.0),
        "translate": (lambda: translate_pending(services), 10.0),
        "retention": (leased(services, "retention", 3600.0, lambda: _retention(services)), 3600.0),
        "digest": (lambda: _weekly_digest(services), 600.0),
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


def warm_up() -> None:
    """Load the language models and every catalog now, so her first message does not wait for them."""
    detector()
    for lang in available_languages():
        entries(lang)
    detect_language("hello, warming up")
    safeguarding.preload()


def answer_all(services: Services, stopping: threading.Event | None = None) -> int:
    """Answer every message waiting now; how many senders were answered. A worker told to stop ends
    after the batch in hand: under a backlog "everything waiting" could take minutes, longer than a
    deploy waits before SIGKILL. A pass that found fewer senders than it could take had every one
    waiting, so no empty pass follows it: a message stored meanwhile wakes the loop again."""
    total = 0
    while found := process_pending(services, stopping=stopping):
        total += found
        if found < SENDERS_A_PASS or (stopping is not None and stopping.is_set()):
            break
    return total


def send_all(services: Services, stopping: threading.Event | None = None) -> int:
    """Send everything due now, in this worker's name; like `answer_all`, a stop ends it between batches."""
    total = 0
    while sent := deliver_due(services, worker=HOLDER, stopping=stopping):
        total += len(sent)
        if stopping is not None and stopping.is_set():
            break
    return total


def quiet_when_away(name: str, job: Callable[[], object]) -> Callable[[], object]:
    """A scheduled job that meets the database away says so in one line, not a traceback every few
    seconds for as long as the outage lasts; anything else is still logged in full."""

    def run() -> object:
        try:
            return job()
        except DATABASE_AWAY as error:
            log.warning("worker job %s: the database is away (%s)", name, type(error).__name__)
            return None

    return run


def run_once(services: Services) -> None:
    """Every job once, in order: what ``allvoices worker --once`` and the tests use."""
    steps: list[tuple[str, Callable[[], object]]] = [
        ("answer", lambda: answer_all(services)),
        *((name, job) for name, (job, _every) in jobs(services).items()),
        ("deliver", lambda: send_all(services)),
    ]
    for name, job in steps:
        try:
            job()
        except Exception:
            log.exception("worker job %s failed", name)


class Worker:
    """One worker process: the two woken loops, the scheduled jobs, and a clean stop."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.stopping = threading.Event()

    def _loop(self, name: str, signal_: Signal, work: Callable[[], int]) -> None:
        listener = Listener(self.services.db.engine, (signal_,))
        try:
            while not self.stopping.is_set():
                try:
                    work()
                except DATABASE_AWAY as error:
                    log.warning("worker %s: the database is away (%s)", name, type(error).__name__)
                except Exception:
                    log.exception("worker %s failed", name)
                if not self.stopping.is_set():
                    listener.wait(IDLE_WAIT)
        finally:
            listener.close()

    def stop(self, *_: object) -> None:
        self.stopping.set()

    def run(self) -> None:
        """Until SIGTERM or SIGINT; then finish what is in hand and give back the rest."""
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, self._on_signal)
        heartbeat(self.services)
        warm_up()
        loops = [
            threading.Thread(
                target=self._loop,
                args=("answer", Signal.INBOUND, lambda: answer_all(self.services, self.stopping)),
                name="answer",
            ),
            threading.Thread(
                target=self._loop,
                args=("deliver", Signal.OUTBOX, lambda: send_all(self.services, self.stopping)),
                name="deliver",
            ),
        ]
        scheduler = BackgroundScheduler(timezone=UTC)
        for name, (job, every) in jobs(self.services).items():
            scheduler.add_job(
                quiet_when_away(name, job), "interval", seconds=every, id=name, max_instances=1, coalesce=True
            )
        for loop in loops:
            loop.start()
        scheduler.start()
        log.info("worker %s started", HOLDER)
        self.stopping.wait()
        log.info("worker %s stopping: finishing what is in hand", HOLDER)
        scheduler.shutdown(wait=True)
        for loop in loops:
            loop.join()
        try:
            given_back = release_claims(self.services, HOLDER)
            with self.services.db.session() as session:
                lease.release(session, HEARTBEAT_PREFIX + HOLDER, HOLDER)
            log.info("worker %s stopped; %s claims given back", HOLDER, given_back)
        except Exception:
            log.exception("worker %s: could not give back its claims; another worker will", HOLDER)

    def _on_signal(self, number: int, _frame: FrameType | None) -> None:
        self.stopping.set()


def run_forever(services: Services) -> None:
    """Until stopped; then out at once. Everything is given back by then, and the interpreter's own
    shutdown can hang for good in a native library's finalizer (seen under load: "Garbage-collecting",
    no Python frame), turning every deploy's SIGTERM into a SIGKILL.

    It keeps the default CPU priority. Tried at ``nice`` 10 so that a burst of webhooks would never wait
    behind the model, on two busy cores her reply waited 3.1 s (p99, PostgreSQL) instead of 0.15 s: the
    safety numbers must not wait behind whatever else the host is doing.
    """
    Worker(services).run()
    services.db.dispose()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
