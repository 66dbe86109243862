"""The unlock dialog: passphrase, recovery key, or this computer's keychain, and clear retries.

Key derivation takes a noticeable moment, so every attempt runs on a worker while the dialog shows
that it is busy. A wrong passphrase keeps the dialog open with the field selected for a retry;
other problems (vault in use, damaged, too new) show their own message in place. Opened with the
recovery key, the vault is not handed over before the coach was offered a new passphrase (the
recovery sheet's last step); "Later" keeps the old one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk import vault as vaults
from coachdesk.errors import CoachDeskError, WrongPassphrase
from coachdesk.i18n import _
from coachdesk.ui.kit import look
from coachdesk.ui.kit.errors import user_message
from coachdesk.ui.kit.tasks import Tasks
from coachdesk.vault import keychain

if TYPE_CHECKING:  # at run time these load with the vault, off the path to a painted dialog
    from coachdesk.ui.features.vault.passphrase_change import ChangePassphraseDialog
    from coachdesk.vault import Vault

log = logging.getLogger(__name__)

OTHER_VAULT = 2  # dialog result: the user picked another folder (``requested_folder``)


@dataclass(frozen=True)
class _Attempt:
    folder: Path
    passphrase: str | None = None
    recovery_key: str | None = None
    use_keychain: bool = False
    remember: bool | None = None  # True: remember, False: forget, None: leave as it is


def _unlock(attempt: _Attempt) -> tuple[Vault, str | None]:
    """Worker side: open the vault, then apply the "remember" choice (never fatal)."""
    opened = vaults.open(
        attempt.folder,
        passphrase=attempt.passphrase,
        recovery_key=attempt.recovery_key,
        use_keychain=attempt.use_keychain,
    )
    notice = None
    try:
        if attempt.remember is True:
            opened.remember_on_this_computer()
        elif attempt.remember is False:
            opened.forget_on_this_computer()
    except CoachDeskError as exc:
        notice = exc.message
    except Exception:
        log.warning("keychain update failed for vault %s", opened.vault_id, exc_info=True)
        notice = _("The keychain could not be updated; the passphrase still works.")
    return opened, notice


class UnlockDialog(QDialog):
    """Asks for the key of the vault in ``folder``; on success ``vault`` holds the open vault."""

    def __init__(
        self,
        folder: Path,
        *,
        try_keychain: bool = True,
        allow_other: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.vault: Vault | None = None
        self.notice: str | None = None
        self.requested_folder: Path | None = None
        self._allow_other = allow_other
        self._recovery_mode = False
        self._tasks = Tasks(self)
        self._vault_id: str | None = None
        self._remembered = False
        self.new_passphrase_offer: ChangePassphraseDialog | None = None
        self.setWindowTitle(_("Unlock {name} — CoachDesk").format(name=self.folder.name))
        self.setWindowIcon(look.app_icon())
        self.setMinimumWidth(480)
        self._build()
        self._read_vault()
        if try_keychain and self._remembered:
            # Once, as soon as the dialog runs; after a Lock the coach asks for it explicitly.
            QTimer.singleShot(0, self.unlock_with_keychain)
        self.field.setFocus()

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(look.SPACING)
        layout.addLayout(self._build_header())
        layout.addSpacing(4)
        self._build_fields(layout)
        layout.addStretch(1)
        layout.addLayout(self._build_footer())
        self.unlock_button.setDefault(True)  # now that it belongs to the dialog
        self._apply_mode()

    def _build_header(self) -> QHBoxLayout:
        icon = QLabel()
        icon.setPixmap(look.app_icon().pixmap(56, 56))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = look.heading(_("Unlock your vault"))
        self.where = look.note(str(self.folder))
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_button = look.link_button(_("Open another vault…"))
        self.change_button.clicked.connect(self._choose_other)
        self.change_button.setVisible(self._allow_other)
        place = QHBoxLayout()
        place.setSpacing(look.SPACING)
        place.addWidget(self.where, 1)
        place.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addLayout(place)
        header = QHBoxLayout()
        header.setSpacing(look.SPACING + 4)
        header.addWidget(icon)
        header.addLayout(text, 1)
        return header

    def _build_fields(self, layout: QVBoxLayout) -> None:
        self.field_label = QLabel()
        self.field = QLineEdit()
        self.field.setMinimumWidth(320)
        self.field.textChanged.connect(self._on_edited)
        self.field.returnPressed.connect(self.unlock)
        self.field_label.setBuddy(self.field)
        self.remember = QCheckBox(_("Remember on this computer"))
        self.remember.setToolTip(
            _("Keep the vault's key in this computer's keychain, so it opens without typing.")
        )
        self._has_keychain = keychain.is_available()
        self.remember.setVisible(self._has_keychain)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setVisible(False)
        for widget in (self.field_label, self.field, self.remember, self.message, self.busy):
            layout.addWidget(widget)

    def _build_footer(self) -> QHBoxLayout:
        self.mode_button = look.link_button("")
        self.mode_button.clicked.connect(self.toggle_recovery_mode)
        self.keychain_button = QPushButton(_("Unlock with the keychain"))
        self.keychain_button.clicked.connect(self.unlock_with_keychain)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.unlock_button = self.buttons.addButton(
            _("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.unlock)
        self.buttons.rejected.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(self.mode_button)
        footer.addStretch(1)
        footer.addWidget(self.keychain_button)
        footer.addWidget(self.buttons)
        return footer

    def _apply_mode(self) -> None:
        self.field.clear()
        if self._recovery_mode:
            self.field_label.setText(_("&Recovery key"))
            self.field.setEchoMode(QLineEdit.EchoMode.Normal)
            self.field.setFont(look.monospace())
            self.field.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
            self.mode_button.setText(_("Use passphrase instead"))
        else:
            self.field_label.setText(_("&Passphrase"))
            self.field.setEchoMode(QLineEdit.EchoMode.Password)
            self.field.setFont(self.font())
            self.field.setPlaceholderText("")
            self.mode_button.setText(_("Use recovery key instead"))
        self._update_buttons()

    # -- state ------------------------------------------------------------------------------
    def _read_vault(self) -> None:
        """Learn the vault's id (for the keychain); a broken vault shows its message now."""
        try:
            self._vault_id = vaults.read_key_file(self.folder).vault_id
        except CoachDeskError as exc:
            self._vault_id = None
            self.show_message(exc.message, error=True)
        except OSError:
            log.warning("vault key file could not be read", exc_info=True)
            self.show_message(_("The vault folder cannot be read."), error=True)
        self._remembered = self._is_remembered()
        self.remember.setChecked(self._remembered)
        self._update_buttons()

    def _is_remembered(self) -> bool:
        return self._vault_id is not None and keychain.recall(self._vault_id) is not None

    def _update_buttons(self) -> None:
        busy = self._tasks.busy
        usable = self._vault_id is not None
        self.field.setEnabled(usable and not busy)
        self.remember.setEnabled(usable and not busy)
        self.unlock_button.setEnabled(usable and not busy and bool(self.field.text()))
        self.mode_button.setEnabled(usable and not busy)
        self.change_button.setEnabled(not busy)
        self.keychain_button.setVisible(self._remembered and not self._recovery_mode)
        self.keychain_button.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)
        self.busy.setVisible(busy)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        look.tint(self.message, look.Colour.DANGER if error else None)
        self.message.setVisible(bool(text))

    def _on_edited(self, _text: str) -> None:
        self._update_buttons()

    def toggle_recovery_mode(self) -> None:
        self._recovery_mode = not self._recovery_mode
        self.show_message("")
        self._apply_mode()
        self.field.setFocus()

    # -- unlocking --------------------------------------------------------------------------
    def unlock(self) -> None:
        """Try the typed passphrase or recovery key."""
        text = self.field.text()
        if not text or self._tasks.busy or self._vault_id is None:
            return
        remember = None
        if self._has_keychain and self.remember.isChecked() != self._remembered:
            remember = self.remember.isChecked()
        if self._recovery_mode:
            attempt = _Attempt(self.folder, recovery_key=text, remember=remember)
        else:
            attempt = _Attempt(self.folder, passphrase=text, remember=remember)
        self._start(attempt, _("Unlocking…"))

    def unlock_with_keychain(self) -> None:
        if self._tasks.busy or self._vault_id is None:
            return
        self._start(
            _Attempt(self.folder, use_keychain=True), _("Unlocking with this computer's keychain…")
        )

    def _start(self, attempt: _Attempt, doing: str) -> None:
        self.show_message(doing)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._tasks.run(
            lambda: _unlock(attempt),
            lambda result: self._succeeded(result, attempt),
            lambda exc: self._failed(exc, attempt),
        )
        self._update_buttons()

    def _succeeded(self, result: tuple[Vault, str | None], attempt: _Attempt) -> None:
        self.unsetCursor()
        self.field.clear()  # the typed secret must not outlive the unlock in a widget
        self.vault, self.notice = result
        self._update_buttons()
        if attempt.recovery_key is None:
            self.accept()
            return
        self.show_message(_("Unlocked with your recovery key."))
        from coachdesk.ui.features.vault.passphrase_change import ChangePassphraseDialog

        offer = ChangePassphraseDialog(self.vault, self, after_recovery=True)
        offer.accepted.connect(self._new_passphrase_set)
        offer.finished.connect(self.accept)
        self.new_passphrase_offer = offer
        offer.open()

    def _new_passphrase_set(self) -> None:
        self.notice = _("Your new passphrase is set: unlock with it from now on.")

    def _failed(self, exc: BaseException, attempt: _Attempt) -> None:
        self.unsetCursor()
        self._update_buttons()
        if attempt.use_keychain:
            self._remembered = self._is_remembered()
            self.remember.setChecked(self._remembered)
            self._update_buttons()
            reason = user_message(exc)
            self.show_message(
                _(
                    "The keychain could not unlock the vault. {reason} Enter your passphrase."
                ).format(reason=reason),
                error=True,
            )
            self.field.setFocus()
            return
        if isinstance(exc, WrongPassphrase):
            hint = (
                _("Check it letter by letter, then try again.")
                if self._recovery_mode
                else _("Check that Caps Lock is off, then try again.")
            )
            self.show_message(f"{exc.message} {hint}", error=True)
        else:
            self.show_message(user_message(exc), error=True)
        self.field.setFocus()
        self.field.selectAll()

    # -- closing ----------------------------------------------------------------------------
    def reject(self) -> None:
        # An unlock is finishing, or its vault is open behind the new-passphrase offer: the
        # vault must not be left open.
        if self._tasks.busy or self.vault is not None:
            return
        super().reject()

    def _choose_other(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, _("Choose a vault folder"), str(self.folder.parent)
        )
        if chosen:
            self.requested_folder = Path(chosen)
            self.done(OTHER_VAULT)
