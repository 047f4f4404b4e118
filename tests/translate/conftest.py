"""Fixtures for the translation tests: fake providers on 127.0.0.1 and a guard against the internet."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from .fakes import AzureTranslatorHandler, FakeServer, GoogleMobileHandler, LibreTranslateHandler, serve

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail loudly if anything tries to resolve or reach a non-loopback host (e.g. real Google)."""
    real_getaddrinfo = socket.getaddrinfo

    def loopback_only(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in _LOOPBACK:
            raise AssertionError(f"test tried to reach {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def libretranslate() -> Iterator[FakeServer]:
    with serve(LibreTranslateHandler) as fake:
        yield fake


@pytest.fixture
def google() -> Iterator[FakeServer]:
    with serve(GoogleMobileHandler) as fake:
        yield fake


@pytest.fixture
def azure() -> Iterator[FakeServer]:
    with serve(AzureTranslatorHandler) as fake:
        yield fake


@pytest.fixture
def closed_port_url() -> str:
    """A loopback URL where nothing listens, for connection-refused cases."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
