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
from coachdesk.vault.backup_sets import BackupEntry
from coachdesk.vault.keyslots import unlock_with_passphrase


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
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _typed(self, text: str) -> None:
        self.restore_button.setEnabled(bool(text))
        self.problem.hide()

    def _check(self) -> None:
        vault = self.practice.vault
        typed = self.passphrase.text()
        if vault is None or not typed:
            return
        self.restore_button.setEnabled(False)
        self.passphrase.setEnabled(False)
        key_file = vault.key_file
        self.practice.tasks.run(
            lambda: unlock_with_passphrase(key_file, typed),
            lambda _key: self._right(typed),
            self._wrong,
        )

    def _right(self, typed: str) -> None:
        if not self.isVisible():  # discarded on lock while the check ran: nothing to confirm
            return
        self.confirmed.emit(RestoreRequest(self.entry.path, typed))
        self.accept()

    def discard(self) -> None:
        """On lock: forget the typed passphrase and go, without asking anything."""
        self.passphrase.clear()
        self.hide()
        self.deleteLater()

    def _wrong(self, exc: BaseException) -> None:
        self.passphrase.setEnabled(True)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        self.restore_button.setEnabled(bool(self.passphrase.text()))
        message = (
            _("This is not the vault's passphrase.")
            if isinstance(exc, WrongPassphrase)
            else user_message(exc)
        )
        self.problem.setText(message)
        self.problem.show()
