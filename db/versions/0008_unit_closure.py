"""unit closure

The hierarchy's closure table: every unit's ancestors at any time (itself at depth 0), kept by the application
(grassroots_app/persistence/closure.py). On PostgreSQL, also the private schema and the function that keeps
it as its owner.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 20:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from grassroots_app.persistence.closure import PRIVATE_SCHEMA, rebuild, refresh_function_sql

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'unit_closure',
        sa.Column('ancestor_id', sa.String(length=36), nullable=False),
        sa.Column('descendant_id', sa.String(length=36), nullable=False),
        sa.Column('depth', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['ancestor_id'], ['unit.id'], name='fk_unit_closure_ancestor_id_unit',
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['descendant_id'], ['unit.id'], name='fk_unit_closure_descendant_id_unit',
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('ancestor_id', 'descendant_id', name='pk_unit_closure'),
        sqlite_with_rowid=False,
    )
    op.create_index('ix_unit_closure_descendant', 'unit_closure', ['descendant_id', 'ancestor_id'])
    rebuild(op.get_bind())
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(f'CREATE SCHEMA IF NOT EXISTS {PRIVATE_SCHEMA}')
        op.execute(refresh_function_sql())


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(f'DROP SCHEMA IF EXISTS {PRIVATE_SCHEMA} CASCADE')
    op.drop_index('ix_unit_closure_descendant', table_name='unit_closure')
    op.drop_table('unit_closure')
