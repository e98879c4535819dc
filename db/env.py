"""Alembic environment: migrates the engine the application hands over."""

from __future__ import annotations

from alembic import context

from grassroots_app.persistence.tables import metadata

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
    )
    context.run_migrations()
