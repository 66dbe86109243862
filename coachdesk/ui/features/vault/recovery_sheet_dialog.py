"""Make a new recovery key: the honest way to "print the recovery sheet again".

The recovery key was shown once and never stored (only a slot wrapped under it is), so it cannot
be shown again. After the passphrase is confirmed, a new recovery slot replaces the old one; the
new key is shown once, with its printable sheet, and the old key stops opening this vault.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk.documents.data import RecoverySheetData
from coachdesk.errors import WrongPassphrase
from coachdesk.i18n import _
from coachdesk.model import PaperSize
from coachdesk.services.people import profile
from coachdesk.ui.features.vault.recovery_key_page import RecoveryKeyPage
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.tasks import Tasks


def _paper_size(db: Any) -> PaperSize:
    return PaperSize(profile.profile_fields(db).paper_size)


class NewRecoveryKeyDialog(QDialog):
    """Confirm the passphrase, then show the new key; closing waits until it is kept."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lockable.register(self)
        assert practice.vault is not None, "only for an open vault"
        self.vault = practice.vault
        self.paper = PaperSize.A4
        self._tasks = Tasks(self)
        self.setWindowTitle(_("New recovery key"))
        self.setMinimumSize(600, 430)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._confirm_page())
        self.key_page = RecoveryKeyPage()
        self.key_page.changed.connect(self._update)
        self.pages.addWidget(self.key_page)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.make_button = self.buttons.addButton(
            _("Make a new recovery key"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.done_button = self.buttons.addButton(_("Done"), QDialogButtonBox.ButtonRole.YesRole)
        self.make_button.clicked.connect(self.make_key)
        self.done_button.clicked.connect(self.finish)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(look.heading(_("Make a new recovery key"), scale=1.25))
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.finished.connect(self.key_page.wipe)
        self._update()
        practice.read(_paper_size, self._paper, parent=self)

    def _confirm_page(self) -> QWidget:
        page = QWidget()
        explain = QLabel(
            _(
                "Your recovery key cannot be shown again: CoachDesk never keeps a copy of it. "
                "Instead, you can make a new one and print it."
            ),
            wordWrap=True,
        )
        warning = QLabel(
            _(
                "<b>The old recovery key will stop opening this vault.</b> Backups made before "
                "now keep the key they were made with, so keep the old sheet for as long as "
                "you keep those backups."
            ),
            wordWrap=True,
        )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.textChanged.connect(self._edited)
        self.passphrase.returnPressed.connect(self.make_key)
        self.message = QLabel()
        look.tint(self.message, look.Colour.DANGER)
        self.message.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("Your &passphrase"), self.passphrase)
        form.addRow("", self.message)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.SPACING)
        layout.addWidget(explain)
        layout.addWidget(warning)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        return page

    def _paper(self, paper: PaperSize) -> None:
        self.paper = paper

    def _edited(self) -> None:
        self.message.clear()
        self._update()

    def _update(self) -> None:
        busy = self._tasks.busy
        confirming = self.pages.currentIndex() == 0
        self.make_button.setVisible(confirming)
        self.make_button.setEnabled(not busy and bool(self.passphrase.text()))
        self.passphrase.setEnabled(not busy)
        self.busy.setVisible(busy)
        self.cancel_button.setVisible(confirming)
        self.cancel_button.setEnabled(not busy)
        self.done_button.setVisible(not confirming)
        self.done_button.setEnabled(self.key_page.ready())

    def make_key(self) -> None:
        if self._tasks.busy or not self.passphrase.text():
            return
        vault, passphrase = self.vault, self.passphrase.text()
        self._tasks.run(lambda: vault.new_recovery_key(passphrase), self._made, self._failed)
        self._update()

    def _made(self, recovery_key: str) -> None:
        if not isValid(self):
            return
        self.passphrase.clear()
        sheet = RecoverySheetData(
            vault_name=self.vault.name,
            vault_id=self.vault.vault_id,
            recovery_key=recovery_key,
            created_on=date.today(),
            paper_size=self.paper.value,
        )
        self.key_page.show_key(recovery_key, sheet)
        self.pages.setCurrentIndex(1)
        self.key_page.confirm.setFocus()
        self._update()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._update()
        if isinstance(exc, WrongPassphrase):
            self.message.setText(exc.message)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        else:
            show_error(self, exc)

    def key_not_yet_kept(self) -> bool:
        """The new key is on screen and not confirmed as written down: the old key is already
        gone, so closing now would leave a key nobody knows."""
        return self.pages.currentIndex() == 1 and not self.key_page.ready()

    # -- locking (a Lockable: the lock waits until the new key is written down) -----------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        """Also while the key is being made: once it is, the old key no longer works."""
        if self.isVisible() and (self._tasks.busy or self.key_not_yet_kept()):
            return _("Not locked: write down the new recovery key first.")
        return None

    def wipe_for_lock(self) -> None:
        """Forget the typed passphrase, then close (not ``reject``: that waits for the key to
        be kept); closing wipes the key shown."""
        self.passphrase.clear()
        self.done(QDialog.DialogCode.Rejected.value)

    def finish(self) -> None:
        if self.key_page.ready():
            self.accept()
        else:
            self.key_page.remind()

    def reject(self) -> None:
        """Cancel before the new key is made; after, only once it is kept (the old key is
        already gone, so this one must not be lost)."""
        if self._tasks.busy:
            return
        if self.pages.currentIndex() == 1:
            self.finish()
            return
        self.passphrase.clear()
        super().reject()
