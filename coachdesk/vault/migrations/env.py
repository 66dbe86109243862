"""Alembic environment: always runs on the vault's own open connection.

The key never goes into a config file or URL; ``coachdesk.vault.migrate`` passes the connection in
``config.attributes["connection"]``. ``target_metadata`` is only needed to autogenerate a revision,
and the caller supplies it then (the vault layer does not import the model).
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=context.config.attributes.get("target_metadata"),
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
