"""The main window: navigation between the views, menus, status bar and the open vault.

It holds navigation and the open vault, not business state: views get the practice (the one
route to data) and ask for navigation through its signals. Locking, quitting and restoring a
backup (closing the vault without losing typed text) are ``Locking``'s.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget
from shiboken6 import isValid

from coachdesk.i18n import _
from coachdesk.logs import log_unexpected
from coachdesk.services.agreements.templates import ensure_builtin_templates
from coachdesk.services.backups import automatic_backup
from coachdesk.ui.features.agreements import AgreementsPage
from coachdesk.ui.features.backups import BackupsPage
from coachdesk.ui.features.clients.client_page import ClientPage
from coachdesk.ui.features.clients.clients_page import ClientsPage
from coachdesk.ui.features.credentials import CredentialsPage
from coachdesk.ui.features.money import MoneyPage
from coachdesk.ui.features.notes.editor import NotesEditor
from coachdesk.ui.features.preferences.preferences import Preferences, apply_theme
from coachdesk.ui.features.preferences.preferences_dialog import PreferencesDialog
from coachdesk.ui.features.questionnaires import QuestionnairesPage
from coachdesk.ui.features.retention.review_dialog import RetentionDialog
from coachdesk.ui.features.revenue.revenue_page import RevenuePage
from coachdesk.ui.features.search.search_page import SearchPage
from coachdesk.ui.features.sessions.sessions_page import SessionsPage
from coachdesk.ui.features.sponsors import SponsorsPage
from coachdesk.ui.features.today.today_page import TodayPage
from coachdesk.ui.features.vault.vault_page import VaultFacts, VaultPage, gather_facts
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.guards import ClipboardGuard, IdleWatcher
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.tasks import Tasks
from coachdesk.ui.shell import just_held, keychain, menus, window_geometry
from coachdesk.ui.shell.commands import Commands
from coachdesk.ui.shell.locking import Locking, LockKey
from coachdesk.ui.shell.navigation import Navigation
from coachdesk.ui.shell.progress_windows import ProgressWindows
from coachdesk.ui.shell.status_line import StatusLine
from coachdesk.vault import Vault

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The window of one open vault."""

    quit_requested = Signal()

    def __init__(self, vault: Vault, *, notice: str | None = None) -> None:
        super().__init__()
        self.vault: Vault | None = None
        self.facts: VaultFacts | None = None
        self.preferences_dialog: PreferencesDialog | None = None
        self.tasks = Tasks(self)
        self.practice = Practice(None, self)
        self.practice.zone_changed.connect(self._show_times)
        self.commands = Commands(self, self.practice, self._shown_client)
        self.progress_windows = ProgressWindows(self.practice, self)
        self.locking = Locking(self)
        self.preferences = Preferences.load()
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.locking.lock)
        self.clipboard = ClipboardGuard(self)
        self.setWindowIcon(look.app_icon())
        self._build_body()
        self.menu_actions = menus.build(self, self._handlers(), self.navigation.titles())
        self.lock_key = LockKey(self.menu_actions.lock, self)  # Ctrl+L from every window
        for item in self.menu_actions.views:
            item.triggered.connect(lambda _c=False, i=item: self.show_view(int(i.data())))
        self.status = StatusLine(self.statusBar())
        self._connect_navigation()
        window_geometry.restore(self)
        self.apply_preferences(self.preferences)
        self.set_vault(vault, notice=notice)

    # -- construction -----------------------------------------------------------------------
    def _build_body(self) -> None:
        p = self.practice
        self.today_page = TodayPage(p)
        self.retention: RetentionDialog | None = None
        self.clients_page = ClientsPage(p)
        self.client_page = ClientPage(p)
        self.clients_area = QStackedWidget()
        self.clients_area.addWidget(self.clients_page)
        self.clients_area.addWidget(self.client_page)
        self.sessions_page = SessionsPage(p)
        self.agreements_page = AgreementsPage(p)
        self.questionnaires_page = QuestionnairesPage(p)
        self.sponsors_page = SponsorsPage(p)
        self.money_page = MoneyPage(p)
        self.search_page = SearchPage(p)
        self.revenue_page = RevenuePage(p)
        self.credentials_page = CredentialsPage(p)
        self.backups_page = BackupsPage(p)
        self.backups_page.backed_up.connect(lambda _path: self.refresh_facts())
        self.backups_page.choice_changed.connect(self._backup_choice_changed)
        self.backups_page.restore_requested.connect(self.locking.restore)
        self.vault_page = VaultPage()
        self.vault_page.backup_button.clicked.connect(self.back_up_now)
        self.vault_page.remember_button.clicked.connect(lambda: keychain.toggle_remembered(self))
        self.navigation = Navigation(
            [
                (_("Today"), self.today_page),
                (_("Clients"), self.clients_area),
                (_("Sessions"), self.sessions_page),
                (_("Agreements"), self.agreements_page),
                (_("Money"), self.money_page),
                (_("Revenue"), self.revenue_page),
                (_("Credential"), self.credentials_page),
                (_("Sponsors"), self.sponsors_page),
                (_("Search"), self.search_page),
                (_("Questionnaires"), self.questionnaires_page),
                (_("Backups"), self.backups_page),
                (_("Vault"), self.vault_page),
            ]
        )
        self.navigation.shown.connect(self._view_shown)
        self.setCentralWidget(self.navigation)

    def _handlers(self) -> dict[str, object]:
        c, client = self.commands, self.client_page
        return {
            "new_client": self.new_client,
            "edit_client": self.edit_client,
            "new_engagement": lambda: self._with_client(client.new_engagement),
            "new_agreement": self.new_agreement,
            "new_goal": lambda: self._with_client(client.new_goal),
            "progress_report": self.progress_report,
            "follow_up": self.schedule_follow_up,
            "export_client": c.export_client,
            "new_session_notes": self.notes_for_session_just_held,
            "schedule_session": lambda: self.schedule_session(None),
            "export_calendar": c.export_calendar,
            "find": self.find,
            "profile": c.edit_profile,
            "templates": c.edit_templates,
            "preferences": self.edit_preferences,
            "import_clients": c.import_clients,
            "import_archive": c.import_archive,
            "export_everything": c.export_everything,
            "backup": self.back_up_now,
            "backup_to_file": self.back_up_to_file,
            "restore": lambda: self.show_page(self.backups_page),
            "remember": lambda: keychain.toggle_remembered(self),
            "lock": self.locking.lock,
            "quit": self.close,
            "getting_started": lambda: c.getting_started(self.menu_actions),
            "shortcuts": c.shortcuts,
            "where_is_my_data": lambda: c.where_is_my_data(self.facts),
            "about": c.about,
        }

    def _connect_navigation(self) -> None:
        self.practice.open_client.connect(self.open_client)
        self.practice.open_session_notes.connect(self.open_notes)
        self.practice.new_session_for.connect(lambda cid: self.schedule_session(cid or None))
        self.practice.questionnaires_for.connect(self.questionnaires_for)
        self.client_page.back_requested.connect(
            lambda: self.clients_area.setCurrentWidget(self.clients_page)
        )
        self.client_page.forgotten.connect(self.progress_windows.discard_all)
        self.today_page.retention_requested.connect(self.retention_review)
        self.client_page.erased.connect(
            lambda: self.statusBar().showMessage(_("Client erased; older backups still hold them."))
        )

    # -- navigation -------------------------------------------------------------------------
    def _view_shown(self, page: QWidget) -> None:
        if page is self.vault_page:
            self.refresh_facts()  # with the record counts, which only this view shows

    def show_view(self, index: int) -> None:
        self.navigation.show_index(index)

    def show_page(self, page: QWidget) -> None:
        self.navigation.show_page(page)

    def current_view(self) -> QWidget:
        return self.navigation.current()

    def open_client(self, client_id: int) -> None:
        self.show_view(1)
        self.clients_area.setCurrentWidget(self.client_page)
        self.client_page.show_client(client_id)

    def retention_review(self) -> RetentionDialog:
        """The one retention review window, raised if already open."""
        if self.retention is None or not isValid(self.retention):
            self.retention = RetentionDialog(self.practice, self)
            self.retention.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.retention.show()
        self.retention.raise_()
        return self.retention

    def questionnaires_for(self, client_id: int) -> None:
        self.show_page(self.questionnaires_page)
        self.questionnaires_page.for_client(client_id)

    def open_notes(self, session_id: int) -> None:
        """One editor per session: reopening raises the one already open."""
        NotesEditor.open_for(self.practice, session_id, self)

    def new_client(self) -> None:
        self.show_view(1)
        self.clients_area.setCurrentWidget(self.clients_page)
        self.clients_page.new_client()

    def edit_client(self) -> None:
        """Ctrl+E edits the client on screen; with none, it says so (it never starts a new one)."""
        self._with_client(self.client_page.edit_client)

    def find(self) -> None:
        if self.current_view() is self.clients_area:
            self.clients_area.setCurrentWidget(self.clients_page)
            self.clients_page.focus_filter()
            return
        self.show_page(self.search_page)
        self.search_page.focus_box()

    def _shown_client(self) -> tuple[int, str] | None:
        """The client whose page is on screen, for commands about "this client"."""
        page = self.client_page
        on_screen = self.clients_area.currentWidget() is page and page.view is not None
        if on_screen and page.view is not None:
            return page.view.client_id, page.view.client.display_name
        return None

    def _with_client(self, command: Callable[[], object]) -> None:
        if self._shown_client() is None:
            self.show_view(1)
            self.statusBar().showMessage(_("Open a client first, then try again."), 8000)
            return
        command()

    def new_agreement(self) -> None:
        self.show_page(self.agreements_page)
        self.agreements_page.new_agreement()

    def progress_report(self) -> None:
        shown = self._shown_client()
        self.progress_windows.progress_report(shown[0] if shown else None)

    def schedule_follow_up(self) -> None:
        shown = self._shown_client()
        self.progress_windows.schedule_follow_up(shown[0] if shown else None)

    def schedule_session(self, client_id: int | None) -> None:
        """Book over a client's page, whose sessions list shows the booking; from elsewhere the
        Sessions page comes forward (in the mode the coach left it, week or list)."""
        if self.current_view() is not self.clients_area:
            self.show_view(2)
        self.sessions_page.schedule_session(client_id)

    def notes_for_session_just_held(self) -> None:
        just_held.notes_for_session_just_held(
            self,
            self.practice,
            self.today_page,
            self.open_notes,
            lambda: self.schedule_session(None),
        )

    # -- the open vault ---------------------------------------------------------------------
    def set_vault(self, vault: Vault, *, notice: str | None = None) -> None:
        """Show ``vault``: load every view, take today's automatic backup if due."""
        self.vault = vault
        self.practice.set_vault(vault)
        self.practice.load_zone()
        self.setWindowTitle(_("{name} — CoachDesk").format(name=vault.name))
        self.status.show_vault(vault.name)
        self.vault_page.show_vault(vault)
        for action in self.menu_actions.needing_vault():
            action.setEnabled(True)
        if notice:
            self.statusBar().showMessage(notice, 15000)
        self.show_view(0)
        self.today_page.refresh()
        # the other views load when first shown: start-up stays quick
        for page in (self.clients_page, self.sessions_page, self.agreements_page, self.search_page):
            page.mark_stale()
        self.backups_page.mark_stale()
        self.sponsors_page.mark_stale()
        self.money_page.mark_stale()
        self.refresh_facts()
        self.idle.start(self.preferences.auto_lock_minutes)
        self.tasks.run(
            lambda v=vault: automatic_backup(v), self._auto_backup_done, self._auto_backup_failed
        )
        self.practice.write(
            ensure_builtin_templates, self._templates_stored, changes="", parent=self
        )

    def _templates_stored(self, created: list[int]) -> None:
        """Announce only when the vault had lacked them: a change notice reloads views."""
        if created:
            self.practice.changed.emit(kinds.AGREEMENTS)

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
        self._show_times()
        self.menu_actions.remember.setVisible(facts.keychain_available)
        self.menu_actions.remember.setChecked(facts.remembered)

    def _show_times(self) -> None:
        """The last backup in the coach's zone: again whenever that zone changes."""
        if self.facts is not None:
            self.vault_page.show_facts(self.facts, self.practice.zone)
            self.status.show_facts(self.facts, self.practice.zone)

    def _auto_backup_done(self, path: Path | None) -> None:
        if path is not None:
            self.refresh_facts()

    def _auto_backup_failed(self, exc: BaseException) -> None:
        log_unexpected(log, "automatic backup failed", exc)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # -- backups ----------------------------------------------------------------------------
    def back_up_now(self) -> None:
        """Into the chosen backup folder, with progress and Cancel, on the Backups view."""
        self.show_page(self.backups_page)
        self.backups_page.back_up_now()

    def back_up_to_file(self) -> None:
        self.show_page(self.backups_page)
        self.backups_page.back_up_to_file()

    def _backup_choice_changed(self) -> None:
        self.preferences = Preferences.load()
        self.refresh_facts()

    # -- actions ----------------------------------------------------------------------------
    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(self.preferences, self.practice, self)
        dialog.accepted.connect(lambda: self._preferences_chosen(dialog))
        dialog.finished.connect(self._preferences_closed)
        dialog.passphrase_change_requested.connect(lambda: self.commands.change_passphrase(dialog))
        dialog.new_recovery_key_requested.connect(lambda: self.commands.new_recovery_key(dialog))
        self.preferences_dialog = dialog
        dialog.open()

    def _preferences_closed(self) -> None:
        dialog, self.preferences_dialog = self.preferences_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _preferences_chosen(self, dialog: PreferencesDialog) -> None:
        self.preferences = dialog.chosen()
        self.preferences.save()
        self.apply_preferences(self.preferences)
        self.backups_page.mark_stale()
        self.refresh_facts()  # the keychain choice or the backup folder may have changed

    def apply_preferences(self, chosen: Preferences) -> None:
        apply_theme(chosen.theme)
        self.clipboard.seconds = chosen.clipboard_clear_seconds
        if self.vault is not None:
            self.idle.start(chosen.auto_lock_minutes)

    # -- closing --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.locking.may_quit():
            event.ignore()
            return
        window_geometry.save(self)
        self.locking.close_vault()
        event.accept()
