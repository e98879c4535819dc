"""partial cluster indexes

The indexes by cluster of the assignments, the activities and the planned visits hold only the rows on a
cluster (cluster_id IS NOT NULL): on the national demo 734 of 1.2 million assignments, 444 of 227,306
activities, 240 of 153,141 visits. The full index of the assignments was 91 MiB of NULL keys. Every query
reading them asks for cluster_id = …, which implies the condition, so they still use them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 09:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

ON_CLUSTER = 'cluster_id IS NOT NULL'
INDEXES = [
    ('assignment', 'ix_assignment_cluster_role', ['cluster_id', 'role', 'start_date', 'end_date']),
    ('activity', 'ix_activity_cluster_day', ['cluster_id', 'day']),
    ('base_visit', 'ix_base_visit_cluster_day', ['cluster_id', 'day']),
]


def _rebuild(partial: bool) -> None:
    """Drop each index and create it again, partial or whole."""
    where = {'sqlite_where': sa.text(ON_CLUSTER), 'postgresql_where': sa.text(ON_CLUSTER)} if partial else {}
    for table, name, columns in INDEXES:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns, unique=False, **where)


def upgrade() -> None:
    _rebuild(partial=True)


def downgrade() -> None:
    _rebuild(partial=False)
