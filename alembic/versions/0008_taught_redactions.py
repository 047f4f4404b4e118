"""taught redactions: what moderators added or undid, as keyed hashes of the words

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 21:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'taught_redaction',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('words_hash', sa.String(length=64), nullable=False),
        sa.Column('words', sa.Integer(), nullable=False),
        sa.Column('type', sa.String(length=20), nullable=False),
        sa.Column('taught_by', sa.String(length=80), nullable=False),
        sa.Column('taught_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('words_hash'),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table('taught_redaction')
