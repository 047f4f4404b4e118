"""The queue's filters (language, site, channel, champion) read only the stories still waiting: each
index leads with the filter, then the columns the page and its counts select and sort by

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 05:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

#: the filter columns, by the name of the single-column index each had
FILTERS = {'lang': 'lang', 'site': 'site', 'channel': 'channel', 'champion': 'champion_code'}
#: after the filter: the stage (waiting or not), then what the queue sorts and counts by
QUEUE_COLUMNS = ['status', 'urgent', 'check_soon_at', 'submitted_at']


def upgrade() -> None:
    for name, column in FILTERS.items():
        op.create_index(f'ix_story_{name}_queue', 'story', [column, *QUEUE_COLUMNS])
        op.drop_index(f'ix_story_{name}', table_name='story')


def downgrade() -> None:
    for name, column in FILTERS.items():
        op.create_index(f'ix_story_{name}', 'story', [column])
        op.drop_index(f'ix_story_{name}_queue', table_name='story')
