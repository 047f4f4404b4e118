"""story.check_soon_at: a possible risk, marked for a person to read within minutes

Revision ID: 0007
Revises: 0005
Create Date: 2026-11-29 22:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('story') as batch_op:
        batch_op.add_column(sa.Column('check_soon_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_story_check_soon_at'), ['check_soon_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('story') as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_check_soon_at'))
        batch_op.drop_column('check_soon_at')
