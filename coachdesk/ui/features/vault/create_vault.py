"""Creating a vault: where it lives, its passphrase, and the recovery key the coach must keep.

The recovery key is shown once and never stored, so the last page cannot be finished (or closed)
until the coach confirms they have put it somewhere safe.

A plain dialog with stacked pages rather than a QWizard: the create step runs on a worker and
closing must be refused until the key is kept, which QWizard makes awkward; and pages that only
emit ``changed`` need no Python overrides of Qt virtuals (``isComplete`` is called constantly).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk import paths
from coachdesk.documents.data import RecoverySheetData
from coachdesk.i18n import _
from coachdesk.ui.features.vault.folders import new_vault_problem, suggest_new_vault_folder
from coachdesk.ui.features.vault.passphrase_page import PassphrasePage, create_vault
from coachdesk.ui.features.vault.recovery_key_page import RecoveryKeyPage
from coachdesk.ui.kit import look
from coachdesk.ui.kit.errors import user_message
from coachdesk.ui.kit.local_defaults import local_defaults
from coachdesk.ui.kit.tasks import Tasks
from coachdesk.vault import DEFAULT_ARGON2, Argon2Params, NewVault, Vault

log = logging.getLogger(__name__)


class FolderPage(QWidget):
    """Where the vault goes: the default folder, or one the coach picks."""

    changed = Signal()

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _("Where to keep your vault")
        self.subtitle = _(
            "Your vault is one folder that holds your practice, encrypted. "
            "CoachDesk makes a backup of it inside that folder every day."
        )
        self.path = QLineEdit(str(folder))
        self.path.textChanged.connect(self._check)
        choose = QPushButton(_("Choose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        look.tint(self.problem, look.Colour.DANGER)
        label = QLabel(_("&Folder"))
        label.setBuddy(self.path)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.SPACING)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(
            look.note(
                _(
                    "To keep copies elsewhere too (an external drive, a USB stick), "
                    "use File › Back up now… once the vault is open."
                )
            )
        )
        self._check()

    def folder(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, _("Choose a folder for your vault"), str(self.folder().parent)
        )
        if chosen:
            self.path.setText(str(suggest_new_vault_folder(Path(chosen))))

    def _problem(self) -> str | None:
        if not self.path.text().strip():
            return _("Choose a folder.")
        return new_vault_problem(self.folder())

    def _check(self) -> None:
        self.problem.setText(self._problem() or "")
        self.changed.emit()

    def ready(self) -> bool:
        return self._problem() is None


class CreateVaultWizard(QDialog):
    """Folder, passphrase, recovery key. On success ``vault`` holds the new, open vault."""

    def __init__(
        self,
        folder: Path | None = None,
        *,
        kdf: Argon2Params = DEFAULT_ARGON2,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.notice: str | None = None
        self._kdf = kdf
        self._tasks = Tasks(self)
        self.setWindowTitle(_("Create a vault — CoachDesk"))
        self.setWindowIcon(look.app_icon())
        self.setMinimumSize(620, 500)
        self.folder_page = FolderPage(folder or paths.default_vault_dir())
        self.passphrase_page = PassphrasePage()
        self.recovery_page = RecoveryKeyPage()
        self.pages = QStackedWidget()
        for page in (self.folder_page, self.passphrase_page, self.recovery_page):
            self.pages.addWidget(page)
            page.changed.connect(self._update)
        self._build()
        self.finished.connect(self.recovery_page.wipe)
        self._show(0)

    def _build(self) -> None:
        self.title = look.heading(" ", scale=1.3)
        self.subtitle = look.note(" ")
        icon = QLabel()
        icon.setPixmap(look.app_icon().pixmap(44, 44))
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addWidget(self.title)
        words.addWidget(self.subtitle)
        header = QHBoxLayout()
        header.addLayout(words, 1)
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.back_button = QPushButton(_("Back"))
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(look.SPACING + 4)
        layout.addLayout(header)
        layout.addWidget(rule)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.next_button.setDefault(True)

    # -- navigation -------------------------------------------------------------------------
    def current(self) -> QWidget:
        return self.pages.currentWidget()

    def _show(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        page = self.pages.currentWidget()
        self.title.setText(page.title)  # type: ignore[union-attr]  # every page has one
        self.subtitle.setText(page.subtitle)  # type: ignore[union-attr]  # every page has one
        self.next_button.setText(self._next_text(index))
        self.back_button.setVisible(index == 1)
        self.cancel_button.setVisible(index < 2)
        self._focus_for(index).setFocus()
        self._update()

    def _next_text(self, index: int) -> str:
        """The label of the forward button on page ``index`` (pages added later extend it)."""
        return (_("Next"), _("Create vault"), _("Start using CoachDesk"))[index]

    def _focus_for(self, index: int) -> QWidget:
        return (self.folder_page.path, self.passphrase_page.first, self.recovery_page.confirm)[
            index
        ]

    def _update(self) -> None:
        busy = self._tasks.busy
        self.next_button.setEnabled(not busy and self.current().ready())  # type: ignore[attr-defined]
        self.back_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def next(self) -> None:
        """Go on: to the passphrase, create the vault, or finish once the key is kept."""
        index = self.pages.currentIndex()
        if self._tasks.busy or not self.current().ready():  # type: ignore[attr-defined]
            return
        if index == 0:
            self._show(1)
        elif index == 1:
            self._create()
        else:
            self._forward(index)

    def _forward(self, index: int) -> None:
        """Past the recovery key: done here; the first-run wizard goes on to more pages."""
        self.accept()

    def back(self) -> None:
        if self.pages.currentIndex() == 1 and not self._tasks.busy:
            self._show(0)

    # -- creating ---------------------------------------------------------------------------
    def _create(self) -> None:
        page = self.passphrase_page
        folder, passphrase, kdf = self.folder_page.folder(), page.passphrase(), self._kdf
        remember = page.wants_remember()
        page.set_busy(True)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._tasks.run(
            lambda: create_vault(folder, passphrase, kdf, remember), self._created, self._failed
        )
        self._update()

    def _created(self, result: tuple[NewVault, str | None]) -> None:
        created, self.notice = result
        self.unsetCursor()
        self.vault = created.vault
        self.passphrase_page.set_busy(False)
        self.passphrase_page.wipe()
        sheet = RecoverySheetData(
            vault_name=self.vault.name,
            vault_id=self.vault.vault_id,
            recovery_key=created.recovery_key,
            created_on=date.today(),
            paper_size=local_defaults().paper_size.value,
        )
        self.recovery_page.show_key(created.recovery_key, sheet)
        self._show(2)

    def _failed(self, exc: BaseException) -> None:
        self.unsetCursor()
        self.passphrase_page.set_busy(False)
        self.passphrase_page.show_error(user_message(exc))
        self._update()

    def reject(self) -> None:
        """Cancel before creating; once created, closing means done, after the key is kept."""
        if self._tasks.busy:
            return
        if self.vault is not None:
            if self.recovery_page.ready():
                self.accept()
            else:
                self.recovery_page.remind()
            return
        super().reject()
