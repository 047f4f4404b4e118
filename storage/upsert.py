"""``INSERT … ON CONFLICT DO NOTHING`` for both databases: the one safe way to make a retry a no-op."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignoring_conflict(
    session: Session, table: Any, values: dict[str, Any], keys: list[str]
) -> int | None:
    """Insert a row unless one with the same ``keys`` exists; the new primary key, or None if it did."""
    dialect = session.get_bind().dialect.name
    statement: Insert
    if dialect == "postgresql":
        statement = postgresql.insert(table).values(**values).on_conflict_do_nothing(index_elements=keys)
    else:
        statement = sqlite.insert(table).values(**values).on_conflict_do_nothing(index_elements=keys)
    result = session.execute(statement.returning(table.c.id if "id" in table.c else table.c[keys[0]]))
    row = result.first()
    return None if row is None else row[0]
