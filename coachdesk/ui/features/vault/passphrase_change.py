"""Changing the vault's passphrase: prove it is you (the current passphrase, or the recovery key
if it is forgotten), then choose the new one twice.

Right after an unlock with the recovery key the proof is already given: the dialog then only
asks for the new passphrase (``after_recovery``), as the recovery sheet promises.

Only the passphrase slot of the key file is rewritten; the database is untouched, and a wrong
current passphrase or key changes nothing. "Also re-key" (with the current passphrase) is for a
passphrase that may have leaked: the data is put under a new key (``Vault.rekey``), so an old key
file no longer opens it, and the new recovery key is shown once. Key derivation is slow on
purpose (Argon2), so it runs on a worker while the dialog shows it is busy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import WrongPassphrase
from coachdesk.i18n import _
from coachdesk.ui.features.vault.passphrase_page import NewPassphrase
from coachdesk.ui.kit import look
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.tasks import Tasks
from coachdesk.vault import Vault
from coachdesk.vault.keyslots import unlock_with_recovery_key

RECOVERY_PLACEHOLDER = "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"


def change_passphrase(vault: Vault, new: str, *, old: str = "", recovery_key: str = "") -> None:
    """Worker side: check the proof first, then rewrap; nothing is written if the proof fails."""
    if recovery_key:
        unlock_with_recovery_key(vault.key_file, recovery_key)
        vault.set_passphrase(new)
    else:
        vault.change_passphrase(old, new)


class ChangePassphraseDialog(QDialog):
    """Accepted once the new passphrase is set; ``after_recovery``: the vault was just opened
    with the recovery key, so no other proof is asked for and Cancel reads "Later"."""

    def __init__(
        self, vault: Vault, parent: QWidget | None = None, *, after_recovery: bool = False
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.recovery_mode = False
        self.after_recovery = after_recovery
        self._tasks = Tasks(self)
        self.setWindowTitle(_("Change passphrase"))
        self.setMinimumWidth(540)
        self.proof_label = QLabel()
        self.proof = QLineEdit()
        self.proof.textChanged.connect(self._edited)
        self.proof_label.setBuddy(self.proof)
        self.mode_button = look.link_button("")
        self.mode_button.clicked.connect(self.toggle_recovery_mode)
        self.proof_message = QLabel()
        look.tint(self.proof_message, look.Colour.DANGER)
        self.proof_message.setWordWrap(True)
        self.proof_form = QFormLayout()
        self.proof_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.proof_form.setLabelAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.proof_form.addRow(self.proof_label, self.proof)
        self.proof_form.addRow("", self.proof_message)
        mode_row = QHBoxLayout()
        mode_row.setContentsMargins(0, 0, 0, 0)
        mode_row.addWidget(self.mode_button)
        mode_row.addStretch(1)
        self.proof_form.addRow("", mode_row)
        self.proof_form.setRowVisible(self.proof_message, False)
        self._build_rekey()
        self.new = NewPassphrase(_("&New passphrase"))
        self.new.changed.connect(self._update)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.change_button = self.buttons.addButton(
            _("Change passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        (self._offer_after_recovery if after_recovery else self._ask_for_proof)(layout)
        layout.addSpacing(6)
        layout.addWidget(self.new)
        layout.addWidget(self.rekey)
        layout.addWidget(self.rekey_note)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self._apply_mode()

    def _build_rekey(self) -> None:
        self.rekey = QCheckBox(_("Also &re-key the vault"))
        self.rekey_note = look.note(
            _(
                "Choose this if someone may know or have seen your passphrase: your records are "
                "then locked under a new key, so an old copy of the key file no longer opens "
                "them, and you get a new recovery key. Older backups still open with the "
                "passphrase and recovery key they had."
            )
        )
        self.new_recovery_key = ""
        self.recovery_notice: QMessageBox | None = None

    def _ask_for_proof(self, layout: QVBoxLayout) -> None:
        layout.addWidget(look.heading(_("Change your passphrase"), scale=1.25))
        layout.addWidget(
            look.note(
                _(
                    "Your records stay as they are: only the lock changes. Your recovery key "
                    "and this computer's keychain keep working."
                )
            )
        )
        layout.addLayout(self.proof_form)

    def _offer_after_recovery(self, layout: QVBoxLayout) -> None:
        self.setWindowTitle(_("Set a new passphrase"))
        self.change_button.setText(_("Set new passphrase"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Later"))
        layout.addWidget(look.heading(_("Choose a new passphrase"), scale=1.25))
        layout.addWidget(
            look.note(
                _(
                    "You opened the vault with your recovery key. Choose a new passphrase to "
                    "unlock with from now on; your records stay as they are, and the recovery "
                    "key keeps working."
                )
            )
        )

    def toggle_recovery_mode(self) -> None:
        self.recovery_mode = not self.recovery_mode
        self._apply_mode()

    def _say(self, message: str) -> None:
        self.proof_message.setText(message)
        self.proof_form.setRowVisible(self.proof_message, bool(message))

    def _apply_mode(self) -> None:
        self.proof.clear()
        self._say("")
        if self.recovery_mode:
            self.proof_label.setText(_("&Recovery key"))
            self.proof.setEchoMode(QLineEdit.EchoMode.Normal)
            self.proof.setFont(look.monospace())
            self.proof.setPlaceholderText(RECOVERY_PLACEHOLDER)
            self.mode_button.setText(_("I know my current passphrase"))
        else:
            self.proof_label.setText(_("&Current passphrase"))
            self.proof.setEchoMode(QLineEdit.EchoMode.Password)
            self.proof.setFont(self.font())
            self.proof.setPlaceholderText("")
            self.mode_button.setText(_("Forgot it? Use your recovery key instead"))
        can_rekey = not (self.recovery_mode or self.after_recovery)  # it needs the passphrase
        self.rekey.setVisible(can_rekey)
        self.rekey_note.setVisible(can_rekey)
        if not can_rekey:
            self.rekey.setChecked(False)
        self.proof.setFocus()
        self._update()

    def _edited(self) -> None:
        self._say("")
        self._update()

    def _update(self) -> None:
        busy = self._tasks.busy
        proven = self.after_recovery or bool(self.proof.text())
        self.change_button.setEnabled(not busy and proven and self.new.ready())
        for widget in (self.proof, self.new, self.mode_button, self.rekey):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)

    def submit(self) -> None:
        if not self.change_button.isEnabled():
            return
        vault, new, proof = self.vault, self.new.passphrase(), self.proof.text()
        if self.after_recovery:
            self._tasks.run(lambda: vault.set_passphrase(new), self._done, self._failed)
        elif self.rekey.isChecked():
            self._tasks.run(lambda: vault.rekey(proof, new), self._rekeyed, self._failed)
        elif self.recovery_mode:
            self._tasks.run(
                lambda: change_passphrase(vault, new, recovery_key=proof), self._done, self._failed
            )
        else:
            self._tasks.run(
                lambda: change_passphrase(vault, new, old=proof), self._done, self._failed
            )
        self._update()

    def _done(self, _result: None) -> None:
        self.new.wipe()
        self.proof.clear()
        self._update()
        self.accept()

    def _rekeyed(self, recovery_key: str) -> None:
        """Show the new recovery key once, as at creation: the old one opens only old backups."""
        self.new_recovery_key = recovery_key
        box = QMessageBox(QMessageBox.Icon.Information, _("New recovery key"), "", parent=self)
        box.setText(
            _("Your vault is re-keyed. Write down your new recovery key:\n\n{key}").format(
                key=recovery_key
            )
        )
        box.setInformativeText(_("The old recovery key now opens only older backups."))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recovery_notice = box
        box.open()
        self._done(None)

    def _failed(self, exc: BaseException) -> None:
        self._update()
        if isinstance(exc, WrongPassphrase):
            self._say(exc.message)
            self.proof.selectAll()
            self.proof.setFocus()
        else:
            show_error(self, exc)

    def reject(self) -> None:
        if not self._tasks.busy:
            self.new.wipe()
            self.proof.clear()
            super().reject()
