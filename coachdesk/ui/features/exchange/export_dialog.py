"""Export everything, or one client's data, as an archive: encrypted unless the coach chooses
otherwise, with a clear warning that a plain ZIP is readable by anyone who gets it. An encrypted
export keeps the private notes (it is how a coach moves computers); a plain one asks, default no.

The archive is written by ``services.archive.export_practice`` on a worker behind a progress
bar; Cancel leaves no file. A typed passphrase lives only in the two fields and the running
job, and is cleared when the dialog closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.ui.features.exchange.common import (
    ExportingDialog,
    FileField,
    PassphrasePair,
    counts_in_words,
    dated_name,
    remember_folder,
    show_problem,
    start_folder,
    vault_folder_problem,
)
from coachdesk.ui.kit import look
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.long_work import LongWork, Progress
from coachdesk.ui.kit.practice import Practice

if TYPE_CHECKING:  # the archive package is imported when first used: it is heavy
    from coachdesk.services.exchange.archive import ExportSummary

PLAIN_SUFFIX = ".zip"
ENCRYPTED_SUFFIX = ".cdexport"  # not a ZIP any more: a suffix that no unzip tool claims
FILTER = "{exports} (*.cdexport *.zip)"


class ExportDialog(ExportingDialog):
    """``ExportDialog(practice)`` exports everything; with ``client_id`` one client's data."""

    exported = Signal(object)  # services.archive.ExportSummary

    def __init__(
        self,
        practice: Practice,
        *,
        client_id: int | None = None,
        client_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.client_id = client_id
        one_client = client_id is not None
        self.setWindowTitle(
            _("Export this client's data") if one_client else _("Export everything")
        )
        self.setMinimumWidth(560)
        self.encrypt = QCheckBox(_("Encrypt with a passphrase"))
        self.encrypt.setChecked(True)
        self.encrypt.toggled.connect(self._encrypt_toggled)
        self.passphrases = PassphrasePair()
        self.passphrases.changed.connect(self._update)
        self.plain_warning = QLabel(
            _(
                "Without encryption the file is an ordinary ZIP: anyone who gets it can read "
                "every note in it. Keep it somewhere safe, and delete it when it has served."
            )
        )
        self.plain_warning.setWordWrap(True)
        look.tint(self.plain_warning, look.Colour.DANGER)
        _keep_room_when_hidden(self.plain_warning)
        self.plain_warning.hide()
        self.private_notes = _private_notes_box()
        self.file = FileField(
            _("Export to"), FILTER.format(exports=_("CoachDesk exports")), saving=True
        )
        stem = (
            _("CoachDesk export {name}").format(name=client_name)
            if one_client
            else _("CoachDesk export")
        )
        self.file.set_path(start_folder() / dated_name(stem, ENCRYPTED_SUFFIX))
        self.file.changed.connect(self._update)
        self.general = QLabel()
        self.general.setWordWrap(True)
        look.tint(self.general, look.Colour.DANGER)
        self.general.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button: QPushButton = buttons.addButton(
            _("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)

        what = (
            _(
                "What CoachDesk holds about {name}, as JSON and CSV files with the signed "
                "agreements, for example to answer their request for a copy. Your private "
                "notes are not included."
            ).format(name=client_name or _("this client"))
            if one_client
            else _(
                "Every record of the practice, as JSON and CSV files with the signed "
                "agreements and scans: to keep, or to move to a new vault. An encrypted export "
                "keeps your private notes; a plain one leaves them out unless you ask."
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        form.addRow("", self.encrypt)
        secret = QVBoxLayout()
        secret.setSpacing(6)
        secret.addWidget(self.passphrases)
        secret.addWidget(self.plain_warning)
        form.addRow(_("Passphrase"), secret)
        if not one_client:
            form.addRow("", self.private_notes)
        form.addRow(_("File"), self.file)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(look.heading(self.windowTitle(), scale=1.2))
        layout.addWidget(look.note(what))
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self._update()

    # -- checking ---------------------------------------------------------------------------
    def _encrypt_toggled(self, on: bool) -> None:
        self.passphrases.setEnabled(on)
        self.plain_warning.setVisible(not on)
        self.private_notes.setEnabled(not on)
        path = self.file.path
        old, new = (PLAIN_SUFFIX, ENCRYPTED_SUFFIX) if on else (ENCRYPTED_SUFFIX, PLAIN_SUFFIX)
        if path is not None and path.suffix == old:
            self.file.set_path(path.with_suffix(new))
        self._update()

    def problems(self) -> dict[str, str]:
        found = self.passphrases.problems(show=False) if self.encrypt.isChecked() else {}
        if problem := self.file.save_problem() or vault_folder_problem(
            self.file.path, self.practice.vault
        ):
            found["dest"] = problem
        return found

    def _update(self) -> None:
        problems = self.problems()
        typed = bool(self.file.edit.text().strip())
        show_problem(self.file.problem, problems.get("dest", "") if typed else "")
        self.export_button.setEnabled(not problems and self.job is None)
        self.general.hide()

    # -- exporting --------------------------------------------------------------------------
    def start(self) -> None:
        vault, dest = self.practice.vault, self.file.path
        if vault is None or dest is None or self.problems() or self.job is not None:
            return
        passphrase = self.passphrases.passphrase if self.encrypt.isChecked() else None
        client_id = self.client_id
        private_notes = passphrase is None and client_id is None and self.private_notes.isChecked()

        def work(progress: Progress) -> ExportSummary:
            from coachdesk.services.exchange.archive import export_practice

            with vault.session() as db:
                return export_practice(
                    db,
                    dest,
                    passphrase=passphrase,
                    client_id=client_id,
                    include_private_notes=private_notes,
                    progress=progress,
                )

        self.export_button.setEnabled(False)
        self.job = LongWork(
            self.practice.tasks, self.windowTitle(), _("Writing {path}…").format(path=dest), self
        )
        self.job.start(work, self._done, self._failed, self._stopped)

    def _done(self, summary: ExportSummary) -> None:
        self.job = None
        self.passphrases.wipe()
        path = summary.path
        remember_folder(path)
        detail = (
            _("It is encrypted: only the passphrase you chose opens it. Keep that passphrase safe.")
            if summary.encrypted
            else _("It is not encrypted: anyone who gets this file can read it.")
        )
        if not summary.private_notes:
            detail += " " + _("Your private notes are not in it.")
        self.finish_with(
            _("Export saved"),
            _("Saved {what} to {path}.").format(what=counts_in_words(summary.counts), path=path),
            detail,
            path.parent,
        )
        self.exported.emit(summary)

    def _stopped(self) -> None:
        self.job = None
        self._update()
        show_problem(self.general, _("Export stopped; no file was written."))

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self._update()
        if isinstance(exc, ValidationError):
            show_problem(self.file.problem, exc.fields.get("dest", ""))
            show_problem(self.passphrases.first_problem, exc.fields.get("passphrase", ""))
            other = [m for k, m in exc.fields.items() if k not in ("dest", "passphrase")]
            show_problem(self.general, " ".join(other))
        else:
            show_error(self, exc)

    def forget_secrets(self) -> None:
        self.passphrases.wipe()


def _private_notes_box() -> QCheckBox:
    """Off, and only for a plain export: an encrypted one always keeps the private notes."""
    box = QCheckBox(_("Include my private notes in the plain ZIP"))
    box.setToolTip(_("An encrypted export always keeps them, so a new vault gets everything back."))
    box.setEnabled(False)
    return box


def _keep_room_when_hidden(widget: QWidget) -> None:
    """Toggling Encrypt shows or hides the warning; its room stays, so nothing else moves."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
