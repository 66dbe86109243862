"""Edit › Preferences…: this computer's settings, the practice's working defaults, and the
vault's keys (remembered on this computer, passphrase, recovery key).

Each setting says where it lives: computer settings go to the settings file (``Preferences``),
practice settings into the vault, so they travel with it to another computer. Changing the
passphrase and making a new recovery key are asked for (``passphrase_change_requested``,
``new_recovery_key_requested``): the window opens those dialogs over this one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk import words
from coachdesk.i18n import _
from coachdesk.model import NoteTemplate, PaperSize
from coachdesk.services.people import profile
from coachdesk.ui.features.preferences.backup_settings import BackupSettings
from coachdesk.ui.features.preferences.preferences import THEMES, Preferences
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import keychain


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setVerticalSpacing(8)
    return form


class PreferencesDialog(QDialog):
    """On OK the vault's settings and the keychain choice are stored, then the dialog accepts;
    the caller saves and applies ``chosen()``, the computer's settings."""

    passphrase_change_requested = Signal()
    new_recovery_key_requested = Signal()

    def __init__(
        self, current: Preferences, practice: Practice, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.current = current
        self.practice = practice
        self.saving = False
        self.stored: tuple[NoteTemplate, PaperSize] | None = None
        self.remembered: bool | None = None
        self.setWindowTitle(_("Preferences"))
        self.setWindowIcon(look.app_icon())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.setSpacing(look.SPACING)
        left.addWidget(self._computer_box())
        vault = practice.vault
        self.backups = BackupSettings(current, vault.layout.backups if vault else None)
        left.addWidget(self.backups)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(look.SPACING)
        right.addWidget(self._practice_box())
        right.addWidget(self._security_box())
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(look.SPACING + 4)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(860)
        self._load()
        lockable.register(self)

    # -- this computer --------------------------------------------------------------------
    def _computer_box(self) -> QGroupBox:
        box = QGroupBox(_("This computer"))
        self.theme = QComboBox()
        for key, (label, _scheme) in THEMES.items():
            self.theme.addItem(label(), key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(self.current.theme)))
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSuffix(_(" min"))
        self.auto_lock.setSpecialValueText(_("Never"))
        self.auto_lock.setValue(self.current.auto_lock_minutes)
        self.clipboard = QSpinBox()
        self.clipboard.setRange(0, 3600)
        self.clipboard.setSuffix(_(" s"))
        self.clipboard.setSpecialValueText(_("Never"))
        self.clipboard.setValue(self.current.clipboard_clear_seconds)
        form = _form(box)
        form.addRow(_("Theme"), self.theme)
        form.addRow(_("Lock after being idle for"), self.auto_lock)
        form.addRow(_("Clear copied client text after"), self.clipboard)
        return box

    # -- this practice --------------------------------------------------------------------
    def _practice_box(self) -> QGroupBox:
        box = QGroupBox(_("This practice"))
        self.note_template = QComboBox()
        for template in NoteTemplate:
            self.note_template.addItem(words.label(template), template.value)
        self.paper = QComboBox()
        for size, label in words.labels(PaperSize).items():
            self.paper.addItem(label, size.value)
        form = _form(box)
        form.addRow(_("Session notes start as"), self.note_template)
        form.addRow(_("Paper size"), self.paper)
        form.addRow(look.note(_("Kept in the vault, so they go wherever your practice goes.")))
        box.setEnabled(False)  # until read from the vault
        self.practice_box = box
        return box

    # -- security -------------------------------------------------------------------------
    def _security_box(self) -> QGroupBox:
        box = QGroupBox(_("Security"))
        self.remember = QCheckBox(_("Remember the vault's key on this computer"))
        self.remember.setEnabled(False)
        self.keychain_note = look.note("")
        self.change_passphrase = QPushButton(_("Change passphrase…"))
        self.change_passphrase.clicked.connect(self.passphrase_change_requested.emit)
        self.new_recovery_key = QPushButton(_("Make a new recovery key…"))
        self.new_recovery_key.clicked.connect(self.new_recovery_key_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_passphrase)
        buttons.addWidget(self.new_recovery_key)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.remember)
        layout.addWidget(self.keychain_note)
        layout.addSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(
            look.note(
                _(
                    "Your recovery key cannot be shown again (CoachDesk keeps no copy); a new "
                    "one replaces it."
                )
            )
        )
        return box

    # -- loading --------------------------------------------------------------------------
    def _load(self) -> None:
        def settings(db: Any) -> tuple[NoteTemplate, PaperSize]:
            fields = profile.profile_fields(db)
            return NoteTemplate(fields.note_template), PaperSize(fields.paper_size)

        self.practice.read(settings, self._settings_loaded, parent=self)
        vault = self.practice.vault
        if vault is None:
            return
        if keychain.is_available():
            self.keychain_note.setText(_("It then opens without typing the passphrase."))
            self.practice.tasks.run(vault.is_remembered, self._remembered_loaded, self._failed)
        else:
            self.keychain_note.setText(
                _(
                    "Not available: this computer has no secure keychain, so the passphrase "
                    "alone opens the vault."
                )
            )

    def _settings_loaded(self, stored: tuple[NoteTemplate, PaperSize]) -> None:
        if not isValid(self):
            return
        self.stored = stored
        self.note_template.setCurrentIndex(self.note_template.findData(stored[0].value))
        self.paper.setCurrentIndex(self.paper.findData(stored[1].value))
        self.practice_box.setEnabled(True)

    def _remembered_loaded(self, remembered: bool) -> None:
        if not isValid(self):
            return
        self.remembered = remembered
        self.remember.setChecked(remembered)
        self.remember.setEnabled(True)

    # -- locking (a Lockable: settings are not typed text, so a lock only closes it) -------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        self.reject()  # the window's ``finished`` handler deletes it

    # -- saving ---------------------------------------------------------------------------
    def chosen(self) -> Preferences:
        """This computer's settings as chosen; fields the dialog does not show are kept."""
        return replace(
            self.current,
            theme=str(self.theme.currentData()),
            auto_lock_minutes=self.auto_lock.value(),
            clipboard_clear_seconds=self.clipboard.value(),
            backup_folder=self.backups.folder_choice(),
            backup_every_days=self.backups.every_days(),
        )

    def submit(self) -> None:
        """Store the vault's settings and the keychain choice, then close."""
        if self.saving:
            return
        self.saving = True
        self.ok_button.setEnabled(False)
        self._store_keychain()

    def _store_keychain(self) -> None:
        vault = self.practice.vault
        wanted = self.remember.isChecked()
        if vault is None or self.remembered is None or wanted == self.remembered:
            self._store_practice()
            return

        def work() -> None:
            if wanted:
                vault.remember_on_this_computer()
            else:
                vault.forget_on_this_computer()

        def done(_result: None) -> None:
            self.remembered = wanted
            self._store_practice()

        self.practice.tasks.run(work, done, self._failed)

    def _store_practice(self) -> None:
        if not isValid(self):
            return
        chosen = (
            NoteTemplate(self.note_template.currentData()),
            PaperSize(self.paper.currentData()),
        )
        if self.stored is None or chosen == self.stored:
            self.accept()
            return
        self.practice.write(
            lambda db: profile.update_practice_settings(db, *chosen),
            lambda _result: self.accept() if isValid(self) else None,
            self._failed,
            changes=kinds.PROFILE,
            parent=self,
        )

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self.ok_button.setEnabled(True)
        show_error(self, exc)
