"""voice notes in words, phone calls, and quotes she agreed may be shown publicly

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('media') as batch:
        batch.add_column(sa.Column('transcript_sealed', sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column('transcript_status', sa.String(length=16), nullable=True))
        batch.add_column(sa.Column('transcript_lang', sa.String(length=8), nullable=True))
        batch.add_column(sa.Column('transcript_started_at', sa.DateTime(timezone=True), nullable=True))
        batch.create_index('ix_media_transcript_status', ['transcript_status'])
    with op.batch_alter_table('inbound') as batch:
        batch.add_column(sa.Column('call', sa.JSON(), nullable=True))
    with op.batch_alter_table('story') as batch:
        batch.add_column(sa.Column('quote_ok', sa.Boolean(), nullable=True))
    op.create_table(
        'quote',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('story_id', sa.Integer(), sa.ForeignKey('story.id', ondelete='CASCADE'), nullable=False),
        sa.Column('site', sa.String(length=200), nullable=True),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('published_by', sa.String(length=80), nullable=False),
        sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_quote_story_id', 'quote', ['story_id'])
    op.create_index('ix_quote_site', 'quote', ['site'])


def downgrade() -> None:
    op.drop_index('ix_quote_site', table_name='quote')
    op.drop_index('ix_quote_story_id', table_name='quote')
    op.drop_table('quote')
    with op.batch_alter_table('story') as batch:
        batch.drop_column('quote_ok')
    with op.batch_alter_table('inbound') as batch:
        batch.drop_column('call')
    with op.batch_alter_table('media') as batch:
        batch.drop_index('ix_media_transcript_status')
        batch.drop_column('transcript_started_at')
        batch.drop_column('transcript_lang')
        batch.drop_column('transcript_status')
        batch.drop_column('transcript_sealed')
