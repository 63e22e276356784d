"""partial index for the contacts list in name order

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 17:08:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_contact_live_name",
        "contact",
        ["display_name", "id"],
        unique=False,
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_contact_live_name", table_name="contact")
