"""``INSERT … ON CONFLICT DO NOTHING`` for both databases: the one safe way to make a retry a no-op.

Each statement is built once per dialect, table and key, and its row given as parameters: building
it afresh for every message (the values coerced, the conflict clause made) cost more CPU than the
database's own work on the webhook path.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import FromClause, Insert, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def dialect_insert(dialect: str, table: FromClause) -> Any:
    """The dialect's own ``INSERT`` (the one with ``ON CONFLICT``): PostgreSQL's, else SQLite's."""
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


@cache
def _ignoring_conflict(dialect: str, table: Table, keys: tuple[str, ...]) -> Insert:
    statement: Insert = dialect_insert(dialect, table).on_conflict_do_nothing(index_elements=list(keys))
    return statement.returning(table.c.id if "id" in table.c else table.c[keys[0]])


def insert_ignoring_conflict(
    session: Session, table: Any, values: dict[str, Any], keys: list[str]
) -> int | None:
    """Insert a row unless one with the same ``keys`` exists; the new primary key, or None if it did."""
    statement = _ignoring_conflict(session.get_bind().dialect.name, table, tuple(keys))
    row = session.execute(statement, values).first()
    return None if row is None else row[0]
