"""The confirmation before a restore: says what will happen, and asks for the passphrase.

Typing the passphrase is the confirmation, and lets the app close, restore and reopen the
vault without asking again. It is checked here, before anything is closed, so a typo costs
nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import WrongPassphrase
from coachdesk.i18n import _
from coachdesk.ui.features.backups.restore_flow import RestoreRequest
from coachdesk.ui.kit import look
from coachdesk.ui.kit.errors import user_message
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import backups
from coachdesk.vault.backup_sets import BackupEntry
from coachdesk.vault.keyslots import unlock_with_passphrase
from coachdesk.vault.restoring import needs_backup_passphrase


class WrongBackupPassphrase(Exception):
    """The second passphrase typed does not open the backup's own key file."""


class RestoreDialog(QDialog):
    """Emits ``confirmed`` with the request once the passphrase proved right."""

    confirmed = Signal(object)  # RestoreRequest

    def __init__(
        self, practice: Practice, entry: BackupEntry, when: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.entry = entry
        self.setWindowTitle(_("Restore from a backup"))
        self.setMinimumWidth(520)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.passphrase.setPlaceholderText(_("Your vault's passphrase"))
        self.passphrase.textChanged.connect(self._typed)
        # Shown only for a backup made before the vault was re-keyed (under the old data key).
        self.old_label = QLabel(
            _(
                "This backup was made before the vault was re-keyed. Type the passphrase it "
                "was made with as well (the vault keeps today's passphrase):"
            )
        )
        self.old_label.setWordWrap(True)
        self.old_label.hide()
        self.old_passphrase = QLineEdit()
        self.old_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.old_passphrase.setAccessibleName(_("The backup's passphrase"))
        self.old_passphrase.textChanged.connect(self._typed)
        self.old_passphrase.hide()
        self.problem = QLabel()
        look.tint(self.problem, look.Colour.DANGER)
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button: QPushButton = buttons.addButton(
            _("Restore this backup"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(
            look.heading(_("Restore the backup made {when}?").format(when=when), scale=1.15)
        )
        what = QLabel(
            _(
                "The vault will be replaced by this backup. Anything added or changed "
                "since {when} will no longer be in the vault."
            ).format(when=when)
        )
        what.setWordWrap(True)
        layout.addWidget(what)
        for text in (
            _(
                "First, the vault as it is now is saved as a backup of its own (“Before a "
                "restore”), so you can undo this by restoring that one."
            ),
            _(
                "CoachDesk then closes the vault, restores the backup and opens it again. "
                "Open windows close; this takes a moment."
            ),
        ):
            layout.addWidget(look.note(text))
        layout.addSpacing(4)
        layout.addWidget(QLabel(_("Type your passphrase to confirm:")))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.old_label)
        layout.addWidget(self.old_passphrase)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _typed(self, _text: str) -> None:
        ready = bool(self.passphrase.text())
        if self.old_passphrase.isVisible():
            ready = ready and bool(self.old_passphrase.text())
        self.restore_button.setEnabled(ready)
        self.problem.hide()

    def _check(self) -> None:
        vault = self.practice.vault
        typed = self.passphrase.text()
        old = self.old_passphrase.text() if self.old_passphrase.isVisible() else None
        if vault is None or not typed:
            return
        self.restore_button.setEnabled(False)
        self.passphrase.setEnabled(False)
        self.old_passphrase.setEnabled(False)
        key_file, backup = vault.key_file, self.entry.path

        def check() -> bool:
            """Whether the backup needs the passphrase of its day that was not typed yet."""
            key = unlock_with_passphrase(key_file, typed)
            if not needs_backup_passphrase(backup, key):
                return False
            if old is None:
                return True
            try:
                unlock_with_passphrase(backups.read_backup(backup)[1], old)
            except WrongPassphrase:
                raise WrongBackupPassphrase() from None
            return False

        self.practice.tasks.run(check, lambda needs: self._right(typed, old, needs), self._wrong)

    def _right(self, typed: str, old: str | None, needs_old: bool) -> None:
        if not self.isVisible():  # discarded on lock while the check ran: nothing to confirm
            return
        if needs_old:
            self.passphrase.setEnabled(True)
            self.old_passphrase.setEnabled(True)
            self.old_label.show()
            self.old_passphrase.show()
            self.old_passphrase.setFocus()
            return
        self.confirmed.emit(RestoreRequest(self.entry.path, typed, old))
        self.accept()

    def discard(self) -> None:
        """On lock: forget the typed passphrase and go, without asking anything."""
        self.passphrase.clear()
        self.old_passphrase.clear()
        self.hide()
        self.deleteLater()

    def _wrong(self, exc: BaseException) -> None:
        self.passphrase.setEnabled(True)
        self.old_passphrase.setEnabled(True)
        field = self.old_passphrase if isinstance(exc, WrongBackupPassphrase) else self.passphrase
        field.selectAll()
        field.setFocus()
        self._typed("")
        if isinstance(exc, WrongBackupPassphrase):
            message = _("This is not the passphrase the backup was made with.")
        elif isinstance(exc, WrongPassphrase):
            message = _("This is not the vault's passphrase.")
        else:
            message = user_message(exc)
        self.problem.setText(message)
        self.problem.show()
