"""The SQLAlchemy engine over the SQLCipher database, keyed with the raw data key.

A raw key costs about 0.3 ms per connection where a passphrase would cost a full PBKDF2 run on
every connection. ``module=`` makes SQLCipher's errors SQLAlchemy errors; the ``sqlite+pysqlcipher``
URL is avoided because combined with ``creator=`` it re-sends an empty key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event

from coachdesk.errors import InsecureSetup
from coachdesk.i18n import _

TEMP_STORE_MEMORY = 2
_CONNECTION_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    # Every page read is decrypted and verified; a 64 MiB cache keeps a busy vault's hot pages
    # (indexes, the client table) decrypted in memory, never on disk.
    "PRAGMA cache_size = -65536",
)


def connect_raw(path: Path, data_key: bytes | bytearray) -> sqlcipher.Connection:
    """A DB-API connection keyed with ``data_key``; nothing is read from the file yet.
    ``cipher_memory_security`` makes SQLCipher wipe and lock the memory holding keys and
    decrypted pages."""
    conn = sqlcipher.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA cipher_memory_security = ON")
    conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    return conn


def connect_immutable(path: Path, data_key: bytes | bytearray) -> sqlcipher.Connection:
    """A read-only connection that takes no lock and opens no ``-wal`` or ``-shm``: reading
    through it changes no byte of any file (only right when no WAL holds newer pages)."""
    uri = f"{path.resolve().as_uri()}?immutable=1"
    conn = sqlcipher.connect(uri, uri=True, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA cipher_memory_security = ON")
    conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    conn.execute("PRAGMA temp_store = MEMORY")
    self_check(conn)
    return conn


def make_engine(path: Path, data_key: bytes | bytearray) -> Engine:
    """An engine whose every connection is keyed, configured and self-checked."""
    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlcipher,
        creator=lambda: connect_raw(path, data_key),
        hide_parameters=True,
        pool_size=4,
        max_overflow=4,
    )
    event.listen(engine, "connect", _configure)
    return engine


def ensure_wal(engine: Engine) -> None:
    """A restored, copied or re-keyed database may have lost WAL mode."""
    with engine.connect() as conn:
        if conn.exec_driver_sql("PRAGMA journal_mode").scalar() != "wal":
            conn.exec_driver_sql("PRAGMA journal_mode = WAL")


def _configure(dbapi_conn: Any, _record: Any) -> None:
    for pragma in _CONNECTION_PRAGMAS:
        dbapi_conn.execute(pragma)
    self_check(dbapi_conn)


def self_check(dbapi_conn: Any) -> None:
    """Refuse to run without encryption or with temp data spilling to unencrypted files."""
    version = dbapi_conn.execute("PRAGMA cipher_version").fetchone()
    if not version or not version[0]:
        raise InsecureSetup(_("This build has no database encryption; refusing to open the vault."))
    temp_store = dbapi_conn.execute("PRAGMA temp_store").fetchone()
    if not temp_store or temp_store[0] != TEMP_STORE_MEMORY:
        raise InsecureSetup(
            _("Temporary data would not stay in memory; refusing to open the vault.")
        )
