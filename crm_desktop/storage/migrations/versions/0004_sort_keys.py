"""sort keys for companies and contacts (pinyin for Chinese names, ё as е)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 15:20:00

The keys are filled by the search index's rebuild, which the index version that came with
this revision runs on the first open after the upgrade.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _key_type() -> sa.types.TypeEngine[str]:
    return sa.String(length=300).with_variant(sa.String(length=300, collation="C"), "postgresql")


def upgrade() -> None:
    # plain ADD COLUMN (SQLite supports it with a constant default): no table copy
    op.add_column("company", sa.Column("sort_key", _key_type(), nullable=False, server_default=""))
    op.create_index("ix_company_sort_key", "company", ["sort_key"], unique=False)
    op.add_column("contact", sa.Column("sort_key", _key_type(), nullable=False, server_default=""))
    op.create_index(
        "ix_contact_live_sort",
        "contact",
        ["sort_key", "id"],
        unique=False,
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_contact_live_sort", table_name="contact")
    op.drop_index("ix_company_sort_key", table_name="company")
    with op.batch_alter_table("contact") as batch:
        batch.drop_column("sort_key")
    with op.batch_alter_table("company") as batch:
        batch.drop_column("sort_key")
