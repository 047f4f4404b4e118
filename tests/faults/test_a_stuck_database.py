"""A database that accepts connections and then never answers (a frozen server, a dead network path):
the health check says so within a second, and a webhook still keeps her message, in the spool."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from bot.app import create_app
from bot.services import Services
from channels import simulator
from tests.conftest import make_settings


@pytest.fixture
def silent_database() -> Iterator[str]:
    """A TCP port that accepts and then says nothing, like PostgreSQL frozen mid-run."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            held.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"postgresql+psycopg://postgres@127.0.0.1:{listener.getsockname()[1]}/test"
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


def test_the_health_check_answers_within_a_second_when_the_database_hangs(silent_database: str) -> None:
    services = Services.build(make_settings(silent_database))
    client = create_app(services=services).test_client()
    started = time.monotonic()
    response = client.get("/healthz")
    elapsed = time.monotonic() - started
    print(f"/healthz with a hung database: {response.status_code} in {elapsed:.2f} s")
    assert response.status_code == 503
    assert elapsed < 1.2


def test_a_message_that_arrives_while_the_database_hangs_is_kept_in_the_spool(silent_database: str) -> None:
    from bot.chat.intake import Kept, keep

    services = Services.build(replace(make_settings(silent_database)))
    started = time.monotonic()
    kept = keep(services, simulator.inbound("sms", "07700 900123", "Hello"))
    elapsed = time.monotonic() - started
    print(f"webhook store with a hung database: {kept} in {elapsed:.2f} s")
    assert kept is Kept.SPOOLED
    assert elapsed < 3.0, "well inside a provider's 15 s timeout"
    assert services.spool.waiting() == 1
