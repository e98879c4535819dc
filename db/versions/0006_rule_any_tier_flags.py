"""rule any-tier flags

A grasp rule can also let a cadre of any tier hold its role by a membership ("a commune cadre, or a party
member of any tier"): the `any_tier_flags` column. The default rule of the self-governing groups, stored
before this column existed as "commune cadres only", gets the party members of any tier the domain asks for.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 12:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

GROUP_ROLE = "Cán bộ, đảng viên phụ trách tổ NDTQ"


def upgrade() -> None:
    with op.batch_alter_table('grasp_rule', schema=None) as batch_op:
        batch_op.add_column(sa.Column('any_tier_flags', sqlmodel.sql.sqltypes.AutoString(length=100),
                                      nullable=False, server_default=''))
    with op.batch_alter_table('grasp_rule', schema=None) as batch_op:
        batch_op.alter_column('any_tier_flags', server_default=None)
    rule = sa.table('grasp_rule', sa.column('target_level'), sa.column('role'), sa.column('tiers'),
                    sa.column('flags'), sa.column('any_tier_flags'))
    op.execute(
        rule.update()
        .where(rule.c.target_level == 'group', rule.c.role == GROUP_ROLE, rule.c.tiers == 'commune',
               rule.c.flags == '')
        .values(any_tier_flags='party_member')
    )


def downgrade() -> None:
    with op.batch_alter_table('grasp_rule', schema=None) as batch_op:
        batch_op.drop_column('any_tier_flags')
