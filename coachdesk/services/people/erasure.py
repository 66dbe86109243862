"""Erasing a client: every row in one transaction, then what SQLite keeps of deleted data.

Apart from ``clients`` because it owns its transaction and reaches into the storage (the WAL
checkpoint), where every other client rule is a function of a caller's session.
"""

from __future__ import annotations

import time

from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from coachdesk.i18n import _
from coachdesk.model import Client
from coachdesk.services.people.clients import get_client

CHECKPOINT_ATTEMPTS = 5


def erase_warning(name: str) -> str:
    """What erasing ``name`` means, said the same way by the app and the command line."""
    return _(
        "Erase {name} and every record about them? This cannot be undone. Backups made "
        "before now still hold them: automatic ones and the copies taken before a restore "
        "or an update are rotated out within about a month; backups you made yourself "
        "keep them until you delete them."
    ).format(name=name)


def erase_client(engine: Engine, client_id: int) -> bool:
    """Remove every row about a client in one transaction, then purge what SQLite keeps of
    deleted data, so no trace remains in the vault's files. ``secure_delete`` zeroes the freed
    pages; the old page images in the WAL go when it is checkpointed and truncated. Returns
    False when another reader kept the checkpoint from finishing: the purge then completes when
    the vault closes. Owns its transaction because the checkpoint must run outside one.
    """
    from coachdesk.services.engagements.groups import hand_over_groups

    with Session(engine) as db, db.begin():
        get_client(db, client_id)
        hand_over_groups(db, client_id)
        db.execute(delete(Client).where(Client.id == client_id))
    return purge_freed_pages(engine)


def purge_freed_pages(engine: Engine) -> bool:
    """Checkpoint and truncate the WAL so the old page images of removed text go; False when a
    reader kept it from finishing (it completes when the vault closes)."""
    for attempt in range(CHECKPOINT_ATTEMPTS):
        with engine.connect() as conn:
            busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        if not busy:
            return True
        time.sleep(0.05 * (attempt + 1))
    return False
