"""Indexes in the queue's own order, so a page of the queue reads 50 rows, not the archive; and one
holding every column the queue's counts read, so they never touch the table

Revision ID: 0015
Revises: 0013
Create Date: 2026-11-30 01:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0015'
down_revision = '0013'
branch_labels = None
depends_on = None

# storage/queue.py ORDER: urgent first, then "check soon", then the longest waiting, then by id.
# (SQLite sorts NULL first in ascending order already, and takes no NULLS FIRST in an index.)
ORDER = {
    'postgresql': 'urgent DESC, (check_soon_at IS NULL), submitted_at ASC NULLS FIRST, id',
    'sqlite': 'urgent DESC, (check_soon_at IS NULL), submitted_at, id',
}


def upgrade() -> None:
    order = ORDER.get(op.get_bind().dialect.name)
    if order is None:
        return
    op.execute(f'CREATE INDEX ix_story_queue_order ON story ({order})')
    op.execute(f'CREATE INDEX ix_story_status_order ON story (status, {order})')
    op.execute('CREATE INDEX ix_story_queue_counts ON story (status, urgent, check_soon_at, submitted_at, ref)')


def downgrade() -> None:
    if op.get_bind().dialect.name not in ORDER:
        return
    op.execute('DROP INDEX ix_story_queue_counts')
    op.execute('DROP INDEX ix_story_status_order')
    op.execute('DROP INDEX ix_story_queue_order')
