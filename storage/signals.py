"""Waking the worker the moment there is work: PostgreSQL's LISTEN/NOTIFY, a short poll on SQLite.

`notify` goes in the same transaction as the row it announces, so the worker is woken only once the row
is there to be read (PostgreSQL delivers notifications at commit). `Listener.wait` returns when a
signal arrives or after ``timeout`` seconds, whichever is first: the worker always looks again at the
end of a wait, so a missed signal costs at most one wait, never a message.
"""

from __future__ import annotations

import threading
import time
from enum import StrEnum

import psycopg
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session


class Signal(StrEnum):
    INBOUND = "allvoices_inbound"  # her message is stored and waits for her flow
    OUTBOX = "allvoices_outbox"  # a message to her (or to staff) is queued


#: how often the worker looks on SQLite, which cannot notify another process
SQLITE_POLL = 0.05


def notify(session: Session, signal: Signal) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": signal.value})


class Listener:
    """One worker's ear: a dedicated connection on PostgreSQL, a clock on SQLite."""

    def __init__(self, engine: Engine, signals: tuple[Signal, ...]) -> None:
        self._signals = signals
        self._postgres = engine.dialect.name == "postgresql"
        self._url = engine.url
        self._connection: psycopg.Connection[tuple[object, ...]] | None = None
        self._lock = threading.Lock()

    def _connect(self) -> psycopg.Connection[tuple[object, ...]]:
        if self._connection is None or self._connection.closed:
            url = make_url(self._url).set(drivername="postgresql")
            connection = psycopg.connect(
                url.render_as_string(hide_password=False), autocommit=True, connect_timeout=3
            )
            for signal in self._signals:
                connection.execute(f"LISTEN {signal.value}")
            self._connection = connection
        return self._connection

    def wait(self, timeout: float) -> set[Signal]:
        """The signals heard within ``timeout`` seconds (empty when none, or when nothing can be heard)."""
        if not self._postgres:
            time.sleep(min(timeout, SQLITE_POLL))
            return set(self._signals)
        with self._lock:
            try:
                connection = self._connect()
                heard = {Signal(note.channel) for note in connection.notifies(timeout=timeout, stop_after=1)}
                # Drain whatever else arrived meanwhile, without waiting.
                heard |= {Signal(note.channel) for note in connection.notifies(timeout=0)}
                return heard
            except psycopg.Error:
                self.close()
                time.sleep(min(timeout, 1.0))  # the database is away: look again shortly, by polling
                return set(self._signals)

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None
