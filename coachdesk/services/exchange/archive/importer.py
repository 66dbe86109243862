"""Importing a whole-practice export into a new, empty vault: every row back, ids included.

The file is read and checked completely (format, version, every value against its column,
every attached file against its digest) before the first row is written, so a wrong passphrase
or a damaged file changes nothing. The rows then go in within the caller's transaction; the
search index and the client list's summary columns are rebuilt by the vault's own triggers as
the rows arrive. A per-client export is for the client to keep, not a practice: it is refused.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Column as SAColumn
from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import Client, Sponsor
from coachdesk.services.exchange.archive.common import (
    ArchiveUnreadable,
    ImportSummary,
    Progress,
    Ticker,
)
from coachdesk.services.exchange.archive.container import decrypt_archive, is_encrypted_archive
from coachdesk.services.exchange.archive.tables import (
    DOCUMENT_NAME,
    FORMAT,
    SCOPE_PRACTICE,
    VERSION,
    BadValue,
    BlobRef,
    blob_columns,
    from_json,
    tables,
)
from coachdesk.services.exchange.archive.zip_entries import EntryTooLarge, read_entry

HEADER_KEYS = frozenset(
    {"format", "version", "exported_at", "app_version", "schema_revision", "scope", "client_id"}
)
BATCH = 500
# The JSON document is parsed whole, at several times its size in memory: this keeps a hostile
# archive from asking for gigabytes; a practice of thousands of clients stays far below it.
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024
BLOB_BATCH = 20
READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError)

Loaded = list[tuple[Table, list[dict[str, Any]]]]


def import_practice(
    db: Session,
    source: Path,
    *,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Restore an export made by ``export_practice`` into this vault, which must hold no clients.

    Never commits: on any error the caller's rollback leaves the vault as it was.
    """
    _refuse_unless_empty(db)
    with _open_zip(source, passphrase) as zf:
        loaded = _decode(_read_document(zf))
        _check_files(zf, loaded)
        ticker = Ticker(progress, sum(len(rows) for _table, rows in loaded))
        ticker.start()
        _clear(db)
        # A signed agreement may name the version it replaces in either order of ids.
        db.execute(text("PRAGMA defer_foreign_keys = ON"))
        for table, rows in loaded:
            _insert(db, zf, table, rows, ticker)
        if db.execute(text("PRAGMA foreign_key_check")).first() is not None:
            raise _damaged()
    db.expire_all()
    ticker.finish()
    return ImportSummary({table.name: len(rows) for table, rows in loaded})


def _refuse_unless_empty(db: Session) -> None:
    for model in (Client, Sponsor):
        if db.scalar(select(func.count()).select_from(model)):
            message = _(
                "This vault already holds clients or sponsors. Import an export into a new, "
                "empty vault, so no clients are mixed up."
            )
            raise ValidationError({"vault": message})


@contextmanager
def _open_zip(source: Path, passphrase: str | None) -> Iterator[zipfile.ZipFile]:
    if not source.is_file():
        raise ValidationError({"source": _("The file {path} does not exist.").format(path=source)})
    try:
        if is_encrypted_archive(source):
            if not passphrase:
                message = _("This archive is encrypted: enter the passphrase it was saved with.")
                raise ValidationError({"passphrase": message})
            with source.open("rb") as handle:
                zf = zipfile.ZipFile(decrypt_archive(handle, passphrase))
        else:
            zf = zipfile.ZipFile(source)
    except READ_ERRORS:
        raise _foreign() from None
    with zf:
        yield zf


def _read_document(zf: zipfile.ZipFile) -> dict[str, Any]:
    try:
        raw = read_entry(zf, DOCUMENT_NAME, MAX_DOCUMENT_BYTES)
    except KeyError:
        raise _foreign() from None
    except READ_ERRORS:
        raise _damaged() from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # nesting past Python's limit
        raise _damaged() from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _foreign()
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise _damaged()
    if version > VERSION:
        raise ArchiveUnreadable(
            _("This export was made by a newer CoachDesk: update CoachDesk to import it.")
        )
    if document.get("scope") != SCOPE_PRACTICE:
        raise ArchiveUnreadable(
            _(
                "This export holds one client's data, made for that client to keep; only an "
                "export of the whole practice can be imported."
            )
        )
    return document


