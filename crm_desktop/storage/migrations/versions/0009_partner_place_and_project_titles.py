"""the meeting's place in the partner's language; the project's title in English and Chinese

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 07:40:00

The memo's partner copy printed the place and the project in Russian. Plain ADD COLUMN
with a constant default (no table copy on SQLite): old rows read "" (not given), and the
memo falls back to the Russian text.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COLUMNS = (
    ("meeting", "place_alt"),
    ("project", "title_en"),
    ("project", "title_zh"),
)


def upgrade() -> None:
    for table, name in COLUMNS:
        op.add_column(
            table, sa.Column(name, sa.String(length=300), nullable=False, server_default="")
        )


def downgrade() -> None:
    for table in ("project", "meeting"):
        with op.batch_alter_table(table) as batch:
            for t, name in COLUMNS:
                if t == table:
                    batch.drop_column(name)
