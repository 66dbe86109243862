"""A signed scan leaving or entering the vault, only through a file the coach chose."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from coachdesk.errors import InvalidInput, ValidationError
from coachdesk.i18n import _
from coachdesk.services.agreements.listing import MAX_SCAN_BYTES, Scan, scan_mime
from coachdesk.ui.pdf.files import write_atomically

SCAN_FILTER = "*.pdf *.png *.jpg *.jpeg"


def choose_scan_file(parent: QWidget | None) -> Path | None:
    """Ask for the signed copy (a PDF or a picture); None if the coach cancelled."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Choose the signed copy"),
        "",
        _("Signed copies ({patterns})").format(patterns=SCAN_FILTER),
    )
    return Path(chosen) if chosen else None


def read_scan(path: Path) -> tuple[bytes, str, str]:
    """(bytes, file name, type) of a signed copy; a field error (``scan``) for a file that is
    not a PDF or an image, is too large, or cannot be read. A file past the limit is refused
    after reading one byte more than it, so a huge file chosen by mistake is never loaded."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SCAN_BYTES + 1)
    except OSError as exc:
        raise ValidationError(
            {
                "scan": _("{name} could not be read: {reason}").format(
                    name=path.name, reason=exc.strerror or exc
                )
            }
        ) from exc
    if len(data) > MAX_SCAN_BYTES:
        raise ValidationError(
            {
                "scan": _(
                    "{name} is larger than {n} MB; scan it again at a lower resolution."
                ).format(name=path.name, n=MAX_SCAN_BYTES // (1024 * 1024))
            }
        )
    return data, path.name, scan_mime(path.name, data)


def save_scan_as(parent: QWidget | None, scan: Scan) -> Path | None:
    """Ask where to save the signed copy, then write it there (0600, in one step)."""
    suffix = mimetypes.guess_extension(scan.mime) or ""
    name = scan.name or _("Signed agreement") + suffix
    chosen, _filter = QFileDialog.getSaveFileName(parent, _("Save the signed copy"), name)
    if not chosen:
        return None
    path = Path(chosen)
    try:
        write_atomically(path, scan.data)
    except OSError as exc:
        raise InvalidInput(
            _("The signed copy could not be saved to {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    return path
