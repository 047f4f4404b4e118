"""ids never reused on SQLite; parked messages; worker-held outbox claims; queue indexes

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 22:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

#: every table with an integer id: on SQLite each is rebuilt with AUTOINCREMENT (see storage/models.py)
ID_TABLES = (
    'contact', 'story', 'inbound', 'staff_user', 'response', 'outbox', 'media', 'champion', 'alert',
    'audit_event', 'reply_template', 'action',
)


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for table in ID_TABLES:
            with op.batch_alter_table(table, recreate='always', table_kwargs={'sqlite_autoincrement': True}):
                pass
    with op.batch_alter_table('inbound') as batch:
        batch.add_column(sa.Column('parked_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('last_error', sa.String(length=200), nullable=True))
        batch.add_column(sa.Column('retry_at', sa.DateTime(timezone=True), nullable=True))
        batch.create_index('ix_inbound_contact_unprocessed', ['contact_id', 'processed_at'])
    with op.batch_alter_table('outbox') as batch:
        batch.add_column(sa.Column('claimed_by', sa.String(length=80), nullable=True))
    with op.batch_alter_table('story') as batch:
        batch.create_index('ix_story_queue', ['urgent', 'submitted_at', 'id'])
        batch.create_index('ix_story_status_queue', ['status', 'urgent', 'submitted_at'])
        batch.create_index('ix_story_lang', ['lang'])
        batch.create_index('ix_story_site', ['site'])
        batch.create_index('ix_story_channel', ['channel'])
        batch.create_index('ix_story_champion', ['champion_code'])
        batch.create_index('ix_story_replied', ['replied_at'])


def downgrade() -> None:
    with op.batch_alter_table('story') as batch:
        for name in (
            'ix_story_replied', 'ix_story_champion', 'ix_story_channel', 'ix_story_site', 'ix_story_lang',
            'ix_story_status_queue', 'ix_story_queue',
        ):
            batch.drop_index(name)
    with op.batch_alter_table('outbox') as batch:
        batch.drop_column('claimed_by')
    with op.batch_alter_table('inbound') as batch:
        batch.drop_index('ix_inbound_contact_unprocessed')
        batch.drop_column('retry_at')
        batch.drop_column('last_error')
        batch.drop_column('parked_at')
