"""The menu commands that open a dialog rather than a view: import, export, profile, templates,
and the vault's keys that the preferences ask for.

The main window keeps navigation; this keeps the dialogs it starts, so that a lock closes every
one (none may keep client text on screen once the vault is closed). A dialog holding typed text
is a ``Lockable`` of its own and makes the lock wait itself. Each dialog module is imported when
first asked for: start-up loads none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from coachdesk.i18n import ngettext
from coachdesk.services.backups import current_choice
from coachdesk.ui.features.vault.vault_page import VaultFacts
from coachdesk.ui.kit import lockable
from coachdesk.ui.kit.practice import Practice

if TYPE_CHECKING:
    from coachdesk.ui.features.vault.passphrase_change import ChangePassphraseDialog
    from coachdesk.ui.features.vault.recovery_sheet_dialog import NewRecoveryKeyDialog
    from coachdesk.ui.shell.menus import Actions

ShownClient = Callable[[], tuple[int, str] | None]
D = TypeVar("D", bound=QDialog)


class Commands(QObject):
    """Opens the window's dialogs and remembers them until they close (a ``Lockable``)."""

    def __init__(self, window: QMainWindow, practice: Practice, shown_client: ShownClient) -> None:
        super().__init__(window)
        self.window = window
        self.practice = practice
        self.shown_client = shown_client
        self._open: list[QDialog] = []
        lockable.register(self)

    def open_dialogs(self) -> list[QDialog]:
        return list(self._open)

    # -- locking ----------------------------------------------------------------------------
    def keep_as_draft(self) -> bool:
        return True  # a dialog holding typed text answers for itself

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        """Every dialog goes, with whatever client text it showed."""
        for dialog in self.open_dialogs():
            discard = getattr(dialog, "discard", None)
            if discard is not None:
                discard()
            dialog.hide()  # not reject(): a dialog may refuse that while its work runs
            dialog.deleteLater()
        self._open.clear()

    def _show(self, dialog: D, *, modal: bool = True) -> D:
        self._open.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        if modal:
            dialog.open()
        else:  # a working window beside the main one (the template editor)
            dialog.show()
        return dialog

    def _single(self, kind: type[QDialog]) -> QDialog | None:
        """The open dialog of ``kind``, raised, so a second request does not open another."""
        for dialog in self._open:
            if isinstance(dialog, kind) and dialog.isVisible():
                dialog.raise_()
                dialog.activateWindow()
                return dialog
        return None

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self._open:
            self._open.remove(dialog)
            dialog.deleteLater()

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 15000)

    # -- data in and out --------------------------------------------------------------------
    def import_clients(self) -> None:
        from coachdesk.ui.features.exchange.contacts_import_dialog import ImportDialog

        dialog = ImportDialog(self.practice, self.window)
        dialog.imported.connect(self._imported)
        self._show(dialog)
        dialog.choose_file()

    def _imported(self, count: int) -> None:
        self._say(ngettext("Imported {n} client.", "Imported {n} clients.", count).format(n=count))

    def import_archive(self) -> None:
        from coachdesk.ui.features.exchange.archive_import_dialog import ImportDialog

        self._show(ImportDialog(self.practice, self.window))

    def export_everything(self) -> None:
        from coachdesk.ui.features.exchange.export_dialog import ExportDialog

        self._show(ExportDialog(self.practice, parent=self.window))

    def export_client(self) -> None:
        """The shown client's data (what a client may ask for); all of it when none is shown."""
        from coachdesk.ui.features.exchange.export_dialog import ExportDialog

        shown = self.shown_client()
        if shown is None:
            self.export_everything()
            return
        client_id, name = shown
        self._show(
            ExportDialog(self.practice, client_id=client_id, client_name=name, parent=self.window)
        )

    def export_calendar(self) -> None:
        from coachdesk.ui.features.exchange.calendar_dialog import CalendarDialog

        shown = self.shown_client()
        client_id = shown[0] if shown else None
        self._show(CalendarDialog(self.practice, client_id=client_id, parent=self.window))

    # -- the practice -----------------------------------------------------------------------
    def edit_profile(self) -> None:
        from coachdesk.ui.features.profile.profile_dialog import ProfileDialog

        if self._single(ProfileDialog) is None:
            self._show(ProfileDialog(self.practice, self.window))

    def edit_templates(self) -> None:
        from coachdesk.ui.features.agreements.templates.dialog import TemplateEditorDialog

        if self._single(TemplateEditorDialog) is None:
            self._show(TemplateEditorDialog(self.practice, self.window), modal=False)

    # -- the vault's keys, asked for by the preferences --------------------------------------
    def change_passphrase(self, over: QWidget) -> ChangePassphraseDialog | None:
        from coachdesk.ui.features.vault.passphrase_change import ChangePassphraseDialog

        vault = self.practice.vault
        if vault is None:
            return None
        return self._show(ChangePassphraseDialog(vault, over))

    def new_recovery_key(self, over: QWidget) -> NewRecoveryKeyDialog | None:
        """The old key stops working once the new one is made: its dialog makes the lock wait
        until the new key is written down."""
        from coachdesk.ui.features.vault.recovery_sheet_dialog import NewRecoveryKeyDialog

        if self.practice.vault is None:
            return None
        return self._show(NewRecoveryKeyDialog(self.practice, over))

    # -- help -------------------------------------------------------------------------------
    def getting_started(self, actions: Actions) -> None:
        from coachdesk.ui.features.help import GettingStartedDialog, GuideCommands

        commands = GuideCommands(
            new_client=actions.new_client,
            schedule_session=actions.schedule_session,
            session_notes=actions.new_session_notes,
            new_agreement=actions.new_agreement,
            backup=actions.backup,
        )
        self._show(GettingStartedDialog(commands, self.window))

    def shortcuts(self) -> None:
        from coachdesk.ui.features.help import ShortcutsDialog

        self._show(ShortcutsDialog(self.window))

    def where_is_my_data(self, facts: VaultFacts | None) -> None:
        from coachdesk.ui.features.help import WhereIsMyDataDialog

        vault = self.practice.vault
        if vault is None:
            return
        dialog = WhereIsMyDataDialog(
            vault_path=vault.folder,
            last_backup=facts.last_backup if facts else None,
            remembered=facts.remembered if facts else False,
            backups_folder=vault.backup_folder(current_choice().folder),
            zone=self.practice.zone,
            parent=self.window,
        )
        self._show(dialog)

    def about(self) -> None:
        from coachdesk.ui.features.help import AboutDialog

        self._show(AboutDialog(self.window))
