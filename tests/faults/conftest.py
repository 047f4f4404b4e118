"""Fixtures for the fault tests that run real processes on PostgreSQL: a schema of their own each."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.conftest import _postgres_reachable
from tests.faults.processes import drop_schema, postgres_schema


@pytest.fixture
def own_postgres() -> Iterator[str]:
    """A freshly migrated schema on the shared server, dropped afterwards (the server itself is never
    touched). Skipped, like every PostgreSQL test, when no server is reachable."""
    if not _postgres_reachable():
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL is required under CI=true")
        pytest.skip("PostgreSQL not reachable")
    url, schema = postgres_schema()
    yield url
    drop_schema(schema)
