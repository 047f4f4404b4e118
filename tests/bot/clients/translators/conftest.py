"""Fixtures for the translation tests: fake providers on 127.0.0.1 (tests/conftest.py keeps them offline)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from tests.fakes.translate import (
    AzureTranslatorHandler,
    FakeServer,
    GoogleMobileHandler,
    LibreTranslateHandler,
    serve,
)


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
