"""an index on the HLC stamp of every replicated table

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 21:00:00

Sync finds what changed since a peer last met (``hlc > watermark``), a copy's rows
written after its split, and the newest stamp of a database (its clock floor) through
these indexes, instead of reading every row of every table.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = (
    "attachment",
    "audit_entry",
    "company",
    "contact",
    "meeting",
    "member",
    "memo_revision",
    "project",
    "site",
    "stage",
    "stage_change",
    "support_measure",
    "sync_conflict",
    "tag",
    "task",
    "trip",
)


def upgrade() -> None:
    for name in TABLES:
        op.create_index(f"ix_{name}_hlc", name, ["hlc"], unique=False)


def downgrade() -> None:
    for name in TABLES:
        op.drop_index(f"ix_{name}_hlc", table_name=name)
