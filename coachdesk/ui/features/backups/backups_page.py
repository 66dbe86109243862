"""The Backups view: every backup of this vault, Back up now, Restore, and where and how often
automatic backups are made.

Listing reads each backup's manifest (a few bytes, off the GUI thread); backups of another
vault sharing the folder are left out. A restore needs the vault closed, so this page only
asks for it (``restore_requested``); the main window does it with ``restore_flow``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.formatting import format_short_date, format_time
from coachdesk.i18n import _
from coachdesk.services.backups import backup_folders, current_choice
from coachdesk.ui.features.backups.choice_box import ChoiceBox
from coachdesk.ui.features.backups.restore_dialog import RestoreDialog
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.long_work import LongWork
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault.backup_sets import (
    BackupEntry,
    BackupKind,
    backup_entries,
    manual_backup_path,
)

KIND_LABELS = {
    BackupKind.AUTOMATIC: lambda: _("Automatic"),
    BackupKind.MANUAL: lambda: _("Made by you"),
    BackupKind.BEFORE_RESTORE: lambda: _("Before a restore"),
    BackupKind.BEFORE_UPDATE: lambda: _("Before an update"),
}
COLUMNS = (lambda: _("Made"), lambda: _("Kind"), lambda: _("Size"), lambda: _("Where"))
COLUMN_GAP = 32


def header_width(table: QTableWidget, column: int) -> int:
    return table.horizontalHeader().sectionSizeFromContents(column).width()


class BackupsPage(Page):
    """Page contract: ``refresh``, ``clear``, ``mark_stale``."""

    restore_requested = Signal(object)  # RestoreRequest, for the main window's restore flow
    backed_up = Signal(object)  # the Path written: the status bar's "last backup" changed
    choice_changed = Signal()  # the backup folder or frequency changed (in Preferences)

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self.entries: list[BackupEntry] = []
        self._job: LongWork | None = None
        self._restore_dialog: RestoreDialog | None = None
        self._build()
        lockable.register(self)

    # -- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        where = self.choice = ChoiceBox(self.practice)
        where.changed.connect(self._choice_changed)
        self._build_table()
        buttons = self._build_buttons()
        self._layout(where, buttons)
        self._selection_changed()

    def _build_table(self) -> None:
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([title() for title in COLUMNS])
        self.table.setAccessibleName(_("Backups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.ask_restore())
        self.empty = look.note(_("No backups yet. Back up now to make the first one."))
        self.empty.hide()

    def _build_buttons(self) -> QHBoxLayout:
        self.backup_button = QPushButton(_("Back up now"))
        self.backup_button.setDefault(True)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(_("Restore…"))
        self.restore_button.clicked.connect(self.ask_restore)
        self.show_button = QPushButton(_("Show in folder"))
        self.show_button.clicked.connect(self._show_in_folder)
        self.status = look.note("")
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.show_button):
            buttons.addWidget(button)
        buttons.addSpacing(look.SPACING)
        buttons.addWidget(self.status, 1)
        return buttons

    def _layout(self, where: QWidget, buttons: QHBoxLayout) -> None:
        column = QVBoxLayout()
        column.setSpacing(look.SPACING)
        column.addWidget(look.heading(_("Backups")))
        column.addWidget(
            look.note(
                _(
                    "Each backup is a complete, encrypted copy of the vault: only your "
                    "passphrase or recovery key opens it. Restoring one replaces the vault's "
                    "data; the data it replaces is kept as a backup first."
                )
            )
        )
        column.addWidget(where)
        column.addSpacing(4)
        column.addLayout(buttons)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty)
        column.addWidget(
            look.note(
                _(
                    "Backups keep everything as it was when they were made, including clients "
                    "you have erased since: an erased client is gone from backups only once "
                    "those backups are deleted. Automatic backups are pruned by themselves "
                    "(the last 7 days and one a week for 4 weeks are kept); backups you made "
                    "stay until you delete them from their folder."
                )
            )
        )
        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addLayout(column, 5)
        outer.addStretch(1)

    # -- page contract ----------------------------------------------------------------------
    def _load(self) -> None:
        """Show the backup choice, then list the backups (read off the GUI thread)."""
        choice = current_choice()
        self.choice.show_choice(choice)
        vault = self.practice.vault
        if vault is None:
            return
        folders = backup_folders(vault, choice)
        vault_id = vault.vault_id
        request = self._latest.start()
        self.practice.tasks.run(
            lambda: backup_entries(folders, vault_id),
            self._answer(request, self._show_entries),
            self._refusal(request),
        )

    def clear(self) -> None:
        """On lock: stop a running backup (no partial file stays), close the restore
        confirmation (it may hold a typed passphrase), drop the list."""
        self._forget()
        if self._job is not None:
            self._job.abandon()
            self._job_ended()
        if self._restore_dialog is not None:
            self._restore_dialog.discard()
            self._restore_dialog = None
        self.entries = []
        self.table.setRowCount(0)
        self.status.clear()

    # -- locking (a Lockable: nothing typed here outlives a lock) -------------------------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        self.clear()

    # -- showing ----------------------------------------------------------------------------
    def _show_entries(self, entries: list[BackupEntry]) -> None:
        selected = self.selected()
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                self._when(entry),
                KIND_LABELS[entry.kind]() if entry.created else _("Cannot be read"),
                QLocale().formattedDataSize(entry.size),
                self._where(entry.path.parent),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(entry.path) if column == 3 else "")
                self.table.setItem(row, column, item)
            if selected is not None and entry.path == selected.path:
                self.table.selectRow(row)
        for column in range(len(COLUMNS) - 1):  # room to breathe between columns
            width = max(self.table.sizeHintForColumn(column), header_width(self.table, column))
            self.table.setColumnWidth(column, width + COLUMN_GAP)
        self.table.setVisible(bool(entries))
        self.empty.setVisible(not entries)
        self._selection_changed()

    def _when(self, entry: BackupEntry) -> str:
        moment = entry.created or datetime.fromtimestamp(entry.path.stat().st_mtime, tz=UTC)
        local = moment.astimezone(self.practice.zone)
        return _("{date} at {time}").format(date=format_short_date(local), time=format_time(local))

    def _where(self, folder: Path) -> str:
        vault = self.practice.vault
        if vault is not None and folder == vault.layout.backups:
            return _("Vault folder")
        return folder.name or str(folder)

    def selected(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.entries):
            return None
        return self.entries[rows[0].row()]

    def _selection_changed(self) -> None:
        entry = self.selected()
        self.restore_button.setEnabled(entry is not None and entry.created is not None)
        self.show_button.setEnabled(entry is not None)

    # -- actions ----------------------------------------------------------------------------
    def back_up_to_file(self) -> None:
        """A backup wherever the coach picks (a USB stick today), not only the usual folder."""
        suggested = Path.home() / _("CoachDesk backup {day}.cdbackup").format(
            day=date.today().isoformat()
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Back up the vault"), str(suggested), _("CoachDesk backups (*.cdbackup)")
        )
        if chosen:
            self.back_up_now(Path(chosen))

    def back_up_now(self, dest: Path | None = None) -> None:
        """Write a backup to ``dest``, by default into the chosen folder (or the vault's own),
        with progress and Cancel; a stopped backup leaves no file."""
        vault = self.practice.vault
        if vault is None or self._job is not None:
            return
        chosen = current_choice().folder
        self.backup_button.setEnabled(False)
        self.status.clear()
        self._job = LongWork(
            self.practice.tasks,
            _("Back up now"),
            _("Writing an encrypted backup of the vault…"),
            self,
        )
        self._job.start(
            lambda progress: vault.backup(
                dest or manual_backup_path(vault.backup_folder(chosen), vault.vault_id), progress
            ),
            self._backed_up,
            self._backup_failed,
            self._backup_stopped,
        )

    def _job_ended(self) -> None:
        self._job = None
        self.backup_button.setEnabled(True)

    def _backed_up(self, path: Path) -> None:
        self._job_ended()
        self.status.setText(_("Backup saved to {path}").format(path=path))
        self.refresh()
        self.backed_up.emit(path)

    def _backup_stopped(self) -> None:
        self._job_ended()
        self.status.setText(_("Backup stopped; no partial file was kept."))

    def _backup_failed(self, exc: BaseException) -> None:
        self._job_ended()
        show_error(self, exc)

    def ask_restore(self) -> None:
        """Confirm (with the passphrase), then ask the main window to restore."""
        entry = self.selected()
        if entry is None or entry.created is None or self.practice.vault is None:
            return
        dialog = RestoreDialog(self.practice, entry, self._when(entry), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(self.restore_requested.emit)
        dialog.finished.connect(lambda _result: self._restore_dialog_closed(dialog))
        self._restore_dialog = dialog
        dialog.open()

    def _restore_dialog_closed(self, dialog: RestoreDialog) -> None:
        if self._restore_dialog is dialog:
            self._restore_dialog = None

    def _choice_changed(self) -> None:
        self.choice_changed.emit()
        self.refresh()

    def _show_in_folder(self) -> None:
        entry = self.selected()
        if entry is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(entry.path.parent)))
