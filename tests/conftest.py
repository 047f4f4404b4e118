"""Shared fixtures: every storage and loop test runs on SQLite and on PostgreSQL.

PostgreSQL tests use a schema of their own per run, so parallel runs and a developer's data never
meet. With no PostgreSQL reachable they are skipped loudly for a newcomer, and fail under CI=true.
"""

from __future__ import annotations

import os
import socket
import tempfile
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.config import DEFAULT_SITES, Settings
from bot.services import Services
from storage.migrations import upgrade
from storage.models import Base
from tests.fakes.providers import FakeTelegram, FakeTwilio, fake_telegram, fake_twilio
from tests.fakes.smtp import Inbox, fake_smtp

POSTGRES_URL = os.environ.get(
    "ALLVOICES_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
SECRET = "test-secret-key-that-is-long-enough-0123456789"
_postgres_state: dict[str, object] = {}
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test stays on this machine: a client that falls back to a real provider fails loudly."""
    real_getaddrinfo = socket.getaddrinfo

    def loopback_only(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in _LOOPBACK:
            raise AssertionError(f"test tried to reach {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    for var in ("TWILIO_EDGE", "TWILIO_REGION"):  # the twilio library would rewrite the API host
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def twilio_api() -> Iterator[FakeTwilio]:
    with fake_twilio() as fake:
        yield fake


@pytest.fixture
def telegram_api() -> Iterator[FakeTelegram]:
    with fake_telegram() as fake:
        yield fake


@pytest.fixture
def smtp() -> Iterator[tuple[str, Inbox]]:
    with fake_smtp() as found:
        yield found


def _postgres_reachable() -> bool:
    if "ok" not in _postgres_state:
        try:
            engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            engine.dispose()
            _postgres_state["ok"] = True
        except Exception as error:
            _postgres_state["ok"] = False
            _postgres_state["why"] = str(error).splitlines()[0]
    return bool(_postgres_state["ok"])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _postgres_state.get("ok") is False:
        terminalreporter.write_sep(
            "!", "PostgreSQL TESTS WERE SKIPPED: no server reachable", red=True, bold=True
        )
        terminalreporter.write_line(f"  {POSTGRES_URL}: {_postgres_state.get('why')}")


@pytest.fixture(scope="session")
def postgres_schema_url() -> Iterator[str]:
    if not _postgres_reachable():
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required under CI=true: {_postgres_state.get('why')}")
        pytest.skip("PostgreSQL not reachable")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    rendered = url.render_as_string(hide_password=False)
    upgrade(rendered)
    yield rendered
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'allvoices.db'}"
        upgrade(url)
        yield url
        return
    url = request.getfixturevalue("postgres_schema_url")
    yield url
    engine = create_engine(url)
    with engine.begin() as connection:
        names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "secret_key": SECRET,
        "public_url": "http://127.0.0.1:5000",
        "sites": DEFAULT_SITES,
        "nudge_after": timedelta(minutes=30),
        "give_up_after": timedelta(hours=24),
        "reply_target_days": 3,
        "secure_cookies": False,
        "spool_dir": tempfile.mkdtemp(prefix="allvoices-spool-"),
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    built = Services.build(make_settings(database_url))
    yield built
    built.db.dispose()
