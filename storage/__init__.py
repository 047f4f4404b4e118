"""Everything kept: SQLAlchemy models, Alembic migrations, the vault that seals her number and words, and
every query as a named function (``queue``, ``stories``, ``outbox``…).

May import: ``flows`` (statuses and roles from the review workflow). Knows no web and no provider.
"""
