"""The first run: create the vault (``CreateVaultWizard``), then the coach's profile, then the
offer to explore a demo practice in a vault of its own.

It ends with ``vault`` open on the vault the coach chose: their own, or the demo (then their
own is closed again, and ``real_folder`` still names it so start-up remembers the real one).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.ui.features.profile.profile_dialog import save_profile
from coachdesk.ui.features.profile.profile_form import ProfileForm
from coachdesk.ui.features.vault.create_vault import CreateVaultWizard
from coachdesk.ui.features.vault.demo_offer import DemoOfferPage, create_demo
from coachdesk.ui.kit.errors import show_error, user_message
from coachdesk.ui.kit.local_defaults import local_defaults
from coachdesk.vault import DEFAULT_ARGON2, Argon2Params, NewVault, Vault

PROFILE_INDEX = 3
DEMO_INDEX = 4


class ProfilePage(QWidget):
    """The profile form as a wizard page: it may go on once nothing in it is wrong."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _("About you and your practice")
        self.subtitle = _(
            "This heads your agreements and reports. Fill in what you have; you can change "
            "it any time under Edit › Your profile."
        )
        self.form = ProfileForm(self)
        self.form.show_fields(local_defaults())
        self.form.edited.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)

    def ready(self) -> bool:
        return not self.form.problems()


class FirstRunWizard(CreateVaultWizard):
    """Folder, passphrase, recovery key, profile, demo offer."""

    def __init__(
        self,
        folder: Path | None = None,
        *,
        kdf: Argon2Params = DEFAULT_ARGON2,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(folder, kdf=kdf, parent=parent)
        self.real_folder: Path | None = None
        self.is_demo = False
        self._passphrase = ""  # kept only until the demo offer is answered
        self._closing = False  # closed on the profile page: save what was typed, then end
        self.profile_page = ProfilePage()
        self.demo_page = DemoOfferPage()
        for page in (self.profile_page, self.demo_page):
            self.pages.addWidget(page)
            page.changed.connect(self._update)
        self.setMinimumSize(880, 600)
        self.finished.connect(self._forget_passphrase)

    def _next_text(self, index: int) -> str:
        if index == 2:
            return _("Next")
        if index == PROFILE_INDEX:
            return _("Save and continue")
        if index == DEMO_INDEX:
            return _("Start using CoachDesk")
        return super()._next_text(index)

    def _focus_for(self, index: int) -> QWidget:
        if index == PROFILE_INDEX:
            return self.profile_page.form.inputs["name"]
        if index == DEMO_INDEX:
            return self.demo_page.own
        return super()._focus_for(index)

    def _create(self) -> None:
        self._passphrase = self.passphrase_page.passphrase()
        super()._create()

    def _created(self, result: tuple[NewVault, str | None]) -> None:
        super()._created(result)
        if self.vault is not None:
            self.real_folder = self.vault.folder
            self.demo_page.set_real_folder(self.vault.folder)

    def _forward(self, index: int) -> None:
        if index == 2:
            self._show(PROFILE_INDEX)
        elif index == PROFILE_INDEX:
            self._save_profile()
        elif self.demo_page.wants_demo():
            self._make_demo()
        else:
            self.accept()

    # -- the profile ------------------------------------------------------------------------
    def _save_profile(self) -> None:
        vault = self.vault
        assert vault is not None
        work = save_profile(self.profile_page.form)

        def job() -> None:
            with vault.session() as db, db.begin():
                work(db)

        self.profile_page.form.setEnabled(False)
        self._tasks.run(job, self._profile_saved, self._profile_failed)
        self._update()

    def _profile_saved(self, _result: None) -> None:
        self.profile_page.form.setEnabled(True)
        if self._closing:
            self.accept()
            return
        self._show(DEMO_INDEX)

    def _profile_failed(self, exc: BaseException) -> None:
        self._closing = False
        self.profile_page.form.setEnabled(True)
        self._update()
        if isinstance(exc, ValidationError):
            self.profile_page.form.show_all_problems(exc.fields)
        else:
            show_error(self, exc)

    def reject(self) -> None:
        """Closing on the profile page keeps what was typed there (when it is valid): the
        vault exists by then, so closing means "done", never "throw my details away"."""
        on_profile = self.pages.currentIndex() == PROFILE_INDEX
        form = self.profile_page.form
        typed = form.fields() != local_defaults() or form.logo_changed()
        if on_profile and typed and self.profile_page.ready() and not self._tasks.busy:
            self._closing = True
            self._save_profile()
            return
        super().reject()

    # -- the demo ---------------------------------------------------------------------------
    def _make_demo(self) -> None:
        folder, passphrase, kdf = self.demo_page.demo_folder, self._passphrase, self._kdf
        letterhead = self.profile_page.form.fields()
        today = date.today()
        self.demo_page.set_busy(True)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._tasks.run(
            lambda: create_demo(folder, passphrase, kdf, letterhead, today),
            self._demo_made,
            self._demo_failed,
        )
        self._update()

    def _demo_made(self, demo: Vault) -> None:
        self.unsetCursor()
        self.demo_page.set_busy(False)
        if self.vault is not None:
            self.vault.close()
        self.vault = demo
        self.is_demo = True
        self.notice = _(
            "This is the demo vault: the clients are made up. Your own vault is in {folder} "
            "and opens next time CoachDesk starts."
        ).format(folder=self.real_folder)
        self.accept()

    def _demo_failed(self, exc: BaseException) -> None:
        self.unsetCursor()
        self.demo_page.set_busy(False)
        self.demo_page.show_error(
            _("The demo could not be made: {reason} You can start with your own vault.").format(
                reason=user_message(exc)
            )
        )
        self._update()

    def _forget_passphrase(self) -> None:
        self._passphrase = ""
