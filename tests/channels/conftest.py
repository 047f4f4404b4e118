"""Fixtures for the channel adapters: fake Twilio and Telegram on 127.0.0.1, and no way out of it."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from .fakes import FakeTelegram, FakeTwilio, fake_telegram, fake_twilio

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail loudly if a client falls back to the real api.twilio.com or api.telegram.org."""
    real_getaddrinfo = socket.getaddrinfo

    def loopback_only(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in _LOOPBACK:
            raise AssertionError(f"test tried to reach {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    for var in ("TWILIO_EDGE", "TWILIO_REGION"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def twilio_api() -> Iterator[FakeTwilio]:
    with fake_twilio() as fake:
        yield fake


@pytest.fixture
def telegram_api() -> Iterator[FakeTelegram]:
    with fake_telegram() as fake:
        yield fake
