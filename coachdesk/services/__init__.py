"""Use cases and their rules, with no Qt: the GUI, the CLI and tests all come through here.

Each function takes an open SQLAlchemy ``Session`` (``db``) and plain values; the caller owns the
transaction (``with vault.session() as db, db.begin(): ...``). Invalid input raises
``ValidationError`` with a message per field; list queries return light rows, not ORM objects.
"""
