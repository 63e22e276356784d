"""meetings: participants in an order set by hand (position on the link rows)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 21:00:00

A nullable ``position`` on meeting_member and meeting_contact: NULL on every row of a
meeting's side means "rank order" (the default); numbers 0..n-1 are the order the user set
in the meeting editor. Plain ADD COLUMN without a default (no table copy on SQLite).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_TABLES = ("meeting_member", "meeting_contact")


def upgrade() -> None:
    for table in _TABLES:
        op.add_column(table, sa.Column("position", sa.Integer(), nullable=True))


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("position")
