"""The main window: navigation, menus and status bar around the views later issues add.

It holds navigation and the open vault, not business state. Locking closes the vault (its lock
file is released), hides the window and asks for the key again; unlocking reopens it.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

import coachdesk
from coachdesk.i18n import _
from coachdesk.ui import look
from coachdesk.ui.errors import show_error
from coachdesk.ui.tasks import Tasks
from coachdesk.ui.unlock_dialog import UnlockDialog
from coachdesk.ui.vault_page import VaultFacts, VaultPage, format_when, gather_facts
from coachdesk.vault import Vault

log = logging.getLogger(__name__)

GEOMETRY_KEY = "main_window/geometry"
# Views that later issues fill; listed so the coach sees where the product is going.
_COMING = (
    lambda: _("Today"),
    lambda: _("Clients"),
    lambda: _("Sessions"),
    lambda: _("Agreements"),
    lambda: _("Search"),
)


class MainWindow(QMainWindow):
    """The window of one open vault."""

    quit_requested = Signal()

    def __init__(self, vault: Vault, *, notice: str | None = None) -> None:
        super().__init__()
        self.vault: Vault | None = None
        self.facts: VaultFacts | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.tasks = Tasks(self)
        self.setWindowIcon(look.app_icon())
        self._build_actions()
        self._build_menus()
        self._build_body()
        self._build_status_bar()
        self._restore_geometry()
        self.set_vault(vault, notice=notice)

    # -- construction -----------------------------------------------------------------------
    def _action(self, text: str, shortcut: str | None, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.backup_action = self._action(_("&Back up now…"), "Ctrl+Shift+B", self.ask_backup)
        self.remember_action = self._action(
            _("&Remember on this computer"), None, self.toggle_remembered
        )
        self.remember_action.setCheckable(True)
        self.lock_action = self._action(_("&Lock"), "Ctrl+L", self.lock)
        self.quit_action = self._action(_("&Quit"), "Ctrl+Q", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action = self._action(_("&About CoachDesk"), None, self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.remember_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(_("&Help"))
        help_menu.addAction(self.about_action)

    def _build_body(self) -> None:
        self.nav = QListWidget()
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setIconSize(QSize(18, 18))
        self.nav.setFixedWidth(190)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet(
            "QListWidget { background: palette(window); padding: 12px 8px; outline: 0;"
            " border-right: 1px solid palette(mid); }"
            "QListWidget::item { padding: 7px 10px; border-radius: 6px; }"
            "QListWidget::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        for text in _COMING:
            item = QListWidgetItem(text(), self.nav)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setToolTip(_("Coming soon"))
        spacer = QListWidgetItem("", self.nav)
        spacer.setFlags(Qt.ItemFlag.NoItemFlags)
        spacer.setSizeHint(QSize(10, 16))
        self.pages = QStackedWidget()
        self.vault_page = VaultPage()
        self.vault_page.backup_button.clicked.connect(self.backup_action.trigger)
        self.vault_page.remember_button.clicked.connect(self.toggle_remembered)
        self.add_page(_("Vault"), self.vault_page)
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.setCurrentRow(self.nav.count() - 1)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(body)

    def add_page(self, title: str, page: QWidget) -> None:
        """Add a view to the navigation (later issues register theirs here)."""
        item = QListWidgetItem(title, self.nav)
        item.setData(Qt.ItemDataRole.UserRole, self.pages.addWidget(page))

    def _show_row(self, row: int) -> None:
        item = self.nav.item(row)
        index = item.data(Qt.ItemDataRole.UserRole) if item else None
        if index is not None:
            self.pages.setCurrentIndex(int(index))

    def _build_status_bar(self) -> None:
        self.status_name = QLabel()
        self.status_backup = QLabel()
        self.status_lock = QLabel()
        for label in (self.status_name, self.status_backup, self.status_lock):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)

    # -- the open vault ---------------------------------------------------------------------
    def set_vault(self, vault: Vault, *, notice: str | None = None) -> None:
        """Show ``vault``, refresh its facts and take today's automatic backup if due."""
        self.vault = vault
        self.setWindowTitle(_("{name} — CoachDesk").format(name=vault.name))
        self.status_name.setText(_("Vault: {name}").format(name=vault.name))
        self.status_lock.setText(_("Unlocked"))
        self.vault_page.show_vault(vault)
        for action in (self.backup_action, self.lock_action, self.remember_action):
            action.setEnabled(True)
        if notice:
            self.statusBar().showMessage(notice, 15000)
        self.refresh()
        self.tasks.run(vault.rolling_backup, self._auto_backup_done, self._auto_backup_failed)

    def refresh(self) -> None:
        if self.vault is not None:
            self.tasks.run(lambda v=self.vault: gather_facts(v), self._show_facts, self._failed)

    def _show_facts(self, facts: VaultFacts) -> None:
        self.facts = facts
        self.vault_page.show_facts(facts)
        self.status_backup.setText(
            _("Last backup: {when}").format(when=format_when(facts.last_backup))
        )
        self.remember_action.setVisible(facts.keychain_available)
        self.remember_action.setChecked(facts.remembered)

    def _auto_backup_done(self, path: Path | None) -> None:
        if path is not None:
            self.refresh()

    def _auto_backup_failed(self, exc: BaseException) -> None:
        log.warning("automatic backup failed", exc_info=exc)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # -- actions ----------------------------------------------------------------------------
    def ask_backup(self) -> None:
        if self.vault is None:
            return
        suggested = Path.home() / _("CoachDesk backup {day}.cdbackup").format(
            day=date.today().isoformat()
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Back up the vault"),
            str(suggested),
            _("CoachDesk backups (*.cdbackup)"),
        )
        if chosen:
            self.backup_to(Path(chosen))

    def backup_to(self, dest: Path) -> None:
        """Write a backup to ``dest`` on a worker; the status bar says where it went."""
        if self.vault is None:
            return
        self.backup_action.setEnabled(False)
        self.statusBar().showMessage(_("Backing up…"))
        self.tasks.run(lambda v=self.vault: v.backup(dest), self._backup_done, self._backup_failed)

    def _backup_done(self, path: Path) -> None:
        self.backup_action.setEnabled(True)
        self.statusBar().showMessage(_("Backup saved to {path}").format(path=path), 15000)
        self.refresh()

    def _backup_failed(self, exc: BaseException) -> None:
        self.backup_action.setEnabled(True)
        self.statusBar().clearMessage()
        self._failed(exc)

    def toggle_remembered(self) -> None:
        vault = self.vault
        if vault is None:
            return
        remembered = self.facts is not None and self.facts.remembered

        def work() -> None:
            if remembered:
                vault.forget_on_this_computer()
            else:
                vault.remember_on_this_computer()

        self.tasks.run(work, lambda _result: self.refresh(), self._failed)

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setIconPixmap(look.app_icon().pixmap(64, 64))
        box.setWindowTitle(_("About CoachDesk"))
        box.setText(f"<h3>CoachDesk {coachdesk.__version__}</h3>")
        box.setInformativeText(
            _(
                "A private, offline practice manager for independent coaches and mentors. "
                "Your data stays encrypted on this computer."
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- locking and closing ----------------------------------------------------------------
    def _close_vault(self) -> Path | None:
        """Finish running work, then close the vault; its callbacks are dropped."""
        if self.vault is None:
            return None
        self.tasks.wait()
        self.tasks.cancel_all()
        folder = self.vault.folder
        self.vault.close()
        self.vault = None
        return folder

    def lock(self) -> None:
        """Close the vault and hide the window until the key is given again."""
        self._save_geometry()
        folder = self._close_vault()
        if folder is None:
            return
        for action in (self.backup_action, self.lock_action, self.remember_action):
            action.setEnabled(False)
        self.status_lock.setText(_("Locked"))
        self.hide()
        dialog = UnlockDialog(folder, try_keychain=False, allow_other=False)
        dialog.accepted.connect(lambda: self._unlocked(dialog))
        dialog.rejected.connect(self.quit_requested.emit)
        self.unlock_dialog = dialog
        dialog.show()

    def _unlocked(self, dialog: UnlockDialog) -> None:
        self.unlock_dialog = None
        dialog.deleteLater()
        if dialog.vault is not None:
            self.set_vault(dialog.vault, notice=dialog.notice)
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._save_geometry()
        self._close_vault()
        event.accept()

    def _restore_geometry(self) -> None:
        geometry = look.settings().value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1040, 700)

    def _save_geometry(self) -> None:
        if self.isVisible():
            look.settings().setValue(GEOMETRY_KEY, self.saveGeometry())
