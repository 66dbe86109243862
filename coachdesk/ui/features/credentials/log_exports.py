"""The log leaving the vault, only into a file the coach chose: XLSX and CSV in the ICF's column
order, or the PDF summary. The file is made and written on a worker (the log of a large
practice takes a second or two); ``exported(path)`` says when it is on disk."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget
from sqlalchemy.orm import Session

from coachdesk.errors import InvalidInput
from coachdesk.i18n import _
from coachdesk.services.credentials.cce import cce_evidence
from coachdesk.services.credentials.log_export import log_csv, log_xlsx
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.pdf.files import write_atomically


def _summary_pdf(db: Session) -> bytes:
    """Imported when first asked for: ReportLab stays out of the window's start-up."""
    from coachdesk.services.credentials.summary_pdf import credential_summary_pdf

    return credential_summary_pdf(db)


MAKERS: dict[str, Callable[[Session], bytes]] = {
    "xlsx": log_xlsx,
    "csv": log_csv,
    "pdf": _summary_pdf,
}


def file_choice(kind: str) -> tuple[str, str]:
    """The suggested file name and the save dialog's filter of an export."""
    return {
        "xlsx": (_("ICF coaching log.xlsx"), _("Excel workbooks (*.xlsx)")),
        "csv": (_("ICF coaching log.csv"), _("CSV files (*.csv)")),
        "pdf": (_("Credential summary.pdf"), _("PDF documents (*.pdf)")),
    }[kind]


def write_file(path: Path, data: bytes) -> Path:
    try:
        write_atomically(path, data)
    except OSError as exc:
        message = _("The file could not be saved to {path}: {reason}").format(
            path=path, reason=exc.strerror or exc
        )
        raise InvalidInput(message) from exc
    return path


class LogExports(QObject):
    """``export("xlsx" | "csv" | "pdf")`` and ``save_certificate(id)`` for ``parent``."""

    exported = Signal(Path)

    def __init__(self, practice: Practice, parent: QWidget) -> None:
        super().__init__(parent)
        self.practice = practice
        self.window = parent

    def export(self, kind: str) -> None:
        make, (name, pattern) = MAKERS[kind], file_choice(kind)
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, _("Export the coaching log"), name, pattern
        )
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix("." + kind)
        self.practice.read(
            lambda db: write_file(path, make(db)), self.exported.emit, parent=self.window
        )

    def save_certificate(self, activity_id: int, suggested: str) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, _("Save the certificate"), suggested
        )
        if not chosen:
            return
        path = Path(chosen)

        def work(db: Session) -> Path:
            data, _name, mime = cce_evidence(db, activity_id)
            target = (
                path if path.suffix else path.with_suffix(mimetypes.guess_extension(mime) or "")
            )
            return write_file(target, data)

        self.practice.read(work, self.exported.emit, parent=self.window)
