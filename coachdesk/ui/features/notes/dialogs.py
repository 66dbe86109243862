"""The editor's two questions (restore a draft? save before closing?) and its PDF preview.

Questions are blocking ``QMessageBox.exec`` calls with renamed standard buttons, so that tests
choose an answer through Qt's own seam (``QMessageBox.exec``) rather than a private hook.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from coachdesk.formatting import format_date
from coachdesk.i18n import _
from coachdesk.ui.kit.long_work import LongWork, Progress
from coachdesk.ui.kit.practice import Practice

Button = QMessageBox.StandardButton
SHOW_AFTER_MS = 700  # a summary that takes longer than this gets a progress window


class Closing(Enum):
    SAVE = "save"
    KEEP_DRAFT = "keep_draft"
    CANCEL = "cancel"


def ask(
    parent: QWidget, title: str, text: str, buttons: dict[Button, str], default: Button
) -> Button:
    """A blocking question whose standard buttons carry our own words."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, Button.NoButton, parent)
    for button, label in buttons.items():
        box.addButton(button).setText(label)
    box.setDefaultButton(default)
    box.setEscapeButton(Button.Cancel if Button.Cancel in buttons else default)
    return Button(box.exec())


def ask_restore(parent: QWidget, saved_at: datetime) -> bool:
    """``True`` to restore the draft autosaved at ``saved_at`` (in the coach's zone)."""
    when = f"{format_date(saved_at)} {saved_at:%H:%M:%S}"
    choice = ask(
        parent,
        _("Unsaved notes"),
        _("Restore the unsaved notes from {time}?").format(time=when),
        {Button.Yes: _("Restore"), Button.Discard: _("Discard")},
        Button.Yes,
    )
    return choice != Button.Discard


def ask_before_close(parent: QWidget) -> Closing:
    choice = ask(
        parent,
        _("Unsaved notes"),
        _("Save the notes of this session before closing?"),
        {Button.Save: _("Save"), Button.No: _("Keep as draft"), Button.Cancel: _("Cancel")},
        Button.Save,
    )
    if choice == Button.Save:
        return Closing.SAVE
    if choice == Button.No:
        return Closing.KEEP_DRAFT
    return Closing.CANCEL


def preview_summary(practice: Practice, parent: QWidget, session_id: int, title: str) -> None:
    """Render the session summary on a worker, then show it in a preview window. Long notes
    take seconds to lay out: after a moment a progress window offers Cancel."""
    from coachdesk.documents.pages import reporting_to
    from coachdesk.services.progress import reports as report_documents
    from coachdesk.ui.pdf.preview import PdfPreviewDialog

    vault = practice.vault
    if vault is None:
        return

    def work(progress: Progress) -> bytes:
        with vault.session() as db, reporting_to(progress):
            return report_documents.session_summary_pdf(db, session_id)

    def show(pdf: bytes) -> None:
        if not shiboken6.isValid(parent):  # the editor closed meanwhile
            return
        dialog = PdfPreviewDialog(parent, pdf, title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    job = LongWork(
        practice.tasks, title, _("Laying out the summary…"), parent, show_after_ms=SHOW_AFTER_MS
    )
    job.start(work, show)
