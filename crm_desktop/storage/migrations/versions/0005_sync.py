"""synchronisation: conflict list, peers, arrivals

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 17:40:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_conflict",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("winner_value", sa.JSON(), nullable=True),
        sa.Column("loser_value", sa.JSON(), nullable=True),
        sa.Column("winner_hlc", sa.String(length=64), nullable=False),
        sa.Column("winner_origin", sa.String(length=36), nullable=False),
        sa.Column("winner_member", sa.String(length=36), nullable=True),
        sa.Column("winner_at", sa.DateTime(), nullable=True),
        sa.Column("loser_hlc", sa.String(length=64), nullable=False),
        sa.Column("loser_origin", sa.String(length=36), nullable=False),
        sa.Column("loser_member", sa.String(length=36), nullable=True),
        sa.Column("loser_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=False),
        sa.Column("resolved_value", sa.JSON(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index(
        op.f("ix_sync_conflict_entity_id"), "sync_conflict", ["entity_id"], unique=False
    )
    op.create_index(
        op.f("ix_sync_conflict_deleted_at"), "sync_conflict", ["deleted_at"], unique=False
    )
    op.create_table(
        "sync_peer",
        sa.Column("peer_id", sa.String(length=32), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("received", sa.String(length=64), nullable=False),
        sa.Column("acked", sa.String(length=64), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("peer_id", name=op.f("pk_sync_peer")),
    )
    op.create_table(
        "sync_arrival",
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("stamp", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("entity_type", "entity_id", name=op.f("pk_sync_arrival")),
    )
    op.create_index(op.f("ix_sync_arrival_stamp"), "sync_arrival", ["stamp"], unique=False)
    # The organisation this database belongs to: made here, so every copy of the file
    # (the office database taken onto a laptop) shares it (application/sync.py). Copies
    # made before this upgrade still carry the original's identity when they migrate
    # (a copy gets its own identity after the migration), so the id is derived from it.
    setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.Text))
    ident = (
        op.get_bind()
        .execute(sa.select(setting.c.value).where(setting.c.key == "database.id"))
        .scalar()
    )
    org = (
        uuid.uuid5(uuid.NAMESPACE_OID, "crm-desktop organisation " + ident).hex
        if ident
        else uuid.uuid4().hex
    )
    op.bulk_insert(setting, [{"key": "organisation.id", "value": org}])


def downgrade() -> None:
    op.execute("DELETE FROM setting WHERE key = 'organisation.id'")
    op.drop_index(op.f("ix_sync_arrival_stamp"), table_name="sync_arrival")
    op.drop_table("sync_arrival")
    op.drop_table("sync_peer")
    op.drop_index(op.f("ix_sync_conflict_deleted_at"), table_name="sync_conflict")
    op.drop_index(op.f("ix_sync_conflict_entity_id"), table_name="sync_conflict")
    op.drop_table("sync_conflict")
