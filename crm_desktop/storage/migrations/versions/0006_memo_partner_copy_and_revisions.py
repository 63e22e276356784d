"""memos: the partner's language on meetings and members, trip conclusions, approved revisions

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 17:45:00

Columns are plain ADD COLUMN with constant defaults (no table copy on SQLite). The
memo_revision table holds approved memos frozen as JSON of their data.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_MEETING_TEXT = (
    ("second_language", sa.String(length=8)),
    ("title_alt", sa.String(length=300)),
    ("agenda_alt", sa.Text()),
    ("agreements_alt", sa.Text()),
    ("next_steps_alt", sa.Text()),
)


def upgrade() -> None:
    for name, type_ in _MEETING_TEXT:
        op.add_column("meeting", sa.Column(name, type_, nullable=False, server_default=""))
    for name in ("position_en", "position_zh"):
        op.add_column(
            "member", sa.Column(name, sa.String(length=200), nullable=False, server_default="")
        )
    for name in ("conclusions", "proposals"):
        op.add_column("trip", sa.Column(name, sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "memo_revision",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_memo_revision_meeting_id_meeting")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memo_revision")),
    )
    with op.batch_alter_table("memo_revision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_memo_revision_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_memo_revision_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            "ux_memo_revision_meeting_revision", ["meeting_id", "revision"], unique=True
        )


def downgrade() -> None:
    op.drop_table("memo_revision")
    for table, names in (
        ("trip", ("conclusions", "proposals")),
        ("member", ("position_en", "position_zh")),
        ("meeting", tuple(n for n, _ in _MEETING_TEXT)),
    ):
        with op.batch_alter_table(table) as batch:
            for name in names:
                batch.drop_column(name)
