"""Help → Where is my data?: the vault's folder, the last backup, and how it is all protected.

The dialog takes plain facts (the main window knows them), so it reads nothing itself and shows
the same thing whether the vault is big or small.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.formatting import format_date, format_time
from coachdesk.i18n import _
from coachdesk.ui.kit import look


def describe_backup(moment: datetime | None, zone: ZoneInfo) -> str:
    """The last backup in the coach's time zone, e.g. "28 November 2026 at 09:30 (Europe/Paris)"."""
    if moment is None:
        return _("No backup yet.")
    local = moment.astimezone(zone)
    return _("{date} at {time} ({zone})").format(
        date=format_date(local), time=format_time(local), zone=zone.key
    )


def protection_text(remembered: bool) -> str:
    keychain = (
        _(
            "This computer remembers the key in its secure keychain, so CoachDesk can open "
            "without asking for the passphrase; you can stop that in Preferences."
        )
        if remembered
        else _("The key is not stored on this computer: CoachDesk asks for your passphrase.")
    )
    return " ".join(
        (
            _(
                "Everything in the vault is encrypted with SQLCipher (AES-256). The key that "
                "opens it is itself locked twice: under your passphrase (stretched with "
                "Argon2id) and under your recovery key."
            ),
            keychain,
            _(
                "Backups are encrypted the same way; each opens with the passphrase or recovery "
                "key you had when it was made. Nothing leaves this computer: CoachDesk has no "
                "account, no cloud and sends no data anywhere."
            ),
        )
    )


class WhereIsMyDataDialog(QDialog):
    """Shows where the vault and its backups are, with buttons to open or copy each path."""

    def __init__(
        self,
        *,
        vault_path: Path,
        last_backup: datetime | None,
        remembered: bool,
        backups_folder: Path | None,
        zone: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Where is my data?"))
        self.setWindowIcon(look.app_icon())
        self.copy_buttons: dict[str, QPushButton] = {}
        self.vault_path = self._path_field(vault_path, "vaultPath")
        self.backup_label = QLabel(describe_backup(last_backup, zone))
        self.backup_label.setObjectName("lastBackup")
        form = QFormLayout()
        form.addRow(_("Your vault:"), self._path_row(self.vault_path, vault_path))
        if backups_folder is not None:
            self.backups_path = self._path_field(backups_folder, "backupsPath")
            form.addRow(_("Backups:"), self._path_row(self.backups_path, backups_folder))
        form.addRow(_("Last backup:"), self.backup_label)
        self.protection = QLabel(protection_text(remembered))
        self.protection.setObjectName("protection")
        self.protection.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(look.heading(_("Where is my data?"), scale=1.3))
        layout.addLayout(form)
        layout.addWidget(look.heading(_("How it is protected"), scale=1.1))
        layout.addWidget(self.protection)
        layout.addWidget(buttons)
        self.resize(700, self.sizeHint().height())

    @staticmethod
    def _path_field(path: Path, name: str) -> QLineEdit:
        field = QLineEdit(str(path))
        field.setObjectName(name)
        field.setReadOnly(True)
        field.setCursorPosition(0)
        return field

    def _path_row(self, field: QLineEdit, folder: Path) -> QHBoxLayout:
        open_button = QPushButton(_("Open folder"))
        open_button.setAutoDefault(False)
        open_button.setToolTip(_("Show this folder in the file manager"))
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        )
        copy_button = QPushButton(_("Copy path"))
        copy_button.setAutoDefault(False)
        copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(str(folder)))
        self.copy_buttons[field.objectName()] = copy_button
        row = QHBoxLayout()
        row.addWidget(field, 1)
        row.addWidget(open_button)
        row.addWidget(copy_button)
        return row
