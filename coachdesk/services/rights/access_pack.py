"""A subject access pack: one ZIP for the client holding a readable PDF (a letter, then the
record) and the machine-readable per-client export, built by the export's own writer.

The coach's private notes are the coach's working notes; the pack always says how many sessions
have them, and prints them only when the coach chooses to (the reason is kept in the register).
The machine-readable part is the per-client export, which never holds them. Written like an
export: to ``<name>.partial`` readable by the user alone, moved into place when complete.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.documents.access_pack import render_access_pack
from coachdesk.documents.access_pack_data import AccessPackData
from coachdesk.i18n import _
from coachdesk.model import AccessRequest, CoachingSession
from coachdesk.services.exchange.archive.exporter import write_client_entries
from coachdesk.services.paperwork import letterhead
from coachdesk.services.people.clients import get_client
from coachdesk.services.people.profile import coach_today, coach_zone, get_profile
from coachdesk.services.rights.pack_sections import SECTION_BUILDERS, PackScope
from coachdesk.services.rights.requests import (
    answer_access_request,
    open_request_for,
    record_access_request,
)
from coachdesk.services.validation import FieldErrors
from coachdesk.vault.files import (
    open_new_private,
    partial_path_for,
    removing_on_error,
    replace_durably,
)

PDF_NAME = "your-personal-data.pdf"


@dataclass(frozen=True)
class PackRequest:
    """What the coach says when making a pack: when and how the request came, private notes."""

    received_on: date | None = None  # None: answer the client's open request, or none at all
    how_received: str = ""
    include_private_notes: bool = False
    reason: str = ""


@dataclass(frozen=True)
class PackResult:
    path: Path
    request_id: int | None
    private_note_count: int
    private_notes_included: bool


def private_note_count(db: Session, client_id: int) -> int:
    """How many of the client's sessions carry private notes: the pack always says so."""
    query = select(func.count()).where(
        CoachingSession.client_id == client_id, func.trim(CoachingSession.private_notes) != ""
    )
    return int(db.scalar(query) or 0)


def access_pack_data(
    db: Session, client_id: int, *, received_on: date | None, private_notes: bool
) -> AccessPackData:
    client = get_client(db, client_id)
    scope = PackScope(client_id, coach_zone(db), private_notes)
    return AccessPackData(
        letterhead=letterhead(db),
        client_name=client.display_name,
        client_address=client.postal_address,
        letter_date=coach_today(db),
        received_on=received_on,
        retention_years=get_profile(db).retention_years,
        private_note_count=private_note_count(db, client_id),
        private_notes_included=private_notes,
        sections=tuple(build(db, scope) for build in SECTION_BUILDERS),
    )


def _check(dest: Path, request: PackRequest, today: date) -> None:
    errors = FieldErrors()
    if not dest.parent.is_dir():
        errors.add("dest", _("The folder {path} does not exist.").format(path=dest.parent))
    elif dest.is_dir():
        errors.add("dest", _("Choose a file name, not a folder."))
    if request.include_private_notes and not request.reason.strip():
        errors.add(
            "reason", _("Say why the private notes are included: the register keeps the reason.")
        )
    if request.received_on is not None and request.received_on > today:
        errors.add("received_on", _("A request cannot be received in the future."))
    errors.raise_if_any()


def write_access_pack(
    db: Session, client_id: int, dest: Path, request: PackRequest | None = None
) -> PackResult:
    """Write the client's pack to ``dest`` and record the answer in the register: a request
    received on ``request.received_on`` is registered first; without a date the client's oldest
    open request is the one answered (none: the pack is made without one). Runs in the caller's
    transaction, so the register changes only if the file was written."""
    request = request or PackRequest()
    get_client(db, client_id)
    today = coach_today(db)
    _check(dest, request, today)
    if request.received_on is not None:
        request_id: int | None = record_access_request(
            db, client_id, request.received_on, request.how_received, today=today
        )
    else:
        request_id = open_request_for(db, client_id)
    received = None
    if request_id is not None:
        found = db.get(AccessRequest, request_id)
        received = found.received_on if found is not None else None
    data = access_pack_data(
        db, client_id, received_on=received, private_notes=request.include_private_notes
    )
    pdf = render_access_pack(data)
    partial = partial_path_for(dest)
    partial.unlink(missing_ok=True)
    raw = os.fdopen(open_new_private(partial), "wb")
    with removing_on_error(partial):
        with (
            raw,
            zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf,
        ):
            zf.writestr(PDF_NAME, pdf)
            write_client_entries(zf, db, client_id)
        replace_durably(partial, dest)
    if request_id is not None:
        answer_access_request(
            db,
            request_id,
            today,
            private_notes_included=request.include_private_notes,
            private_notes_reason=request.reason,
        )
    return PackResult(dest, request_id, data.private_note_count, request.include_private_notes)
