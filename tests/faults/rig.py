"""A whole deployment on loopback for the fault tests: gunicorn, `allvoices worker`s, a fake Twilio that
calls back with delivery statuses, women writing in on many threads, and the checks that follow.

"Acknowledged" means what Twilio would count as delivered to us: the webhook answered 200. A webhook
that got an error or no answer is sent again, as Twilio does (with README's connection overrides), so
the test measures what we keep, not what a client gave up on.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, func, select

from storage.models import Inbound, OutboxMessage
from tests.fakes.providers import FakeTwilio
from tests.faults.processes import (
    Process,
    environment,
    free_port,
    get,
    gunicorn,
    post_form,
    signed_inbound,
    wait_for,
    worker,
)

#: her two first messages: the welcome comes back, then the story prompt
CONVERSATION = ("Hello", "yes")


@dataclass
class Health:
    """Every /healthz answer: when, what and how long it took."""

    answers: list[tuple[float, int, float]] = field(default_factory=list)

    def slowest(self) -> float:
        return max((took for _, _, took in self.answers), default=0.0)


@dataclass
class Rig:
    process_db: str  # the URL the processes use (perhaps through a proxy)
    check_db: str  # the URL the test checks with, never through a fault
    folder: Path
    twilio: FakeTwilio
    workers: int = 1
    port: int = field(default_factory=free_port)
    web: Process | None = None
    worker_processes: list[Process] = field(default_factory=list)
    acknowledged: list[str] = field(default_factory=list)
    answers: Counter[str] = field(default_factory=Counter)
    health: Health = field(default_factory=Health)
    _ids: itertools.count[int] = field(default_factory=itertools.count)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def public_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        return environment(
            self.process_db, self.folder / "spool", self.public_url, TWILIO_API_URL=self.twilio.url
        )

    def start(self) -> None:
        self.web = gunicorn(self.env(), self.folder, self.port)
        self.web.start()
        for number in range(self.workers):
            process = worker(self.env(), self.folder, f"worker{number}")
            process.start()
            self.worker_processes.append(process)
        wait_for(self.port, seconds=120)
        for process in self.worker_processes:
            process.wait_until_logged("started", 120)

    def stop(self) -> None:
        for process in [*self.worker_processes, *([self.web] if self.web else [])]:
            process.stop()

    # -- women writing in ------------------------------------------------------------------------
    def _deliver(self, sid: str, sender: str, text: str, until: float) -> None:
        """One webhook, sent again until it is acknowledged (or the run's time is up)."""
        form, signature = signed_inbound(self.public_url, sid, sender, text)
        while time.monotonic() < until:
            try:
                status = post_form(
                    self.port, "/webhooks/twilio", form, {"X-Twilio-Signature": signature}, timeout=15
                )
            except OSError as error:
                status_name = type(error).__name__
            else:
                status_name = str(status)
            with self._lock:
                self.answers[status_name] += 1
                if status_name == "200":
                    self.acknowledged.append(sid)
                    return
            time.sleep(0.3)

    def write_in(self, stop: threading.Event, threads: int = 1, pause: float = 1.0) -> Callable[[], None]:
        """Women start conversations on ``threads`` threads until ``stop``; returns a join function."""

        def one_after_another() -> None:
            while not stop.is_set():
                with self._lock:
                    number = next(self._ids)
                sender = f"+4477009{number:05d}"
                for index, text in enumerate(CONVERSATION):
                    self._deliver(f"SM{number:030x}{index:02x}", sender, text, time.monotonic() + 90)
                    time.sleep(pause)

        running = [threading.Thread(target=one_after_another, daemon=True) for _ in range(threads)]
        for thread in running:
            thread.start()

        def join() -> None:
            for thread in running:
                thread.join(120)

        return join

    def watch_health(self, stop: threading.Event, every: float = 0.25) -> threading.Thread:
        started = time.monotonic()

        def probe() -> None:
            while not stop.is_set():
                began = time.monotonic()
                try:
                    status, _ = get(self.port, "/healthz", timeout=10)
                except OSError:
                    status = 0
                self.health.answers.append((began - started, status, time.monotonic() - began))
                stop.wait(every)

        thread = threading.Thread(target=probe, daemon=True)
        thread.start()
        return thread

    # -- what is true afterwards -----------------------------------------------------------------
    def state(self) -> dict[str, int]:
        engine = create_engine(self.check_db)
        try:
            with engine.connect() as connection:
                acked = set(self.acknowledged)
                stored = set(connection.scalars(select(Inbound.provider_id)))
                unprocessed = connection.scalar(
                    select(func.count()).select_from(Inbound).where(Inbound.processed_at.is_(None))
                )
                statuses = dict(
                    connection.execute(
                        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
                    ).all()
                )
                keys = list(connection.scalars(select(OutboxMessage.idempotency_key)))
        finally:
            engine.dispose()
        sent = Counter(self.twilio.accepted_refs())
        return {
            "acknowledged": len(acked),
            "lost": len(acked - stored),
            "stored": len(stored),
            "unprocessed": int(unprocessed or 0),
            "spooled": sum(1 for _ in (self.folder / "spool").glob("*.item*")),
            "replies": len(keys),
            "waiting": sum(n for status, n in statuses.items() if status in ("queued", "sending")),
            "failed": sum(
                n
                for status, n in statuses.items()
                if status not in ("queued", "sending", "sent", "delivered")
            ),
            "sent": sum(1 for key in keys if sent[key] >= 1),
            "sent twice": sum(1 for key in keys if sent[key] > 1),
            "never queued": sum(1 for ref in sent if ref not in set(keys)),
        }

    def settled(self, state: dict[str, int]) -> bool:
        return (
            state["lost"] == 0
            and state["unprocessed"] == 0
            and state["spooled"] == 0
            and state["waiting"] == 0
            and state["sent"] == state["replies"]
        )

    def settle(self, seconds: float) -> tuple[float, dict[str, int]]:
        """Wait until nothing is left to do; how long that took, and the final counts."""
        began = time.monotonic()
        while True:
            state = self.state()
            if self.settled(state) or time.monotonic() - began > seconds:
                return time.monotonic() - began, state
            time.sleep(1.0)

    def spooled_by_web(self) -> int:
        """How many webhooks the web app kept in the spool rather than the database."""
        assert self.web is not None
        return sum(
            path.read_text(errors="replace").count("keeping it in the spool") for path in self.web.logs
        )

    def logs(self) -> str:
        processes = [*([self.web] if self.web else []), *self.worker_processes]
        return "\n".join(f"--- {process.name}\n{process.tail()}" for process in processes)
