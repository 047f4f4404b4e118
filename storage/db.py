"""Engines and sessions for SQLite (the embedded default) and PostgreSQL (production).

Every engine has bounded waits — to connect, for a connection from the pool, for a statement — so a
database that is away or stuck is noticed in seconds, and SQL parameters (her words, sealed or not)
never reach a log or an error message (``hide_parameters``).

Writers take SQLite's write lock up front (``BEGIN IMMEDIATE``) so two writers queue instead of
failing halfway; pages that only read use `Database.reading`, a deferred transaction that WAL lets
run beside the writer, so a lead refreshing the queue never holds up her message.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")
#: seconds to open a connection, to wait for one from the pool, and for one statement
CONNECT_TIMEOUT = 3
POOL_TIMEOUT = 3
STATEMENT_TIMEOUT = 15
#: how long a writer waits for SQLite's write lock (the worker's longest transaction is well under it)
SQLITE_BUSY_TIMEOUT_MS = 15_000
_DEFERRED = "allvoices_deferred"
#: what the database being away, stuck or restarting looks like to a caller (as opposed to a bad query)
DATABASE_AWAY = (OperationalError, InterfaceError, DisconnectionError, TimeoutError, ConnectionError)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30}, hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # WAL lets the web app read while the worker writes; foreign keys make erasure cascade.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cursor.close()
            # Let SQLAlchemy emit BEGIN itself so write transactions can take the lock up front.
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection: Any) -> None:
            deferred = connection.get_execution_options().get(_DEFERRED, False)
            connection.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")

        return engine
    engine = create_engine(
        url,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=10,
        pool_timeout=POOL_TIMEOUT,
        hide_parameters=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT},
    )

    @event.listens_for(engine, "connect")
    def _postgres_timeouts(dbapi_connection: Any, _record: Any) -> None:
        # Set per connection rather than in the URL's options, which carry the tests' search_path.
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = '{STATEMENT_TIMEOUT}s'")
            cursor.execute("SET idle_in_transaction_session_timeout = '60s'")
        dbapi_connection.commit()

    return engine


class Database:
    """One engine and its session factories; the app and the worker each hold one."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._readers = sessionmaker(
            self.engine.execution_options(**{_DEFERRED: True}), expire_on_commit=False
        )

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises."""
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read (it may still write a little, such as an audit line): never blocks her messages."""
        with self._readers() as session, session.begin():
            yield session

    def within(self, seconds: float, work: Callable[[], T]) -> T:
        """``work()`` if it finishes in time; raises `TimeoutError` otherwise (it may still finish later).

        A database that stops answering mid-query (a frozen server, a dead network path) can hold a
        socket read for minutes; the caller has somewhere better to be, such as a provider's timeout.
        """
        outcome: list[T] = []
        failure: list[BaseException] = []

        def run() -> None:
            try:
                outcome.append(work())
            except BaseException as error:  # handed to the caller below
                failure.append(error)

        # A daemon thread: one stuck on a frozen database must not keep the process from exiting.
        thread = threading.Thread(target=run, name="db-deadline", daemon=True)
        thread.start()
        thread.join(seconds)
        if failure:
            raise failure[0]
        if not outcome:
            raise TimeoutError(f"the database did not answer within {seconds} s")
        return outcome[0]

    def reachable(self, seconds: float = 0.7) -> bool:
        """Within ``seconds``, whatever the database does: /healthz must answer in a second, and a busy
        host adds its own delay to the wait."""

        def ping() -> bool:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True

        try:
            return self.within(seconds, ping)
        except Exception:
            return False

    def dispose(self) -> None:
        self.engine.dispose()
