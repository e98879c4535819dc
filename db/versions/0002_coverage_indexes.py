"""coverage indexes

Covering indexes for the coverage: targets of a level open on a day, the walk down the tree, the active
assignments of a target in a role and of a cadre. They replace the narrower indexes of the same purpose.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 12:30:00.000000
"""

from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# (table, index, columns before, columns after); None: the index does not exist on that side.
CHANGES: list[tuple[str, str, list[str] | None, list[str] | None]] = [
    ('unit', 'ix_unit_level_valid', ['level', 'valid_from', 'valid_to'], ['level', 'valid_from', 'valid_to', 'id']),
    ('unit_link', 'ix_unit_link_parent', ['parent_id', 'valid_from'],
     ['parent_id', 'valid_from', 'valid_to', 'unit_id']),
    ('assignment', 'ix_assignment_unit_role', ['unit_id', 'role', 'start_date'],
     ['unit_id', 'role', 'start_date', 'end_date', 'cadre_id']),
    ('assignment', 'ix_assignment_cluster_role', ['cluster_id', 'role', 'start_date'],
     ['cluster_id', 'role', 'start_date', 'end_date']),
    ('assignment', 'ix_assignment_cadre_id', ['cadre_id'], None),
    ('assignment', 'ix_assignment_cadre_period', None, ['cadre_id', 'start_date', 'end_date', 'unit_id', 'cluster_id']),
]


def _swap(before: int, after: int) -> None:
    """Drop each index as it is on one side and create it as it is on the other."""
    for change in CHANGES:
        table, name, old, new = change[0], change[1], change[before], change[after]
        if old is not None:
            op.drop_index(name, table_name=table)
        if new is not None:
            op.create_index(name, table, new, unique=False)


def upgrade() -> None:
    _swap(2, 3)


def downgrade() -> None:
    _swap(3, 2)
