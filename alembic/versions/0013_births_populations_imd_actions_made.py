"""births per site by group, postcode district deprivation, "You said, we did" made with what changed

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'population',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('site', sa.String(length=200), nullable=False),
        sa.Column('dimension', sa.String(length=16), nullable=False),
        sa.Column('grp', sa.String(length=40), nullable=False),
        sa.Column('births', sa.Float(), nullable=False),
        sa.Column('source', sa.String(length=300), nullable=False),
        sa.Column('updated_by', sa.String(length=80), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint('site', 'dimension', 'grp', name='uq_population_group'),
        sqlite_autoincrement=True,
    )
    op.create_table(
        'imd_district',
        sa.Column('district', sa.String(length=8), primary_key=True),
        sa.Column('quintile', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=300), nullable=False),
    )
    with op.batch_alter_table('action') as batch:
        batch.add_column(sa.Column('made_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('made_by', sa.String(length=80), nullable=True))
        batch.add_column(sa.Column('change', sa.Text(), nullable=True))
    op.create_index('ix_story_site_submitted', 'story', ['site', 'submitted_at'])


def downgrade() -> None:
    op.drop_index('ix_story_site_submitted', table_name='story')
    with op.batch_alter_table('action') as batch:
        batch.drop_column('change')
        batch.drop_column('made_by')
        batch.drop_column('made_at')
    op.drop_table('imd_district')
    op.drop_table('population')
