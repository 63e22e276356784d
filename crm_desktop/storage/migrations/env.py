"""Alembic environment: run with a connection handed over by crm_desktop.storage."""

from __future__ import annotations

from alembic import context

from crm_desktop.domain import models  # noqa: F401  (registers every table)
from crm_desktop.domain.base import Base

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line during development
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite3"
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
