"""The subject access pack of one client: when and how the request came, whether the coach's
private notes go in (and why), and where the ZIP goes. Written through long work, since a
client with years of notes makes a long PDF; the register records the answer."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.dates import DateEdit, error_label, show_message
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.long_work import LongWork, Progress
from coachdesk.ui.kit.practice import Practice

if TYPE_CHECKING:  # the pack's module loads ReportLab: only when a pack is made
    from coachdesk.services.rights.access_pack import PackRequest, PackResult

FIELDS = ("received_on", "how_received", "reason", "dest")


class AccessPackDialog(QDialog):
    """``written(path)`` once the pack is on disk and the register says it was answered."""

    written = Signal(Path)

    def __init__(
        self, practice: Practice, client_id: int, name: str, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.practice, self.client_id = practice, client_id
        self.job: LongWork | None = None
        self.setWindowTitle(_("Subject access pack for {name}").format(name=name))
        self.setMinimumWidth(520)
        intro = QLabel(
            _(
                "The pack holds a letter to {name} and everything held about them, as a PDF "
                "and as data files. Your private notes stay out unless you include them."
            ).format(name=name)
        )
        intro.setWordWrap(True)
        self.received = DateEdit(today)
        self.received.setMaximumDate(self.received.date())
        self.how = QLineEdit()
        self.how.setPlaceholderText(_("e.g. by email"))
        self.private = QCheckBox(_("Include my private notes"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("Why they are included (kept in the register)"))
        self.reason.setEnabled(False)
        self.private.toggled.connect(self.reason.setEnabled)
        self.file = QLineEdit(str(Path.home() / f"subject-access-pack-{today.isoformat()}.zip"))
        choose = QPushButton(_("Choose…"))
        choose.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.file, 1)
        where.addWidget(choose)
        self.errors = {name: error_label(name) for name in FIELDS}
        form = QFormLayout()
        form.addRow(_("Request received"), self.received)
        form.addRow("", self.errors["received_on"])
        form.addRow(_("How it came"), self.how)
        form.addRow("", self.errors["how_received"])
        form.addRow("", self.private)
        form.addRow(_("Reason"), self.reason)
        form.addRow("", self.errors["reason"])
        form.addRow(_("Save as"), where)
        form.addRow("", self.errors["dest"])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.write_button = self.buttons.addButton(
            _("Write the pack"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.write_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        lockable.register(self)

    def _choose(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save the access pack"), self.file.text(), _("ZIP archives (*.zip)")
        )
        if chosen:
            self.file.setText(chosen)

    def request(self) -> PackRequest:
        from coachdesk.services.rights.access_pack import PackRequest

        return PackRequest(
            received_on=self.received.day(),
            how_received=self.how.text(),
            include_private_notes=self.private.isChecked(),
            reason=self.reason.text() if self.private.isChecked() else "",
        )

    def start(self) -> None:
        vault, text = self.practice.vault, self.file.text().strip()
        if vault is None or self.job is not None:
            return
        if not text:
            show_message(self.errors["dest"], _("Choose where to save the pack."))
            return
        dest = Path(text).expanduser()
        request, client_id = self.request(), self.client_id

        def work(_progress: Progress) -> PackResult:
            from coachdesk.services.rights.access_pack import write_access_pack

            with vault.session() as db, db.begin():
                return write_access_pack(db, client_id, dest, request)

        for label in self.errors.values():
            show_message(label, "")
        self.write_button.setEnabled(False)
        message = _("Writing {path}…").format(path=dest)
        self.job = LongWork(self.practice.tasks, self.windowTitle(), message, self)
        self.job.start(work, self._done, self._failed, self._stopped)

    def _done(self, result: PackResult) -> None:
        self.job = None
        self.practice.changed.emit(kinds.CLIENTS)
        if isValid(self):
            self.written.emit(result.path)
            self.accept()

    def _stopped(self) -> None:
        self.job = None
        if isValid(self):
            self.write_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        if not isValid(self):
            return
        self.write_button.setEnabled(True)
        if isinstance(exc, ValidationError) and set(exc.fields) <= set(FIELDS):
            for name, message in exc.fields.items():
                show_message(self.errors[name], message)
        else:
            show_error(self, exc)

    def reject(self) -> None:
        if self.job is None:
            super().reject()

    # -- locking (a Lockable: a short form without a draft, so a lock waits for typed text) --
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        if self.job is not None:
            return _("Not locked: the access pack is being written; try again in a moment.")
        typed = self.how.text().strip() or self.reason.text().strip()
        if self.isVisible() and typed:
            return _("Not locked: save or cancel the form you are filling in.")
        return None

    def wipe_for_lock(self) -> None:
        self.how.clear()
        self.reason.clear()
        super().reject()