def _decode(document: dict[str, Any]) -> Loaded:
    """Every row checked against its column and turned into the values the vault stores.

    A table or a nullable column the export lacks (it was made before they existed) reads as
    empty, a column with a default as that default (private notes a plain export left out read
    as none); anything the export holds that this CoachDesk does not know is refused, never dropped.
    """
    known = tables()
    unknown = set(document) - HEADER_KEYS - {t.name for t in known}
    if unknown:
        raise _too_new()
    loaded: Loaded = []
    for table in known:
        rows = document.get(table.name, [])
        if not isinstance(rows, list):
            raise _damaged()
        names = {c.name for c in table.columns}
        blobs = {c.name for c in blob_columns(table)}
        decoded = []
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, dict):
                raise _bad_row(table, number)
            if set(row) - names:
                raise _too_new()
            try:
                decoded.append(
                    {
                        c.name: _blob(row.get(c.name)) if c.name in blobs else _value(c, row)
                        for c in table.columns
                    }
                )
            except BadValue:
                raise _bad_row(table, number) from None
        loaded.append((table, decoded))
    return loaded


def _value(column: SAColumn[Any], row: dict[str, Any]) -> Any:
    if column.name not in row and isinstance(column.default, ScalarElementColumnDefault):
        return column.default.arg
    return from_json(column, row.get(column.name))


def _blob(value: Any) -> BlobRef | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise BadValue("file")
    name, size, digest = value.get("file"), value.get("size"), value.get("sha256")
    if not isinstance(name, str) or not isinstance(size, int) or not isinstance(digest, str):
        raise BadValue("file")
    return BlobRef(name, size, digest)


def _check_files(zf: zipfile.ZipFile, loaded: Loaded) -> None:
    """Every attached file is present and whole, before anything is written."""
    for table, rows in loaded:
        names = [c.name for c in blob_columns(table)]
        for row in rows:
            for name in names:
                ref = row[name]
                if ref is not None and _read_blob(zf, ref) is None:
                    raise _damaged()


def _read_blob(zf: zipfile.ZipFile, ref: BlobRef) -> bytes | None:
    """The file's bytes, or None when it is missing or not what the document recorded; never
    more than the recorded size is read."""
    try:
        data = read_entry(zf, ref.file, ref.size)
    except (*READ_ERRORS, EntryTooLarge):
        return None
    if len(data) != ref.size or hashlib.sha256(data).hexdigest() != ref.sha256:
        return None
    return data


def _clear(db: Session) -> None:
    """An empty vault may already hold a profile, templates or settings: the archive's replace
    them, so the practice comes back as it was exported."""
    for table in reversed(tables()):
        db.execute(table.delete())


def _insert(
    db: Session, zf: zipfile.ZipFile, table: Table, rows: list[dict[str, Any]], ticker: Ticker
) -> None:
    blobs = [c.name for c in blob_columns(table)]
    size = BLOB_BATCH if blobs else BATCH
    for start in range(0, len(rows), size):
        batch = rows[start : start + size]
        if blobs:
            batch = [
                {**row, **{name: _blob_bytes(zf, row[name]) for name in blobs}} for row in batch
            ]
        db.execute(insert(table), batch)
        ticker.step(len(batch))


def _blob_bytes(zf: zipfile.ZipFile, ref: BlobRef | None) -> bytes | None:
    if ref is None:
        return None
    data = _read_blob(zf, ref)
    if data is None:
        raise _damaged()
    return data


def _bad_row(table: Table, number: int) -> ArchiveUnreadable:
    return ArchiveUnreadable(
        _(
            "The export is damaged: record {n} of {table} does not fit; nothing was imported."
        ).format(n=number, table=table.name)
    )


def _too_new() -> ArchiveUnreadable:
    return ArchiveUnreadable(
        _("This export holds data this CoachDesk does not know: update CoachDesk first.")
    )


def _foreign() -> ArchiveUnreadable:
    return ArchiveUnreadable(_("This file is not a CoachDesk export; nothing was imported."))


def _damaged() -> ArchiveUnreadable:
    return ArchiveUnreadable(_("The export is damaged or incomplete; nothing was imported."))
