"""The main window: navigation between the views, menus, status bar, and locking.

It holds navigation and the open vault, not business state: views get the practice (the one
route to data) and ask for navigation through its signals. Locking keeps unsaved notes as
encrypted drafts, clears every view, closes the vault (no database handle stays open), hides
the window and asks for the key again.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
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
from coachdesk.logs import log_unexpected
from coachdesk.services import sessions
from coachdesk.ui import look, menus
from coachdesk.ui.clients.client_dialog import ClientDialog
from coachdesk.ui.clients.client_page import ClientPage
from coachdesk.ui.clients.clients_page import ClientsPage
from coachdesk.ui.errors import show_error
from coachdesk.ui.guards import ClipboardGuard, IdleWatcher
from coachdesk.ui.notes.editor import NotesEditor
from coachdesk.ui.pdf_files import remove_viewer_files
from coachdesk.ui.practice import Practice
from coachdesk.ui.preferences import Preferences, PreferencesDialog, apply_theme
from coachdesk.ui.search_page import SearchPage
from coachdesk.ui.sessions.sessions_page import SessionsPage
from coachdesk.ui.tasks import Tasks
from coachdesk.ui.today_page import TodayPage
from coachdesk.ui.unlock_dialog import UnlockDialog
from coachdesk.ui.vault_page import VaultFacts, VaultPage, format_when, gather_facts
from coachdesk.vault import Vault

log = logging.getLogger(__name__)

GEOMETRY_KEY = "main_window/geometry"
JUST_HAPPENED = timedelta(hours=12)


class MainWindow(QMainWindow):
    """The window of one open vault."""

    quit_requested = Signal()

    def __init__(self, vault: Vault, *, notice: str | None = None) -> None:
        super().__init__()
        self.vault: Vault | None = None
        self.facts: VaultFacts | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.tasks = Tasks(self)
        self.practice = Practice(None, self)
        self.preferences = Preferences.load()
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self.clipboard = ClipboardGuard(self)
        self.setWindowIcon(look.app_icon())
        self._build_body()
        self.actions = menus.build(self, self._handlers(), [t for t, _p in self._views])
        for item in self.actions.views:
            item.triggered.connect(lambda _c=False, i=item: self.show_view(int(i.data())))
        self._build_status_bar()
        self._connect_navigation()
        self._restore_geometry()
        self.apply_preferences(self.preferences)
        self.set_vault(vault, notice=notice)

    # -- construction -----------------------------------------------------------------------
    def _build_body(self) -> None:
        p = self.practice
        self.today_page = TodayPage(p)
        self.clients_page = ClientsPage(p)
        self.client_page = ClientPage(p)
        self.clients_area = QStackedWidget()
        self.clients_area.addWidget(self.clients_page)
        self.clients_area.addWidget(self.client_page)
        self.sessions_page = SessionsPage(p)
        self.search_page = SearchPage(p)
        self.vault_page = VaultPage()
        self.vault_page.backup_button.clicked.connect(self.ask_backup)
        self.vault_page.remember_button.clicked.connect(self.toggle_remembered)
        self._views: list[tuple[str, QWidget]] = [
            (_("Today"), self.today_page),
            (_("Clients"), self.clients_area),
            (_("Sessions"), self.sessions_page),
            (_("Search"), self.search_page),
            (_("Vault"), self.vault_page),
        ]
        self.nav = QListWidget()
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setFixedWidth(190)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet(
            "QListWidget { background: palette(window); padding: 12px 8px; outline: 0;"
            " border-right: 1px solid palette(mid); }"
            "QListWidget::item { padding: 7px 10px; border-radius: 6px; }"
            "QListWidget::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        self.pages = QStackedWidget()
        for title, page in self._views:
            QListWidgetItem(title, self.nav)
            self.pages.addWidget(page)
        agreements = QListWidgetItem(_("Agreements"))
        agreements.setFlags(Qt.ItemFlag.NoItemFlags)
        agreements.setToolTip(_("Coming in the next version"))
        self.nav.insertItem(3, agreements)
        self.nav.currentRowChanged.connect(self._nav_changed)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(body)

    def _handlers(self) -> dict[str, object]:
        return {
            "new_client": self.new_client,
            "edit_client": self.edit_client,
            "new_session_notes": self.notes_for_session_just_held,
            "schedule_session": lambda: self.schedule_session(None),
            "find": self.find,
            "backup": self.ask_backup,
            "remember": self.toggle_remembered,
            "preferences": self.edit_preferences,
            "lock": self.lock,
            "quit": self.close,
            "where_is_my_data": self.show_where_is_my_data,
            "about": self.show_about,
        }

    def _build_status_bar(self) -> None:
        self.status_name = QLabel()
        self.status_backup = QLabel()
        self.status_lock = QLabel()
        for label in (self.status_name, self.status_backup, self.status_lock):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)

    def _connect_navigation(self) -> None:
        self.practice.open_client.connect(self.open_client)
        self.practice.open_session_notes.connect(self.open_notes)
        self.practice.new_session_for.connect(lambda cid: self.schedule_session(cid or None))
        self.client_page.back_requested.connect(
            lambda: self.clients_area.setCurrentWidget(self.clients_page)
        )

    # -- navigation -------------------------------------------------------------------------
    def _nav_changed(self, row: int) -> None:
        index = row if row < 3 else row - 1  # the disabled Agreements item sits at row 3
        if 0 <= index < self.pages.count():
            self.pages.setCurrentIndex(index)
            if self.current_view() is self.vault_page:
                self.refresh_facts()

    def show_view(self, index: int) -> None:
        self.nav.setCurrentRow(index if index < 3 else index + 1)

    def current_view(self) -> QWidget:
        return self.pages.currentWidget()

    def open_client(self, client_id: int) -> None:
        self.show_view(1)
        self.clients_area.setCurrentWidget(self.client_page)
        self.client_page.show_client(client_id)

    def open_notes(self, session_id: int) -> None:
        """One editor per session: reopening raises the one already open."""
        NotesEditor.open_for(self.practice, session_id, self)

    def new_client(self) -> None:
        self.show_view(1)
        self.clients_area.setCurrentWidget(self.clients_page)
        self.clients_page.new_client()

    def edit_client(self) -> None:
        if self.clients_area.currentWidget() is self.client_page:
            self.client_page.edit_client()
        else:
            self.new_client()

    def find(self) -> None:
        if self.current_view() is self.clients_area:
            self.clients_area.setCurrentWidget(self.clients_page)
            self.clients_page.focus_filter()
            return
        self.show_view(3)
        self.search_page.focus_box()

    def schedule_session(self, client_id: int | None) -> None:
        self.show_view(2)
        self.sessions_page.schedule_session(client_id)

    def notes_for_session_just_held(self) -> None:
        """The selected session on Today, else the latest one that started in the last hours."""
        chosen = self.today_page.selected_session_id()
        if chosen is not None:
            self.open_notes(chosen)
            return
        now = datetime.now(UTC)

        def latest(db: object) -> int | None:
            rows = sessions.list_sessions(
                db,
                start=now - JUST_HAPPENED,
                end=now,
                newest_first=True,
                limit=1,  # type: ignore[arg-type]
            )
            return rows[0].id if rows else None

        self.practice.read(latest, self._just_held, parent=self)

    def _just_held(self, session_id: int | None) -> None:
        if session_id is None:
            self.statusBar().showMessage(_("No session started in the last hours."), 6000)
            self.schedule_session(None)
        else:
            self.open_notes(session_id)

    # -- the open vault ---------------------------------------------------------------------
    def set_vault(self, vault: Vault, *, notice: str | None = None) -> None:
        """Show ``vault``: load every view, take today's automatic backup if due."""
        self.vault = vault
        self.practice.set_vault(vault)
        self.practice.load_zone()
        self.setWindowTitle(_("{name} — CoachDesk").format(name=vault.name))
        self.status_name.setText(_("Vault: {name}").format(name=vault.name))
        self.status_lock.setText(_("Unlocked"))
        self.vault_page.show_vault(vault)
        for action in (self.actions.backup, self.actions.lock, self.actions.remember):
            action.setEnabled(True)
        if notice:
            self.statusBar().showMessage(notice, 15000)
        self.show_view(0)
        self.today_page.refresh()
        for page in self._pages()[1:]:  # the others load when first shown: start-up stays quick
            page.mark_stale()
        self.refresh_facts()
        self.idle.start(self.preferences.auto_lock_minutes)
        self.tasks.run(vault.rolling_backup, self._auto_backup_done, self._auto_backup_failed)

    def _pages(self) -> list[TodayPage | ClientsPage | SessionsPage | SearchPage]:
        return [self.today_page, self.clients_page, self.sessions_page, self.search_page]

    def refresh_facts(self) -> None:
        """Status-bar facts; the record counts too only while the Vault view is shown, since
        counting scans every table (seconds at 200,000 sessions)."""
        if self.vault is not None:
            counts = self.current_view() is self.vault_page
            self.tasks.run(
                lambda v=self.vault: gather_facts(v, counts=counts), self._show_facts, self._failed
            )

    def _show_facts(self, facts: VaultFacts) -> None:
        self.facts = facts
        self.vault_page.show_facts(facts)
        stale = facts.last_backup is None or (
            datetime.now(UTC) - facts.last_backup > timedelta(days=7)
        )
        text = _("Last backup: {when}").format(when=format_when(facts.last_backup))
        self.status_backup.setText(text)
        self.status_backup.setStyleSheet(look.ERROR_STYLE if stale else "")
        self.actions.remember.setVisible(facts.keychain_available)
        self.actions.remember.setChecked(facts.remembered)

    def _auto_backup_done(self, path: Path | None) -> None:
        if path is not None:
            self.refresh_facts()

    def _auto_backup_failed(self, exc: BaseException) -> None:
        log_unexpected(log, "automatic backup failed", exc)
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
            self, _("Back up the vault"), str(suggested), _("CoachDesk backups (*.cdbackup)")
        )
        if chosen:
            self.backup_to(Path(chosen))

    def backup_to(self, dest: Path) -> None:
        """Write a backup to ``dest`` on a worker; the status bar says where it went."""
        if self.vault is None:
            return
        self.actions.backup.setEnabled(False)
        self.statusBar().showMessage(_("Backing up…"))
        self.tasks.run(lambda v=self.vault: v.backup(dest), self._backup_done, self._backup_failed)

    def _backup_done(self, path: Path) -> None:
        self.actions.backup.setEnabled(True)
        self.statusBar().showMessage(_("Backup saved to {path}").format(path=path), 15000)
        self.refresh_facts()

    def _backup_failed(self, exc: BaseException) -> None:
        self.actions.backup.setEnabled(True)
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

        self.tasks.run(work, lambda _result: self.refresh_facts(), self._failed)

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(self.preferences, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.preferences = dialog.chosen()
            self.preferences.save()
            self.apply_preferences(self.preferences)

    def apply_preferences(self, chosen: Preferences) -> None:
        apply_theme(chosen.theme)
        self.clipboard.seconds = chosen.clipboard_clear_seconds
        if self.vault is not None:
            self.idle.start(chosen.auto_lock_minutes)

    def show_where_is_my_data(self) -> None:
        folder = self.vault.folder if self.vault else None
        when = format_when(self.facts.last_backup) if self.facts else _("never")
        box = QMessageBox(self)
        box.setWindowTitle(_("Where is my data?"))
        box.setText(_("Your practice is kept in the vault folder {folder}.").format(folder=folder))
        box.setInformativeText(
            _(
                "Everything in it is encrypted (AES-256): the database, its journal and the "
                "backups. Only your passphrase or your recovery key can open it. Last backup: "
                "{when}. Automatic backups are in the folder's 'backups' subfolder."
            ).format(when=when)
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

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
        """Keep unsaved notes as drafts, clear the views, finish work, then close the vault."""
        if self.vault is None:
            return None
        for editor in NotesEditor.all_open():
            editor.keep_draft()
            editor.close()
        for page in self._pages():
            page.clear()
        self.client_page.clear()
        self.clients_area.setCurrentWidget(self.clients_page)
        self.clipboard.clear_now()
        remove_viewer_files()  # copies opened in a PDF viewer leave with the vault
        self.idle.stop()
        self.practice.finish()
        self.tasks.wait()
        self.tasks.cancel_all()
        self.practice.set_vault(None)
        folder = self.vault.folder
        self.vault.close()
        self.vault = None
        return folder

    def lock(self) -> None:
        """Close the vault and hide the window until the key is given again; never at the
        price of typed notes: if a draft cannot be kept, the vault stays open and says so."""
        for editor in NotesEditor.all_open():
            if not editor.keep_draft():
                self._not_locked(_("Not locked: open session notes could not be kept as a draft."))
                return
        typing = [d for d in self.findChildren(ClientDialog) if d.isVisible()]
        if any(dialog.has_unsaved_input() for dialog in typing):
            self._not_locked(_("Not locked: save or cancel the client form you are filling in."))
            return
        self._save_geometry()
        folder = self._close_vault()
        if folder is None:
            return
        for action in (self.actions.backup, self.actions.lock, self.actions.remember):
            action.setEnabled(False)
        self.status_lock.setText(_("Locked"))
        self.hide()
        dialog = UnlockDialog(folder, try_keychain=False, allow_other=False)
        dialog.accepted.connect(lambda: self._unlocked(dialog))
        dialog.rejected.connect(self.quit_requested.emit)
        self.unlock_dialog = dialog
        dialog.show()

    def _not_locked(self, message: str) -> None:
        """Typed input has no draft to keep: say why the vault stays open, try again later."""
        self.statusBar().showMessage(message, 30000)
        self.idle.start(self.preferences.auto_lock_minutes)

    def _unlocked(self, dialog: UnlockDialog) -> None:
        self.unlock_dialog = None
        dialog.deleteLater()
        if dialog.vault is not None:
            self.set_vault(dialog.vault, notice=dialog.notice)
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        for editor in NotesEditor.all_open():
            if not editor.close():
                event.ignore()
                return
        self._save_geometry()
        self._close_vault()
        event.accept()

    def _restore_geometry(self) -> None:
        geometry = look.settings().value(GEOMETRY_KEY)
        if not isinstance(geometry, QByteArray) or not self.restoreGeometry(geometry):
            self.resize(QSize(1180, 760))

    def _save_geometry(self) -> None:
        if self.isVisible():
            look.settings().setValue(GEOMETRY_KEY, self.saveGeometry())
