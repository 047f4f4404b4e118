"""PostgreSQL indexes in the queue's own order, so a page of the queue reads 50 rows, not the archive

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
ORDER = 'urgent DESC, (check_soon_at IS NULL), submitted_at ASC NULLS FIRST, id'


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return  # SQLite reads the queue well enough through ix_story_queue and ix_story_status_queue
    op.execute(f'CREATE INDEX ix_story_queue_order ON story ({ORDER})')
    op.execute(f'CREATE INDEX ix_story_status_order ON story (status, {ORDER})')


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute('DROP INDEX ix_story_status_order')
    op.execute('DROP INDEX ix_story_queue_order')
