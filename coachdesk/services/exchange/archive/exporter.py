"""Writing an export: the whole practice or one client's data, plain or encrypted, all or nothing.

The archive is written to ``<name>.partial`` beside the destination, a new file readable by the
user alone, and moved into place only when complete; on any error or cancellation it goes and
the destination is untouched. A crash can leave it behind, visible rather than hidden, and the
next export to the same file removes it first. An encrypted export streams the ZIP through the
cipher, so no plaintext copy is ever written. The coach's private notes go into an encrypted
practice export (how a coach moves computers), into a plain one only when asked for, and never
into one client's data. All reads happen in the caller's transaction: one
consistent snapshot of the vault.
"""

from __future__ import annotations

import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk import __version__
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import Client
from coachdesk.services.exchange.archive.common import ExportSummary, Progress, Ticker
from coachdesk.services.exchange.archive.container import EncryptingWriter
from coachdesk.services.exchange.archive.csv_writer import write_csv
from coachdesk.services.exchange.archive.json_writer import write_document
from coachdesk.services.exchange.archive.readme import client_readme, practice_readme
from coachdesk.services.exchange.archive.tables import (
    BLOB_MIME_COLUMN,
    FORMAT,
    README_NAME,
    SCOPE_CLIENT,
    SCOPE_PRACTICE,
    VERSION,
    BlobRef,
    Part,
    blob_columns,
    blob_name,
    blob_ref,
    key_of,
    parts,
    select_rows,
)
from coachdesk.vault import migrate
from coachdesk.vault.files import (
    open_new_private,
    partial_path_for,
    removing_on_error,
    replace_durably,
)
from coachdesk.vault.vault import MIN_PASSPHRASE

BlobIndex = dict[tuple[str, str, tuple[object, ...]], BlobRef]


def export_practice(
    db: Session,
    dest: Path,
    *,
    passphrase: str | None = None,
    client_id: int | None = None,
    include_private_notes: bool = False,
    progress: Progress | None = None,
) -> ExportSummary:
    """Write the practice (or the client ``client_id``'s data) to ``dest``; with ``passphrase``
    as an encrypted archive. ``include_private_notes`` puts them into a plain practice export
    too. ``progress`` may raise ``Cancelled``: then no file is left.
    """
    _check(db, dest, passphrase, client_id, include_private_notes)
    private_notes = client_id is None and (passphrase is not None or include_private_notes)
    chosen = parts(client_id, private_notes=private_notes)
    counts = {part.table.name: _count(db, part) for part in chosen}
    files = sum(_count_blobs(db, part) for part in chosen)
    ticker = Ticker(progress, files + 2 * sum(counts.values()))
    header = _header(db, client_id)
    encrypted = passphrase is not None
    if client_id is None:
        readme = practice_readme(encrypted=encrypted, private_notes=private_notes)
    else:
        readme = client_readme(counts, encrypted=encrypted)
    partial = partial_path_for(dest)
    partial.unlink(missing_ok=True)  # left by an export to this file that never finished
    raw = os.fdopen(open_new_private(partial), "wb")
    with removing_on_error(partial):
        with raw:
            ticker.start()
            _write_zip(
                db, raw, passphrase, header=header, readme=readme, chosen=chosen, ticker=ticker
            )
        ticker.finish()
        replace_durably(partial, dest)
    return ExportSummary(dest, counts, passphrase is not None, private_notes)


def _write_zip(
    db: Session,
    raw: BinaryIO,
    passphrase: str | None,
    *,
    header: dict[str, Any],
    readme: str,
    chosen: list[Part],
    ticker: Ticker,
) -> None:
    sealer = EncryptingWriter(raw, passphrase) if passphrase is not None else None
    target: Any = sealer if sealer is not None else raw
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        _write_entries(zf, db, header=header, readme=readme, chosen=chosen, ticker=ticker)
    if sealer is not None:
        sealer.finish()
    raw.flush()


def write_client_entries(zf: zipfile.ZipFile, db: Session, client_id: int) -> None:
    """One client's export (README, files, CSVs and JSON) written into ``zf``, an archive of
    the caller's: what a subject access pack holds beside its letter, built the same way."""
    if db.get(Client, client_id) is None:
        raise ValidationError({"client": _("This client no longer exists.")})
    chosen = parts(client_id, private_notes=False)
    header = _header(db, client_id)
    readme = client_readme({part.table.name: _count(db, part) for part in chosen}, encrypted=False)
    _write_entries(zf, db, header=header, readme=readme, chosen=chosen, ticker=Ticker(None, 0))


def _write_entries(
    zf: zipfile.ZipFile,
    db: Session,
    *,
    header: dict[str, Any],
    readme: str,
    chosen: list[Part],
    ticker: Ticker,
) -> None:
    zf.writestr(README_NAME, readme)
    blobs: BlobIndex = {}
    for part in chosen:
        blobs.update(_write_blobs(zf, db, part, ticker))
    for part in chosen:
        write_csv(zf, db, part, blobs, ticker)
    write_document(zf, db, header, chosen, blobs=blobs, ticker=ticker)


def _write_blobs(zf: zipfile.ZipFile, db: Session, part: Part, ticker: Ticker) -> BlobIndex:
    """Agreement PDFs and scans, the logo: each binary value as a file of its own."""
    table = part.table
    found: BlobIndex = {}
    exported = {c.name for c in part.columns}
    for column in blob_columns(table):
        if column.name not in exported:
            continue
        mime_name = BLOB_MIME_COLUMN.get((table.name, column.name))
        extra = [table.c[mime_name]] if mime_name else []
        query = select_rows(part, [*table.primary_key.columns, *extra, column], batch=20).where(
            column.is_not(None)
        )
        for row in db.execute(query):
            key = key_of(table, row)
            mime = row._mapping[mime_name] if mime_name else ""
            data = row._mapping[column.name]
            name = blob_name(table, column.name, key, mime)
            zf.writestr(name, data)
            found[(table.name, column.name, key)] = blob_ref(name, data)
            ticker.step()
    return found


def _check(
    db: Session,
    dest: Path,
    passphrase: str | None,
    client_id: int | None,
    include_private_notes: bool,
) -> None:
    if not dest.parent.is_dir():
        message = _("The folder {path} does not exist.").format(path=dest.parent)
        raise ValidationError({"dest": message})
    if dest.is_dir():
        raise ValidationError({"dest": _("Choose a file name, not a folder.")})
    if passphrase is not None and len(passphrase) < MIN_PASSPHRASE:
        message = _("The passphrase must be at least {n} characters long.")
        raise ValidationError({"passphrase": message.format(n=MIN_PASSPHRASE)})
    if client_id is not None and db.get(Client, client_id) is None:
        raise ValidationError({"client": _("This client no longer exists.")})
    if client_id is not None and include_private_notes:
        message = _("A client's export never holds your private notes.")
        raise ValidationError({"include_private_notes": message})


def _count(db: Session, part: Part) -> int:
    query = select(func.count()).select_from(part.table)
    if part.where is not None:
        query = query.where(part.where)
    return int(db.scalar(query) or 0)


def _count_blobs(db: Session, part: Part) -> int:
    total = 0
    for column in blob_columns(part.table):
        query = select(func.count()).select_from(part.table).where(column.is_not(None))
        if part.where is not None:
            query = query.where(part.where)
        total += int(db.scalar(query) or 0)
    return total


def _header(db: Session, client_id: int | None) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(),
        "app_version": __version__,
        "schema_revision": migrate.current_revision(db.connection()),
        "scope": SCOPE_PRACTICE if client_id is None else SCOPE_CLIENT,
        "client_id": client_id,
    }
