"""Import an exported practice into this vault, which must hold no clients (so no clients are
ever mixed up); the export's coach profile, agreement templates and settings replace the empty
vault's. An encrypted archive asks for the passphrase it was saved with; whether it is one is
read from the file once the typing pauses, not on every keystroke.

The import runs in one transaction on a worker behind a progress bar: Cancel, or any problem,
rolls it back and the vault stays as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError, ValidationError, WrongPassphrase
from coachdesk.i18n import _
from coachdesk.services.people import clients
from coachdesk.ui.features.exchange.common import (
    ExportingDialog,
    FileField,
    counts_in_words,
    problem_label,
    show_problem,
)
from coachdesk.ui.kit import look
from coachdesk.ui.kit.errors import show_error, user_message
from coachdesk.ui.kit.long_work import LongWork, Progress
from coachdesk.ui.kit.practice import EVERYTHING, Practice

if TYPE_CHECKING:
    from coachdesk.services.exchange.archive import ImportSummary

FILTER = "{exports} (*.cdexport *.zip);;{all} (*)"
TYPING_PAUSE_MS = 400


def is_encrypted(path: Path | None) -> bool:
    if path is None or not path.is_file():
        return False
    from coachdesk.services.exchange.archive import is_encrypted_archive

    try:
        return is_encrypted_archive(path)
    except OSError:
        return False


class ImportDialog(ExportingDialog):
    """``ImportDialog(practice)``; ``imported`` after the practice's views were told."""

    imported = Signal(object)  # services.archive.ImportSummary

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.vault_empty: bool | None = None
        self.encrypted: bool | None = None  # None: not read from the file yet
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._read_encryption)
        self.setWindowTitle(_("Import an exported practice"))
        self.setMinimumWidth(560)
        self.file = FileField(
            _("Import from"),
            FILTER.format(exports=_("CoachDesk exports"), all=_("All files")),
            saving=False,
        )
        self.file.changed.connect(self._file_changed)
        self.file.chosen.connect(self._read_encryption)
        self.file.edit.editingFinished.connect(self._read_encryption)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(_("The passphrase the export was saved with"))
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.passphrase.textChanged.connect(self._update)
        self.passphrase_problem = problem_label()
        self.passphrase_label = QLabel(_("Passphrase"))
        self.general = problem_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button: QPushButton = buttons.addButton(
            _("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        secret = QVBoxLayout()
        secret.setSpacing(2)
        secret.addWidget(self.passphrase)
        secret.addWidget(self.passphrase_problem)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(_("File"), self.file)
        self.form.addRow(self.passphrase_label, secret)
        self.form.setRowVisible(1, False)  # until the file is known to be encrypted
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(look.heading(self.windowTitle(), scale=1.2))
        layout.addWidget(
            look.note(
                _(
                    "Brings a whole-practice export (made with Export everything, for example "
                    "on another computer) into this vault. This vault must be empty: create a "
                    "new vault first if this one already holds clients. The export's coach "
                    "profile, agreement templates and settings replace this vault's."
                )
            )
        )
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self._update()
        practice.read(
            lambda db: not clients.list_clients(db, include_archived=True),
            self._checked_empty,
            parent=self,
        )

    def _checked_empty(self, empty: bool) -> None:
        self.vault_empty = empty
        self._update()

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if self.vault_empty is False:
            found["vault"] = _(
                "This vault already holds clients. Create a new, empty vault, open it, and "
                "import there, so no clients are mixed up."
            )
        if problem := self.file.open_problem():
            found["source"] = problem
        elif self.encrypted and not self.passphrase.text():
            found["passphrase"] = _("This export is encrypted: enter its passphrase.")
        return found

    def _file_changed(self) -> None:
        self.encrypted = None
        self._typing.start()
        self._update()

    def _read_encryption(self) -> None:
        """Whether the file asks for a passphrase: it reads the file, so only once the typing
        pauses, the field is left, or a file is chosen."""
        self._typing.stop()
        self.encrypted = is_encrypted(self.file.path)
        self._update()

    def _update(self) -> None:
        if self.encrypted is not None:  # while typing, the row stays as it was: no flicker
            self.form.setRowVisible(1, self.encrypted)
        problems = self.problems()
        typed = bool(self.file.edit.text().strip())
        show_problem(self.file.problem, problems.get("source", "") if typed else "")
        show_problem(self.passphrase_problem, "")
        show_problem(self.general, problems.get("vault", ""))
        ready = (
            self.vault_empty is True
            and self.encrypted is not None
            and not problems
            and self.job is None
        )
        self.import_button.setEnabled(ready)

    def start(self) -> None:
        vault, source = self.practice.vault, self.file.path
        if self._typing.isActive():
            self._read_encryption()
        if (
            vault is None
            or source is None
            or self.encrypted is None
            or self.problems()
            or self.job is not None
        ):
            return
        passphrase = self.passphrase.text() if self.encrypted else None

        def work(progress: Progress) -> ImportSummary:
            from coachdesk.services.exchange.archive import import_practice

            with vault.session() as db, db.begin():
                return import_practice(db, source, passphrase=passphrase, progress=progress)

        self.import_button.setEnabled(False)
        self.job = LongWork(
            self.practice.tasks,
            self.windowTitle(),
            _("Importing {name}…").format(name=source.name),
            self,
        )
        self.job.start(work, self._done, self._failed, self._stopped)

    def _done(self, summary: ImportSummary) -> None:
        self.job = None
        self.passphrase.clear()
        self.practice.load_zone()  # the coach's time zone came with the imported profile
        self.practice.changed.emit(EVERYTHING)
        source = self.file.path or Path()
        self.finish_with(
            _("Import finished"),
            _("Imported {what}.").format(what=counts_in_words(summary.counts)),
            _("The practice from {name} is now in this vault.").format(name=source.name),
            source.parent,
        )
        self.imported.emit(summary)

    def _stopped(self) -> None:
        self.job = None
        self._update()
        show_problem(self.general, _("Import stopped; nothing was imported."))

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self._update()
        if isinstance(exc, WrongPassphrase):
            show_problem(self.passphrase_problem, user_message(exc))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        elif isinstance(exc, ValidationError):
            show_problem(self.passphrase_problem, exc.fields.get("passphrase", ""))
            show_problem(self.file.problem, exc.fields.get("source", ""))
            other = [m for k, m in exc.fields.items() if k not in ("passphrase", "source")]
            show_problem(self.general, " ".join(other))
        elif isinstance(exc, CoachDeskError):  # unreadable or damaged: about the file
            show_problem(self.file.problem, user_message(exc))
        else:
            show_error(self, exc)

    def forget_secrets(self) -> None:
        self._typing.stop()
        self.passphrase.clear()
